import { type Catalogue, requireAgency, requireKinerja, requireSop } from '../data/catalogue.ts';
import { PERIODE, type Periode } from '../performance/submission.ts';
import { shortId } from './links.ts';
import type { Cycle } from './model.ts';
import type { ExecutionInput } from './payload.ts';
import type { Ports } from './ports.ts';

export interface StartRequest {
  agencyId: string;
  sopId: string;
  tahun: number;
  periode?: Periode;
}

export class StartRefused extends Error {}

/** Checks a start request against the catalogue; returns the problems in Bahasa Indonesia. */
export function checkStart(cat: Catalogue, r: StartRequest): string[] {
  const out: string[] = [];
  const agency = cat.agencies.get(r.agencyId);
  if (!agency) return [`instansi '${r.agencyId}' tidak dikenal`];
  if (!agency.sop.includes(r.sopId))
    out.push(`SOP '${r.sopId}' tidak dijalankan oleh ${agency.id}; yang ada: ${agency.sop.join(', ')}`);
  if (!cat.kinerja.has(`${agency.id}/${r.tahun}`))
    out.push(`Perjanjian Kinerja ${agency.id} tahun ${r.tahun} belum ada`);
  const sop = cat.sops.get(r.sopId);
  const periode = r.periode ?? 'tahunan';
  if (!PERIODE.includes(periode))
    out.push(`periode '${periode}' tidak dikenal; gunakan tahunan atau TW1–TW4`);
  else if (sop && !sop.siklus.includes('triwulanan') && periode !== 'tahunan')
    out.push(`SOP '${r.sopId}' berjalan tahunan; periode harus 'tahunan'`);
  else if (sop && !sop.siklus.includes('tahunan') && periode === 'tahunan')
    out.push(`SOP '${r.sopId}' berjalan per triwulan; pilih periode TW1–TW4`);
  return out;
}

/** Creates the cycle record and starts its state machine. */
export async function startCycle(ports: Ports, cat: Catalogue, r: StartRequest): Promise<Cycle> {
  const problems = checkStart(cat, r);
  if (problems.length > 0) throw new StartRefused(problems.join('; '));
  const agency = requireAgency(cat, r.agencyId);
  const sop = requireSop(cat, r.sopId);
  requireKinerja(cat, agency.id, r.tahun);
  const periode = r.periode ?? 'tahunan';
  const now = ports.clock.now();
  const cycle: Cycle = {
    agencyId: agency.id,
    cycleId: `${r.tahun}-${periode.toLowerCase()}-${shortId()}`,
    sopId: sop.id,
    sopVersi: sop.versi,
    tahun: r.tahun,
    periode,
    status: 'berjalan',
    dimulai: now.toISOString(),
    eksekusi: 1,
    catatanKoreksi: [],
  };
  await ports.store.createCycle(cycle);
  const input: ExecutionInput = {
    siklus: {
      agencyId: cycle.agencyId,
      cycleId: cycle.cycleId,
      sopId: cycle.sopId,
      tahun: cycle.tahun,
      periode: cycle.periode,
    },
    units: agency.unit.map((u) => ({ id: u.id, nama: u.nama })),
  };
  const arn = await ports.workflow.start(sop.id, cycle.cycleId, input);
  await ports.store.setCycleExecution(cycle.agencyId, cycle.cycleId, arn);
  return { ...cycle, executionArn: arn };
}

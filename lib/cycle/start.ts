import { type Catalogue, requireAgency, requireKinerja, requireSop } from '../data/catalogue.ts';
import { tanggalJam } from '../format/indonesia.ts';
import { PERIODE, type Periode } from '../performance/submission.ts';
import { versionKey } from '../sop/version-key.ts';
import { shortId } from './links.ts';
import { type Cycle, type CycleClaim, siklusRefOf } from './model.ts';
import type { ExecutionInput } from './payload.ts';
import type { Ports } from './ports.ts';

export interface StartRequest {
  agencyId: string;
  sopId: string;
  tahun: number;
  periode?: Periode;
  /** An operator's explicit repeat of a cycle that already exists for this SOP and period. */
  ulang?: boolean;
}

export class StartRefused extends Error {}

/** The agency already has a cycle of this SOP and period (running, or finished without a repeat asked). */
export class CycleExists extends Error {
  constructor(
    message: string,
    readonly siklus: { cycleId: string; status: Cycle['status'] | 'sedang dimulai'; dimulai: string },
  ) {
    super(message);
    this.name = 'CycleExists';
  }
}

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

/**
 * Creates the cycle record and starts its state machine: one cycle per agency, SOP, year and period. The
 * claim on that key is a conditional write, so of two concurrent starts exactly one wins and the other
 * gets CycleExists naming the winner; a repeat (`ulang`) replaces the holder it saw, also conditionally.
 */
export async function startCycle(ports: Ports, cat: Catalogue, r: StartRequest): Promise<Cycle> {
  const problems = checkStart(cat, r);
  if (problems.length > 0) throw new StartRefused(problems.join('; '));
  const agency = requireAgency(cat, r.agencyId);
  const sop = requireSop(cat, r.sopId);
  requireKinerja(cat, agency.id, r.tahun);
  const periode = r.periode ?? 'tahunan';
  const now = ports.clock.now();
  const holder = await currentHolder(ports, agency.id, sop.id, r.tahun, periode);
  if (holder && !r.ulang) throw await exists(ports, cat, holder);
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
    ...(r.ulang && holder ? { ulangDari: holder.cycleId } : {}),
  };
  const claim: CycleClaim = {
    agencyId: cycle.agencyId,
    sopId: cycle.sopId,
    tahun: cycle.tahun,
    periode,
    cycleId: cycle.cycleId,
    dimulai: cycle.dimulai,
  };
  if (!(await ports.store.claimCycle(claim, r.ulang ? holder?.cycleId : undefined))) {
    const winner = await ports.store.getCycleClaim(agency.id, sop.id, r.tahun, periode);
    throw await exists(ports, cat, winner ?? claim);
  }
  const input: ExecutionInput = {
    siklus: siklusRefOf(cycle),
    units: agency.unit.map((u) => ({ id: u.id, nama: u.nama })),
  };
  let arn: string | undefined;
  try {
    await ports.store.createCycle(cycle);
    arn = await ports.workflow.start(versionKey(sop.id, sop.versi), cycle.cycleId, input);
    await ports.store.setCycleExecution(cycle.agencyId, cycle.cycleId, arn);
  } catch (e) {
    // Nothing runs for this cycle: let the next start (not only a repeat) take the period.
    if (arn === undefined) await ports.store.releaseCycleClaim(claim);
    throw e;
  }
  return { ...cycle, executionArn: arn };
}

/**
 * The cycle holding the period: its claim, or (data from before claims existed) a cycle of the same SOP
 * and period whose workflow was started.
 */
async function currentHolder(
  ports: Ports,
  agencyId: string,
  sopId: string,
  tahun: number,
  periode: Periode,
): Promise<CycleClaim | undefined> {
  const claim = await ports.store.getCycleClaim(agencyId, sopId, tahun, periode);
  if (claim) return claim;
  const legacy = (await ports.store.listCycles(agencyId))
    .filter((c) => c.sopId === sopId && c.tahun === tahun && c.periode === periode && c.executionArn)
    .sort((a, b) => b.dimulai.localeCompare(a.dimulai))[0];
  return legacy && { agencyId, sopId, tahun, periode, cycleId: legacy.cycleId, dimulai: legacy.dimulai };
}

/** The refusal naming the cycle that holds the period: its id, its status and since when. */
async function exists(ports: Ports, cat: Catalogue, holder: CycleClaim): Promise<CycleExists> {
  const c = await ports.store.getCycle(holder.agencyId, holder.cycleId);
  const agency = requireAgency(cat, holder.agencyId);
  const status = c?.status ?? 'sedang dimulai';
  const periode = holder.periode === 'tahunan' ? '' : ` ${holder.periode}`;
  return new CycleExists(
    `${agency.singkatan} sudah punya siklus ${holder.sopId} tahun ${holder.tahun}${periode}: ${holder.cycleId} ` +
      `(${status}, dimulai ${tanggalJam(new Date(holder.dimulai), agency.zona_waktu)}). ` +
      'Satu siklus per SOP dan periode; untuk sengaja memulai ulang, kirim "ulang": true.',
    { cycleId: holder.cycleId, status, dimulai: holder.dimulai },
  );
}

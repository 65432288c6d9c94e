import { type Catalogue, requireAgency, sopOf, stepOf } from '../data/catalogue.ts';
import { cycleStoppedMail } from '../mail/messages.ts';
import { officeHolderNow } from './acting.ts';
import type { Penghentian, SiklusRef } from './model.ts';
import { type FailPayload, LANJUT_AKHIR, UNIT_SELESAI } from './payload.ts';
import type { Ports } from './ports.ts';
import { resumePosition } from './resume.ts';

/** The error's own message out of what Step Functions caught (a Lambda error's Cause is JSON). */
export function errorMessage(galat: FailPayload['galat']): string {
  const cause = galat.Cause ?? '';
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: string };
    if (parsed.errorMessage) return parsed.errorMessage;
  } catch {
    // not JSON: the message itself
  }
  return cause || galat.Error || 'kesalahan tidak dikenal';
}

/**
 * The failure path of every state machine: after a step's retries are spent, the cycle stops
 * (`terhenti`) with the step, the reason in Bahasa Indonesia and the time, and the pengelola and the
 * operator are told. Once only, whatever the number of failing branches.
 */
export async function failCycle(
  ports: Ports,
  cat: Catalogue,
  p: { siklus: SiklusRef; galat: FailPayload['galat'] },
): Promise<{ status: 'terhenti' | 'diabaikan'; terhenti?: Penghentian }> {
  const cycle = await ports.store.getCycle(p.siklus.agencyId, p.siklus.cycleId);
  if (!cycle || cycle.status !== 'berjalan') return { status: 'diabaikan' };
  const agency = requireAgency(cat, cycle.agencyId);
  const sop = sopOf(cat, cycle);
  const records = await ports.store.listSteps(cycle.agencyId, cycle.cycleId);
  const pos = resumePosition(sop, records);
  const inGroup = Object.entries(pos.units).filter(([, no]) => no !== UNIT_SELESAI);
  // Inside a per-unit group: the earliest step a unit is held at, and the units held there.
  const held = inGroup.length ? Math.min(...inGroup.map(([, no]) => no)) : undefined;
  const langkah = held ?? pos.no ?? sop.langkah[0]!.no;
  const units = inGroup.filter(([, no]) => no === held).map(([u]) => u);
  const kegiatan = langkah === LANJUT_AKHIR ? 'penutupan siklus' : stepOf(sop, langkah).kegiatan;
  const info: Penghentian = {
    langkah,
    ...(units.length ? { unit: units } : {}),
    alasan: `Sistem gagal menjalankan langkah ${langkah} (${kegiatan}) setelah beberapa kali mencoba: ${errorMessage(p.galat)}`,
    galat: p.galat.Error ?? 'Error',
    waktu: ports.clock.now().toISOString(),
  };
  if (!(await ports.store.stopCycle(cycle.agencyId, cycle.cycleId, info))) return { status: 'diabaikan' };
  const to = [
    (await officeHolderNow(ports, agency, 'pengelola'))?.email,
    agency.kontak_operator?.email,
  ].filter((e): e is string => !!e);
  if (to.length > 0)
    await ports.mailer.send(
      cycleStoppedMail(agency, [...new Set(to)], {
        sopNama: sop.identitas.nama,
        tahun: cycle.tahun,
        langkah,
        kegiatan,
        alasan: info.alasan,
        cycleId: cycle.cycleId,
      }),
    );
  return { status: 'terhenti', terhenti: info };
}

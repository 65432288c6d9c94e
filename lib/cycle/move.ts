import { type Catalogue, requireSop, versionsOf } from '../data/catalogue.ts';
import type { Sop } from '../sop/schema.ts';
import type { Cycle, StepRecord } from './model.ts';
import type { ExecutionInput } from './payload.ts';
import type { Ports } from './ports.ts';
import { ResumeRefused, resumeInput, startAgain } from './resume.ts';

/**
 * What the records of a cycle would mean on another SOP version: every step already recorded must exist
 * there as the same kind of step, or the position cannot be read from them.
 */
export function moveProblems(target: Sop, records: StepRecord[]): string[] {
  const out: string[] = [];
  for (const no of [...new Set(records.map((r) => r.no))].sort((a, b) => a - b)) {
    const r = records.find((x) => x.no === no)!;
    const step = target.langkah.find((l) => l.no === no);
    if (!step)
      out.push(`langkah ${no} (${r.kegiatan}) sudah dicatat tetapi tidak ada di versi ${target.versi}`);
    else if (step.jenis !== r.jenis)
      out.push(
        `langkah ${no} berjenis '${r.jenis}' di catatan siklus tetapi '${step.jenis}' di versi ${target.versi}`,
      );
  }
  return out;
}

/**
 * Moves a cycle to another version of its SOP, explicitly (running cycles otherwise finish on the
 * version they started with): a stopped cycle (`terhenti`) directly, a running one after its execution
 * is stopped. The position is read from the step records with the new version's plan, the new version's
 * machine is started there, and the move is recorded on the cycle.
 */
export async function moveCycle(
  ports: Ports,
  cat: Catalogue,
  agencyId: string,
  cycleId: string,
  versi: number,
): Promise<{ cycle: Cycle; input: ExecutionInput }> {
  const cycle = await ports.store.getCycle(agencyId, cycleId);
  if (!cycle) throw new ResumeRefused(`siklus '${cycleId}' tidak ada di instansi '${agencyId}'`);
  if (cycle.status === 'selesai' || cycle.status === 'dihentikan')
    throw new ResumeRefused(`siklus ${cycleId} sudah ${cycle.status}; tidak ada yang dipindahkan`);
  if (cycle.sopVersi === versi)
    throw new ResumeRefused(`siklus ${cycleId} sudah berjalan pada SOP ${cycle.sopId} versi ${versi}`);
  let target: Sop;
  try {
    target = requireSop(cat, cycle.sopId, versi);
  } catch {
    throw new ResumeRefused(
      `SOP ${cycle.sopId} versi ${versi} tidak terpasang; versi yang ada: ${versionsOf(cat, cycle.sopId).join(', ')}`,
    );
  }
  const records = await ports.store.listSteps(agencyId, cycleId);
  const problems = moveProblems(target, records);
  if (problems.length > 0)
    throw new ResumeRefused(
      `siklus ${cycleId} tidak dapat dipindahkan ke versi ${versi}: ${problems.join('; ')}`,
    );
  if (cycle.status === 'berjalan' && cycle.executionArn?.startsWith('arn:'))
    await ports.workflow.stop(
      cycle.executionArn,
      `Dipindahkan oleh operator ke SOP ${cycle.sopId} versi ${versi}`,
    );
  const input = resumeInput(cat, { ...cycle, sopVersi: versi }, records);
  return startAgain(ports, cycle, input, {
    dari: cycle.sopVersi,
    ke: versi,
    langkah: input.lanjut?.no ?? target.langkah[0]!.no,
    waktu: ports.clock.now().toISOString(),
  });
}

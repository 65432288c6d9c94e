import type { Submission } from '../performance/submission.ts';
import type { SiklusRef } from './model.ts';
import type { Ports } from './ports.ts';

/** The latest accepted submission of every unit in the cycle (a rejected upload never replaces it). */
export async function acceptedSubmissions(
  ports: Pick<Ports, 'store' | 'blobs'>,
  siklus: Pick<SiklusRef, 'agencyId' | 'cycleId'>,
  unitId?: string,
): Promise<Submission[]> {
  const uploads = await ports.store.listUploads(siklus.agencyId, siklus.cycleId);
  const latest = new Map<string, string>();
  for (const u of uploads.sort((x, y) => x.dibuat.localeCompare(y.dibuat))) {
    if (u.status === 'diterima' && u.submissionKey && (!unitId || u.unit === unitId))
      latest.set(u.unit, u.submissionKey);
  }
  const out: Submission[] = [];
  for (const key of latest.values())
    out.push(JSON.parse(Buffer.from(await ports.blobs.get('kerja', key)).toString('utf8')));
  return out;
}

/**
 * Whether a unit may still replace its accepted data: its cycle runs and no later step has started in
 * its scope (the unit's own later steps, or any step of the whole cycle). Once the next step has begun it
 * has read the data; a replacement then would not reach the report, so it is refused.
 */
export async function replacementOpen(
  ports: Pick<Ports, 'store'>,
  task: { agencyId: string; cycleId: string; no: number; unit: string; jenisTugas: string },
): Promise<boolean> {
  if (task.jenisTugas !== 'unggah') return false;
  const cycle = await ports.store.getCycle(task.agencyId, task.cycleId);
  if (cycle?.status !== 'berjalan') return false;
  const steps = await ports.store.listSteps(task.agencyId, task.cycleId);
  return !steps.some((r) => r.no > task.no && (r.unit === '-' || r.unit === task.unit));
}

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

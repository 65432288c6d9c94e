import { cycleKey, singkatanLaporan, taskIdOf } from '../context.ts';
import type { Berkas } from '../model.ts';
import { acceptedRevision, extOf, REVISION_TYPES } from '../revisions.ts';
import type { StepWork } from './kind.ts';
import { previousVersion, withChanges } from './version-changes.ts';

/**
 * The preparer's accepted revised file of this pass, copied to the version's own key beside the rendered
 * draft (which stays as it was): the reviewers get both, the revision named as the one handed on.
 */
export async function keepRevision(w: StepWork): Promise<Berkas[]> {
  const { ctx } = w;
  const up = await acceptedRevision(w.ports, ctx.siklus, taskIdOf(ctx.step.no, '-', w.putaran));
  if (!up) return [];
  const ext = extOf(up.key);
  const singkatan = singkatanLaporan(ctx.sop);
  const key = cycleKey(
    ctx.siklus,
    'draf',
    `${singkatan}-${ctx.siklus.tahun}-draf-v${w.putaran}-revisi.${ext}`,
  );
  if (!(await w.ports.blobs.exists('kerja', key)))
    await w.ports.blobs.put('kerja', key, await w.ports.blobs.get('kerja', up.key), REVISION_TYPES[ext]);
  const version: Berkas = {
    label: `Draf ${singkatan} versi ${w.putaran}: revisi penyusun (${ext.toUpperCase()}, diajukan)`,
    key,
    bucket: 'kerja',
    jenis: 'draf',
    contentType: REVISION_TYPES[ext],
  };
  // Compared with the version the reviewers returned, not with this pass's regenerated draft.
  return [await withChanges(w, version, await previousVersion(w))];
}

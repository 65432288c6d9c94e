import { receiveUpload } from '../../lib/cycle/receive-upload.ts';
import { API_ROUTES } from '../../lib/http/api.ts';
import { router } from '../../lib/http/router.ts';
import { event } from './api-event.ts';
import type { CycleRun } from './cycle-run.ts';

/** The public and operator routes, called as API Gateway would, on a memory-ports cycle. */
export const linkRoute = router(API_ROUTES);

/** A task page's HTML. */
export const taskPageOf = async (run: CycleRun, linkId: string) =>
  (await linkRoute(event('GET', `/t/${linkId}`), { ports: run.ports, cat: run.cat })).body!;

/** A POST as the page's form sends it (form-encoded), or as JSON with `type`. */
export const postTo = (run: CycleRun, path: string, body: Record<string, string>, type?: string) =>
  linkRoute(
    event('POST', path, {
      body: type ? JSON.stringify(body) : new URLSearchParams(body).toString(),
      type,
    }),
    { ports: run.ports, cat: run.cat },
  );

/** A revised file sent the way the page sends it: presigned POST, then the S3 event. */
export async function uploadRevision(run: CycleRun, linkId: string, name: string, bytes: Uint8Array) {
  const r = await postTo(run, `/api/tugas/${linkId}/dokumen`, { namaBerkas: name }, 'application/json');
  const j = JSON.parse(r.body!);
  if (r.statusCode !== 200) return { status: r.statusCode, pesan: j.pesan as string };
  return {
    status: 200,
    outcome: await receiveUpload(run.ports, run.cat, await run.ports.blobs.post(j.form, bytes)),
  };
}

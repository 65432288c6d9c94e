import { MAX_UPLOAD_BYTES } from '../workbook/layout.ts';
import { shortId } from './links.ts';
import type { HumanTask } from './model.ts';
import type { Ports } from './ports.ts';

export type UploadRequest =
  | { ok: true; uploadId: string; form: { url: string; fields: Record<string, string> }; maxBytes: number }
  | { ok: false; pesan: string };

/**
 * Records an upload waiting for its file and returns a presigned POST bound to one server-chosen key
 * under `unggahan/` (the person's file name is recorded, never used in the key), the size limit and the
 * content type. The S3 event then checks the file (receive-upload.ts). Workbooks and revised reports alike.
 */
export async function presignUpload(
  ports: Ports,
  task: HumanTask,
  namaBerkas: string,
  ext: string,
  contentType: string,
): Promise<UploadRequest> {
  const uploadId = `${ports.clock.now().getTime().toString(36)}-${shortId()}`;
  const key = ['unggahan', task.agencyId, task.cycleId, task.taskId, `${uploadId}.${ext}`].join('/');
  await ports.store.putUpload({
    agencyId: task.agencyId,
    cycleId: task.cycleId,
    taskId: task.taskId,
    uploadId,
    unit: task.unit,
    namaBerkas: namaBerkas.slice(0, 200),
    key,
    dibuat: ports.clock.now().toISOString(),
    status: 'menunggu',
  });
  return {
    ok: true,
    uploadId,
    form: await ports.blobs.uploadForm(key, MAX_UPLOAD_BYTES, contentType),
    maxBytes: MAX_UPLOAD_BYTES,
  };
}

import type { Catalogue } from '../data/catalogue.ts';
import { uploadRejectedMail } from '../mail/messages.ts';
import { BerkasDitolak, type MasalahBerkas } from '../workbook/errors.ts';
import { MAX_UPLOAD_BYTES } from '../workbook/layout.ts';
import { readSubmission } from '../workbook/read.ts';
import { checkUploadedArchive } from '../workbook/zip-guard.ts';
import { cycleKey, stepContext } from './context.ts';
import { deliverDecision } from './decisions.ts';
import { issueLink } from './issue-link.ts';
import type { Keputusan, UploadRecord } from './model.ts';
import type { Ports } from './ports.ts';
import { draftLeftovers } from './revision-marks.ts';
import { checkRevision, extOf, isRevisionUpload } from './revisions.ts';
import { replacementOpen } from './submissions.ts';
import { markUploadFailed, parseUploadKey, UPLOAD_FAILED } from './upload-keys.ts';

export { markUploadFailed, parseUploadKey, UPLOAD_FAILED };

export type UploadOutcome =
  | { status: 'diterima'; upload: UploadRecord }
  | { status: 'ditolak'; upload: UploadRecord; masalah: MasalahBerkas[] }
  | { status: 'diabaikan'; alasan: string };

/**
 * Handles a file that arrived in the working bucket (the S3 event). Validates it against the task's
 * unit, year and period; an accepted file completes the unit's task, a rejected one is recorded with
 * its problems and the task stays open. S3 delivers events at least once, possibly concurrently: the
 * upload's status moves out of `menunggu` by one conditional write, so exactly one delivery decides,
 * mails and closes the task; a retry after a crash picks up where the first one stopped. When
 * processing breaks, the upload is marked `gagal` (the page tells the uploader) and the error goes on
 * to the Lambda's retry and failure destination; a retried event still processes it.
 */
export async function receiveUpload(ports: Ports, cat: Catalogue, key: string): Promise<UploadOutcome> {
  try {
    return await processUpload(ports, cat, key);
  } catch (e) {
    // The original error matters more than a failure to record it.
    await markUploadFailed(ports, key).catch(() => undefined);
    throw e;
  }
}

async function processUpload(ports: Ports, cat: Catalogue, key: string): Promise<UploadOutcome> {
  const parsed = parseUploadKey(key);
  if (!parsed) return { status: 'diabaikan', alasan: 'bukan kunci unggahan' };
  const upload = await ports.store.getUpload(parsed.agencyId, parsed.cycleId, parsed.uploadId);
  if (!upload || upload.key !== key) return { status: 'diabaikan', alasan: 'unggahan tidak dikenal' };
  if (upload.status === 'ditolak') return { status: 'diabaikan', alasan: 'sudah diproses' };
  const task = await ports.store.getTask(parsed.agencyId, parsed.cycleId, parsed.taskId);
  const cycle = task && (await ports.store.getCycle(task.agencyId, task.cycleId));
  if (!task || !cycle) return { status: 'diabaikan', alasan: 'tugas tidak dikenal' };

  /** Settles the upload once; `menunggu` stands for "not decided yet", which `gagal` is too. */
  const settle = async (u: UploadRecord, from: UploadRecord['status']) =>
    from !== 'menunggu'
      ? ports.store.settleUpload(u, from)
      : (await ports.store.settleUpload(u, 'menunggu')) || ports.store.settleUpload(u, 'gagal');
  const reject = async (masalah: MasalahBerkas[], from: UploadRecord['status']): Promise<UploadOutcome> => {
    const done: UploadRecord = { ...upload, status: 'ditolak', masalah, gagal: undefined };
    if (!(await settle(done, from))) return { status: 'diabaikan', alasan: 'sudah diproses' };
    const ctx = stepContext(cat, cycle, task.no, task.unit === '-' ? undefined : task.unit);
    // The person needs a way back to the task: a fresh link (the first one's id was never stored).
    const link = task.status === 'terbuka' ? await issueLink(ports, task) : undefined;
    await ports.mailer.send(uploadRejectedMail(ctx.agency, task, link, upload.namaBerkas, masalah));
    return { status: 'ditolak', upload: done, masalah };
  };

  let accepted = upload;
  // Accepted before, and the task is closed by another (or this) upload: a replacement, or a retry.
  if (
    upload.status === 'diterima' &&
    (task.status === 'selesai' ||
      (task.status !== 'terbuka' && task.keputusan?.submissionId !== upload.uploadId))
  )
    return { status: 'diabaikan', alasan: 'sudah diproses' };
  // A file for a task already closed by an accepted upload replaces that data while the collection is open.
  let replacement = false;
  // `gagal`: an earlier delivery broke before deciding; this one may finish it.
  if (upload.status === 'menunggu' || upload.status === 'gagal') {
    if (task.status !== 'terbuka') {
      if (!(await replacementOpen(ports, task)))
        return reject(
          [
            {
              pesan:
                'penghimpunan data sudah ditutup; unggahan ini tidak dipakai, data yang diterima sebelumnya tetap berlaku',
            },
          ],
          'menunggu',
        );
      replacement = true;
    }
    const size = await ports.blobs.size('kerja', key);
    // The presigned POST limits size in the cloud; the local S3 emulator does not enforce it, so check here too.
    if (size > MAX_UPLOAD_BYTES)
      return reject([{ pesan: `ukuran berkas melebihi batas ${MAX_UPLOAD_BYTES / 1048576} MB` }], 'menunggu');
    // A revised report (lib/cycle/revisions.ts): checked and kept; the person hands it on themselves.
    if (isRevisionUpload(upload)) {
      const bytes = await ports.blobs.get('kerja', key);
      const masalah = await checkRevision(bytes, extOf(key));
      if (masalah.length === 0 && extOf(key) === 'docx') masalah.push(...(await draftLeftovers(bytes)));
      if (masalah.length > 0) return reject(masalah, 'menunggu');
      const kept: UploadRecord = { ...upload, status: 'diterima', gagal: undefined };
      if (!(await settle(kept, 'menunggu'))) return { status: 'diabaikan', alasan: 'sudah diproses' };
      return { status: 'diterima', upload: kept };
    }
    const ctx = stepContext(cat, cycle, task.no, task.unit === '-' ? undefined : task.unit);
    let submission: Awaited<ReturnType<typeof readSubmission>>;
    try {
      const bytes = await ports.blobs.get('kerja', key);
      // A zip bomb is refused here, before the reader inflates anything.
      const unsafe = await checkUploadedArchive(bytes);
      if (unsafe.length > 0) return reject(unsafe, 'menunggu');
      submission = await readSubmission(
        { name: upload.namaBerkas, bytes },
        { agency: ctx.agency, unit: ctx.unit!, pk: ctx.pk, periode: cycle.periode },
      );
    } catch (e) {
      if (e instanceof BerkasDitolak) return reject(e.masalah, 'menunggu');
      throw e;
    }
    // A deterministic key: a duplicate delivery writes the same object.
    const submissionKey = cycleKey(cycle, 'data', task.unit, `${upload.uploadId}.json`);
    await ports.blobs.put(
      'kerja',
      submissionKey,
      Buffer.from(JSON.stringify(submission)),
      'application/json',
    );
    accepted = { ...upload, status: 'diterima', submissionKey, gagal: undefined };
    if (!(await settle(accepted, 'menunggu'))) return { status: 'diabaikan', alasan: 'sudah diproses' };
    // The latest accepted upload counts (submissions.ts); the task stays closed by the first one.
    if (replacement) return { status: 'diterima', upload: accepted };
  }

  // Accepted (now, or by an earlier delivery that stopped here): close the unit's task with it, once.
  const keputusan: Keputusan =
    task.keputusan?.submissionId === upload.uploadId
      ? task.keputusan
      : {
          hasil: 'selesai',
          catatan: `Data diterima dari berkas ${upload.namaBerkas}`,
          oleh: task.assignee,
          waktu: ports.clock.now().toISOString(),
          submissionId: upload.uploadId,
        };
  const won =
    task.keputusan?.submissionId === upload.uploadId ||
    (await ports.store.decideTask(task.agencyId, task.cycleId, task.taskId, keputusan));
  if (!won) {
    const closedBy = (await ports.store.getTask(task.agencyId, task.cycleId, task.taskId))?.keputusan;
    if (closedBy?.submissionId !== upload.uploadId)
      return reject(
        [{ pesan: 'tugas ini sudah selesai dengan unggahan lain; unggahan ini tidak dipakai' }],
        'diterima',
      );
  }
  const current = await ports.store.getTask(task.agencyId, task.cycleId, task.taskId);
  if (current?.status === 'diputuskan') await deliverDecision(ports, current, keputusan);
  return { status: 'diterima', upload: accepted };
}

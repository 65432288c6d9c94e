import type { Catalogue } from '../catalogue.ts';
import { uploadRejectedMail } from '../mail/messages.ts';
import { BerkasDitolak, type MasalahBerkas } from '../workbook/errors.ts';
import { MAX_UPLOAD_BYTES } from '../workbook/layout.ts';
import { readSubmission } from '../workbook/read.ts';
import { cycleKey, type StepContext, stepContext } from './context.ts';
import { issueLink } from './issue-link.ts';
import { isLinkId, linkHash, shortId } from './links.ts';
import type { HasilKeputusan, HumanTask, Keputusan, UploadRecord } from './model.ts';
import type { Ports } from './ports.ts';

export type TaskLookup =
  | { ok: true; task: HumanTask; ctx: StepContext }
  | { ok: false; alasan: 'tidak-dikenal' | 'kedaluwarsa' };

/**
 * Finds the task behind a link id. Malformed, unknown or tampered ids get the same answer; a link opens
 * only its own task, only while that task is still assigned to the person it was sent to, and only
 * until it expires.
 */
export async function taskByLink(ports: Ports, cat: Catalogue, linkId: string): Promise<TaskLookup> {
  if (!isLinkId(linkId)) return { ok: false, alasan: 'tidak-dikenal' };
  const link = await ports.store.getLink(linkHash(linkId));
  if (!link) return { ok: false, alasan: 'tidak-dikenal' };
  if (new Date(link.kedaluwarsa).getTime() <= ports.clock.now().getTime())
    return { ok: false, alasan: 'kedaluwarsa' };
  const task = await ports.store.getTask(link.agencyId, link.cycleId, link.taskId);
  if (!task || task.assignee.email.toLowerCase() !== link.email)
    return { ok: false, alasan: 'tidak-dikenal' };
  const cycle = await ports.store.getCycle(task.agencyId, task.cycleId);
  if (!cycle) return { ok: false, alasan: 'tidak-dikenal' };
  return { ok: true, task, ctx: stepContext(cat, cycle, task.no, task.unit === '-' ? undefined : task.unit) };
}

export type DecisionOutcome =
  | { ok: true; keputusan: Keputusan }
  | { ok: false; alasan: 'tidak-dikenal' | 'kedaluwarsa' | 'sudah-diproses' | 'tidak-sah'; pesan: string };

export const LINK_MESSAGES = {
  'tidak-dikenal':
    'Tautan ini tidak dikenal atau bukan untuk Anda. Buka tautan dari email tugas terbaru Anda.',
  kedaluwarsa:
    'Tautan ini sudah kedaluwarsa. Gunakan tautan pada email pengingat terbaru, atau hubungi Kasubbag Perencanaan.',
} as const;

/** Which answers a task accepts. */
export function allowedAnswers(t: Pick<HumanTask, 'jenisTugas'>): HasilKeputusan[] {
  switch (t.jenisTugas) {
    case 'keputusan':
      return ['setuju', 'kembali'];
    case 'konfirmasi':
      return ['selesai'];
    default:
      return [];
  }
}

/**
 * Records a person's answer, once: the conditional write lets exactly one of any number of
 * concurrent submissions through; the others are told it was already processed.
 */
export async function decide(
  ports: Ports,
  cat: Catalogue,
  linkId: string,
  input: { hasil: string; catatan?: string },
): Promise<DecisionOutcome> {
  const found = await taskByLink(ports, cat, linkId);
  if (!found.ok) return { ok: false, alasan: found.alasan, pesan: LINK_MESSAGES[found.alasan] };
  const { task } = found;
  if (task.status !== 'terbuka')
    return {
      ok: false,
      alasan: 'sudah-diproses',
      pesan: 'Tugas ini sudah diproses sebelumnya; tidak ada yang diubah.',
    };
  const allowed = allowedAnswers(task);
  if (!allowed.includes(input.hasil as HasilKeputusan)) {
    return {
      ok: false,
      alasan: 'tidak-sah',
      pesan:
        allowed.length === 0
          ? 'Tugas ini diselesaikan dengan mengunggah berkas, bukan dengan tombol.'
          : `Jawaban harus salah satu dari: ${allowed.join(', ')}.`,
    };
  }
  const catatan = (input.catatan ?? '').trim().slice(0, 4000);
  if (input.hasil === 'kembali' && catatan.length === 0) {
    return {
      ok: false,
      alasan: 'tidak-sah',
      pesan: 'Catatan wajib diisi bila dokumen dikembalikan, agar penyusun tahu apa yang harus diperbaiki.',
    };
  }
  const keputusan: Keputusan = {
    hasil: input.hasil as HasilKeputusan,
    catatan,
    oleh: task.assignee,
    waktu: ports.clock.now().toISOString(),
  };
  const won = await ports.store.decideTask(task.agencyId, task.cycleId, task.taskId, keputusan);
  if (!won)
    return {
      ok: false,
      alasan: 'sudah-diproses',
      pesan: 'Tugas ini sudah diproses sebelumnya; tidak ada yang diubah.',
    };
  await ports.workflow.succeed(task.taskToken, keputusan);
  return { ok: true, keputusan };
}

const UPLOAD_TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

export type UploadRequest =
  | { ok: true; uploadId: string; form: { url: string; fields: Record<string, string> }; maxBytes: number }
  | { ok: false; pesan: string };

/**
 * Prepares a direct upload to the working bucket for an upload task: a presigned POST bound to one
 * server-chosen key (the user's file name is recorded, never used in the key), a size limit and a type.
 */
export async function requestUpload(
  ports: Ports,
  cat: Catalogue,
  linkId: string,
  namaBerkas: string,
): Promise<UploadRequest> {
  const found = await taskByLink(ports, cat, linkId);
  if (!found.ok) return { ok: false, pesan: LINK_MESSAGES[found.alasan] };
  const { task } = found;
  if (task.jenisTugas !== 'unggah') return { ok: false, pesan: 'Tugas ini tidak meminta unggahan.' };
  if (task.status !== 'terbuka')
    return { ok: false, pesan: 'Tugas ini sudah selesai; unggahan baru tidak diperlukan.' };
  const ext = /\.([a-z0-9]+)$/i.exec(namaBerkas.trim())?.[1]?.toLowerCase() ?? '';
  const type = UPLOAD_TYPES[ext];
  if (!type)
    return {
      ok: false,
      pesan: `Berkas '${namaBerkas.slice(0, 80)}' tidak dapat diunggah: gunakan format .xlsx dari email tugas (atau .csv ekspornya).`,
    };
  const uploadId = `${ports.clock.now().getTime().toString(36)}-${shortId()}`;
  const key = ['unggahan', task.agencyId, task.cycleId, task.taskId, `${uploadId}.${ext}`].join('/');
  const record: UploadRecord = {
    agencyId: task.agencyId,
    cycleId: task.cycleId,
    taskId: task.taskId,
    uploadId,
    unit: task.unit,
    namaBerkas: namaBerkas.slice(0, 200),
    key,
    dibuat: ports.clock.now().toISOString(),
    status: 'menunggu',
  };
  await ports.store.putUpload(record);
  return {
    ok: true,
    uploadId,
    form: await ports.blobs.uploadForm(key, MAX_UPLOAD_BYTES, type),
    maxBytes: MAX_UPLOAD_BYTES,
  };
}

/** Parses an upload key written by requestUpload; anything else is not ours. */
export function parseUploadKey(
  key: string,
): { agencyId: string; cycleId: string; taskId: string; uploadId: string } | undefined {
  const m = /^unggahan\/([a-z0-9-]+)\/([a-z0-9-]+)\/(\d{2}\.[a-z0-9-]+\.\d+)\/([a-z0-9-]+)\.(xlsx|csv)$/.exec(
    key,
  );
  return m ? { agencyId: m[1]!, cycleId: m[2]!, taskId: m[3]!, uploadId: m[4]! } : undefined;
}

export type UploadOutcome =
  | { status: 'diterima'; upload: UploadRecord }
  | { status: 'ditolak'; upload: UploadRecord; masalah: MasalahBerkas[] }
  | { status: 'diabaikan'; alasan: string };

/**
 * Handles a file that arrived in the working bucket (the S3 event). Validates it against the task's
 * unit, year and period; an accepted file completes the unit's task, a rejected one is recorded with
 * its problems and the task stays open. Duplicate events change nothing twice.
 */
export async function receiveUpload(ports: Ports, cat: Catalogue, key: string): Promise<UploadOutcome> {
  const parsed = parseUploadKey(key);
  if (!parsed) return { status: 'diabaikan', alasan: 'bukan kunci unggahan' };
  const upload = await ports.store.getUpload(parsed.agencyId, parsed.cycleId, parsed.uploadId);
  if (!upload || upload.key !== key) return { status: 'diabaikan', alasan: 'unggahan tidak dikenal' };
  if (upload.status !== 'menunggu') return { status: 'diabaikan', alasan: 'sudah diproses' };
  const task = await ports.store.getTask(parsed.agencyId, parsed.cycleId, parsed.taskId);
  const cycle = task && (await ports.store.getCycle(task.agencyId, task.cycleId));
  if (!task || !cycle) return { status: 'diabaikan', alasan: 'tugas tidak dikenal' };

  const reject = async (masalah: MasalahBerkas[]): Promise<UploadOutcome> => {
    const done: UploadRecord = { ...upload, status: 'ditolak', masalah };
    await ports.store.updateUpload(done);
    const ctx = stepContext(cat, cycle, task.no, task.unit === '-' ? undefined : task.unit);
    // The person needs a way back to the task: a fresh link (the first one's id was never stored).
    const link = task.status === 'terbuka' ? await issueLink(ports, task) : undefined;
    await ports.mailer.send(uploadRejectedMail(ctx.agency, task, link, upload.namaBerkas, masalah));
    return { status: 'ditolak', upload: done, masalah };
  };
  if (task.status !== 'terbuka')
    return reject([{ pesan: 'tugas ini sudah selesai; unggahan ini tidak dipakai' }]);
  const size = await ports.blobs.size('kerja', key);
  // The presigned POST limits size in the cloud; the local S3 emulator does not enforce it, so check here too.
  if (size > MAX_UPLOAD_BYTES)
    return reject([{ pesan: `ukuran berkas melebihi batas ${MAX_UPLOAD_BYTES / 1048576} MB` }]);
  const ctx = stepContext(cat, cycle, task.no, task.unit === '-' ? undefined : task.unit);
  let submission: Awaited<ReturnType<typeof readSubmission>>;
  try {
    const bytes = await ports.blobs.get('kerja', key);
    submission = await readSubmission(
      { name: upload.namaBerkas, bytes },
      { agency: ctx.agency, unit: ctx.unit!, pk: ctx.pk, periode: cycle.periode },
    );
  } catch (e) {
    if (e instanceof BerkasDitolak) return reject(e.masalah);
    throw e;
  }
  const submissionKey = cycleKey(cycle, 'data', task.unit, `${upload.uploadId}.json`);
  await ports.blobs.put('kerja', submissionKey, Buffer.from(JSON.stringify(submission)), 'application/json');
  const accepted: UploadRecord = { ...upload, status: 'diterima', submissionKey };
  const keputusan: Keputusan = {
    hasil: 'selesai',
    catatan: `Data diterima dari berkas ${upload.namaBerkas}`,
    oleh: task.assignee,
    waktu: ports.clock.now().toISOString(),
    submissionId: upload.uploadId,
  };
  const won = await ports.store.decideTask(task.agencyId, task.cycleId, task.taskId, keputusan);
  if (!won)
    return reject([{ pesan: 'tugas ini sudah selesai dengan unggahan lain; unggahan ini tidak dipakai' }]);
  await ports.store.updateUpload(accepted);
  await ports.workflow.succeed(task.taskToken, keputusan);
  return { status: 'diterima', upload: accepted };
}

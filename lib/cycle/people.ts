import type { Catalogue } from '../data/catalogue.ts';
import { type StepContext, stepContext } from './context.ts';
import { deliverDecision } from './decisions.ts';
import { isLinkId, linkHash } from './links.ts';
import type { HasilKeputusan, HumanTask, Keputusan } from './model.ts';
import type { Ports } from './ports.ts';
import { replacementOpen } from './submissions.ts';
import { presignUpload, type UploadRequest } from './upload-request.ts';

/** Why the person who handed a task on can no longer act on it. */
export const HANDED_ON =
  'Tugas ini sudah Anda alihkan kepada pejabat lain; halaman ini hanya untuk dilihat. Penerima pengalihan yang menyelesaikannya.';

/** Why a unit can no longer send a file for a finished upload task. */
export const COLLECTION_CLOSED =
  'Penghimpunan data sudah ditutup; data yang diterima terakhir sudah dipakai, unggahan baru tidak diperlukan.';

import { acceptedRevision } from './revisions.ts';

export type TaskLookup =
  /** `hanyaLihat`: the link's person handed the task to someone else; they may look, not act. */
  | { ok: true; task: HumanTask; ctx: StepContext; hanyaLihat?: boolean }
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
  if (!task) return { ok: false, alasan: 'tidak-dikenal' };
  const assigned = task.assignee.email.toLowerCase() === link.email;
  const handedOn = !assigned && (task.delegasi ?? []).some((d) => d.dari.email.toLowerCase() === link.email);
  if (!assigned && !handedOn) return { ok: false, alasan: 'tidak-dikenal' };
  const cycle = await ports.store.getCycle(task.agencyId, task.cycleId);
  if (!cycle) return { ok: false, alasan: 'tidak-dikenal' };
  const ctx = stepContext(cat, cycle, task.no, task.unit === '-' ? undefined : task.unit);
  return handedOn ? { ok: true, task, ctx, hanyaLihat: true } : { ok: true, task, ctx };
}

/**
 * The task a link's holder may act on: a known, unexpired link whose task was not handed on by them
 * (a delegator's old link only shows the task). Otherwise the message to show them.
 */
export async function taskToActOn(
  ports: Ports,
  cat: Catalogue,
  linkId: string,
): Promise<{ ok: true; task: HumanTask; ctx: StepContext } | { ok: false; pesan: string }> {
  const found = await taskByLink(ports, cat, linkId);
  if (!found.ok) return { ok: false, pesan: LINK_MESSAGES[found.alasan] };
  if (found.hanyaLihat) return { ok: false, pesan: HANDED_ON };
  return { ok: true, task: found.task, ctx: found.ctx };
}

export type DecisionOutcome =
  | { ok: true; keputusan: Keputusan }
  | { ok: false; alasan: 'tidak-dikenal' | 'kedaluwarsa' | 'sudah-diproses' | 'tidak-sah'; pesan: string };

export const LINK_MESSAGES = {
  'tidak-dikenal':
    'Tautan ini tidak dikenal atau bukan untuk Anda. Buka tautan dari email tugas terbaru Anda.',
  kedaluwarsa:
    'Tautan ini sudah kedaluwarsa. Buka tautan ini di peramban dan pilih "Kirim ulang tautan": tautan baru dikirim ke email penerima tugas.',
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
  if (found.hanyaLihat) return { ok: false, alasan: 'tidak-sah', pesan: HANDED_ON };
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
  if (found.ctx.step.jenis === 'tanda-tangan' && input.hasil !== 'kembali' && found.ctx.agency.tte)
    return {
      ok: false,
      alasan: 'tidak-sah',
      pesan:
        'Laporan ini ditandatangani melalui BSrE: gunakan formulir "Tandatangani secara elektronik" dengan passphrase Anda pada halaman tugas.',
    };
  if (
    found.ctx.step.jenis === 'tanda-tangan' &&
    input.hasil !== 'kembali' &&
    !task.berkas.some((b) => b.jenis === 'naskah-final') &&
    !(await acceptedRevision(ports, task, task.taskId))
  )
    return {
      ok: false,
      alasan: 'tidak-sah',
      pesan:
        'Naskah final (PDF) belum tersedia untuk ditandatangani: unggah PDF hasil ekspor Word lebih dahulu (tautan pada halaman tugas).',
    };
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
    ...(task.delegasi?.length ? { atasNama: task.delegasi[0]!.dari } : {}),
  };
  const won = await ports.store.decideTask(task.agencyId, task.cycleId, task.taskId, keputusan);
  if (!won)
    return {
      ok: false,
      alasan: 'sudah-diproses',
      pesan: 'Tugas ini sudah diproses sebelumnya; tidak ada yang diubah.',
    };
  // Recorded: from here the answer reaches the workflow now, or from the sweep if this call fails.
  await deliverDecision(ports, task, keputusan);
  return { ok: true, keputusan };
}

const UPLOAD_TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

export type { UploadRequest };

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
  const found = await taskToActOn(ports, cat, linkId);
  if (!found.ok) return found;
  const { task } = found;
  if (task.jenisTugas !== 'unggah') return { ok: false, pesan: 'Tugas ini tidak meminta unggahan.' };
  // After acceptance the unit may still send a corrected file, until the next step reads the data.
  if (task.status !== 'terbuka' && !(await replacementOpen(ports, task)))
    return { ok: false, pesan: COLLECTION_CLOSED };
  const ext = /\.([a-z0-9]+)$/i.exec(namaBerkas.trim())?.[1]?.toLowerCase() ?? '';
  const type = UPLOAD_TYPES[ext];
  if (!type)
    return {
      ok: false,
      pesan: `Berkas '${namaBerkas.slice(0, 80)}' tidak dapat diunggah: gunakan format .xlsx dari email tugas (atau .csv ekspornya).`,
    };
  return presignUpload(ports, task, namaBerkas, ext, type);
}

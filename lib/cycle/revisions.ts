import type { Catalogue } from '../data/catalogue.ts';
import type { MasalahBerkas } from '../workbook/errors.ts';
import { MAX_UPLOAD_BYTES } from '../workbook/layout.ts';
import { checkXlsxArchive, DOCX } from '../workbook/zip-guard.ts';
import { type StepContext, taskIdOf } from './context.ts';
import { CONTENT_TYPE } from './documents.ts';
import type { Berkas, Keputusan, Person, SiklusRef, StepRecord, UploadRecord } from './model.ts';
import { taskToActOn } from './people.ts';
import type { Ports } from './ports.ts';
import { presignUpload, type UploadRequest } from './upload-request.ts';

/**
 * The report's versions through the correction loop. The draft of each pass is rendered to a key of its
 * own (draf-v1, draf-v2, …); the preparer may instead upload a revised file (Word, or a PDF), which is
 * checked, kept under its own key and handed on as that pass's version; the signing step may take the PDF
 * exported from Word. Nothing is ever overwritten: regenerating a draft writes a new key, and an upload
 * is copied, never moved.
 */

export const REVISION_TYPES = { docx: CONTENT_TYPE.docx, pdf: CONTENT_TYPE.pdf } as const;
export type RevisionExt = keyof typeof REVISION_TYPES;

/** Which revised files a task takes: the preparer's draft step a .docx or .pdf, the signing step a .pdf. */
export function revisionTypes(ctx: Pick<StepContext, 'step'>): RevisionExt[] {
  if (ctx.step.jenis === 'susun-draf') return ['docx', 'pdf'];
  if (ctx.step.jenis === 'tanda-tangan') return ['pdf'];
  return [];
}

/** A revised version's key ends so: the signing step knows a Word edit from a rendered draft. */
export const REVISED = /-revisi\.(docx|pdf)$/;

/** The version a pass hands on: the preparer's revised file when there is one, else the rendered DOCX. */
export function handedOn(berkas: readonly Berkas[]): Berkas | undefined {
  const drafts = berkas.filter((b) => b.jenis === 'draf');
  return drafts.find((b) => REVISED.test(b.key)) ?? drafts.find((b) => b.key.endsWith('.docx')) ?? drafts[0];
}

export const isRevisionUpload = (u: Pick<UploadRecord, 'key'>): boolean => /\.(docx|pdf)$/.test(u.key);
export const extOf = (key: string): RevisionExt => (key.endsWith('.pdf') ? 'pdf' : 'docx');

/** A presigned POST for a revised file, bound to one server-chosen key, the size limit and the type. */
export async function requestRevisionUpload(
  ports: Ports,
  cat: Catalogue,
  linkId: string,
  namaBerkas: string,
): Promise<UploadRequest> {
  const found = await taskToActOn(ports, cat, linkId);
  if (!found.ok) return found;
  const { task, ctx } = found;
  const allowed = revisionTypes(ctx);
  if (allowed.length === 0) return { ok: false, pesan: 'Tugas ini tidak menerima dokumen revisi.' };
  if (task.status !== 'terbuka')
    return { ok: false, pesan: 'Tugas ini sudah selesai; unggahan baru tidak diperlukan.' };
  const ext = /\.([a-z0-9]+)$/i.exec(namaBerkas.trim())?.[1]?.toLowerCase() ?? '';
  if (!(allowed as string[]).includes(ext))
    return {
      ok: false,
      pesan: `Berkas '${namaBerkas.slice(0, 80)}' tidak dapat diunggah di sini: yang diterima ${allowed.map((a) => `.${a}`).join(' atau ')} (maks. ${MAX_UPLOAD_BYTES / 1048576} MB).`,
    };
  return presignUpload(ports, task, namaBerkas, ext, REVISION_TYPES[ext as RevisionExt]);
}

const ascii = (b: Uint8Array, from: number, to: number) =>
  Buffer.from(b.subarray(from, to)).toString('latin1');

/** What is wrong with a revised file, by its content (never its name alone); none when it is sound. */
export async function checkRevision(bytes: Uint8Array, ext: RevisionExt): Promise<MasalahBerkas[]> {
  const pdf = ascii(bytes, 0, 5) === '%PDF-';
  const zip = ascii(bytes, 0, 4) === 'PK\u0003\u0004';
  if (ext === 'pdf') {
    if (!pdf)
      return [
        {
          pesan: zip
            ? 'berkas bernama .pdf ini berisi dokumen Word, bukan PDF; ekspor dari Word melalui File → Save As → PDF lalu unggah kembali'
            : 'berkas ini bukan PDF; ekspor dokumen dari Word melalui File → Save As → PDF lalu unggah kembali',
        },
      ];
    if (!ascii(bytes, Math.max(0, bytes.length - 1024), bytes.length).includes('%%EOF'))
      return [{ pesan: 'berkas PDF terpotong (tidak lengkap); ekspor ulang dari Word lalu unggah kembali' }];
    if (ascii(bytes, 0, bytes.length).includes('/Encrypt'))
      return [{ pesan: 'PDF ini dilindungi kata sandi; ekspor ulang tanpa kata sandi lalu unggah kembali' }];
    return [];
  }
  if (!zip)
    return [
      {
        pesan: pdf
          ? 'berkas bernama .docx ini berisi PDF; unggah dokumen Word (.docx), atau ganti nama berkas menjadi .pdf'
          : 'berkas ini bukan dokumen Word .docx (mungkin .doc lama); simpan ulang dari Word sebagai .docx lalu unggah kembali',
      },
    ];
  const unsafe = await checkXlsxArchive(bytes, DOCX);
  if (unsafe.length > 0) return unsafe;
  if (!ascii(bytes, 0, bytes.length).includes('word/document.xml'))
    return [
      { pesan: 'berkas .docx ini tidak memuat isi dokumen (word/document.xml); simpan ulang dari Word' },
    ];
  return [];
}

/** The newest accepted revised file of a task, if any. */
export async function acceptedRevision(
  ports: Pick<Ports, 'store'>,
  s: Pick<SiklusRef, 'agencyId' | 'cycleId'>,
  taskId: string,
): Promise<UploadRecord | undefined> {
  return (await ports.store.listUploads(s.agencyId, s.cycleId))
    .filter((u) => u.taskId === taskId && u.status === 'diterima' && isRevisionUpload(u))
    .sort((a, b) => a.dibuat.localeCompare(b.dibuat))
    .at(-1);
}

/** The task id of a step record's human part (to find what was uploaded for it). */
export const taskIdOfRecord = (r: Pick<StepRecord, 'no' | 'unit' | 'putaran'>) =>
  taskIdOf(r.no, r.unit, r.putaran);

/** The kinds whose person judges the draft. */
const REVIEWS: readonly string[] = ['koreksi', 'ajukan', 'tanda-tangan', 'periksa'];

/** One pass of the correction loop: the version handed on, and what each reviewer said of it. */
export interface Putaran {
  versi: number;
  berkas: Berkas[];
  disusun?: { oleh?: Person; waktu?: string; balasan: string };
  tinjauan: { langkah: number; kegiatan: string; oleh?: Person; waktu?: string; keputusan: Keputusan }[];
}

/**
 * Every pass of the draft so far, from the step records: each version the draft step produced (rendered,
 * or revised by its preparer) with the preparer's reply, followed by the decisions taken on it until the
 * next version.
 */
export function draftRounds(records: StepRecord[]): Putaran[] {
  const ordered = [...records]
    .filter((r) => r.unit === '-')
    .sort((a, b) => (a.urutan ?? 0) - (b.urutan ?? 0));
  const rounds: Putaran[] = [];
  for (const r of ordered) {
    if (r.jenis === 'susun-draf') {
      rounds.push({
        versi: rounds.length + 1,
        berkas: r.berkas.filter((b) => b.jenis === 'draf'),
        disusun: r.selesai
          ? { oleh: r.oleh, waktu: r.selesai, balasan: r.keputusan?.catatan ?? '' }
          : undefined,
        tinjauan: [],
      });
    } else if (r.keputusan && rounds.length > 0 && REVIEWS.includes(r.jenis)) {
      rounds.at(-1)!.tinjauan.push({
        langkah: r.no,
        kegiatan: r.kegiatan,
        oleh: r.oleh,
        waktu: r.selesai,
        keputusan: r.keputusan,
      });
    }
  }
  return rounds;
}

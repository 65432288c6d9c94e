import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { HANDED_ON, LINK_MESSAGES, taskByLink } from '../cycle/people.ts';
import { requestRevisionUpload } from '../cycle/revisions.ts';
import { signByLink } from '../cycle/sign-task.ts';
import { esc } from '../html.ts';
import { kopOf, messagePage, page } from '../pages/layout.ts';
import { revisionUploadPage } from '../pages/revision-upload-page.ts';
import { unknownVerificationPage, verificationPage } from '../pages/verification-page.ts';
import { isVerificationId, verificationPath } from '../signing/verification.ts';
import { readFields } from './body.ts';
import { badRequest, html, json } from './response.ts';
import type { Route, RouteHandler } from './router.ts';

/** GET /verifikasi/<id>: public and read-only; an unknown or malformed id gets the same clear page. */
export const verificationRoute: RouteHandler = async ({ params: [id = ''] }, { ports, cat }) => {
  const v = isVerificationId(id) ? await ports.store.getVerification(id) : undefined;
  const zona = v && cat.agencies.get(v.agencyId)?.zona_waktu;
  if (!v || !zona) return html(404, unknownVerificationPage());
  const nonce = randomBytes(12).toString('base64');
  return html(200, verificationPage(v, zona, nonce), nonce);
};

const SignBody = z.object({
  passphrase: z.optional(z.string({ error: 'passphrase harus berupa teks' })),
});

const STATUS = { 'tidak-dikenal': 404, kedaluwarsa: 410, 'sudah-diproses': 409, 'tidak-sah': 400 } as const;
const TITLE = {
  'tidak-dikenal': 'Tautan tidak dikenal',
  kedaluwarsa: 'Tautan kedaluwarsa',
  'sudah-diproses': 'Sudah diproses',
  'tidak-sah': 'Belum ditandatangani',
} as const;

/** POST /t/<link>/tanda-tangan: the signer's "Tandatangani" (lib/cycle/sign-task.ts). */
export const signRoute: RouteHandler = async ({ params: [linkId = ''], fields }, { ports, cat }) => {
  const body = readFields(SignBody, fields);
  if (!body.ok) return badRequest('/t/', body.pesan);
  const out = await signByLink(ports, cat, linkId, { passphrase: body.value.passphrase });
  // A refused passphrase leaves the task open: the signer goes back and tries again.
  const back =
    out.ok || out.alasan === 'tidak-dikenal' ? [] : [{ href: `/t/${linkId}`, label: 'Kembali ke tugas' }];
  const found = out.ok || out.alasan !== 'tidak-dikenal' ? await taskByLink(ports, cat, linkId) : undefined;
  const kop = found?.ok ? kopOf(found.ctx.agency) : undefined;
  if (!out.ok) return html(STATUS[out.alasan], messagePage(TITLE[out.alasan], out.pesan, back, kop));
  const v = out.verifikasi;
  return html(
    200,
    page(
      'Laporan ditandatangani',
      `<div class="kartu"><h1>Terima kasih</h1>${
        v
          ? `<p class="ok">Laporan sudah ditandatangani secara elektronik.</p><p>Siapa pun dapat memeriksa keaslian salinannya di <a href="${esc(verificationPath(v.id))}">halaman verifikasi dokumen</a> (kode QR pada laporan membuka halaman yang sama).</p>`
          : '<p class="ok">Persetujuan Anda dicatat. Tanda tangan elektronik dibubuhkan oleh sistem dalam beberapa saat; laporan bertanda tangan dapat diunduh dari lini masa siklus.</p>'
      }<p><a href="/t/${esc(linkId)}">Kembali ke tugas</a></p></div>`,
      undefined,
      kop,
    ),
  );
};

const RevisionBody = z.object({
  namaBerkas: z.string({ error: 'namaBerkas wajib diisi berupa teks, misalnya "laporan-revisi.docx"' }),
});

/** POST /api/tugas/<link>/dokumen: a presigned upload for a revised report (lib/cycle/revisions.ts). */
export const revisionUploadRoute: RouteHandler = async (
  { params: [linkId = ''], fields },
  { ports, cat },
) => {
  const body = readFields(RevisionBody, fields);
  if (!body.ok) return json(400, { ok: false, pesan: body.pesan });
  const out = await requestRevisionUpload(ports, cat, linkId, body.value.namaBerkas);
  return json(out.ok ? 200 : 400, out);
};

/** GET /t/<link>/revisi: the page that takes a revised file (lib/pages/revision-section.ts). */
export const revisionPageRoute: RouteHandler = async ({ params: [linkId = ''] }, { ports, cat }) => {
  const found = await taskByLink(ports, cat, linkId);
  if (!found.ok)
    return html(
      found.alasan === 'kedaluwarsa' ? 410 : 404,
      messagePage('Tautan tidak dapat dipakai', LINK_MESSAGES[found.alasan]),
    );
  if (found.hanyaLihat)
    return html(
      409,
      messagePage(
        'Tugas sudah dialihkan',
        HANDED_ON,
        [{ href: `/t/${linkId}`, label: 'Kembali ke tugas' }],
        kopOf(found.ctx.agency),
      ),
    );
  const nonce = randomBytes(12).toString('base64');
  const { task } = found;
  // The task's own uploads (CY# items, which the page function may read): the verdict and the list.
  const uploads = (await ports.store.listUploads(task.agencyId, task.cycleId)).filter(
    (u) => u.taskId === task.taskId,
  );
  return html(200, revisionUploadPage(task, found.ctx, linkId, nonce, uploads), nonce);
};

/**
 * The signing route, served by a function of its own (`tanda-tangan`): it carries the PDF and signing
 * libraries and the PSrE client credentials, which the page function, serving every click, must not.
 */
export const SIGNING_ROUTES: readonly Route[] = [
  { methods: ['POST'], path: /^\/t\/([^/]+)\/tanda-tangan$/, run: signRoute },
];

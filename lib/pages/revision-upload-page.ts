import type { ZonaWaktu } from '../calendar/working-time.ts';
import type { StepContext } from '../cycle/context.ts';
import type { HumanTask, UploadRecord } from '../cycle/model.ts';
import { isRevisionUpload, revisionTypes } from '../cycle/revisions.ts';
import { tombol } from '../cycle/steps/next-action.ts';
import { tanggalJam } from '../format/indonesia.ts';
import { esc } from '../html.ts';
import { MAX_UPLOAD_BYTES } from '../workbook/layout.ts';
import { kopOf, page } from './layout.ts';
import { inUse, MAX_UPLOAD_MB, uploadHistory, uploadVerdict } from './upload-parts.ts';

/**
 * The page that takes a revised report (/t/<link>/revisi): the preparer's DOCX/PDF, the signer's PDF
 * exported from Word. Like the workbook upload, it shows the verdict on the newest file and every file
 * sent, and after an upload watches the task until the check is done.
 */

/** A task's revised files (not its workbooks), newest first. */
export const revisionUploads = (uploads: readonly UploadRecord[]): UploadRecord[] =>
  uploads.filter(isRevisionUpload).sort((a, b) => b.dibuat.localeCompare(a.dibuat));

/** What the person presses on the task page once the file is accepted: the button's own words. */
function finishButton(ctx: Pick<StepContext, 'step' | 'agency'>): string {
  if (ctx.step.jenis === 'tanda-tangan')
    return ctx.agency.tte ? 'Tandatangani secara elektronik' : tombol('tanda-tangan').setuju;
  return tombol(ctx.step.jenis).selesai;
}

/** "Revisi yang akan diteruskan: …": the accepted file that counts (the newest accepted), if any. */
export function acceptedRevisionLine(uploads: readonly UploadRecord[], zona: ZonaWaktu, open = true): string {
  const used = inUse(revisionUploads(uploads));
  // Once the task is answered the file has been handed on: the line says so in the past.
  return used
    ? `<p class="ok">Revisi yang ${open ? 'akan ' : ''}diteruskan: <b>${esc(used.namaBerkas)}</b>, diterima ${esc(tanggalJam(new Date(used.dibuat), zona))}.</p>`
    : '';
}

export function revisionUploadPage(
  task: HumanTask,
  ctx: Pick<StepContext, 'step' | 'agency'>,
  linkId: string,
  nonce: string,
  allUploads: readonly UploadRecord[] = [],
): string {
  const types = revisionTypes(ctx);
  const zona = ctx.agency.zona_waktu;
  const uploads = revisionUploads(allUploads);
  const open = task.status === 'terbuka' && types.length > 0;
  const button = finishButton(ctx);
  const newest = uploads[0];
  const next =
    open && newest?.status === 'diterima'
      ? `<p>Kembali ke <a href="/t/${esc(linkId)}">halaman tugas</a> dan tekan <b>${esc(button)}</b>.</p>`
      : '';
  const verdict = uploadVerdict(uploads, zona).replace(/<\/div>$/, `${next}</div>`);
  const body = open
    ? uploadForm(linkId, types, ctx.step.jenis === 'susun-draf', button, nonce, newest)
    : '<p>Tugas ini tidak menerima dokumen revisi saat ini.</p>';
  return page(
    'Unggah dokumen revisi',
    `<div class="kartu"><h1>Langkah ${task.no}: unggah dokumen revisi</h1>${acceptedRevisionLine(uploads, zona, task.status === 'terbuka')}</div>
${verdict}
<div class="kartu">${body}<p><a href="/t/${esc(linkId)}">Kembali ke halaman tugas</a></p></div>
${uploadHistory(uploads, zona)}`,
    nonce,
    kopOf(ctx.agency),
  );
}

function uploadForm(
  linkId: string,
  types: string[],
  preparer: boolean,
  button: string,
  nonce: string,
  newest: UploadRecord | undefined,
): string {
  const accept = types.map((t) => `.${t}`).join(',');
  const intro = preparer
    ? `<p>Sunting <b>Naskah untuk disunting (DOCX)</b> dari halaman tugas (tanpa tanda DRAF dan catatan internal, karena versi yang disetujui nanti diekspor menjadi PDF dan ditandatangani), lalu unggah hasilnya (.docx, atau PDF). Setelah unggahan diterima, kembali ke halaman tugas dan tekan <b>${esc(button)}</b>; catatan Anda di sana menjadi balasan untuk peninjau.</p>`
    : `<p><b>Versi yang disetujui adalah dokumen Word.</b> Ekspor dokumen itu dari Word menjadi PDF (File → Save As → PDF) lalu unggah di sini; PDF itulah yang ditandatangani. Setelah unggahan diterima, kembali ke halaman tugas dan tekan <b>${esc(button)}</b>.</p>`;
  // A file still being checked when the page loads is watched too: the verdict then appears by itself.
  const pending = newest?.status === 'menunggu' ? newest.uploadId : '';
  return `${intro}<form id="revisi"><label for="berkas-revisi">Berkas revisi (${esc(types.map((t) => `.${t}`).join(' atau '))}, maks. ${MAX_UPLOAD_MB} MB)</label>
<input id="berkas-revisi" type="file" accept="${esc(accept)}" required>
<button class="tombol" type="submit">Unggah revisi</button><p id="status-revisi" class="kecil" aria-live="polite"></p></form>
${revisionScript(`/api/tugas/${linkId}`, pending, nonce)}`;
}

/**
 * Presigned POST, then the task's JSON until the check is done, then a reload (the verdict is at the
 * top). A network failure or an answer that is not JSON says so, instead of staying on "Mengunggah…".
 */
function revisionScript(task: string, pending: string, nonce: string): string {
  return `<script nonce="${esc(nonce)}">
(() => {
  const s = document.getElementById('status-revisi');
  const b = document.querySelector('#revisi button');
  const NET = 'Unggahan gagal: halaman tidak dapat menghubungi server. Periksa sambungan internet Anda lalu coba lagi.';
  const BAD = 'Unggahan gagal: jawaban server tidak dapat dibaca. Coba lagi beberapa saat lagi; bila tetap gagal, hubungi operator.';
  async function watch(id) {
    for (let i = 0; i < 120; i++) {
      await new Promise((ok) => setTimeout(ok, 1000));
      const t = await fetch(${JSON.stringify(task)}).then((x) => x.json()).catch(() => undefined);
      const mine = t && t.unggahan && t.unggahan.find((x) => x.uploadId === id);
      if (mine && mine.status !== 'menunggu') { location.reload(); return; }
    }
    s.textContent = 'Pemeriksaan belum selesai; muat ulang halaman ini sebentar lagi.';
  }
  async function send(f) {
    let r;
    try { r = await fetch(${JSON.stringify(`${task}/dokumen`)}, {method:'POST', headers:{'content-type':'application/json'}, body: JSON.stringify({namaBerkas: f.name})}); } catch { s.textContent = NET; return; }
    let j;
    try { j = await r.json(); } catch { s.textContent = BAD; return; }
    if (!r.ok || !j.form) { s.textContent = j.pesan || BAD; return; }
    const fd = new FormData(); for (const [k, val] of Object.entries(j.form.fields)) fd.append(k, val); fd.append('file', f);
    let u;
    try { u = await fetch(j.form.url, {method:'POST', body: fd}); } catch { s.textContent = NET; return; }
    if (!u.ok) { s.textContent = 'Unggahan gagal; periksa ukuran (maks. ${MAX_UPLOAD_MB} MB) dan jenis berkas.'; return; }
    s.textContent = 'Berkas terkirim dan sedang diperiksa…';
    await watch(j.uploadId);
  }
  document.getElementById('revisi').addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = document.getElementById('berkas-revisi').files[0];
    if (!f) return;
    if (f.size > ${MAX_UPLOAD_BYTES}) { s.textContent = 'Berkas ' + f.name + ' lebih dari ${MAX_UPLOAD_MB} MB; kecilkan lalu unggah lagi.'; return; }
    s.textContent = 'Mengunggah…'; b.disabled = true;
    try { await send(f); } finally { b.disabled = false; }
  });
  ${pending ? `s.textContent = 'Berkas terakhir sedang diperiksa…'; watch(${JSON.stringify(pending)});` : ''}
})();
</script>`;
}

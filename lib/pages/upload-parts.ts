import type { ZonaWaktu } from '../calendar/working-time.ts';
import type { UploadRecord } from '../cycle/model.ts';
import { tanggalPendek } from '../format/tanggal-pendek.ts';
import { esc } from '../html.ts';
import { formatMasalah } from '../workbook/errors.ts';
import {
  ANGGARAN_COLUMNS,
  KINERJA_COLUMNS,
  MAX_UPLOAD_BYTES,
  SHEET_ANGGARAN,
  SHEET_KINERJA,
} from '../workbook/layout.ts';
import { cardTable } from './cards.ts';

/** The parts of the upload page: how to fill the workbook, the verdict on the newest file, every version. */

export const MAX_UPLOAD_MB = MAX_UPLOAD_BYTES / 1048576;

const editable = (cols: readonly { header: string; edit: boolean }[]) =>
  cols
    .filter((c) => c.edit)
    .map((c) => c.header)
    .join(', ');

/** Which file, which sheets and columns, how big: taken from the workbook's own layout and limit. */
export function uploadInstructions(unitNama: string | undefined): string {
  return `<details open><summary>Cara mengisi</summary><ol>
<li>Unduh <b>format pengumpulan data${unitNama ? ` ${esc(unitNama)}` : ''}</b> di bagian Berkas, buka dengan Excel.</li>
<li>Lembar <b>${esc(SHEET_KINERJA)}</b>: isi kolom ${esc(editable(KINERJA_COLUMNS))} untuk setiap indikator.</li>
<li>Lembar <b>${esc(SHEET_ANGGARAN)}</b>: isi kolom ${esc(editable(ANGGARAN_COLUMNS))} setiap program.</li>
<li>Kolom lain terkunci; jangan menambah atau menghapus baris.</li>
<li>Simpan sebagai <b>.xlsx</b> (atau ekspor <b>.csv</b>), paling besar <b>${MAX_UPLOAD_MB} MB</b>, lalu unggah di sini.</li>
</ol></details>`;
}

const STATUS: Record<UploadRecord['status'], string> = {
  menunggu: 'sedang diperiksa',
  diterima: 'diterima',
  ditolak: 'ditolak',
  gagal: 'gagal diproses',
};
const CLASS: Record<UploadRecord['status'], string> = {
  menunggu: '',
  diterima: 'ok',
  ditolak: 'tolak',
  gagal: 'tolak',
};

const problems = (u: UploadRecord) =>
  u.masalah?.length ? `<ul>${u.masalah.map((m) => `<li>${esc(formatMasalah(m))}</li>`).join('')}</ul>` : '';

/** The latest accepted upload: the version that counts (uploads newest first). */
export const inUse = (uploads: readonly UploadRecord[]): UploadRecord | undefined =>
  uploads.find((u) => u.status === 'diterima');

/** The verdict on the newest upload, at the top of the page: "Ditolak: 2 masalah", "Diterima", … */
export function uploadVerdict(uploads: readonly UploadRecord[], zona: ZonaWaktu): string {
  const last = uploads[0];
  if (!last) return '';
  const used = inUse(uploads);
  const kept =
    used && used !== last
      ? `<p>Data yang diterima sebelumnya (${esc(used.namaBerkas)}, ${esc(tanggalPendek(new Date(used.dibuat), zona))}) tetap dipakai.</p>`
      : '';
  const when = esc(tanggalPendek(new Date(last.dibuat), zona));
  switch (last.status) {
    case 'ditolak': {
      const n = last.masalah?.length ?? 0;
      return `<div class="kartu peringatan" role="status"><h2 class="tolak">Ditolak: ${n} masalah</h2><p>Berkas ${esc(last.namaBerkas)} (${when}) tidak dipakai. Perbaiki hal berikut lalu unggah lagi:</p>${problems(last)}${kept}</div>`;
    }
    case 'diterima':
      return `<div class="kartu diterima" role="status"><h2 class="ok">Diterima</h2><p>Berkas ${esc(last.namaBerkas)} (${when}) diterima dan dipakai.</p></div>`;
    case 'gagal':
      return `<div class="kartu peringatan" role="status"><h2 class="tolak">Gagal diproses</h2><p>${esc(last.gagal?.alasan ?? '')}</p>${kept}</div>`;
    default:
      return `<div class="kartu" role="status"><h2>Sedang diperiksa</h2><p>Berkas ${esc(last.namaBerkas)} (${when}) sedang diperiksa; halaman ini memperbarui diri bila hasilnya ada.</p>${kept}</div>`;
  }
}

/** Every version uploaded, newest first, with the one in use marked. */
export function uploadHistory(uploads: readonly UploadRecord[], zona: ZonaWaktu): string {
  if (!uploads.length) return '';
  const used = inUse(uploads);
  const rows = uploads.map((u) => [
    esc(tanggalPendek(new Date(u.dibuat), zona)),
    esc(u.namaBerkas),
    `<span class="${CLASS[u.status]}">${esc(STATUS[u.status])}</span>${u === used ? ' <span class="lencana selesai">dipakai</span>' : ''}${problems(u)}${u.status === 'gagal' && u.gagal ? `<p class="kecil">${esc(u.gagal.alasan)}</p>` : ''}`,
  ]);
  return `<div class="kartu"><h2>Riwayat unggahan</h2>${cardTable([{ label: 'Waktu' }, { label: 'Berkas' }, { label: 'Hasil' }], rows)}</div>`;
}

/**
 * The upload form and its script: checks the size before sending, posts to the presigned form, then
 * watches the task until the check is done and reloads (the verdict is then at the top).
 */
export function uploadForm(
  v: { uploadEndpoint: string; statusEndpoint: string; label: string },
  nonce: string,
): string {
  return `<form id="unggah"><label for="berkas">Berkas .xlsx yang sudah diisi (maks. ${MAX_UPLOAD_MB} MB)</label>
<input id="berkas" name="berkas" type="file" accept=".xlsx,.csv" required data-wajib="Pilih berkas .xlsx yang sudah diisi.">
<button class="tombol" type="submit">${esc(v.label)}</button><p id="status" class="kecil" aria-live="polite"></p></form>
<script nonce="${esc(nonce)}">
document.getElementById('unggah').addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = document.getElementById('berkas').files[0]; const s = document.getElementById('status');
  if (!f) return;
  if (f.size > ${MAX_UPLOAD_BYTES}) { s.textContent = 'Berkas ' + f.name + ' lebih dari ${MAX_UPLOAD_MB} MB; kecilkan (hapus gambar atau lembar tambahan) lalu unggah lagi.'; return; }
  s.textContent = 'Mengunggah…';
  const r = await fetch(${JSON.stringify(v.uploadEndpoint)}, {method:'POST', headers:{'content-type':'application/json'}, body: JSON.stringify({namaBerkas: f.name})});
  const j = await r.json(); if (!r.ok) { s.textContent = j.pesan; return; }
  const fd = new FormData(); for (const [k, val] of Object.entries(j.form.fields)) fd.append(k, val); fd.append('file', f);
  const u = await fetch(j.form.url, {method:'POST', body: fd});
  if (!u.ok) { s.textContent = 'Unggahan gagal; periksa ukuran (maks. ${MAX_UPLOAD_MB} MB) dan jenis berkas.'; return; }
  s.textContent = 'Berkas terkirim dan sedang diperiksa…';
  for (let i = 0; i < 120; i++) {
    await new Promise((ok) => setTimeout(ok, 1000));
    const t = await fetch(${JSON.stringify(v.statusEndpoint)}).then((x) => x.json()).catch(() => undefined);
    const mine = t && t.unggahan && t.unggahan.find((x) => x.uploadId === j.uploadId);
    if (mine && mine.status !== 'menunggu') { location.reload(); return; }
  }
  s.textContent = 'Pemeriksaan belum selesai; muat ulang halaman ini sebentar lagi.';
});
</script>`;
}

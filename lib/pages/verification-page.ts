import type { ZonaWaktu } from '../calendar/working-time.ts';
import type { Verifikasi } from '../cycle/model.ts';
import { tanggalJam } from '../format/indonesia.ts';
import { esc } from '../html.ts';
import { page } from './layout.ts';

/**
 * The public page a signed document's QR code opens: what the document itself prints (title, agency,
 * year, signer, time) and the SHA-256 of the signed PDF, with a check of a copy done in the reader's own
 * browser (crypto.subtle: the file is never uploaded). Nothing else of the cycle is shown.
 */
export function verificationPage(v: Verifikasi, zona: ZonaWaktu, nonce: string): string {
  const p = v.penandatangan;
  const row = (k: string, val: string) => `<tr><th scope="row">${esc(k)}</th><td>${esc(val)}</td></tr>`;
  return page(
    'Verifikasi dokumen',
    `<div class="kartu"><h1>Verifikasi dokumen bertanda tangan elektronik</h1>
<p class="ok"><b>Dokumen ini terdaftar</b> dan ditandatangani secara elektronik melalui sistem laporan kinerja instansi ini.</p>
<table>${row('Dokumen', v.judul)}${row('Instansi', v.instansi)}${row('Tahun', String(v.tahun))}${row(
      'Penandatangan',
      `${p.nama}, ${p.jabatan}${p.nip ? `, NIP ${p.nip}` : ''}`,
    )}${row('Waktu tanda tangan', tanggalJam(new Date(v.waktu), zona))}</table>
<p class="kecil">Sidik SHA-256 berkas PDF yang ditandatangani:<br><code id="sidik">${esc(v.sha256)}</code></p></div>
<div class="kartu"><h2>Periksa salinan Anda</h2>
<p>Pilih berkas PDF yang Anda terima. Berkas diperiksa di peramban ini dan <b>tidak diunggah</b> ke mana pun.</p>
<label for="berkas">Berkas PDF</label><input id="berkas" type="file" accept=".pdf,application/pdf">
<p id="hasil" aria-live="polite"></p></div>
<script nonce="${esc(nonce)}">
document.getElementById('berkas').addEventListener('change', async (e) => {
  const f = e.target.files[0]; const out = document.getElementById('hasil');
  if (!f) return; out.className = ''; out.textContent = 'Menghitung sidik…';
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', await f.arrayBuffer()));
  const hex = Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
  const same = hex === ${JSON.stringify(v.sha256)};
  out.className = same ? 'ok' : 'tolak';
  out.textContent = same
    ? 'Sesuai: berkas ini sama persis dengan dokumen yang ditandatangani.'
    : 'Tidak sesuai: berkas ini berbeda dari dokumen yang ditandatangani (sidik ' + hex.slice(0, 16) + '…). Mintalah salinan asli kepada instansi.';
  out.dataset.hasil = same ? 'sesuai' : 'tidak-sesuai';
});
</script>`,
    nonce,
  );
}

/** An id that names no signed document (mistyped, or not from a QR code of this system). */
export function unknownVerificationPage(): string {
  return page(
    'Dokumen tidak dikenal',
    `<div class="kartu"><h1>Dokumen tidak dikenal</h1>
<p class="tolak">Kode verifikasi ini tidak terdaftar. Dokumen yang membawanya <b>tidak dapat dipastikan keasliannya</b>.</p>
<p>Pindai ulang kode QR pada dokumen, atau periksa kembali alamat yang Anda ketik. Bila tetap tidak dikenal, tanyakan kepada instansi yang menerbitkan dokumen.</p></div>`,
  );
}

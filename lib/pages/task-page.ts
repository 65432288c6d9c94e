import type { ZonaWaktu } from '../calendar/working-time.ts';
import type { HumanTask, UploadRecord } from '../cycle/model.ts';
import { tanggalJam } from '../format/indonesia.ts';
import { esc } from '../html.ts';
import { formatMasalah } from '../workbook/errors.ts';
import { page } from './layout.ts';
import { type SigningView, signingSection } from './signing-page.ts';

export interface TaskView {
  task: HumanTask;
  zona: ZonaWaktu;
  sopNama: string;
  agencyNama: string;
  unitNama?: string;
  downloads: { label: string; url: string }[];
  uploads: UploadRecord[];
  /** Form action for decisions (the same URL as the page). */
  action: string;
  uploadEndpoint: string;
  /** Key tables of what is being reviewed (drafts, a unit's data), already rendered. */
  ringkasan?: string;
  /** Links to the cycle timeline and the agency overview. */
  nav: { lini: string; instansi: string };
  penandatanganan?: SigningView;
  /** The report's notes (above the figures) and versions (below), already rendered (revision-section.ts). */
  revisi?: { atas: string; bawah: string };
}

const UPLOAD_STATUS: Record<UploadRecord['status'], string> = {
  menunggu: 'sedang diperiksa',
  diterima: 'diterima',
  ditolak: 'ditolak',
  gagal: 'gagal diproses',
};
const UPLOAD_CLASS: Record<UploadRecord['status'], string> = {
  menunggu: '',
  diterima: 'ok',
  ditolak: 'tolak',
  gagal: 'tolak',
};

/** The task page: what is asked, by when, the inputs, and the one form that records an answer (POST only). */
export function taskPage(v: TaskView, nonce: string): string {
  const t = v.task;
  const open = t.status === 'terbuka';
  const due = tanggalJam(new Date(t.tenggat), v.zona);
  const files = v.downloads.length
    ? `<ul>${v.downloads.map((d) => `<li><a href="${esc(d.url)}">${esc(d.label)}</a></li>`).join('')}</ul>`
    : '<p class="kecil">Tidak ada berkas pada langkah ini.</p>';
  let form = '';
  if (!open) {
    form = `<p class="ok">Tugas ini sudah diproses${t.keputusan ? ` (${esc(t.keputusan.hasil)}, ${esc(tanggalJam(new Date(t.keputusan.waktu), v.zona))})` : ''}.</p>`;
  } else if (t.jenisTugas === 'keputusan') {
    form = `<form method="post" action="${esc(v.action)}">
<label for="catatan">Catatan (wajib bila dikembalikan)</label><textarea id="catatan" name="catatan" rows="4"></textarea>
<button class="tombol" name="hasil" value="setuju">Setujui</button>
<button class="tombol kedua" name="hasil" value="kembali">Kembalikan dengan catatan</button></form>`;
  } else if (t.jenisTugas === 'konfirmasi') {
    form = `<form method="post" action="${esc(v.action)}">
<label for="catatan">Catatan (boleh kosong)</label><textarea id="catatan" name="catatan" rows="3"></textarea>
<button class="tombol" name="hasil" value="selesai">Konfirmasi selesai</button></form>`;
  } else if (t.jenisTugas === 'unggah') {
    form = `<form id="unggah"><label for="berkas">Berkas .xlsx yang sudah diisi</label>
<input id="berkas" name="berkas" type="file" accept=".xlsx,.csv" required>
<button class="tombol" type="submit">Unggah</button><p id="status" class="kecil" aria-live="polite"></p></form>
<script nonce="${esc(nonce)}">
document.getElementById('unggah').addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = document.getElementById('berkas').files[0]; const s = document.getElementById('status');
  if (!f) return; s.textContent = 'Mengunggah…';
  const r = await fetch(${JSON.stringify(v.uploadEndpoint)}, {method:'POST', headers:{'content-type':'application/json'}, body: JSON.stringify({namaBerkas: f.name})});
  const j = await r.json(); if (!r.ok) { s.textContent = j.pesan; return; }
  const fd = new FormData(); for (const [k, val] of Object.entries(j.form.fields)) fd.append(k, val); fd.append('file', f);
  const u = await fetch(j.form.url, {method:'POST', body: fd});
  s.textContent = u.ok ? 'Berkas terkirim dan sedang diperiksa. Muat ulang halaman ini sebentar lagi untuk melihat hasilnya.' : 'Unggahan gagal; periksa ukuran (maks. 5 MB) dan jenis berkas.';
});
</script>`;
  }
  if (open && v.penandatanganan) form = signingSection(t, v.penandatanganan, form);
  const history = v.uploads.length
    ? `<div class="kartu"><h2>Riwayat unggahan</h2><table><tr><th>Waktu</th><th>Berkas</th><th>Hasil</th></tr>${v.uploads
        .map(
          (u) =>
            `<tr><td>${esc(tanggalJam(new Date(u.dibuat), v.zona))}</td><td>${esc(u.namaBerkas)}</td><td class="${UPLOAD_CLASS[u.status]}">${esc(UPLOAD_STATUS[u.status])}${
              u.masalah?.length
                ? `<ul>${u.masalah.map((m) => `<li>${esc(formatMasalah(m))}</li>`).join('')}</ul>`
                : ''
            }${u.status === 'gagal' && u.gagal ? `<p class="kecil">${esc(u.gagal.alasan)}</p>` : ''}</td></tr>`,
        )
        .join('')}</table></div>`
    : '';
  return page(
    `Langkah ${t.no}`,
    `<div class="kartu"><p class="kecil">${esc(v.agencyNama)} · ${esc(v.sopNama)}${v.unitNama ? ` · ${esc(v.unitNama)}` : ''}</p>
<h1>Langkah ${t.no}: ${esc(t.kegiatan)}</h1>
<p>Untuk: <b>${esc(t.assignee.nama)}</b> (${esc(t.assignee.jabatan)})<br>Batas waktu: <b>${esc(due)}</b></p>
<p>Kelengkapan: ${esc(t.kelengkapan)}<br>Output: ${esc(t.output)}</p></div>
<nav class="kecil"><a href="${esc(v.nav.lini)}">Lini masa siklus</a><a href="${esc(v.nav.instansi)}">Ikhtisar instansi</a></nav>
<div class="kartu"><h2>Berkas</h2>${files}</div>
${v.revisi?.atas ?? ''}${v.ringkasan ? `<div class="kartu">${v.ringkasan}</div>` : ''}${v.revisi?.bawah ?? ''}
<div class="kartu">${form}</div>${history}`,
    nonce,
  );
}

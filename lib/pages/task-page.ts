import type { ZonaWaktu } from '../calendar/working-time.ts';
import type { HumanTask, Person, UploadRecord } from '../cycle/model.ts';
import { type Tombol, tombol } from '../cycle/steps/next-action.ts';
import { hariTanggalJam, tanggalPendek } from '../format/tanggal-pendek.ts';
import { esc } from '../html.ts';
import { delegationForm, delegationNotice } from './delegation-parts.ts';
import { type Kop, page } from './layout.ts';
import { type SigningView, signingSection } from './signing-page.ts';
import { uploadForm, uploadHistory, uploadInstructions, uploadVerdict } from './upload-parts.ts';

export interface TaskView {
  task: HumanTask;
  zona: ZonaWaktu;
  sopNama: string;
  agencyNama: string;
  unitNama?: string;
  /** The header: the agency and its government. */
  kop?: Kop;
  /** The first sentence: what to do now, by when (lib/cycle/steps/next-action.ts). */
  aksi?: string;
  /** The step's short title (lib/sop/judul.ts). */
  judul?: string;
  /** What the buttons say for this step kind. */
  tombol?: Tombol;
  /** The unit may still replace its accepted data (the collecting step is open). */
  bisaGanti?: boolean;
  downloads: { label: string; url: string }[];
  uploads: UploadRecord[];
  /** Form action for decisions (the same URL as the page). */
  action: string;
  uploadEndpoint: string;
  /** Key tables of what is being reviewed (drafts, a unit's data), already rendered. */
  ringkasan?: string;
  /** The rounds of the review loop, already rendered (lib/pages/rounds.ts). */
  putaran?: string;
  /** The link's person handed the task on: a read-only view. */
  hanyaLihat?: boolean;
  /** Whom the task may be handed to (the agency's officials), and where the form posts. */
  alihkan?: { action: string; orang: Person[] };
  /** Links to the cycle timeline and the agency overview. */
  nav: { lini: string; instansi: string };
  penandatanganan?: SigningView;
  /** The report's notes (above the figures) and versions (below), already rendered (revision-section.ts). */
  revisi?: { atas: string; bawah: string };
}

/** The answer forms; a return needs notes, which the browser checks before the server does. */
function decisionForms(v: TaskView, b: Tombol): string {
  const t = v.task;
  const a = esc(v.action);
  if (t.jenisTugas === 'keputusan')
    return `<form method="post" action="${a}"><label for="catatan-setuju">Catatan (boleh kosong)</label><textarea id="catatan-setuju" name="catatan" rows="2"></textarea>
<button class="tombol" name="hasil" value="setuju">${esc(b.setuju)}</button></form>
<details><summary>${esc(b.kembali)} dengan catatan</summary><form method="post" action="${a}">
<label for="catatan">Apa yang harus diperbaiki? (wajib)</label><textarea id="catatan" name="catatan" rows="4" required minlength="3" data-wajib="Tulis apa yang harus diperbaiki (minimal 3 huruf) sebelum mengembalikan."></textarea>
<button class="tombol kedua" name="hasil" value="kembali">${esc(b.kembali)}</button></form></details>`;
  if (t.jenisTugas === 'konfirmasi')
    return `<form method="post" action="${a}"><label for="catatan">Catatan (boleh kosong)</label><textarea id="catatan" name="catatan" rows="2"></textarea>
<button class="tombol" name="hasil" value="selesai">${esc(b.selesai)}</button></form>`;
  return '';
}

/**
 * Required fields say in Bahasa Indonesia what is missing (the browser's own message follows its UI
 * language); the server checks again.
 */
function validationScript(nonce: string): string {
  return `<script nonce="${esc(nonce)}">
for (const el of document.querySelectorAll('[data-wajib]')) {
  el.addEventListener('invalid', () => el.setCustomValidity(el.dataset.wajib));
  el.addEventListener('input', () => el.setCustomValidity(''));
  el.addEventListener('change', () => el.setCustomValidity(''));
}
</script>`;
}

/** Everything the SOP sheet says about the step: for whoever wants it, folded. */
function details(v: TaskView): string {
  const t = v.task;
  return `<details class="kartu"><summary>Rincian langkah</summary>
<p>Langkah ${t.no}: ${esc(t.kegiatan)}</p>
<p>Kelengkapan: ${esc(t.kelengkapan)}<br>Output: ${esc(t.output)}${t.waktu ? `<br>Mutu baku waktu: ${esc(t.waktu)}` : ''}${t.putaran > 1 ? `<br>Putaran: ${t.putaran}` : ''}</p>
<p class="kecil">${esc(v.sopNama)}</p></details>`;
}

/**
 * The task page, phone first: what to do now (one sentence), the action, then the files, what is
 * under review, earlier rounds and the SOP's details. Every answer is a POST.
 */
export function taskPage(v: TaskView, nonce: string): string {
  const t = v.task;
  const open = t.status === 'terbuka';
  const b = v.tombol ?? tombol('koreksi');
  const deadline = hariTanggalJam(new Date(t.tenggat), v.zona);
  const upload = t.jenisTugas === 'unggah';
  const replacing = upload && !open && v.bisaGanti === true;
  let headline: string;
  let form = '';
  if (v.hanyaLihat) {
    headline = `Tugas ini sudah Anda alihkan kepada ${t.assignee.nama} (${t.assignee.jabatan}); tidak ada yang perlu Anda lakukan.`;
  } else if (open) {
    headline = v.aksi ?? `Selesaikan langkah ini sebelum ${deadline}.`;
    form = upload
      ? `${uploadInstructions(v.unitNama)}${uploadForm({ uploadEndpoint: v.uploadEndpoint, statusEndpoint: v.uploadEndpoint.replace(/\/unggahan$/, ''), label: 'Unggah' }, nonce)}`
      : decisionForms(v, b);
  } else if (replacing) {
    headline = 'Data Anda sudah diterima. Anda masih dapat menggantinya sampai penghimpunan data ditutup.';
    form = `${uploadInstructions(v.unitNama)}${uploadForm({ uploadEndpoint: v.uploadEndpoint, statusEndpoint: v.uploadEndpoint.replace(/\/unggahan$/, ''), label: 'Unggah pengganti' }, nonce)}`;
  } else {
    headline = 'Tugas ini sudah selesai; tidak ada yang perlu Anda lakukan.';
    form = t.keputusan
      ? `<p class="ok">Dicatat: ${esc(t.keputusan.hasil)} oleh ${esc(t.keputusan.oleh.nama)}, ${esc(tanggalPendek(new Date(t.keputusan.waktu), v.zona))}.</p>`
      : '';
  }
  // The signing step's own form (a system key, or the signer's PSrE passphrase): lib/pages/signing-page.ts.
  if (open && !v.hanyaLihat && v.penandatanganan) form = signingSection(t, v.penandatanganan, form);
  const files = v.downloads.length
    ? `<ul>${v.downloads.map((d) => `<li><a href="${esc(d.url)}">${esc(d.label)}</a></li>`).join('')}</ul>`
    : '<p class="kecil">Tidak ada berkas pada langkah ini.</p>';
  const where = [`Langkah ${t.no}`, v.judul, v.unitNama].filter(Boolean).map(esc).join(' · ');
  return page(
    `Langkah ${t.no}`,
    `<div class="kartu langkah-ini"><p class="kecil">${where}</p>
<h1>${esc(headline)}</h1>
<p class="kecil">Untuk ${esc(t.assignee.nama)} (${esc(t.assignee.jabatan)}) · batas ${esc(tanggalPendek(new Date(t.tenggat), v.zona))}</p>${delegationNotice(t.delegasi, v.zona)}</div>
${upload ? uploadVerdict(v.uploads, v.zona) : ''}
${form ? `<div class="kartu">${form}</div>` : ''}
<div class="kartu"><h2>Berkas</h2>${files}</div>
${v.revisi?.atas ?? ''}${v.revisi?.bawah || v.putaran || ''}
${v.ringkasan ? `<details class="kartu" open><summary>Lihat isinya di sini</summary>${v.ringkasan}</details>` : ''}
${upload ? uploadHistory(v.uploads, v.zona) : ''}${details(v)}${open && !v.hanyaLihat && v.alihkan ? delegationForm(v.alihkan.action, v.alihkan.orang, t.assignee.email) : ''}
<nav><a href="${esc(v.nav.lini)}">Lini masa siklus</a><a href="${esc(v.nav.instansi)}">Ikhtisar instansi</a></nav>${(open && !v.hanyaLihat) || replacing ? validationScript(nonce) : ''}`,
    nonce,
    v.kop ?? { instansi: v.agencyNama, induk: '' },
  );
}

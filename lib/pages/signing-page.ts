import type { Berkas, HumanTask } from '../cycle/model.ts';
import { esc } from '../html.ts';

/** What the signing step's page needs beyond the task page's own view. */
export interface SigningView {
  /** POST here to sign (the same link, /tanda-tangan). */
  action: string;
  /** POST here to return with notes (the task's own decision form). */
  returnAction?: string;
  /** The PDF that will be signed, to read first; absent while none exists. */
  naskahUrl?: string;
  /** Its file name when the signer uploaded it (exported from Word). */
  naskahNama?: string;
  /** The approved Word file (the preparer's revision), to export to PDF. */
  wordUrl?: string;
  /** The agency signs through a PSrE (BSrE): the signer types the passphrase here. */
  psre: boolean;
  /** The page that takes the PDF exported from Word (/t/<link>/revisi). */
  uploadPage: string;
}

/**
 * The signing part of the task page. With the system's key, the step's own answer ("Konfirmasi selesai",
 * "Setujui") is the signature: the page says so, and the signature is applied when the answer is taken.
 * With a PSrE, the passphrase form replaces it ("Tandatangani secara elektronik", sent once, kept
 * nowhere), beside the return form. Until a PDF exists (a Word version was approved) there is nothing to
 * sign: the page links to the upload of the PDF exported from Word. Every action is a POST.
 */
export function signingSection(task: HumanTask, v: SigningView, answer: string): string {
  if (task.status !== 'terbuka') return answer;
  const back = v.returnAction
    ? `<form method="post" action="${esc(v.returnAction)}"><label for="catatan">Catatan (wajib bila dikembalikan)</label>
<textarea id="catatan" name="catatan" rows="3" required></textarea>
<button class="tombol kedua" name="hasil" value="kembali">Kembalikan dengan catatan</button></form>`
    : '';
  if (!v.naskahUrl) {
    const word = v.wordUrl
      ? `<a href="${esc(v.wordUrl)}">dokumen Word yang disetujui (revisi penyusun)</a>`
      : 'dokumen Word yang disetujui (revisi penyusun)';
    return `<h2>Tanda tangan elektronik</h2><p class="tolak">Naskah final (PDF) belum tersedia: versi yang disetujui adalah dokumen Word.</p>
<p>Buka ${word} di Word, ekspor menjadi PDF (File → Save As → PDF), lalu <a href="${esc(v.uploadPage)}">unggah PDF-nya</a>; Kasubbag Perencanaan dapat membantu menyiapkannya. Setelah diterima, muat ulang halaman ini untuk menandatangani.</p>${back}`;
  }
  const which = v.naskahNama ? ` (${esc(v.naskahNama)}, PDF yang Anda unggah)` : ' (PDF)';
  const naskah = `<p>Baca dahulu <a href="${esc(v.naskahUrl)}">naskah final${which}</a>. Naskah inilah yang ditandatangani; riwayat koreksi tidak dimuat di dalamnya.</p>`;
  if (!v.psre)
    return `<h2>Tanda tangan elektronik</h2>${naskah}<p>Dengan jawaban di bawah ini Anda menandatangani naskah tersebut secara elektronik: sistem membubuhkan tanda tangan atas nama Anda, dengan kode QR menuju halaman verifikasi dokumen.</p>${answer}`;
  return `<h2>Tanda tangan elektronik</h2>${naskah}<form method="post" action="${esc(v.action)}">
<label for="passphrase">Passphrase TTE (BSrE)</label>
<input id="passphrase" name="passphrase" type="password" autocomplete="off" required>
<p class="kecil">Passphrase dikirim sekali ke layanan BSrE untuk tanda tangan ini dan tidak disimpan oleh sistem.</p>
<button class="tombol" type="submit">Tandatangani secara elektronik</button></form>${back}`;
}

/** The signing view of a task, for a signing step's task only (`tanda-tangan`). */
export function signingViewOf(
  ctx: { step: { jenis: string }; agency: { tte?: { penyedia: string } } },
  task: HumanTask,
  files: (Berkas & { url: string })[],
  taskPath: string,
  uploaded?: { url: string; nama: string },
): SigningView | undefined {
  if (ctx.step.jenis !== 'tanda-tangan') return undefined;
  return {
    action: `${taskPath}/tanda-tangan`,
    returnAction: task.jenisTugas === 'keputusan' ? taskPath : undefined,
    // The PDF exported from the approved Word file, once uploaded, is the one signed (naskahToSign).
    naskahUrl: uploaded?.url ?? files.find((f) => f.jenis === 'naskah-final')?.url,
    naskahNama: uploaded?.nama,
    wordUrl: files.find((f) => /-revisi\.docx$/.test(f.key))?.url,
    psre: ctx.agency.tte?.penyedia === 'bsre',
    uploadPage: `${taskPath}/revisi`,
  };
}

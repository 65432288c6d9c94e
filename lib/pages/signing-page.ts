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
  /** The agency signs through a PSrE (BSrE): the signer types the passphrase here. */
  psre: boolean;
}

/**
 * The signing form: read the PDF, then "Tandatangani secara elektronik" (POST, so a mail scanner opening
 * the link signs nothing). With a PSrE the passphrase field is sent once with this form and kept nowhere.
 */
export function signingSection(task: HumanTask, v: SigningView): string {
  if (task.status !== 'terbuka') return '';
  const naskah = v.naskahUrl
    ? `<p>Baca dahulu <a href="${esc(v.naskahUrl)}">naskah final (PDF)</a>. Naskah inilah yang ditandatangani; riwayat koreksi tidak dimuat di dalamnya.</p>`
    : `<p class="tolak">Naskah final (PDF) belum tersedia. Bila penyusun mengubah draf di Word, PDF hasil ekspor dari Word harus diunggah lebih dahulu oleh Kasubbag Perencanaan.</p>`;
  const passphrase = v.psre
    ? `<label for="passphrase">Passphrase TTE (BSrE)</label>
<input id="passphrase" name="passphrase" type="password" autocomplete="off" required>
<p class="kecil">Passphrase dikirim sekali ke layanan BSrE untuk tanda tangan ini dan tidak disimpan oleh sistem.</p>`
    : `<p class="kecil">Tanda tangan elektronik dibubuhkan oleh sistem atas nama Anda, dengan kode QR menuju halaman verifikasi dokumen.</p>`;
  const sign = v.naskahUrl
    ? `<form method="post" action="${esc(v.action)}">${passphrase}
<button class="tombol" type="submit">Tandatangani secara elektronik</button></form>`
    : '';
  const back = v.returnAction
    ? `<form method="post" action="${esc(v.returnAction)}"><label for="catatan">Catatan (wajib bila dikembalikan)</label>
<textarea id="catatan" name="catatan" rows="3" required></textarea>
<button class="tombol kedua" name="hasil" value="kembali">Kembalikan dengan catatan</button></form>`
    : '';
  return `<h2>Tanda tangan elektronik</h2>${naskah}${sign}${back}`;
}

/** The signing view of a task, for a signing step's task only (`tanda-tangan`). */
export function signingViewOf(
  ctx: { step: { jenis: string }; agency: { tte?: { penyedia: string } } },
  task: HumanTask,
  files: (Berkas & { url: string })[],
  taskPath: string,
): SigningView | undefined {
  if (ctx.step.jenis !== 'tanda-tangan') return undefined;
  return {
    action: `${taskPath}/tanda-tangan`,
    returnAction: task.jenisTugas === 'keputusan' ? taskPath : undefined,
    naskahUrl: files.find((f) => f.jenis === 'naskah-final')?.url,
    psre: ctx.agency.tte?.penyedia === 'bsre',
  };
}

import { esc } from '../html.ts';
import { page } from './layout.ts';

/** The pages of a link that no longer opens anything, and of the request for a fresh one. */

const SAID = {
  kedaluwarsa: {
    title: 'Tautan kedaluwarsa',
    text: 'Tautan ini sudah kedaluwarsa.',
  },
  'tidak-dikenal': {
    title: 'Tautan tidak dikenal',
    text: 'Tautan ini tidak dikenal atau bukan untuk Anda. Buka tautan dari email tugas terbaru Anda.',
  },
} as const;

/**
 * An expired or unknown link: says so, and offers to mail a fresh link (a POST, so that mail scanners
 * following links never trigger it). The form is the same for every well-formed id, known or not.
 */
export function deadLinkPage(alasan: keyof typeof SAID, resendAction?: string): string {
  const s = SAID[alasan];
  const form = resendAction
    ? `<form method="post" action="${esc(resendAction)}"><p>Bila tugas Anda masih terbuka, minta tautan baru: tautan itu dikirim ke alamat email yang tercatat untuk tugas tersebut, bukan ditampilkan di sini.</p>
<button class="tombol" type="submit">Kirim ulang tautan</button></form>`
    : '';
  return page(s.title, `<div class="kartu"><h1>${esc(s.title)}</h1><p>${esc(s.text)}</p>${form}</div>`);
}

/** The answer to "kirim ulang tautan", whatever happened: it must not tell whether the link existed. */
export function resendRequestedPage(): string {
  return page(
    'Permintaan diterima',
    `<div class="kartu"><h1>Permintaan diterima</h1>
<p>Bila tautan ini pernah dikirim untuk tugas yang masih terbuka, tautan baru sedang dikirim ke alamat email yang tercatat untuk tugas itu. Periksa kotak masuk Anda (juga folder spam) beberapa menit lagi.</p>
<p class="kecil">Permintaan berikutnya untuk tugas yang sama baru dilayani beberapa menit kemudian. Bila tidak ada email yang datang, hubungi Kasubbag Perencanaan.</p></div>`,
  );
}

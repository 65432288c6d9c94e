import type { ZonaWaktu } from '../../lib/calendar/working-time.ts';
import { tanggalPendek } from '../../lib/format/tanggal-pendek.ts';
import { esc } from '../../lib/html.ts';
import { cardTable } from '../../lib/pages/cards.ts';
import { page } from '../../lib/pages/layout.ts';
import type { CaughtMail } from './mailbox.ts';

/**
 * The zone a mail's times are read in: the one its own text names (every mail states its deadlines in
 * its agency's zone, WIB, WITA or WIT), else WIB.
 */
export function zonaOf(m: Pick<CaughtMail, 'subject' | 'text'>): ZonaWaktu {
  return (/\b(WITA|WIT|WIB)\b/.exec(`${m.subject}\n${m.text}`)?.[1] as ZonaWaktu | undefined) ?? 'WIB';
}

/** The local inbox: every mail the system sent, newest first, so a person can follow a cycle. */
export function inboxPage(messages: CaughtMail[]): string {
  const now = new Date().getUTCFullYear();
  const rows = [...messages]
    .reverse()
    .map((m) => [
      `<span class="kecil">${esc(tanggalPendek(new Date(m.receivedAt), zonaOf(m), now))}</span>`,
      esc(m.to.join(', ')),
      `<a href="/_lokal/surat/${esc(m.id)}">${esc(m.subject)}</a>`,
    ]);
  return page(
    'Kotak surat lokal',
    `<div class="kartu"><h1>Kotak surat lokal</h1><p class="kecil">Semua email yang dikirim lakip-flow di komputer ini (${messages.length} surat). Waktu menurut zona instansi pengirim.</p>${cardTable([{ label: 'Waktu' }, { label: 'Kepada' }, { label: 'Perihal' }], rows)}</div>`,
  );
}

/**
 * One caught message. Its links are listed first, as plain top-level links; the HTML mail follows in a
 * sandboxed frame (no scripts, no same-origin), whose links open the page itself rather than the frame.
 */
export function messagePage(m: CaughtMail, plain: boolean): string {
  const html = m.html.replace(/<head>/i, '<head><base target="_top">');
  const body =
    plain || !m.html
      ? `<pre style="white-space:pre-wrap">${esc(m.text)}</pre>`
      : `<iframe title="Isi surat" sandbox="allow-top-navigation-by-user-activation" style="width:100%;height:60vh;border:1px solid #ccd;background:#fff" srcdoc="${esc(html)}"></iframe>`;
  const links = [...new Set(m.text.match(/https?:\/\/\S+/g) ?? [])];
  const list = links.length
    ? `<p>Tautan dalam surat ini:</p><ul>${links.map((l) => `<li><a class="tautan-surat" style="word-break:break-all" href="${esc(l)}">${esc(l)}</a></li>`).join('')}</ul>`
    : '';
  return page(
    m.subject,
    `<p><a href="/_lokal/surat">← Kotak surat</a> · <a href="?tampil=teks">teks</a></p><div class="kartu"><h1>${esc(m.subject)}</h1><p class="kecil">Dari: ${esc(m.from)}<br>Kepada: ${esc(m.to.join(', '))}<br>${esc(tanggalPendek(new Date(m.receivedAt), zonaOf(m)))}</p>${list}${body}</div>`,
  );
}

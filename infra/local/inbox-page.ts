import { esc } from '../../lib/html.ts';
import { page } from '../../lib/pages/layout.ts';
import type { CaughtMail } from './mailbox.ts';

/** The local inbox: every mail the system sent, newest first, so a person can follow a cycle. */
export function inboxPage(messages: CaughtMail[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (m) =>
        `<tr><td class="kecil">${esc(m.receivedAt.replace('T', ' ').slice(0, 19))}</td><td style="word-break:break-all">${esc(m.to.join(', '))}</td><td><a href="/_lokal/surat/${esc(m.id)}">${esc(m.subject)}</a></td></tr>`,
    )
    .join('');
  return page(
    'Kotak surat lokal',
    `<div class="kartu"><h1>Kotak surat lokal</h1><p class="kecil">Semua email yang dikirim lakip-flow di komputer ini (${messages.length} surat).</p><div class="gulir"><table><tr><th>Waktu (UTC)</th><th>Kepada</th><th>Perihal</th></tr>${rows}</table></div></div>`,
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
    `<p><a href="/_lokal/surat">← Kotak surat</a> · <a href="?tampil=teks">teks</a></p><div class="kartu"><h1>${esc(m.subject)}</h1><p class="kecil">Dari: ${esc(m.from)}<br>Kepada: ${esc(m.to.join(', '))}<br>${esc(m.receivedAt)}</p>${list}${body}</div>`,
  );
}

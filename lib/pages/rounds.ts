import type { ZonaWaktu } from '../calendar/working-time.ts';
import type { Putaran } from '../cycle/rounds.ts';
import { tanggalPendek } from '../format/tanggal-pendek.ts';
import { esc } from '../html.ts';

/** A file of a round, with a download link when the page has one for it. */
export type FileLinkOf = (key: string) => string | undefined;

const HASIL = { setuju: 'disetujui', kembali: 'dikembalikan', selesai: 'dikonfirmasi' } as const;

/**
 * Every round of a review loop: the version prepared, the preparer's reply, the reviewer's verdict and
 * notes. Newest first, the last three open, so the notes to act on are at hand. (Revised uploads per round
 * are meant to be added to `disusun.berkas`.)
 */
export function roundsSection(
  rounds: readonly Putaran[],
  zona: ZonaWaktu,
  linkOf: FileLinkOf = () => undefined,
): string {
  if (rounds.length < 2 && !rounds.some((r) => r.tinjauan?.hasil === 'kembali')) return '';
  const items = [...rounds]
    .reverse()
    .map((r, i) => {
      const d = r.disusun;
      const files = d?.berkas.length
        ? `<ul>${d.berkas
            .map((b) => {
              const url = linkOf(b.key);
              return `<li>${url ? `<a href="${esc(url)}">${esc(b.label)}</a>` : esc(b.label)}</li>`;
            })
            .join('')}</ul>`
        : '';
      const prepared = d
        ? `<p><b>Disusun</b>${d.oleh ? ` oleh ${esc(d.oleh)}` : ''}${d.waktu ? `, ${esc(tanggalPendek(new Date(d.waktu), zona))}` : ' (belum selesai)'}</p>${files}${d.catatan ? `<p>Catatan penyusun: <q>${esc(d.catatan)}</q></p>` : ''}`
        : '';
      const t = r.tinjauan;
      const judged = t
        ? `<p><b class="${t.hasil === 'kembali' ? 'tolak' : 'ok'}">${esc(HASIL[t.hasil])}</b> oleh ${esc(t.oleh)}, ${esc(tanggalPendek(new Date(t.waktu), zona))}</p>${t.catatan ? `<p>Catatan: <q>${esc(t.catatan)}</q></p>` : ''}`
        : '<p class="kecil">Belum diperiksa.</p>';
      return `<details${i < 3 ? ' open' : ''}><summary>Putaran ${r.putaran}</summary>${prepared}${judged}</details>`;
    })
    .join('');
  return `<div class="kartu"><h2>Putaran pemeriksaan</h2>${items}</div>`;
}

import type { Berkas } from '../cycle/model.ts';
import type { Ports } from '../cycle/ports.ts';
import { handedOn } from '../cycle/revisions.ts';
import type { ParagrafBerubah, PerubahanVersi, Potongan } from '../cycle/version-diff.ts';
import { esc } from '../html.ts';

/**
 * What changed between the report's versions, on a task page: per version after the first, the counts, and
 * under a fold the changed paragraphs with deleted words struck and added words underlined (the words say it
 * too, for a screen reader and for a print without colour). The summaries were computed when each version
 * was registered (lib/cycle/steps/version-changes.ts); this only reads them.
 */
export async function versionChanges(
  ports: Pick<Ports, 'blobs'>,
  rounds: readonly { berkas: readonly Berkas[] }[],
): Promise<PerubahanVersi[]> {
  const read = async (r: { berkas: readonly Berkas[] }): Promise<PerubahanVersi | undefined> => {
    const v = handedOn(r.berkas);
    if (!v?.perubahan) return undefined;
    try {
      const p = JSON.parse(Buffer.from(await ports.blobs.get(v.bucket, v.perubahan)).toString('utf8'));
      return p && typeof p.jumlah === 'object' && Array.isArray(p.rincian)
        ? (p as PerubahanVersi)
        : undefined;
    } catch (e) {
      // The page still shows the versions; only the summary is missing.
      console.warn('ringkasan perubahan tidak terbaca', { key: v.perubahan, error: (e as Error).message });
      return undefined;
    }
  };
  return (await Promise.all(rounds.map(read))).filter((p): p is PerubahanVersi => p !== undefined);
}

const JENIS: Record<ParagrafBerubah['jenis'], string> = {
  diubah: 'diubah',
  ditambah: 'ditambahkan',
  dihapus: 'dihapus',
};

function run(p: Potongan): string {
  if (p.ubah === 'hapus')
    return `<del><span class="sr">[dihapus: </span>${esc(p.teks)}<span class="sr">]</span></del>`;
  if (p.ubah === 'tambah')
    return `<ins><span class="sr">[ditambah: </span>${esc(p.teks)}<span class="sr">]</span></ins>`;
  return esc(p.teks);
}

function paragraph(p: ParagrafBerubah): string {
  const where = p.bagian ? `<span class="kecil">${esc(p.bagian)}</span><br>` : '';
  return `<li>${where}<span class="lencana ${p.jenis}">${JENIS[p.jenis]}</span> ${p.potongan.map(run).join('')}</li>`;
}

/** One version's summary in a sentence (the timeline shows only this). */
export function versionChangeLine(p: PerubahanVersi): string {
  const head = `<b>Perubahan dari v${p.dari} ke v${p.ke}:</b>`;
  if (p.tidakTersedia) return `${head} ${esc(p.tidakTersedia)}`;
  const { diubah, ditambah, dihapus } = p.jumlah;
  return diubah + ditambah + dihapus === 0
    ? `${head} tidak ada perubahan pada teks. <span class="kecil">Gambar dan tata letak tidak dibandingkan.</span>`
    : `${head} ${diubah} paragraf diubah, ${ditambah} ditambah, ${dihapus} dihapus.`;
}

/** One version's summary line, and its changed paragraphs under a fold. */
export function versionChangeHtml(p: PerubahanVersi): string {
  const line = `<p>${versionChangeLine(p)}</p>`;
  const { diubah, ditambah, dihapus } = p.jumlah;
  const total = diubah + ditambah + dihapus;
  if (p.tidakTersedia || total === 0) return line;
  const more =
    p.lainnya > 0
      ? `<p class="kecil">dan ${p.lainnya} perubahan lain — unduh kedua versi untuk membandingkan.</p>`
      : '';
  return `${line}
<details><summary>Lihat paragraf yang berubah (${total})</summary>
<p class="kecil">Keterangan: <del>teks dicoret</del> = dihapus, <ins>teks bergaris bawah</ins> = ditambah. Gambar dan tata letak tidak dibandingkan.</p>
<ol class="perubahan">${p.rincian.map(paragraph).join('')}</ol>${more}</details>`;
}

/** Every version's changes, newest first; empty when no version has a summary. */
export function versionChangesCard(changes: readonly PerubahanVersi[]): string {
  if (changes.length === 0) return '';
  const items = [...changes]
    .sort((a, b) => b.ke - a.ke)
    .map((p) => `<section class="versi-ubah">${versionChangeHtml(p)}</section>`)
    .join('');
  return `<div class="kartu"><h2>Perubahan antarversi</h2>${items}</div>`;
}

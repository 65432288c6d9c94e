import { angka, persen, rupiah } from '../format/indonesia.ts';
import { esc } from '../html.ts';
import type { Analisis } from '../performance/analysis.ts';
import { cardTable } from './cards.ts';

const nilai = (v: number | string | null) => (v === null ? '-' : typeof v === 'number' ? angka(v) : v);

/** The key tables of a draft, in HTML: capaian per sasaran, then per indicator (stacked cards on a phone). */
export function analysisTables(a: Analisis, opts: { title: string }): string {
  const sasaran = a.sasaran.map((s) => [
    `${esc(s.kode)} ${esc(s.uraian)}`,
    esc(persen(s.capaian)),
    esc(s.kategori ?? '-'),
    esc(s.efisiensi ?? '-'),
  ]);
  const indikator = a.sasaran
    .flatMap((s) => s.indikator)
    .filter((i) => i.realisasi !== null || a.unitBelumLengkap.length === 0)
    .map((i) => [
      esc(i.kode),
      esc(i.uraian),
      esc(nilai(i.target)),
      esc(nilai(i.realisasi)),
      esc(i.hasil.dihitung ? persen(i.hasil.capaian) : '-'),
      esc(i.hasil.dihitung ? i.hasil.kategori : i.hasil.alasan),
    ]);
  const missing = a.unitBelumLengkap.length
    ? `<p class="tolak">Data belum lengkap dari: ${a.unitBelumLengkap.map(esc).join(', ')}</p>`
    : '';
  return `<h2>${esc(opts.title)}</h2>${missing}
<p>Rata-rata capaian ${esc(persen(a.ringkasan.rataRata))} dari ${a.ringkasan.dihitung} indikator terukur; serapan anggaran ${esc(persen(a.anggaran.serapan))} (${esc(rupiah(a.anggaran.realisasi))} dari ${esc(rupiah(a.anggaran.pagu))}).</p>
${cardTable([{ label: 'Sasaran' }, { label: 'Capaian', angka: true }, { label: 'Kategori' }, { label: 'Efisiensi' }], sasaran, 'Capaian per sasaran')}
${cardTable(
  [
    { label: 'Kode' },
    { label: 'Indikator' },
    { label: 'Target', angka: true },
    { label: 'Realisasi', angka: true },
    { label: 'Capaian', angka: true },
    { label: 'Kategori' },
  ],
  indikator,
  'Capaian per indikator',
)}`;
}

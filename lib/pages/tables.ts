import { angka, persen, rupiah } from '../format/indonesia.ts';
import { esc } from '../html.ts';
import type { Analisis } from '../performance/analysis.ts';

const nilai = (v: number | string | null) => (v === null ? '-' : typeof v === 'number' ? angka(v) : v);

/** The key tables of a draft, in HTML: capaian per sasaran, then per indicator, then the budget. */
export function analysisTables(a: Analisis, opts: { title: string }): string {
  const sasaran = a.sasaran
    .map(
      (s) =>
        `<tr><td>${esc(s.kode)} ${esc(s.uraian)}</td><td class="angka">${esc(persen(s.capaian))}</td><td>${esc(s.kategori ?? '-')}</td><td>${esc(s.efisiensi ?? '-')}</td></tr>`,
    )
    .join('');
  const indikator = a.sasaran
    .flatMap((s) => s.indikator)
    .filter((i) => i.realisasi !== null || a.unitBelumLengkap.length === 0)
    .map(
      (i) =>
        `<tr><td>${esc(i.kode)}</td><td>${esc(i.uraian)}</td><td class="angka">${esc(nilai(i.target))}</td><td class="angka">${esc(nilai(i.realisasi))}</td><td class="angka">${esc(i.hasil.dihitung ? persen(i.hasil.capaian) : '-')}</td><td>${esc(i.hasil.dihitung ? i.hasil.kategori : i.hasil.alasan)}</td></tr>`,
    )
    .join('');
  const missing = a.unitBelumLengkap.length
    ? `<p class="tolak">Data belum lengkap dari: ${a.unitBelumLengkap.map(esc).join(', ')}</p>`
    : '';
  return `<h2>${esc(opts.title)}</h2>${missing}
<p>Rata-rata capaian ${esc(persen(a.ringkasan.rataRata))} dari ${a.ringkasan.dihitung} indikator terukur; serapan anggaran ${esc(persen(a.anggaran.serapan))} (${esc(rupiah(a.anggaran.realisasi))} dari ${esc(rupiah(a.anggaran.pagu))}).</p>
<div class="gulir"><table><tr><th>Sasaran</th><th>Capaian</th><th>Kategori</th><th>Efisiensi</th></tr>${sasaran}</table></div>
<div class="gulir"><table><tr><th>Kode</th><th>Indikator</th><th>Target</th><th>Realisasi</th><th>Capaian</th><th>Kategori</th></tr>${indikator}</table></div>`;
}

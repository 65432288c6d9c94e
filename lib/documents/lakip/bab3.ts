import { angka } from '../../format/indonesia.ts';
import type { AnalisisIndikator, AnalisisSasaran } from '../../performance/analysis.ts';
import type { PerjanjianKinerja } from '../../performance/model.ts';
import { barsOf, capaianChart, categoryColours, trendChart } from '../charts.ts';
import type { Blok } from '../content.ts';
import { formatCapaian, formatRupiah } from '../format.ts';
import {
  capaianCell,
  dasarTarget,
  dataTable,
  h,
  indikatorOf,
  kategoriCell,
  type LakipInput,
  list,
  nilai,
  para,
  perubahan,
} from './common.ts';

/** Bab III Akuntabilitas Kinerja: capaian per sasaran with trend, Renstra, causes, efficiency, programs. */

export interface Counter {
  tabel: number;
  grafik: number;
}

function konvensiText(pk: PerjanjianKinerja): string[] {
  const k = pk.konvensi;
  return [
    'Indikator positif (makin tinggi makin baik): capaian = realisasi ÷ target × 100%.',
    k.rumus_negatif === '2-r/t'
      ? 'Indikator negatif (makin rendah makin baik): capaian = (2 − realisasi ÷ target) × 100%, kecuali indikator yang menetapkan rumus lain.'
      : 'Indikator negatif (makin rendah makin baik): capaian = target ÷ realisasi × 100%, kecuali indikator yang menetapkan rumus lain.',
    'Indikator negatif bertarget 0: persentase capaian tidak bermakna; yang dilaporkan adalah apakah realisasi sudah mencapai 0.',
    `Batas bawah capaian: ${k.batas_bawah === null ? 'tidak ada' : formatCapaian(k.batas_bawah)}; batas atas: ${k.batas_atas === null ? 'tidak ada' : formatCapaian(k.batas_atas)}.`,
    `Kategori: ${[...k.skala]
      .sort((a, b) => b.min - a.min)
      .map((s) => `${s.nama} (≥ ${formatCapaian(s.min)})`)
      .join('; ')}.`,
    `Efisiensi: capaian kinerja dikurangi serapan anggaran lebih dari ${angka(k.ambang_efisiensi)} poin = efisien; dalam ±${angka(k.ambang_efisiensi)} poin = cukup efisien; selain itu tidak efisien.`,
  ];
}

function legend(pk: PerjanjianKinerja): string {
  const colours = categoryColours(pk.konvensi.skala);
  const names: Record<string, string> = {
    '#1E7B34': 'hijau tua',
    '#5A9E2F': 'hijau',
    '#C99A00': 'kuning',
    '#E06C00': 'jingga',
    '#B22222': 'merah',
  };
  return `Warna batang mengikuti kategori capaian: ${[...colours]
    .map(([k, c]) => `${names[c] ?? c} = ${k}`)
    .join(', ')}; garis putus-putus = target 100%.`;
}

function penjelasan(x: AnalisisIndikator, units: Map<string, string>): Blok {
  const src = units.get(x.unit) ?? x.unit;
  const p = x.penjelasan;
  if (!p || (!p.penyebab && !p.kendala && !p.solusi))
    return para(`${x.kode} ${x.uraian}: belum ada penjelasan dari ${src}.`, { italics: true });
  const parts = [
    p.penyebab && `Penyebab: ${p.penyebab}.`,
    p.kendala && `Kendala: ${p.kendala}.`,
    p.solusi && `Upaya perbaikan: ${p.solusi}.`,
  ].filter(Boolean);
  return para(`${x.kode} ${x.uraian} (${src}). ${parts.join(' ').replace(/\.\./g, '.')}`);
}

/** The JUMLAH row of a budget table: pagu, realisasi and serapan of the whole scope. */
export function totalRow(g: { pagu: number; realisasi: number; serapan: number | null }): string[] {
  return ['', 'JUMLAH', formatRupiah(g.pagu), formatRupiah(g.realisasi), formatCapaian(g.serapan)];
}

export function programTable(caption: string, programs: AnalisisSasaran['program'], total?: string[]): Blok {
  return dataTable(
    caption,
    [
      { header: 'Kode', width: 11, noWrap: true },
      { header: 'Program', width: 39 },
      { header: 'Pagu (Rp)', width: 18, align: 'right', noWrap: true },
      { header: 'Realisasi (Rp)', width: 18, align: 'right', noWrap: true },
      { header: 'Serapan', width: 14, align: 'right', noWrap: true },
    ],
    [
      ...programs.map((p) => [
        p.kode,
        p.nama,
        formatRupiah(p.pagu),
        formatRupiah(p.realisasi),
        formatCapaian(p.serapan),
      ]),
      ...(total ? [total.map((t) => ({ text: t, bold: true }))] : []),
    ],
  );
}

function trend(s: AnalisisSasaran, input: LakipInput, n: Counter): Blok[] {
  const { pk } = input;
  const rows = s.indikator.map((x) => ({ x, ind: indikatorOf(pk, x.kode) }));
  const years = [...new Set(rows.flatMap((r) => Object.keys(r.ind?.realisasi_lalu ?? {})))].sort();
  const out: Blok[] = [];
  if (years.length > 0)
    out.push(
      dataTable(
        `Tabel 3.${++n.tabel} Realisasi ${years[0]}–${pk.tahun} sasaran ${s.kode}`,
        [
          { header: 'Indikator', width: 34 },
          ...years.map((y) => ({ header: y, width: 11, align: 'right' as const, noWrap: true })),
          { header: String(pk.tahun), width: 11, align: 'right', noWrap: true },
          { header: `Perubahan thd ${pk.tahun - 1}`, width: 20 },
        ],
        rows.map(({ x, ind }) => [
          `${x.kode} ${x.uraian} (${x.satuan})`,
          ...years.map((y) => nilai(ind?.realisasi_lalu[y] ?? null)),
          nilai(x.realisasi),
          perubahan(x.tahunLalu?.selisih ?? null, x.polaritas),
        ]),
      ),
    );
  const renstra = s.indikator.filter((x) => x.renstra || x.standarNasional !== null);
  if (renstra.length > 0)
    out.push(
      dataTable(
        `Tabel 3.${++n.tabel} Perbandingan dengan target akhir Renstra ${pk.renstra.tahun_akhir} dan standar nasional, sasaran ${s.kode}`,
        [
          { header: 'Indikator', width: 36 },
          { header: `Target Renstra ${pk.renstra.tahun_akhir}`, width: 14, align: 'right', noWrap: true },
          { header: `Realisasi ${pk.tahun}`, width: 14, align: 'right', noWrap: true },
          { header: 'Capaian thd Renstra', width: 18, align: 'right' },
          { header: 'Standar nasional', width: 18, align: 'right' },
        ],
        renstra.map((x) => [
          `${x.kode} ${x.uraian}`,
          x.renstra ? nilai(x.renstra.target) : '-',
          nilai(x.realisasi),
          x.renstra ? capaianCell(x.renstra.hasil, x.renstra.target, x.realisasi, x.polaritas) : '-',
          x.standarNasional === null ? '-' : `${angka(x.standarNasional)} ${x.satuan}`,
        ]),
      ),
    );
  // Trend charts only where the yearly figure is comparable with earlier years.
  if (!input.periode || input.periode === 'tahunan')
    for (const { x, ind } of rows) {
      const points = [
        ...Object.entries(ind?.realisasi_lalu ?? {}).flatMap(([y, v]) =>
          typeof v === 'number' ? [{ tahun: Number(y), nilai: v }] : [],
        ),
        ...(typeof x.realisasi === 'number' ? [{ tahun: pk.tahun, nilai: x.realisasi }] : []),
      ].sort((a, b) => a.tahun - b.tahun);
      if (points.length < 2) continue;
      const chart = trendChart(points, {
        satuan: x.satuan,
        target: typeof x.target === 'number' ? x.target : undefined,
        renstra: typeof x.renstra?.target === 'number' ? x.renstra.target : undefined,
        tahunRenstra: pk.renstra.tahun_akhir,
      });
      out.push({
        type: 'figure',
        ...chart,
        caption: `Grafik 3.${++n.grafik} Tren realisasi ${x.kode} ${x.uraian}`,
      });
    }
  return out;
}

function sasaranSection(s: AnalisisSasaran, i: number, input: LakipInput, n: Counter): Blok[] {
  const units = new Map(input.agency.unit.map((u) => [u.id, u.nama]));
  const { kolom } = dasarTarget(input);
  const out: Blok[] = [
    h(3, `Sasaran ${i + 1}: ${s.uraian}`),
    para(
      s.capaian === null
        ? 'Capaian sasaran ini belum dapat dihitung karena data realisasi belum lengkap.'
        : `Rata-rata capaian indikator sasaran ini adalah ${formatCapaian(s.capaian)} dengan kategori ${s.kategori}.`,
    ),
    dataTable(
      `Tabel 3.${++n.tabel} Target, realisasi dan capaian sasaran ${s.kode}`,
      [
        { header: 'Indikator', width: 36 },
        { header: 'Satuan', width: 11 },
        { header: kolom, width: 12, align: 'right', noWrap: true },
        { header: 'Realisasi', width: 12, align: 'right', noWrap: true },
        { header: 'Capaian', width: 13, align: 'right' },
        { header: 'Kategori', width: 16 },
      ],
      s.indikator.map((x) => [
        `${x.kode} ${x.uraian}`,
        x.satuan,
        nilai(x.target),
        nilai(x.realisasi),
        capaianCell(x.hasil, x.target, x.realisasi, x.polaritas),
        kategoriCell(x),
      ]),
    ),
    ...trend(s, input, n),
    para('Analisis penyebab keberhasilan/kegagalan dan upaya perbaikan', {
      bold: true,
      after: 3,
      align: 'left',
    }),
    ...s.indikator.map((x) => penjelasan(x, units)),
    para('Efisiensi penggunaan sumber daya', { bold: true, after: 3, align: 'left' }),
    para(
      s.efisiensi === null
        ? 'Efisiensi belum dapat dinilai (capaian atau pagu belum tersedia).'
        : `Serapan anggaran program pendukung ${formatCapaian(s.anggaran.serapan)} (${formatRupiah(s.anggaran.realisasi)} dari pagu ${formatRupiah(s.anggaran.pagu)}) dibandingkan capaian ${formatCapaian(s.capaian)}: ${s.efisiensi}.`,
      // Amounts do not break, so justified lines around them would gape.
      { align: 'left' },
    ),
  ];
  if (s.program.length > 0)
    out.push(programTable(`Tabel 3.${++n.tabel} Program pendukung sasaran ${s.kode}`, s.program));
  return out;
}

export function bab3(input: LakipInput): Blok[] {
  const { pk, analisis: a } = input;
  const n: Counter = { tabel: 0, grafik: 0 };
  const all = a.sasaran.flatMap((s) => s.indikator);
  const out: Blok[] = [
    h(1, 'BAB III\nAKUNTABILITAS KINERJA'),
    h(2, 'A. Capaian Kinerja Organisasi'),
    para(dasarTarget(input).kalimat),
    para('Capaian dihitung dengan ketentuan berikut:', { after: 2 }),
    list(konvensiText(pk), false),
    dataTable(
      `Tabel 3.${++n.tabel} Ringkasan capaian per sasaran strategis`,
      [
        { header: 'Sasaran', width: 50 },
        { header: 'Jumlah indikator', width: 14, align: 'center' },
        { header: 'Capaian', width: 16, align: 'right', noWrap: true },
        { header: 'Kategori', width: 20 },
      ],
      a.sasaran.map((s) => [
        `${s.kode} ${s.uraian}`,
        String(s.indikator.length),
        formatCapaian(s.capaian),
        s.kategori ?? '-',
      ]),
    ),
    {
      type: 'figure',
      ...capaianChart(barsOf(all), pk.konvensi),
      caption: `Grafik 3.${++n.grafik} Capaian per indikator kinerja terhadap target`,
    },
    para(legend(pk), { size: 9, italics: true }),
    ...a.sasaran.flatMap((s, i) => sasaranSection(s, i, input, n)),
    h(2, 'B. Realisasi Anggaran'),
    programTable(
      `Tabel 3.${++n.tabel} Realisasi anggaran per program`,
      a.sasaran.flatMap((s) => s.program),
      totalRow(a.anggaran),
    ),
  ];
  return out;
}

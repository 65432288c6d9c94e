import ExcelJS from 'exceljs';
import type { Agency } from '../agency/schema.ts';
import type { Analisis } from '../performance/analysis.ts';
import type { Nilai } from '../performance/capaian.ts';
import { BORDER, HEADER_FILL, PRINT_LANDSCAPE } from '../workbook/layout.ts';
import { rowHeightFor } from '../workbook/row-height.ts';

/**
 * The analysis of step 5 as a workbook a person opens in Excel: a summary, the capaian of every indicator
 * (target, realisasi, capaian, kategori, and why a capaian could not be computed), one row per unit, and
 * one per sasaran with its budget. Figures stay numbers (formatted), so the Kasubbag can sort and sum.
 */
export interface AnalisisWorkbookInput {
  agency: Agency;
  analisis: Analisis;
  /** What the figures cover, e.g. "Tahunan 2025" or "Triwulan II 2025". */
  cakupan: string;
  /** Version of the analysis (the pass of the step). */
  versi?: number;
}

const PERSEN = '0.00"%"';
const RUPIAH = '#,##0';

interface Kolom {
  header: string;
  width: number;
  numFmt?: string;
}

type Value = string | number | null;

/** A sheet with a title, a header row repeated on every printed page, and bordered, wrapped rows. */
function tableSheet(wb: ExcelJS.Workbook, name: string, title: string, cols: Kolom[], rows: Value[][]) {
  const headerRow = 3;
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: { ...PRINT_LANDSCAPE, printTitlesRow: `${headerRow}:${headerRow}` },
  });
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  cols.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    const h = ws.getCell(headerRow, i + 1);
    h.value = c.header;
    h.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    h.fill = HEADER_FILL;
    h.border = BORDER;
    h.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  ws.getRow(headerRow).height = rowHeightFor(
    cols.map((c) => ({ text: c.header, width: c.width, bold: true })),
  );
  rows.forEach((values, k) => {
    const r = headerRow + 1 + k;
    values.forEach((v, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = v ?? '-';
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: 'top' };
      if (typeof v === 'number' && cols[i]!.numFmt) cell.numFmt = cols[i]!.numFmt!;
    });
    ws.getRow(r).height = rowHeightFor(
      values.map((v, i) => ({ text: String(v ?? '-'), width: cols[i]!.width })),
    );
  });
  return ws;
}

const nilai = (v: Nilai): Value => (v === null || v === '' ? null : v);

export async function renderAnalisisWorkbook(input: AnalisisWorkbookInput): Promise<Uint8Array> {
  const { agency, analisis: a, cakupan } = input;
  const unitNama = (id: string) => agency.unit.find((u) => u.id === id)?.nama ?? id;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lakip-flow';
  const instansi = `${agency.nama} ${agency.pemerintah}`;
  const indikator = a.sasaran.flatMap((s) => s.indikator.map((i) => ({ s, i })));

  const kategori = Object.entries(a.ringkasan.perKategori);
  const summary: Value[][] = [
    ['Instansi', instansi],
    ['Cakupan data', cakupan],
    ...(input.versi ? [['Versi analisis', input.versi] as Value[]] : []),
    ['Jumlah indikator', a.ringkasan.jumlahIndikator],
    ['Capaian dapat dihitung', a.ringkasan.dihitung],
    ['Rata-rata capaian (%)', a.ringkasan.rataRata],
    ...kategori.map(([k, n]): Value[] => [`Indikator kategori ${k}`, n]),
    ['Pagu anggaran (Rp)', a.anggaran.pagu],
    ['Realisasi anggaran (Rp)', a.anggaran.realisasi],
    ['Serapan anggaran (%)', a.anggaran.serapan],
    [
      'Unit yang datanya belum lengkap',
      a.unitBelumLengkap.length > 0 ? a.unitBelumLengkap.map(unitNama).join(', ') : 'tidak ada',
    ],
  ];
  const ring = tableSheet(
    wb,
    'Ringkasan',
    `Ringkasan Analisis Capaian Kinerja — ${cakupan}`,
    [
      { header: 'Uraian', width: 36 },
      { header: 'Nilai', width: 60 },
    ],
    summary,
  );
  // Percentages and rupiah in the summary's value column, by row.
  summary.forEach(([label], k) => {
    const cell = ring.getCell(4 + k, 2);
    if (typeof cell.value !== 'number') return;
    cell.numFmt = String(label).includes('(%)') ? PERSEN : String(label).includes('(Rp)') ? RUPIAH : '0';
    cell.alignment = { horizontal: 'left', vertical: 'top' };
  });

  tableSheet(
    wb,
    'Capaian Indikator',
    `Capaian Kinerja per Indikator — ${cakupan}`,
    [
      { header: 'No', width: 5 },
      { header: 'Sasaran Strategis', width: 30 },
      { header: 'Kode', width: 10 },
      { header: 'Indikator Kinerja', width: 38 },
      { header: 'Satuan', width: 11 },
      { header: 'Unit', width: 24 },
      { header: 'Target', width: 11, numFmt: '#,##0.##' },
      { header: 'Realisasi', width: 11, numFmt: '#,##0.##' },
      { header: 'Capaian (%)', width: 11, numFmt: PERSEN },
      { header: 'Kategori', width: 16 },
      { header: 'Keterangan', width: 34 },
    ],
    indikator.map(({ s, i }, k) => [
      k + 1,
      s.uraian,
      i.kode,
      i.uraian,
      i.satuan,
      unitNama(i.unit),
      nilai(i.target),
      nilai(i.realisasi),
      i.hasil.dihitung ? i.hasil.capaian : null,
      i.hasil.kategori,
      i.hasil.dihitung
        ? i.hasil.dibatasi
          ? `dibatasi ${i.hasil.dibatasi === 'atas' ? 'batas atas' : 'batas bawah'} (sebelum dibatasi ${i.hasil.mentah.toFixed(2).replace('.', ',')}%)`
          : ''
        : `tidak dihitung: ${i.hasil.alasan}`,
    ]),
  );

  const units = [...new Set(indikator.map(({ i }) => i.unit))];
  tableSheet(
    wb,
    'Per Unit',
    `Capaian Kinerja per Unit — ${cakupan}`,
    [
      { header: 'Unit', width: 34 },
      { header: 'Jumlah indikator', width: 12 },
      { header: 'Capaian dihitung', width: 12 },
      { header: 'Rata-rata capaian (%)', width: 14, numFmt: PERSEN },
      { header: 'Data', width: 20 },
    ],
    units.map((u) => {
      const mine = indikator.filter(({ i }) => i.unit === u);
      const done = mine.flatMap(({ i }) => (i.hasil.dihitung ? [i.hasil.capaian] : []));
      const mean =
        done.length > 0 ? Math.round((done.reduce((x, y) => x + y, 0) / done.length) * 100) / 100 : null;
      return [
        unitNama(u),
        mine.length,
        done.length,
        mean,
        a.unitBelumLengkap.includes(u) ? 'belum lengkap' : 'lengkap',
      ];
    }),
  );

  tableSheet(
    wb,
    'Per Sasaran',
    `Capaian dan Anggaran per Sasaran Strategis — ${cakupan}`,
    [
      { header: 'Kode', width: 8 },
      { header: 'Sasaran Strategis', width: 40 },
      { header: 'Capaian (%)', width: 11, numFmt: PERSEN },
      { header: 'Kategori', width: 16 },
      { header: 'Pagu (Rp)', width: 18, numFmt: RUPIAH },
      { header: 'Realisasi (Rp)', width: 18, numFmt: RUPIAH },
      { header: 'Serapan (%)', width: 11, numFmt: PERSEN },
      { header: 'Efisiensi', width: 14 },
    ],
    a.sasaran.map((s) => [
      s.kode,
      s.uraian,
      s.capaian,
      s.kategori,
      s.anggaran.pagu,
      s.anggaran.realisasi,
      s.anggaran.serapan,
      s.efisiensi,
    ]),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

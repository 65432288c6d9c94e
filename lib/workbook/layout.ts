import type ExcelJS from 'exceljs';
/**
 * The layout of the data-collection workbook, shared by the builder and the reader so the two
 * cannot drift apart. Bump TEMPLATE_VERSION whenever a column moves: older workbooks are then
 * recognised and refused with a clear message instead of being misread.
 */
export const TEMPLATE_VERSION = 2;
export const FORMAT_MARKER = 'lakip-flow/format-pengumpulan-data';

export const SHEET_PETUNJUK = 'Petunjuk';
export const SHEET_KINERJA = 'Kinerja';
export const SHEET_ANGGARAN = 'Anggaran';
export const SHEET_META = 'meta';

/** Identity block at the top of the Kinerja sheet: names for people, ids in IDENTITY_ID_COL for the reader. */
export const IDENTITY_ROWS = {
  instansi: 2,
  unit: 3,
  tahun: 4,
  periode: 5,
  versi: 6,
} as const;
export const IDENTITY_LABEL_COL = 1;
/** People read names here (agency, unit, "Triwulan IV"); workbooks of format version 2 and before held the ids. */
export const IDENTITY_VALUE_COL = 3;
/**
 * A hidden column beside the table holding the ids the reader checks (instansi, unit, tahun, periode,
 * versi), so that a CSV export of the Kinerja sheet, which carries hidden columns too, still identifies
 * the workbook while people see names only.
 */
export const IDENTITY_ID_COL = 14;

export const KINERJA_HEADER_ROW = 8;
export const KINERJA_FIRST_ROW = 9;

/** Kinerja columns, 1-based; `edit` columns are unlocked for the unit. */
export const KINERJA_COLUMNS = [
  { key: 'no', header: 'No', width: 5, edit: false },
  { key: 'kode', header: 'Kode', width: 11, edit: false },
  { key: 'sasaran', header: 'Sasaran Strategis', width: 32, edit: false },
  { key: 'indikator', header: 'Indikator Kinerja', width: 40, edit: false },
  { key: 'satuan', header: 'Satuan', width: 11, edit: false },
  { key: 'polaritas', header: 'Polaritas', width: 14, edit: false },
  { key: 'target', header: 'Target', width: 10, edit: false },
  { key: 'realisasi', header: 'Realisasi', width: 11, edit: true },
  { key: 'penyebab', header: 'Penyebab keberhasilan/kegagalan', width: 34, edit: true },
  { key: 'kendala', header: 'Kendala', width: 28, edit: true },
  { key: 'solusi', header: 'Solusi/rencana tindak lanjut', width: 28, edit: true },
  { key: 'bukti', header: 'Bukti dukung (nama berkas/tautan)', width: 28, edit: true },
] as const;
export type KinerjaKey = (typeof KINERJA_COLUMNS)[number]['key'];
export const col = (key: KinerjaKey): number => KINERJA_COLUMNS.findIndex((c) => c.key === key) + 1;

export const ANGGARAN_HEADER_ROW = 3;
export const ANGGARAN_FIRST_ROW = 4;
export const ANGGARAN_COLUMNS = [
  { key: 'kode', header: 'Kode Program', width: 12, edit: false },
  { key: 'program', header: 'Program', width: 60, edit: false },
  { key: 'pagu', header: 'Pagu (Rp)', width: 18, edit: false },
  { key: 'realisasi', header: 'Realisasi (Rp)', width: 18, edit: true },
] as const;

export const POLARITAS_LABEL: Record<string, string> = {
  positif: 'Positif (makin tinggi makin baik)',
  negatif: 'Negatif (makin rendah makin baik)',
  kualitatif: 'Kualitatif',
};

/** Column letter for error messages ("H"). */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Limits on what a unit may send back. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_TEXT_LENGTH = 2000;

const ROMAWI = { TW1: 'I', TW2: 'II', TW3: 'III', TW4: 'IV' } as const;
/** "Tahunan" or "Triwulan IV", as people say it. */
export function periodeNama(periode: string): string {
  return periode in ROMAWI ? `Triwulan ${ROMAWI[periode as keyof typeof ROMAWI]}` : 'Tahunan';
}

/** Print setup shared by the sheets: A4 landscape, one page wide, as many pages down as needed. */
export const PRINT_LANDSCAPE = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
} as const;

/** The house style of every workbook people get: a dark header row, thin borders. */
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
export const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

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

/** Identity block at the top of the Kinerja sheet, visible so a CSV export keeps it too. */
export const IDENTITY_ROWS = {
  instansi: 2,
  unit: 3,
  tahun: 4,
  periode: 5,
  versi: 6,
} as const;
export const IDENTITY_LABEL_COL = 1;
export const IDENTITY_VALUE_COL = 3;

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

import ExcelJS from 'exceljs';
import type { Agency, Unit } from '../agency/schema.ts';
import { rupiah } from '../format/indonesia.ts';
import { indicatorsOfUnit, type PerjanjianKinerja, targetFor } from '../performance/model.ts';
import type { Periode } from '../performance/submission.ts';
import {
  ANGGARAN_COLUMNS,
  ANGGARAN_FIRST_ROW,
  ANGGARAN_HEADER_ROW,
  BORDER,
  col,
  FORMAT_MARKER,
  HEADER_FILL,
  IDENTITY_ID_COL,
  IDENTITY_LABEL_COL,
  IDENTITY_ROWS,
  IDENTITY_VALUE_COL,
  KINERJA_COLUMNS,
  KINERJA_FIRST_ROW,
  KINERJA_HEADER_ROW,
  MAX_TEXT_LENGTH,
  POLARITAS_LABEL,
  PRINT_LANDSCAPE,
  periodeNama,
  SHEET_ANGGARAN,
  SHEET_KINERJA,
  SHEET_META,
  SHEET_PETUNJUK,
  TEMPLATE_VERSION,
} from './layout.ts';
import { cakupanRealisasi, catatanRealisasi, judulRealisasi } from './realisasi-label.ts';
import { rowHeightFor } from './row-height.ts';

export interface FormatRequest {
  agency: Agency;
  unit: Unit;
  pk: PerjanjianKinerja;
  periode: Periode;
  /** Deadline shown to the unit, already formatted ("20 Januari 2026 pukul 16.00 WITA"). */
  batasWaktu?: string;
}

const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const EDIT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

/**
 * Builds one unit's data-collection workbook: instructions, one row per indicator with the
 * identity columns locked and realisasi/penjelasan/bukti editable, a budget sheet, data validation,
 * and hidden metadata that lets the reader recognise a wrong or outdated workbook.
 */
export async function buildFormatWorkbook(req: FormatRequest): Promise<Buffer> {
  const { agency, unit, pk, periode } = req;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lakip-flow';
  wb.created = new Date(Date.UTC(pk.tahun, 0, 1));
  const rows = indicatorsOfUnit(pk, unit.id);
  const programs = pk.program.filter((p) => p.unit === unit.id);
  const periodeLabel = `${periodeNama(periode)} ${pk.tahun}`;
  const cakupan = rows.map(({ indikator }) => cakupanRealisasi(indikator, periode));
  const realisasiHeader = judulRealisasi(cakupan, periode, pk);
  const mixed = new Set(cakupan).size > 1;

  const petunjuk = wb.addWorksheet(SHEET_PETUNJUK, {
    properties: { tabColor: { argb: 'FF2E75B6' } },
    pageSetup: { ...PRINT_LANDSCAPE, orientation: 'portrait' },
  });
  petunjuk.getColumn(1).width = 110;
  const lines = [
    `FORMAT PENGUMPULAN DATA DAN INFORMASI KINERJA — ${periodeLabel.toUpperCase()}`,
    `${agency.nama} ${agency.pemerintah}`,
    `Unit: ${unit.nama}`,
    req.batasWaktu ? `Batas waktu pengisian: ${req.batasWaktu}` : '',
    '',
    'Cara mengisi:',
    `1. Buka lembar "${SHEET_KINERJA}". Isi kolom berwarna kuning saja; kolom abu-abu (kode, sasaran, indikator, satuan, polaritas, target) dikunci.`,
    `2. Realisasi: tulis angka saja tanpa satuan, dengan koma untuk desimal (contoh: 12,5). Untuk indikator kualitatif pilih nilai dari daftar. ${realisasiPetunjuk(periode, realisasiHeader, mixed)}`,
    '3. Penyebab, kendala dan solusi: jelaskan singkat mengapa target tercapai atau tidak, hambatannya, dan langkah perbaikannya.',
    '4. Bukti dukung: tulis nama berkas atau tautan dokumen pendukung.',
    `5. Buka lembar "${SHEET_ANGGARAN}" dan isi realisasi anggaran setiap program dalam rupiah (tidak boleh melebihi pagu).`,
    '6. Jangan menambah, menghapus, memindahkan atau menggabungkan baris dan kolom. Jangan mengganti nama lembar.',
    '7. Simpan sebagai .xlsx (bukan .xlsm) lalu unggah melalui tautan pada email tugas Anda.',
    '',
    'Jika unggahan ditolak, halaman unggah menjelaskan lembar, baris dan kolom yang perlu diperbaiki. Unggahan yang sudah diterima sebelumnya tetap tersimpan.',
  ];
  lines.forEach((text, i) => {
    const cell = petunjuk.getCell(i + 1, 1);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 13 };
    petunjuk.getRow(i + 1).height = rowHeightFor([
      { text, width: 110, bold: i === 0, size: i === 0 ? 13 : 11 },
    ]);
  });
  await petunjuk.protect('', { selectLockedCells: true, selectUnlockedCells: true });

  const ws = wb.addWorksheet(SHEET_KINERJA, {
    views: [{ state: 'frozen', ySplit: KINERJA_HEADER_ROW, xSplit: 2 }],
    pageSetup: { ...PRINT_LANDSCAPE, printTitlesRow: `${KINERJA_HEADER_ROW}:${KINERJA_HEADER_ROW}` },
  });
  KINERJA_COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  ws.getCell(1, 1).value = `Data dan Informasi Kinerja ${periodeLabel}`;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  // People read names; the reader checks the ids in a hidden column (and in the hidden meta sheet).
  const identity: [keyof typeof IDENTITY_ROWS, string, string, string | number][] = [
    ['instansi', 'Instansi', `${agency.nama} ${agency.pemerintah}`, agency.id],
    ['unit', 'Unit', unit.nama, unit.id],
    ['tahun', 'Tahun', String(pk.tahun), pk.tahun],
    ['periode', 'Periode', periodeNama(periode), periode],
    ['versi', '', '', TEMPLATE_VERSION],
  ];
  for (const [key, label, shown, id] of identity) {
    const r = IDENTITY_ROWS[key];
    ws.getCell(r, IDENTITY_LABEL_COL).value = label || null;
    ws.getCell(r, IDENTITY_VALUE_COL).value = shown || null;
    ws.getCell(r, IDENTITY_ID_COL).value = id;
  }
  ws.getCell(IDENTITY_ROWS.versi, IDENTITY_LABEL_COL).value = realisasiPetunjuk(
    periode,
    realisasiHeader,
    mixed,
  );
  ws.getCell(IDENTITY_ROWS.versi, IDENTITY_LABEL_COL).font = { italic: true };
  ws.getColumn(IDENTITY_ID_COL).hidden = true;
  KINERJA_COLUMNS.forEach((c, i) => {
    const cell = ws.getCell(KINERJA_HEADER_ROW, i + 1);
    cell.value = c.key === 'realisasi' ? realisasiHeader : c.header;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = BORDER;
  });
  ws.getRow(KINERJA_HEADER_ROW).height = rowHeightFor(
    KINERJA_COLUMNS.map((c) => ({
      text: c.key === 'realisasi' ? realisasiHeader : c.header,
      width: c.width,
      bold: true,
    })),
  );
  rows.forEach(({ sasaran, indikator }, i) => {
    const r = KINERJA_FIRST_ROW + i;
    const values: Record<string, string | number> = {
      no: i + 1,
      kode: indikator.kode,
      sasaran: sasaran.uraian,
      indikator: mixed ? `${indikator.uraian}\n${catatanRealisasi(cakupan[i]!, periode)}` : indikator.uraian,
      satuan: indikator.satuan,
      polaritas: POLARITAS_LABEL[indikator.polaritas] ?? indikator.polaritas,
      target: targetFor(indikator, periode),
    };
    KINERJA_COLUMNS.forEach((c, j) => {
      const cell = ws.getCell(r, j + 1);
      if (c.key in values) cell.value = values[c.key]!;
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.fill = c.edit ? EDIT_FILL : LOCKED_FILL;
      cell.protection = { locked: !c.edit };
    });
    // Room for every locked text, and two lines to write the explanations in.
    ws.getRow(r).height = rowHeightFor(
      KINERJA_COLUMNS.filter((c) => c.key in values).map((c) => ({
        text: String(values[c.key]),
        width: c.width,
      })),
      2,
    );
    const real = ws.getCell(r, col('realisasi'));
    if (indikator.polaritas === 'kualitatif') {
      const labels = Object.keys(indikator.nilai_kualitatif ?? {});
      real.dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${labels.join(',')}"`],
        showErrorMessage: true,
        errorTitle: 'Nilai tidak dikenal',
        error: `Pilih salah satu: ${labels.join(', ')}`,
      };
    } else {
      real.dataValidation = {
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [indikator.boleh_negatif ? -1e15 : 0],
        showErrorMessage: true,
        errorTitle: 'Realisasi harus angka',
        error: indikator.boleh_negatif
          ? 'Isi dengan angka, tanpa satuan (contoh: -2,5).'
          : 'Isi dengan angka 0 atau lebih, tanpa satuan (contoh: 12,5).',
      };
    }
    for (const key of ['penyebab', 'kendala', 'solusi', 'bukti'] as const) {
      ws.getCell(r, col(key)).dataValidation = {
        type: 'textLength',
        operator: 'lessThanOrEqual',
        allowBlank: true,
        formulae: [MAX_TEXT_LENGTH],
        showErrorMessage: true,
        error: `Paling banyak ${MAX_TEXT_LENGTH} karakter.`,
      };
    }
  });
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });

  const ang = wb.addWorksheet(SHEET_ANGGARAN, {
    pageSetup: { ...PRINT_LANDSCAPE, printTitlesRow: `${ANGGARAN_HEADER_ROW}:${ANGGARAN_HEADER_ROW}` },
  });
  ANGGARAN_COLUMNS.forEach((c, i) => {
    ang.getColumn(i + 1).width = c.width;
    const h = ang.getCell(ANGGARAN_HEADER_ROW, i + 1);
    h.value = c.header;
    h.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    h.fill = HEADER_FILL;
    h.border = BORDER;
  });
  ang.getCell(1, 1).value = `Realisasi Anggaran ${periodeLabel} — ${unit.nama}`;
  ang.getCell(1, 1).font = { bold: true, size: 13 };
  programs.forEach((p, i) => {
    const r = ANGGARAN_FIRST_ROW + i;
    ang.getCell(r, 1).value = p.kode;
    ang.getCell(r, 2).value = p.nama;
    ang.getCell(r, 2).alignment = { wrapText: true, vertical: 'top' };
    ang.getRow(r).height = rowHeightFor([{ text: p.nama, width: ANGGARAN_COLUMNS[1].width }]);
    ang.getCell(r, 3).value = p.pagu;
    ang.getCell(r, 3).numFmt = '#,##0';
    const real = ang.getCell(r, 4);
    real.numFmt = '#,##0';
    real.protection = { locked: false };
    real.fill = EDIT_FILL;
    real.dataValidation = {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0, p.pagu],
      showErrorMessage: true,
      error: `Isi rupiah antara 0 dan pagu ${rupiah(p.pagu)}.`,
    };
    for (let c = 1; c <= 4; c++) ang.getCell(r, c).border = BORDER;
  });
  await ang.protect('', { selectLockedCells: true, selectUnlockedCells: true });

  const meta = wb.addWorksheet(SHEET_META, { state: 'veryHidden' });
  const metaRows: [string, string | number][] = [
    ['format', FORMAT_MARKER],
    ['versi', TEMPLATE_VERSION],
    ['instansi', agency.id],
    ['unit', unit.id],
    ['tahun', pk.tahun],
    ['periode', periode],
    ['jumlah_indikator', rows.length],
    ['jumlah_program', programs.length],
  ];
  metaRows.forEach(([k, v], i) => {
    meta.getCell(i + 1, 1).value = k;
    meta.getCell(i + 1, 2).value = v;
  });
  await meta.protect('', {});

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The sentence telling the unit what its realisasi covers. */
function realisasiPetunjuk(periode: Periode, header: string, mixed: boolean): string {
  if (periode === 'tahunan') return 'Realisasi diisi untuk satu tahun penuh.';
  const tw = periodeNama(periode).replace('Triwulan', 'triwulan');
  if (mixed)
    return `Realisasi ${tw}: keterangan di bawah setiap indikator menyebut apakah diisi untuk ${tw} saja atau kumulatif sejak Januari (s.d. ${tw}).`;
  return header.includes('s.d.')
    ? `Realisasi diisi kumulatif sejak Januari sampai dengan akhir ${tw}.`
    : `Realisasi diisi untuk ${tw} saja (bukan kumulatif); sistem menggabungkan triwulan-triwulannya.`;
}

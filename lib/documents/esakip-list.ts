import ExcelJS from 'exceljs';
import type { Agency } from '../agency/schema.ts';
import { BORDER, HEADER_FILL, PRINT_LANDSCAPE } from '../workbook/layout.ts';
import { rowHeightFor } from '../workbook/row-height.ts';

/**
 * The e-SAKIP Reviu (ESR, KemenPAN-RB) upload list as a workbook a person follows: for each file, the ESR
 * document type by number and name (the list the portal shows), the file name in the archive, and what to do.
 */

/** ESR document types (dokumen_id), as the portal numbers them. */
export const JENIS_ESR = {
  1: 'RPJMD',
  2: 'Renstra',
  3: 'IKU',
  4: 'Renja/RKT',
  5: 'RKPD',
  6: 'Perjanjian Kinerja',
  7: 'Rencana Aksi',
  8: 'Laporan Kinerja',
  9: 'Pedoman Evaluasi Internal',
  10: 'Lainnya',
  11: 'RPJPD',
  12: 'DPA',
  13: 'Pohon Kinerja & Cascading',
  14: 'LHE AKIP Internal',
  15: 'TL LHE AKIP Internal',
  16: 'Laporan Monev Renaksi',
  17: 'Pedoman Perencanaan',
  18: 'Pedoman Pengukuran & Pengumpulan Data Kinerja',
  19: 'TL LHE AKIP Kemenpan',
} as const;
export type NomorEsr = keyof typeof JENIS_ESR;

export interface BarisEsakip {
  /** What it is, for people ("Laporan kinerja yang ditandatangani"). */
  dokumen: string;
  esr: NomorEsr;
  /** The file's name in the archive; absent for a document the agency keeps itself (the signed PK). */
  namaBerkas?: string;
  petunjuk: string;
}

export interface DaftarEsakipInput {
  agency: Agency;
  tahun: number;
  baris: BarisEsakip[];
}

export async function renderDaftarEsakip(input: DaftarEsakipInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lakip-flow';
  const ws = wb.addWorksheet('Daftar Unggah e-SAKIP', {
    pageSetup: { ...PRINT_LANDSCAPE, printTitlesRow: '6:6' },
  });
  const cols = [
    { header: 'No', width: 5 },
    { header: 'Dokumen', width: 34 },
    { header: 'Jenis dokumen di e-SAKIP Reviu', width: 28 },
    { header: 'Nama berkas', width: 34 },
    { header: 'Petunjuk', width: 60 },
  ];
  cols.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  const intro = [
    `DAFTAR UNGGAH e-SAKIP REVIU (KemenPAN-RB) — TAHUN ${input.tahun}`,
    `${input.agency.nama} ${input.agency.pemerintah}`,
    'Masuk ke e-SAKIP Reviu, pilih tahun, lalu untuk setiap baris pilih jenis dokumen yang disebut dan unggah berkasnya. Laporan Kinerja wajib terunggah paling lambat 31 Maret.',
    'Berkasnya dapat diunduh dari halaman tugas langkah ini.',
  ];
  intro.forEach((t, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = t || null;
    ws.mergeCells(i + 1, 1, i + 1, cols.length);
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 13 };
    ws.getRow(i + 1).height = rowHeightFor([{ text: t, width: 150, bold: i === 0, size: i === 0 ? 13 : 11 }]);
  });
  cols.forEach((c, i) => {
    const h = ws.getCell(6, i + 1);
    h.value = c.header;
    h.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    h.fill = HEADER_FILL;
    h.border = BORDER;
    h.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  ws.getRow(6).height = rowHeightFor(cols.map((c) => ({ text: c.header, width: c.width, bold: true })));
  input.baris.forEach((b, k) => {
    const values = [
      k + 1,
      b.dokumen,
      `${b.esr} — ${JENIS_ESR[b.esr]}`,
      b.namaBerkas ?? '(berkas dari instansi, tidak dibuat oleh sistem)',
      b.petunjuk,
    ];
    values.forEach((v, i) => {
      const cell = ws.getCell(7 + k, i + 1);
      cell.value = v;
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
    ws.getRow(7 + k).height = rowHeightFor(
      values.map((v, i) => ({ text: String(v), width: cols[i]!.width })),
    );
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

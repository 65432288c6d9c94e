import ExcelJS from 'exceljs';
import { ANGGARAN_FIRST_ROW, col, KINERJA_FIRST_ROW, SHEET_ANGGARAN, SHEET_KINERJA } from './layout.ts';

export interface Isian {
  realisasi?: Record<string, number | string | null>;
  penjelasan?: Record<string, { penyebab?: string; kendala?: string; solusi?: string; bukti?: string }>;
  anggaran?: Record<string, number | string | null>;
}

/**
 * Fills a data-collection workbook the way a unit's staff would in Excel: realisasi, explanations
 * and budget per code. Used by the demo's scripted people and by tests.
 */
export async function fillWorkbook(bytes: Uint8Array, isian: Isian): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEET_KINERJA)!;
  for (let r = KINERJA_FIRST_ROW; r <= ws.rowCount; r++) {
    const kode = String(ws.getCell(r, col('kode')).value ?? '');
    if (isian.realisasi && kode in isian.realisasi)
      ws.getCell(r, col('realisasi')).value = isian.realisasi[kode] ?? null;
    const p = isian.penjelasan?.[kode];
    if (p) {
      for (const k of ['penyebab', 'kendala', 'solusi', 'bukti'] as const)
        if (p[k] !== undefined) ws.getCell(r, col(k)).value = p[k];
    }
  }
  const ang = wb.getWorksheet(SHEET_ANGGARAN)!;
  for (let r = ANGGARAN_FIRST_ROW; r <= ang.rowCount; r++) {
    const kode = String(ang.getCell(r, 1).value ?? '');
    if (isian.anggaran && kode in isian.anggaran) ang.getCell(r, 4).value = isian.anggaran[kode] ?? null;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

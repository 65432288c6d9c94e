import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../lib/catalogue.ts';
import { buildFormatWorkbook } from '../../lib/workbook/build.ts';
import { fillWorkbook } from '../../lib/workbook/fill.ts';
import {
  col,
  IDENTITY_ID_COL,
  KINERJA_COLUMNS,
  KINERJA_FIRST_ROW,
  KINERJA_HEADER_ROW,
  SHEET_KINERJA,
} from '../../lib/workbook/layout.ts';
import { peekIdentity, readSubmission } from '../../lib/workbook/read.ts';
import { judulRealisasi } from '../../lib/workbook/realisasi-label.ts';
import { wrappedLines } from '../../lib/workbook/row-height.ts';
import { GOOD_TENAGA_KERJA } from '../helpers/isian.ts';

const cat = loadCatalogue('config');
const agency = cat.agencies.get('dkukmtk-balangan')!;
const pk = cat.kinerja.get('dkukmtk-balangan/2025')!;
const unit = agency.unit.find((u) => u.id === 'bidang-tenaga-kerja')!;
const lumajang = cat.agencies.get('kominfo-lumajang')!;
const pkLumajang = cat.kinerja.get('kominfo-lumajang/2025')!;

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** Every value a person sees: visible sheets, visible columns. */
function visibleTexts(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    ws.eachRow((row) =>
      row.eachCell((cell, c) => {
        if (!ws.getColumn(c).hidden && cell.value !== null) out.push(String(cell.value));
      }),
    );
  }
  return out;
}

describe('the data-collection workbook on paper and for people', () => {
  it('prints landscape on A4, one page wide, with the header row repeated', async () => {
    const wb = await load(await buildFormatWorkbook({ agency, unit, pk, periode: 'tahunan' }));
    for (const name of ['Kinerja', 'Anggaran']) {
      expect(wb.getWorksheet(name)!.pageSetup, name).toMatchObject({
        orientation: 'landscape',
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
    }
    expect(wb.getWorksheet('Kinerja')!.pageSetup.printTitlesRow).toBe(
      `${KINERJA_HEADER_ROW}:${KINERJA_HEADER_ROW}`,
    );
    expect(wb.getWorksheet('Anggaran')!.pageSetup.printTitlesRow).toBe('3:3');
    expect(wb.getWorksheet('Petunjuk')!.pageSetup).toMatchObject({ fitToWidth: 1, fitToHeight: 0 });
  });

  it('gives every row the height its wrapped text needs', async () => {
    const wb = await load(await buildFormatWorkbook({ agency, unit, pk, periode: 'tahunan' }));
    const ws = wb.getWorksheet(SHEET_KINERJA)!;
    for (let r = KINERJA_FIRST_ROW; r <= ws.rowCount; r++) {
      const needed = Math.max(
        ...KINERJA_COLUMNS.map((c, i) => wrappedLines(String(ws.getCell(r, i + 1).value ?? ''), c.width)),
      );
      expect(ws.getRow(r).height, `baris ${r}`).toBeGreaterThanOrEqual(needed * 15);
    }
    expect(wrappedLines('Persentase penempatan tenaga kerja lulusan pelatihan berbasis kompetensi', 40)).toBe(
      2,
    );
    expect(ws.getRow(KINERJA_HEADER_ROW).height).toBeGreaterThanOrEqual(30);
    const petunjuk = wb.getWorksheet('Petunjuk')!;
    expect(petunjuk.getRow(7).height).toBeGreaterThanOrEqual(30);
  });

  it('shows names, not ids, and keeps the ids in a hidden column and the hidden meta sheet', async () => {
    const bytes = await buildFormatWorkbook({ agency, unit, pk, periode: 'tahunan' });
    const wb = await load(bytes);
    const seen = visibleTexts(wb).join('\n');
    for (const id of [agency.id, unit.id, 'tahunan', 'Versi format']) expect(seen, id).not.toContain(id);
    expect(seen).toContain(`${agency.nama} ${agency.pemerintah}`);
    expect(seen).toContain(unit.nama);
    expect(seen).toContain('Tahunan');
    const ws = wb.getWorksheet(SHEET_KINERJA)!;
    expect(ws.getColumn(IDENTITY_ID_COL).hidden).toBe(true);
    expect(await peekIdentity({ name: 'a.xlsx', bytes })).toEqual({
      instansi: agency.id,
      unit: unit.id,
      tahun: 2025,
      periode: 'tahunan',
    });
  });

  it('is read back from .xlsx and from its CSV export, which carries the hidden ids', async () => {
    const filled = await fillWorkbook(
      await buildFormatWorkbook({ agency, unit, pk, periode: 'tahunan' }),
      GOOD_TENAGA_KERJA,
    );
    const expected = { agency, unit, pk, periode: 'tahunan' as const };
    const fromXlsx = await readSubmission({ name: 'a.xlsx', bytes: filled }, expected);
    const wb = await load(filled);
    const csv = Buffer.from(await wb.csv.writeBuffer({ sheetName: SHEET_KINERJA }));
    const fromCsv = await readSubmission({ name: 'a.csv', bytes: csv }, expected);
    expect(fromCsv.indikator).toEqual(fromXlsx.indikator);
    expect(await peekIdentity({ name: 'a.csv', bytes: csv })).toMatchObject({
      unit: unit.id,
      periode: 'tahunan',
    });
  });

  it('states whether a quarter realisasi is the quarter alone or cumulative, from each indicator', async () => {
    expect(judulRealisasi(['sampai-dengan'], 'TW4', pk)).toBe('Realisasi s.d. triwulan IV (kumulatif)');
    expect(judulRealisasi(['triwulan-saja', 'triwulan-saja'], 'TW2', pk)).toBe('Realisasi triwulan II saja');
    expect(judulRealisasi([], 'tahunan', pk)).toBe('Realisasi tahun 2025');
    // Bidang IKP has a nilai-akhir and a rata-rata indicator: the header points to a note per indicator.
    const ikp = lumajang.unit.find((u) => u.id === 'bidang-ikp')!;
    const wb = await load(
      await buildFormatWorkbook({ agency: lumajang, unit: ikp, pk: pkLumajang, periode: 'TW4' }),
    );
    const ws = wb.getWorksheet(SHEET_KINERJA)!;
    expect(ws.getCell(KINERJA_HEADER_ROW, col('realisasi')).value).toBe(
      'Realisasi triwulan IV (lihat keterangan pada indikator)',
    );
    const notes = [KINERJA_FIRST_ROW, KINERJA_FIRST_ROW + 1].map(
      (r) => String(ws.getCell(r, col('indikator')).value).split('\n')[1],
    );
    expect(notes.sort()).toEqual([
      '(isi realisasi s.d. triwulan IV, kumulatif)',
      '(isi realisasi triwulan IV saja)',
    ]);
    const seen = visibleTexts(wb).join('\n');
    expect(seen).toContain('Triwulan IV');
    expect(seen).not.toContain('TW4');
    // Aptika's indicators are all nilai-akhir: the header says it once.
    const aptika = lumajang.unit.find((u) => u.id === 'bidang-aptika')!;
    const wa = await load(
      await buildFormatWorkbook({ agency: lumajang, unit: aptika, pk: pkLumajang, periode: 'TW4' }),
    );
    expect(wa.getWorksheet(SHEET_KINERJA)!.getCell(KINERJA_HEADER_ROW, col('realisasi')).value).toBe(
      'Realisasi s.d. triwulan IV (kumulatif)',
    );
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../lib/catalogue.ts';
import { main } from '../../lib/cli/main.ts';
import { analisis, targetSampai } from '../../lib/performance/analysis.ts';
import { GabunganDitolak, gabungBerkas, type Kiriman } from '../../lib/performance/combine.ts';
import type { Periode, Submission } from '../../lib/performance/submission.ts';
import { buildFormatWorkbook } from '../../lib/workbook/build.ts';
import { BerkasDitolak, formatMasalah } from '../../lib/workbook/errors.ts';
import { fillWorkbook } from '../../lib/workbook/fill.ts';
import { col, KINERJA_FIRST_ROW, SHEET_KINERJA } from '../../lib/workbook/layout.ts';
import { type Expected, readSubmission } from '../../lib/workbook/read.ts';
import { tempFile } from '../helpers/files.ts';

const cat = loadCatalogue('config');

describe('percentages read as the person sees them', () => {
  const agency = cat.agencies.get('dkukmtk-balangan')!;
  const pk = cat.kinerja.get('dkukmtk-balangan/2025')!;
  const unit = agency.unit.find((u) => u.id === 'bidang-tenaga-kerja')!;
  const expected: Expected = { agency, unit, pk, periode: 'tahunan' };
  // IKU-2.1 and IKU-2.2 are in percent (2.1 has a decimal target), IKU-2.3 counts cases.
  const filled = async (realisasi: Record<string, number | string>, numFmt: Record<string, string> = {}) => {
    const blank = await buildFormatWorkbook(expected);
    const bytes = await fillWorkbook(blank, {
      realisasi: { 'IKU-2.1': 3.9, 'IKU-2.2': 36.5, 'IKU-2.3': 1, ...realisasi },
      anggaran: { '2.07.03': 1, '2.07.04': 1, '2.07.05': 1 },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(SHEET_KINERJA)!;
    for (let r = KINERJA_FIRST_ROW; r <= ws.rowCount; r++) {
      const kode = String(ws.getCell(r, col('kode')).value);
      for (const [key, fmt] of Object.entries(numFmt)) {
        const [k, column] = key.split('/') as [string, 'realisasi' | 'target'];
        // exceljs shares one style object among cells loaded with the same style: replace it, never mutate it.
        const cell = ws.getCell(r, col(column));
        if (k === kode) cell.style = { ...cell.style, numFmt: fmt };
      }
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const read = async (bytes: Uint8Array, name = 'isian.xlsx') => {
    try {
      const s = await readSubmission({ name, bytes }, expected);
      return Object.fromEntries(s.indikator.map((i) => [i.kode, i.realisasi]));
    } catch (e) {
      if (!(e instanceof BerkasDitolak)) throw e;
      return e.masalah.map(formatMasalah);
    }
  };
  const csv = (real: Record<string, string>) => {
    const header = ['No', 'Kode', 'Sasaran Strategis', 'Indikator Kinerja', 'Satuan', 'Polaritas', 'Target']
      .concat(['Realisasi', 'Penyebab keberhasilan/kegagalan', 'Kendala', 'Solusi/rencana tindak lanjut'])
      .concat(['Bukti dukung (nama berkas/tautan)']);
    const rows = [
      ['Data dan Informasi Kinerja Tahunan 2025'],
      ['Instansi', '', 'dkukmtk-balangan'],
      ['Unit', '', 'bidang-tenaga-kerja'],
      ['Tahun', '', '2025'],
      ['Periode', '', 'tahunan'],
      ['Versi format', '', '2'],
      [],
      header,
      ['1', 'IKU-2.1', 's', 'i', 'persen', 'p', '3,8', real['IKU-2.1'] ?? '3,9', '', '', '', ''],
      ['2', 'IKU-2.2', 's', 'i', 'persen', 'p', '35', real['IKU-2.2'] ?? '36,5', '', '', '', ''],
      ['3', 'IKU-2.3', 's', 'i', 'kasus', 'p', '2', real['IKU-2.3'] ?? '1', '', '', '', ''],
    ];
    return Buffer.from(rows.map((r) => r.join(';')).join('\r\n'));
  };

  it('an Excel cell showing 85% (stored 0.85) is 85 in a percent column, as its CSV export is', async () => {
    const xlsx = await read(await filled({ 'IKU-2.2': 0.85 }, { 'IKU-2.2/realisasi': '0%' }));
    expect(xlsx).toEqual({ 'IKU-2.1': 3.9, 'IKU-2.2': 85, 'IKU-2.3': 1 });
    expect(await read(csv({ 'IKU-2.2': '85%' }), 'k.csv')).toEqual(xlsx);
    // 0.07 × 100 is 7.000000000000001 in floating point; what Excel shows is 7.
    expect(await read(await filled({ 'IKU-2.1': 0.039 }, { 'IKU-2.1/realisasi': '0.0%' }))).toMatchObject({
      'IKU-2.1': 3.9,
    });
  });

  it('a percent-formatted result of a formula is read as shown too', async () => {
    const bytes = await filled({}, { 'IKU-2.2/realisasi': '0.00%' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(SHEET_KINERJA)!;
    ws.getCell(KINERJA_FIRST_ROW + 1, col('realisasi')).value = { formula: '17/20', result: 0.85 };
    expect(ws.getCell(KINERJA_FIRST_ROW + 1, col('kode')).value).toBe('IKU-2.2');
    expect(await read(Buffer.from(await wb.xlsx.writeBuffer()))).toMatchObject({ 'IKU-2.2': 85 });
  });

  it('a literal % sign in the format does not scale the value', async () => {
    expect(await read(await filled({ 'IKU-2.2': 85 }, { 'IKU-2.2/realisasi': '0"%"' }))).toMatchObject({
      'IKU-2.2': 85,
    });
  });

  it('refuses a percentage where the indicator is not in percent, in both formats', async () => {
    const xlsx = await read(await filled({ 'IKU-2.3': 0.5 }, { 'IKU-2.3/realisasi': '0%' }));
    expect(xlsx).toEqual([
      "lembar Kinerja, baris 11, kolom H (Realisasi): berisi persentase, padahal satuan indikator ini 'kasus'; tulis angkanya saja tanpa tanda atau format persen (isi: '50%')",
    ]);
    expect(await read(csv({ 'IKU-2.3': '50%' }), 'k.csv')).toEqual([
      "lembar Kinerja, baris 11, kolom H (Realisasi): berisi persentase, padahal satuan indikator ini 'kasus'; tulis angkanya saja tanpa tanda atau format persen (isi: '50%')",
    ]);
  });

  it('refuses "1.234" where decimals are normal, and reads it as thousands where they are not', async () => {
    const p = await read(csv({ 'IKU-2.1': '1.234' }), 'k.csv');
    expect(p).toEqual([
      "lembar Kinerja, baris 9, kolom H (Realisasi): '1.234' bisa berarti 1234 (titik sebagai pemisah ribuan) atau 1,234 (titik sebagai desimal); tulis 1,234 bila desimal, atau 1234 tanpa titik (isi: '1.234')",
    ]);
    expect(await read(await filled({ 'IKU-2.1': '1.234' }))).toEqual(p);
    expect(await read(csv({ 'IKU-2.1': '1,234' }), 'k.csv')).toMatchObject({ 'IKU-2.1': 1.234 });
    expect(await read(csv({ 'IKU-2.3': '1.234' }), 'k.csv')).toMatchObject({ 'IKU-2.3': 1234 });
  });

  it('does not call a target changed when only its column was given a percent format', async () => {
    expect(await read(await filled({}, { 'IKU-2.2/target': '0%' }))).toMatchObject({ 'IKU-2.2': 36.5 });
  });
});

describe('lakip analyze on quarterly files', () => {
  const agency = cat.agencies.get('kominfo-lumajang')!;
  const pk = cat.kinerja.get('kominfo-lumajang/2025')!;
  const unit = agency.unit.find((u) => u.id === 'bidang-statistik-persandian')!;
  const anggaran = Object.fromEntries(pk.program.filter((p) => p.unit === unit.id).map((p) => [p.kode, 1]));

  // IKU-3 (insiden, negative, cumulative; quarterly targets 0.75, yearly 3) and
  // IKU-6 (percent, last value; quarterly targets 17.5, 35, 52.5, 70).
  async function quarterFile(periode: Periode, iku3: number, iku6: number): Promise<string> {
    const blank = await buildFormatWorkbook({ agency, unit, pk, periode });
    const bytes = await fillWorkbook(blank, { realisasi: { 'IKU-3': iku3, 'IKU-6': iku6 }, anggaran });
    return tempFile(`${periode}.xlsx`, bytes);
  }
  async function analyze(...files: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['analyze', ...files, '--json'], {
      out: (s) => out.push(s),
      err: (s) => err.push(s),
    });
    const json = JSON.parse(out.join('\n'));
    return { code, json, err: err.join('\n') };
  }
  const figures = (rows: Record<string, unknown>[]) =>
    Object.fromEntries(rows.map((r) => [r.kode, [r.target, r.realisasi, r.capaian]]));

  it("scores a single quarter's file against that quarter's target", async () => {
    const { code, json } = await analyze(await quarterFile('TW2', 1, 30));
    expect(code).toBe(0);
    expect(figures(json)['IKU-6']).toEqual([35, 30, 85.71]);
    expect(json[0].periode).toBe('Triwulan II 2025');
  });

  it('adds up four quarters by each indicator rule, whatever the order of the files', async () => {
    const files = [
      await quarterFile('TW4', 0, 60),
      await quarterFile('TW2', 2, 30),
      await quarterFile('TW1', 1, 10),
      await quarterFile('TW3', 1, 45),
    ];
    const { code, json } = await analyze(...files);
    expect(code).toBe(0);
    // IKU-3: 1 + 2 + 1 + 0 = 4 incidents against 3 → (2 − 4/3) × 100; IKU-6: TW4's 60 against 70.
    expect(figures(json)).toEqual({ 'IKU-3': [3, 4, 66.67], 'IKU-6': [70, 60, 85.71] });
    expect(json[0].periode).toBe('Tahunan 2025 (gabungan TW1–TW4)');
    expect(figures((await analyze(...[...files].reverse())).json)).toEqual(figures(json));
  });

  it('measures the first quarters added up against their combined targets', async () => {
    const { json } = await analyze(await quarterFile('TW2', 1, 30), await quarterFile('TW1', 1, 10));
    // IKU-3: 2 incidents against 0.75 + 0.75; IKU-6: TW2's 30 against TW2's 35.
    expect(figures(json)).toEqual({ 'IKU-3': [1.5, 2, 66.67], 'IKU-6': [35, 30, 85.71] });
    expect(json[0].periode).toBe('Sampai dengan Triwulan II 2025 (gabungan TW1–TW2)');
  });

  it('refuses a quarter missing from the run, a file given twice, and another agency', async () => {
    const tw1 = await quarterFile('TW1', 1, 10);
    const gap = await analyze(tw1, await quarterFile('TW3', 1, 45));
    expect(gap.code).toBe(1);
    expect(gap.err).toContain(
      'unit bidang-statistik-persandian: TW2 tidak ada; untuk menggabungkan TW1–TW3 setiap unit memerlukan semua triwulan itu (yang ada: TW1, TW3)',
    );
    const twice = await analyze(tw1, await quarterFile('TW1', 1, 10));
    expect(twice.err).toMatch(/unit bidang-statistik-persandian, periode TW1 dikirim lebih dari sekali/);

    const balangan = cat.agencies.get('dkukmtk-balangan')!;
    const other = tempFile(
      'balangan.xlsx',
      await fillWorkbook(
        await buildFormatWorkbook({
          agency: balangan,
          unit: balangan.unit.find((u) => u.id === 'bidang-tenaga-kerja')!,
          pk: cat.kinerja.get('dkukmtk-balangan/2025')!,
          periode: 'TW1',
        }),
        {
          realisasi: { 'IKU-2.1': 3.9, 'IKU-2.2': 36.5, 'IKU-2.3': 1 },
          anggaran: { '2.07.03': 1, '2.07.04': 1, '2.07.05': 1 },
        },
      ),
    );
    const mixed = await analyze(tw1, other);
    expect(mixed.code).toBe(1);
    expect(mixed.err).toMatch(
      /berkas berasal dari instansi yang berbeda: kominfo-lumajang \(.*TW1\.xlsx\); dkukmtk-balangan \(.*balangan\.xlsx\); analisis satu instansi saja/,
    );
  });
});

describe('combining files', () => {
  const pk = cat.kinerja.get('kominfo-lumajang/2025')!;
  const sub = (unit: string, periode: Periode, tahun = 2025): Kiriman => ({
    berkas: `${unit}-${periode}-${tahun}.xlsx`,
    submission: {
      instansi: 'kominfo-lumajang',
      unit,
      tahun,
      periode,
      versiTemplate: 2,
      indikator: [],
      anggaran: [],
    } satisfies Submission,
  });
  const refused = (k: Kiriman[]) => {
    try {
      gabungBerkas(pk, k);
    } catch (e) {
      if (e instanceof GabunganDitolak) return e.masalah;
      throw e;
    }
    return [];
  };

  it('refuses a mix of years, and yearly with quarterly files', () => {
    expect(refused([sub('sekretariat', 'tahunan'), sub('bidang-ikp', 'tahunan', 2024)])).toEqual([
      'berkas berasal dari tahun yang berbeda: 2025 (sekretariat-tahunan-2025.xlsx); 2024 (bidang-ikp-tahunan-2024.xlsx); analisis satu tahun saja',
    ]);
    expect(refused([sub('sekretariat', 'tahunan'), sub('bidang-ikp', 'TW1')])[0]).toMatch(
      /^berkas tahunan \(sekretariat-tahunan-2025\.xlsx\) tidak dapat dianalisis bersama berkas triwulanan/,
    );
  });

  it('needs the same quarters from every unit', () => {
    expect(
      refused([sub('sekretariat', 'TW1'), sub('sekretariat', 'TW2'), sub('bidang-ikp', 'TW1')])[0],
    ).toMatch(/^unit bidang-ikp: TW2 tidak ada/);
    expect(gabungBerkas(pk, [sub('sekretariat', 'TW3'), sub('bidang-ikp', 'TW3')]).cakupan).toBe('TW3');
    expect(gabungBerkas(pk, [sub('sekretariat', 'tahunan'), sub('bidang-ikp', 'tahunan')]).cakupan).toBe(
      'tahunan',
    );
  });

  it('combines quarterly targets by each indicator rule', () => {
    const ind = (kode: string) => pk.sasaran.flatMap((s) => s.indikator).find((i) => i.kode === kode)!;
    expect(targetSampai(ind('IKU-3'), 'TW3')).toBe(2.25);
    expect(targetSampai(ind('IKU-6'), 'TW3')).toBe(52.5);
    expect(targetSampai(ind('IKU-5'), 'TW2')).toBe(95);
    expect(targetSampai(ind('IKU-3'), 'TW4')).toBe(3);
    const a = analisis(pk, [], { sampai: 'TW2' });
    expect(a.sasaran.flatMap((s) => s.indikator).find((i) => i.kode === 'IKU-3')!.target).toBe(1.5);
  });
});

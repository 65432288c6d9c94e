import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../lib/catalogue.ts';
import { buildFormatWorkbook } from '../../lib/workbook/build.ts';
import { BerkasDitolak, formatMasalah } from '../../lib/workbook/errors.ts';
import { fillWorkbook } from '../../lib/workbook/fill.ts';
import {
  col,
  KINERJA_FIRST_ROW,
  MAX_UPLOAD_BYTES,
  SHEET_KINERJA,
  SHEET_META,
} from '../../lib/workbook/layout.ts';
import { type Expected, readSubmission } from '../../lib/workbook/read.ts';
import { GOOD_TENAGA_KERJA } from '../helpers/isian.ts';

const cat = loadCatalogue('config');
const agency = cat.agencies.get('dkukmtk-balangan')!;
const pk = cat.kinerja.get('dkukmtk-balangan/2025')!;
const unit = agency.unit.find((u) => u.id === 'bidang-tenaga-kerja')!;
const expected: Expected = { agency, unit, pk, periode: 'tahunan' };
const GOOD = GOOD_TENAGA_KERJA;

let blank: Buffer;
let good: Buffer;
beforeAll(async () => {
  blank = await buildFormatWorkbook({ agency, unit, pk, periode: 'tahunan' });
  good = await fillWorkbook(blank, GOOD);
});

async function problems(bytes: Uint8Array, name = 'isian.xlsx', exp = expected): Promise<string[]> {
  try {
    await readSubmission({ name, bytes }, exp);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(BerkasDitolak);
    return (e as BerkasDitolak).masalah.map(formatMasalah);
  }
}

async function edit(bytes: Uint8Array, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const rowOf = (wb: ExcelJS.Workbook, kode: string) => {
  const ws = wb.getWorksheet(SHEET_KINERJA)!;
  for (let r = KINERJA_FIRST_ROW; r <= ws.rowCount; r++)
    if (ws.getCell(r, col('kode')).value === kode) return r;
  throw new Error(kode);
};

describe('the data-collection workbook', () => {
  it('has instructions, one locked row per indicator, a budget sheet and hidden metadata', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(blank as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Petunjuk', 'Kinerja', 'Anggaran', 'meta']);
    expect(wb.getWorksheet(SHEET_META)!.state).toBe('veryHidden');
    const ws = wb.getWorksheet(SHEET_KINERJA)!;
    const kodes = [];
    for (let r = KINERJA_FIRST_ROW; r <= ws.rowCount; r++) kodes.push(ws.getCell(r, col('kode')).value);
    expect(kodes).toEqual(['IKU-2.1', 'IKU-2.2', 'IKU-2.3']);
    const r = KINERJA_FIRST_ROW;
    // Locked is Excel's default, so a locked cell may carry no explicit flag.
    expect(ws.getCell(r, col('target')).protection?.locked ?? true).toBe(true);
    expect(ws.getCell(r, col('realisasi')).protection?.locked).toBe(false);
    expect(ws.getCell(r, col('realisasi')).dataValidation?.type).toBe('decimal');
    expect(String(wb.getWorksheet('Petunjuk')!.getCell(7, 1).value)).toContain('Isi kolom berwarna kuning');
  });

  it('reads a filled workbook into a clean submission', async () => {
    const s = await readSubmission({ name: 'isian.xlsx', bytes: good }, expected);
    expect(s.indikator.map((i) => [i.kode, i.realisasi])).toEqual([
      ['IKU-2.1', 3.9],
      ['IKU-2.2', 36.5],
      ['IKU-2.3', 1],
    ]);
    expect(s.indikator[0]!.penjelasan.solusi).toBe('Job fair');
    expect(s.anggaran).toHaveLength(3);
  });

  it('reads Indonesian number text ("36,5") and a formula\'s cached result', async () => {
    const bytes = await edit(good, (wb) => {
      const ws = wb.getWorksheet(SHEET_KINERJA)!;
      ws.getCell(rowOf(wb, 'IKU-2.2'), col('realisasi')).value = '36,5';
      ws.getCell(rowOf(wb, 'IKU-2.1'), col('realisasi')).value = { formula: '7.8/2', result: 3.9 };
    });
    const s = await readSubmission({ name: 'isian.xlsx', bytes }, expected);
    expect(s.indikator.map((i) => i.realisasi)).toEqual([3.9, 36.5, 1]);
  });
});

describe('refusing a returned file, with sheet, row, column, value and what is expected', () => {
  it('text in a number cell', async () => {
    const p = await problems(
      await fillWorkbook(blank, { ...GOOD, realisasi: { ...GOOD.realisasi, 'IKU-2.2': 'tiga puluh' } }),
    );
    expect(p).toEqual([
      "lembar Kinerja, baris 10, kolom H (Realisasi): bukan angka; isi dengan angka saja tanpa satuan, misalnya 12,5 (isi: 'tiga puluh')",
    ]);
  });

  it('empty realisasi and empty budget', async () => {
    const p = await problems(
      await fillWorkbook(blank, {
        realisasi: { 'IKU-2.1': 3.9, 'IKU-2.2': 36.5 },
        anggaran: { '2.07.03': 1, '2.07.04': 1 },
      }),
    );
    expect(p).toContain('lembar Kinerja, baris 11, kolom H (Realisasi): realisasi wajib diisi');
    expect(p.join('\n')).toMatch(
      /lembar Anggaran, baris 6, kolom D \(Realisasi \(Rp\)\): realisasi anggaran wajib diisi/,
    );
  });

  it('negative values and budget above the pagu', async () => {
    const p = await problems(
      await fillWorkbook(blank, {
        ...GOOD,
        realisasi: { ...GOOD.realisasi, 'IKU-2.3': -2 },
        anggaran: { ...GOOD.anggaran, '2.07.05': 999_000_000 },
      }),
    );
    expect(p).toContain(
      "lembar Kinerja, baris 11, kolom H (Realisasi): tidak boleh negatif untuk indikator ini (isi: '-2')",
    );
    expect(p.join('\n')).toContain('melebihi pagu program (145000000)');
  });

  it("another unit's, another year's and another agency's workbook", async () => {
    const other = agency.unit.find((u) => u.id === 'bidang-koperasi')!;
    expect(await problems(good, 'x.xlsx', { ...expected, unit: other })).toEqual([
      'berkas ini format untuk Bidang Tenaga Kerja, sedangkan tugas ini untuk Bidang Koperasi; unggah format milik unit Anda',
    ]);
    expect(await problems(good, 'x.xlsx', { ...expected, pk: { ...pk, tahun: 2026 } })).toEqual([
      'berkas ini untuk tahun 2025, sedangkan tugas ini untuk tahun 2026',
    ]);
    expect((await problems(good, 'x.xlsx', { ...expected, periode: 'TW2' }))[0]).toMatch(
      /periode Tahunan, sedangkan tugas ini untuk periode Triwulan II/,
    );
  });

  it('accepts a negative realisasi where the indicator allows it', async () => {
    const growth = {
      ...pk,
      sasaran: pk.sasaran.map((x) => ({
        ...x,
        indikator: x.indikator.map((i) => (i.kode === 'IKU-2.3' ? { ...i, boleh_negatif: true } : i)),
      })),
    };
    const bytes = await fillWorkbook(
      await buildFormatWorkbook({ agency, unit, pk: growth, periode: 'tahunan' }),
      { ...GOOD, realisasi: { ...GOOD.realisasi, 'IKU-2.3': -2 } },
    );
    const s = await readSubmission({ name: 'x.xlsx', bytes }, { ...expected, pk: growth });
    expect(s.indikator.find((i) => i.kode === 'IKU-2.3')!.realisasi).toBe(-2);
  });

  it('an old template version', async () => {
    const old = await edit(good, (wb) => {
      const meta = wb.getWorksheet(SHEET_META)!;
      meta.getCell(2, 2).value = 1;
    });
    expect((await problems(old))[0]).toMatch(
      /^format versi 1 sudah tidak berlaku \(versi sekarang 2\); unduh format terbaru/,
    );
  });

  it('missing, extra and duplicated rows, and a changed target', async () => {
    const bytes = await edit(good, (wb) => {
      const ws = wb.getWorksheet(SHEET_KINERJA)!;
      const r = rowOf(wb, 'IKU-2.3');
      ws.getCell(r, col('kode')).value = 'IKU-2.1';
      ws.getCell(r + 1, col('kode')).value = 'IKU-9.9';
      ws.getCell(r + 1, col('realisasi')).value = 5;
      ws.getCell(rowOf(wb, 'IKU-2.2'), col('target')).value = 30;
    });
    const p = await problems(bytes);
    expect(p).toContain(
      "lembar Kinerja, baris 11, kolom B (Kode): indikator ini sudah ada di baris 9; hapus baris ganda (isi: 'IKU-2.1')",
    );
    expect(p).toContain(
      "lembar Kinerja, baris 12, kolom B (Kode): kode indikator tidak ada dalam Perjanjian Kinerja unit ini; hapus baris tambahan (isi: 'IKU-9.9')",
    );
    expect(p).toContain(
      "lembar Kinerja, baris 10, kolom G (Target): target diubah; target dalam Perjanjian Kinerja adalah 35 (isi: '30')",
    );
    expect(p.join('\n')).toContain(
      'baris indikator IKU-2.3 (Jumlah kasus perselisihan hubungan industrial yang tidak terselesaikan) tidak ada',
    );
  });

  it('merged cells', async () => {
    const bytes = await edit(good, (wb) =>
      wb
        .getWorksheet(SHEET_KINERJA)!
        .mergeCells(KINERJA_FIRST_ROW, col('penyebab'), KINERJA_FIRST_ROW, col('kendala')),
    );
    expect((await problems(bytes)).join('\n')).toMatch(
      /baris 9, kolom I \(Penyebab keberhasilan\/kegagalan\): sel digabung \(merge\)/,
    );
  });

  it('a formula without a cached result, and a formula in a text cell', async () => {
    const bytes = await edit(good, (wb) => {
      const ws = wb.getWorksheet(SHEET_KINERJA)!;
      ws.getCell(rowOf(wb, 'IKU-2.1'), col('realisasi')).value = {
        formula: 'A1*2',
      } as ExcelJS.CellFormulaValue;
      ws.getCell(rowOf(wb, 'IKU-2.2'), col('solusi')).value = {
        formula: 'HYPERLINK("http://evil","x")',
      } as ExcelJS.CellFormulaValue;
    });
    const p = await problems(bytes);
    expect(p).toContain(
      "lembar Kinerja, baris 9, kolom H (Realisasi): berisi rumus tanpa hasil angka; ganti dengan angka hasilnya (isi: '=A1*2')",
    );
    expect(p.join('\n')).toContain('kolom K (Solusi/rencana tindak lanjut): berisi rumus; tulis teks biasa');
  });

  it('keeps HTML and formula-like text as inert text', async () => {
    const s = await readSubmission(
      {
        name: 'x.xlsx',
        bytes: await fillWorkbook(blank, {
          ...GOOD,
          penjelasan: { 'IKU-2.1': { penyebab: '<script>alert(1)</script>', kendala: '=cmd|calc' } },
        }),
      },
      expected,
    );
    expect(s.indikator[0]!.penjelasan).toMatchObject({
      penyebab: '<script>alert(1)</script>',
      kendala: '=cmd|calc',
    });
  });

  it('a file that is not a workbook, an old .xls, a macro workbook, an empty and an oversized file', async () => {
    expect(await problems(Buffer.from('bukan excel'))).toEqual([
      'berkas ini bukan buku kerja Excel (.xlsx); unggah format yang dikirim lewat email tugas Anda',
    ]);
    expect(await problems(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), 'lama.xls')).toEqual([
      'format Excel lama (.xls) tidak diterima; simpan ulang sebagai .xlsx',
    ]);
    expect((await problems(good, 'makro.xlsm'))[0]).toContain('bermakro');
    const withVba = Buffer.concat([
      good.subarray(0, 30),
      Buffer.from('xl/vbaProject.bin'),
      good.subarray(30),
    ]);
    expect((await problems(withVba))[0]).toContain('makro (VBA)');
    expect(await problems(Buffer.alloc(0))).toEqual(['berkas kosong']);
    expect((await problems(Buffer.alloc(MAX_UPLOAD_BYTES + 1)))[0]).toMatch(/melebihi batas 5 MB/);
  });

  it('a damaged .xlsx', async () => {
    expect(await problems(good.subarray(0, 2000))).toEqual([
      'berkas .xlsx rusak atau tidak dapat dibaca; simpan ulang dari Excel lalu unggah kembali',
    ]);
  });
});

describe('CSV export of the Kinerja sheet', () => {
  const csv = (rows: string[][], sep = ';') =>
    Buffer.from(rows.map((r) => r.map((c) => (c.includes(sep) ? `"${c}"` : c)).join(sep)).join('\r\n'));
  const identity = (unitId = 'bidang-tenaga-kerja') => [
    ['Data dan Informasi Kinerja Tahunan 2025'],
    ['Instansi', '', 'dkukmtk-balangan'],
    ['Unit', '', unitId],
    ['Tahun', '', '2025'],
    ['Periode', '', 'tahunan'],
    ['Versi format', '', '2'],
    [],
    [
      'No',
      'Kode',
      'Sasaran Strategis',
      'Indikator Kinerja',
      'Satuan',
      'Polaritas',
      'Target',
      'Realisasi',
      'Penyebab keberhasilan/kegagalan',
      'Kendala',
      'Solusi/rencana tindak lanjut',
      'Bukti dukung (nama berkas/tautan)',
    ],
  ];
  const row = (no: number, kode: string, target: string, real: string) => [
    String(no),
    kode,
    's',
    'i',
    'u',
    'p',
    target,
    real,
    'a',
    'b',
    'c',
    'd',
  ];

  it('reads a semicolon CSV with decimal commas', async () => {
    const bytes = csv([
      ...identity(),
      row(1, 'IKU-2.1', '3,8', '3,9'),
      row(2, 'IKU-2.2', '35', '36,5'),
      row(3, 'IKU-2.3', '2', '1'),
    ]);
    const s = await readSubmission({ name: 'kinerja.csv', bytes }, expected);
    expect(s.indikator.map((i) => i.realisasi)).toEqual([3.9, 36.5, 1]);
    expect(s.anggaran).toEqual([]);
  });

  it('refuses a CSV of another unit and a CSV with a formula', async () => {
    expect(
      (await problems(csv([...identity('sekretariat'), row(1, 'IKU-2.1', '3,8', '3,9')]), 'k.csv'))[0],
    ).toMatch(/format untuk Sekretariat, sedangkan tugas ini untuk Bidang Tenaga Kerja/);
    const p = await problems(
      csv([
        ...identity(),
        row(1, 'IKU-2.1', '3,8', '=1+1'),
        row(2, 'IKU-2.2', '35', '36'),
        row(3, 'IKU-2.3', '2', '1'),
      ]),
      'k.csv',
    );
    expect(p).toEqual([
      "lembar Kinerja, baris 9, kolom H (Realisasi): berisi rumus tanpa hasil angka; ganti dengan angka hasilnya (isi: '=1+1')",
    ]);
  });
});

describe('fuzzing the reader', () => {
  it('never throws anything but BerkasDitolak, whatever bytes arrive', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.constantFrom('a.xlsx', 'a.csv', 'a.xlsm', 'a'),
        async (bytes, name) => {
          try {
            await readSubmission({ name, bytes }, expected);
          } catch (e) {
            expect(e).toBeInstanceOf(BerkasDitolak);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws anything but BerkasDitolak on mutations of a real workbook', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (edits) => {
          const bytes = Buffer.from(good);
          for (const [i, b] of edits) bytes[i] = b;
          try {
            await readSubmission({ name: 'a.xlsx', bytes }, expected);
          } catch (e) {
            expect(e).toBeInstanceOf(BerkasDitolak);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

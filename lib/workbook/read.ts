import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Agency, Unit } from '../agency/schema.ts';
import { parseAngka } from '../format/indonesia.ts';
import { indicatorsOfUnit, type PerjanjianKinerja, targetFor } from '../performance/model.ts';
import type { BarisAnggaran, BarisRealisasi, Periode, Submission } from '../performance/submission.ts';
import { BerkasDitolak, type MasalahBerkas } from './errors.ts';
import { type Cell, csvGrid, type Grid, isPercentFormat, shown, textOf } from './grid.ts';
import {
  ANGGARAN_COLUMNS,
  ANGGARAN_FIRST_ROW,
  col,
  columnLetter,
  FORMAT_MARKER,
  IDENTITY_ID_COL,
  IDENTITY_ROWS,
  IDENTITY_VALUE_COL,
  KINERJA_COLUMNS,
  KINERJA_FIRST_ROW,
  KINERJA_HEADER_ROW,
  MAX_TEXT_LENGTH,
  MAX_UPLOAD_BYTES,
  periodeNama,
  SHEET_ANGGARAN,
  SHEET_KINERJA,
  SHEET_META,
  TEMPLATE_VERSION,
} from './layout.ts';
import { realisasiOf, sameTarget } from './number-cell.ts';

/** What the unit's task expects the file to be. */
export interface Expected {
  agency: Agency;
  unit: Unit;
  pk: PerjanjianKinerja;
  periode: Periode;
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function contains(bytes: Uint8Array, ascii: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ascii, 0, 'latin1');
}

/**
 * Reads a unit's returned workbook (.xlsx) or a CSV export of its Kinerja sheet.
 * Returns a clean Submission, or throws BerkasDitolak listing every problem with sheet, row,
 * column, the value found and what is expected. Never executes formulas or macros: a formula's
 * cached result is used, a macro workbook is refused outright.
 */
export async function readSubmission(file: UploadedFile, expected: Expected): Promise<Submission> {
  const reject = (masalah: MasalahBerkas[]): never => {
    throw new BerkasDitolak(file.name, masalah);
  };
  try {
    if (file.bytes.byteLength > MAX_UPLOAD_BYTES) {
      reject([
        {
          pesan: `ukuran berkas ${(file.bytes.byteLength / 1048576).toFixed(1)} MB melebihi batas ${MAX_UPLOAD_BYTES / 1048576} MB`,
        },
      ]);
    }
    if (file.bytes.byteLength === 0) reject([{ pesan: 'berkas kosong' }]);
    const lower = file.name.toLowerCase();
    if (lower.endsWith('.csv')) return readCsv(file, expected, reject);
    if (lower.endsWith('.xlsm') || lower.endsWith('.xltm')) {
      reject([{ pesan: 'buku kerja bermakro (.xlsm) tidak diterima; simpan ulang sebagai .xlsx' }]);
    }
    if (startsWith(file.bytes, OLE_MAGIC)) {
      reject([{ pesan: 'format Excel lama (.xls) tidak diterima; simpan ulang sebagai .xlsx' }]);
    }
    if (!startsWith(file.bytes, ZIP_MAGIC)) {
      reject([
        {
          pesan:
            'berkas ini bukan buku kerja Excel (.xlsx); unggah format yang dikirim lewat email tugas Anda',
        },
      ]);
    }
    if (contains(file.bytes, 'vbaProject.bin')) {
      reject([
        { pesan: 'buku kerja berisi makro (VBA) dan tidak diterima; simpan ulang sebagai .xlsx tanpa makro' },
      ]);
    }
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(
        Buffer.from(
          file.bytes.buffer,
          file.bytes.byteOffset,
          file.bytes.byteLength,
        ) as unknown as ArrayBuffer,
      );
    } catch {
      reject([
        { pesan: 'berkas .xlsx rusak atau tidak dapat dibaca; simpan ulang dari Excel lalu unggah kembali' },
      ]);
    }
    return readWorkbook(wb, expected, reject);
  } catch (e) {
    if (e instanceof BerkasDitolak) throw e;
    throw new BerkasDitolak(file.name, [
      { pesan: 'berkas tidak dapat dibaca sebagai format pengumpulan data' },
    ]);
  }
}

type Reject = (m: MasalahBerkas[]) => never;

/**
 * Excel in an Indonesian locale exports CSV with ';' (the comma is the decimal separator); elsewhere ','.
 * The title line has neither, so look at the first lines together.
 */
function detectDelimiter(text: string): ';' | ',' {
  const head = text.split(/\r?\n/, 12).join('\n');
  return (head.match(/;/g)?.length ?? 0) > (head.match(/,/g)?.length ?? 0) ? ';' : ',';
}

function sheetGrid(ws: ExcelJS.Worksheet): Grid {
  return {
    name: ws.name,
    rowCount: ws.actualRowCount === 0 ? 0 : ws.rowCount,
    cell(row, c) {
      const cell = ws.getCell(row, c);
      return toCell(cell.value, cell.numFmt);
    },
    merged(row, c) {
      return ws.getCell(row, c).isMerged;
    },
  };
}

function toCell(v: ExcelJS.CellValue, numFmt?: string): Cell {
  const persen = isPercentFormat(numFmt);
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number')
    return Number.isFinite(v) ? { kind: 'number', value: v, persen } : { kind: 'other', value: String(v) };
  if (typeof v === 'string') return v.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: v };
  if (typeof v === 'boolean') return { kind: 'other', value: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { kind: 'other', value: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const f = v as ExcelJS.CellFormulaValue;
      const r = f.result;
      const result = typeof r === 'number' || typeof r === 'string' ? r : null;
      return { kind: 'formula', formula: String(f.formula ?? ''), result, persen };
    }
    if ('richText' in v) return { kind: 'text', value: v.richText.map((t) => t.text).join('') };
    if ('hyperlink' in v) return { kind: 'text', value: String(v.text ?? v.hyperlink) };
    if ('error' in v) return { kind: 'other', value: String(v.error) };
  }
  return { kind: 'other', value: String(v) };
}

function readWorkbook(wb: ExcelJS.Workbook, expected: Expected, reject: Reject): Submission {
  const meta = wb.getWorksheet(SHEET_META);
  const kinerja = wb.getWorksheet(SHEET_KINERJA);
  if (!meta || !kinerja) {
    reject([
      {
        pesan: `berkas ini bukan format pengumpulan data lakip-flow (lembar '${SHEET_KINERJA}' atau data pengenal tidak ada); unduh format dari email tugas Anda`,
      },
    ]);
  }
  const metaValues = new Map<string, string>();
  for (let r = 1; r <= meta!.rowCount; r++)
    metaValues.set(textOf(toCell(meta!.getCell(r, 1).value)), textOf(toCell(meta!.getCell(r, 2).value)));
  if (metaValues.get('format') !== FORMAT_MARKER) {
    reject([
      { pesan: 'berkas ini bukan format pengumpulan data lakip-flow; unduh format dari email tugas Anda' },
    ]);
  }
  checkIdentity(
    {
      instansi: metaValues.get('instansi') ?? '',
      unit: metaValues.get('unit') ?? '',
      tahun: metaValues.get('tahun') ?? '',
      periode: metaValues.get('periode') ?? '',
      versi: metaValues.get('versi') ?? '',
    },
    expected,
    reject,
  );
  const problems: MasalahBerkas[] = [];
  const indikator = readKinerja(sheetGrid(kinerja!), expected, problems);
  const ang = wb.getWorksheet(SHEET_ANGGARAN);
  const anggaran = ang ? readAnggaran(sheetGrid(ang), expected, problems) : [];
  if (!ang)
    problems.push({
      lembar: SHEET_ANGGARAN,
      pesan: `lembar '${SHEET_ANGGARAN}' tidak ada; jangan menghapus atau mengganti nama lembar`,
    });
  if (problems.length > 0) reject(problems);
  return submissionOf(expected, indikator, anggaran);
}

function readCsv(file: UploadedFile, expected: Expected, reject: Reject): Submission {
  const text = Buffer.from(file.bytes)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (text.includes('\u0000'))
    reject([{ pesan: 'berkas CSV berisi data biner; ekspor ulang lembar Kinerja sebagai CSV' }]);
  const delimiter = detectDelimiter(text);
  let rows: string[][] = [];
  try {
    rows = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    });
  } catch {
    reject([{ pesan: 'berkas CSV tidak dapat dibaca; ekspor ulang lembar Kinerja sebagai CSV (UTF-8)' }]);
  }
  const grid = csvGrid(SHEET_KINERJA, rows);
  const id = (k: keyof typeof IDENTITY_ROWS) => csvIdentity(grid, k);
  checkIdentity(
    {
      instansi: id('instansi'),
      unit: id('unit'),
      tahun: id('tahun'),
      periode: id('periode'),
      versi: id('versi'),
    },
    expected,
    reject,
  );
  const problems: MasalahBerkas[] = [];
  const indikator = readKinerja(grid, expected, problems);
  if (problems.length > 0) reject(problems);
  // A CSV export carries the Kinerja sheet only; budget realisasi must come from the .xlsx.
  return submissionOf(expected, indikator, []);
}

/** An identity id from a CSV export: the hidden id column, or the visible one of older workbooks. */
function csvIdentity(grid: Grid, k: keyof typeof IDENTITY_ROWS): string {
  const hidden = textOf(grid.cell(IDENTITY_ROWS[k], IDENTITY_ID_COL)).trim();
  return hidden || textOf(grid.cell(IDENTITY_ROWS[k], IDENTITY_VALUE_COL)).trim();
}

function submissionOf(
  expected: Expected,
  indikator: BarisRealisasi[],
  anggaran: BarisAnggaran[],
): Submission {
  return {
    instansi: expected.agency.id,
    unit: expected.unit.id,
    tahun: expected.pk.tahun,
    periode: expected.periode,
    versiTemplate: TEMPLATE_VERSION,
    indikator,
    anggaran,
  };
}

function checkIdentity(
  found: { instansi: string; unit: string; tahun: string; periode: string; versi: string },
  expected: Expected,
  reject: Reject,
): void {
  const problems: MasalahBerkas[] = [];
  const want = {
    instansi: expected.agency.id,
    unit: expected.unit.id,
    tahun: String(expected.pk.tahun),
    periode: expected.periode,
  };
  if (found.versi !== String(TEMPLATE_VERSION)) {
    reject([
      {
        pesan: found.versi
          ? `format versi ${found.versi} sudah tidak berlaku (versi sekarang ${TEMPLATE_VERSION}); unduh format terbaru dari email tugas Anda dan salin isian Anda ke sana`
          : 'versi format tidak ditemukan; unduh format dari email tugas Anda',
      },
    ]);
  }
  // People read names: the ids are resolved where the agency file knows them.
  const instansiNama = `${expected.agency.nama} ${expected.agency.pemerintah}`;
  const unitNama = (id: string) => expected.agency.unit.find((u) => u.id === id)?.nama ?? `'${id || '?'}'`;
  if (found.instansi !== want.instansi)
    problems.push({
      pesan: `berkas ini untuk instansi lain ('${found.instansi || '?'}'), sedangkan tugas ini untuk ${instansiNama}`,
    });
  else if (found.unit !== want.unit) {
    problems.push({
      pesan: `berkas ini format untuk ${unitNama(found.unit)}, sedangkan tugas ini untuk ${expected.unit.nama}; unggah format milik unit Anda`,
    });
  }
  if (found.tahun !== want.tahun)
    problems.push({
      pesan: `berkas ini untuk tahun ${found.tahun || '?'}, sedangkan tugas ini untuk tahun ${want.tahun}`,
    });
  if (found.periode !== want.periode)
    problems.push({
      pesan: `berkas ini untuk periode ${found.periode ? periodeNama(found.periode) : '?'}, sedangkan tugas ini untuk periode ${periodeNama(want.periode)}`,
    });
  if (problems.length > 0) reject(problems);
}

const header = (key: (typeof KINERJA_COLUMNS)[number]['key']) => {
  const c = col(key);
  return `${columnLetter(c)} (${KINERJA_COLUMNS[c - 1]!.header})`;
};

function readText(
  grid: Grid,
  row: number,
  key: 'penyebab' | 'kendala' | 'solusi' | 'bukti',
  problems: MasalahBerkas[],
): string {
  const cell = grid.cell(row, col(key));
  if (cell.kind === 'formula') {
    problems.push({
      lembar: grid.name,
      baris: row,
      kolom: header(key),
      nilai: shown(cell),
      pesan: 'berisi rumus; tulis teks biasa',
    });
    return '';
  }
  const text = textOf(cell).trim();
  if (text.length > MAX_TEXT_LENGTH) {
    problems.push({
      lembar: grid.name,
      baris: row,
      kolom: header(key),
      pesan: `terlalu panjang (${text.length} karakter; paling banyak ${MAX_TEXT_LENGTH})`,
    });
  }
  return text;
}

function readKinerja(grid: Grid, expected: Expected, problems: MasalahBerkas[]): BarisRealisasi[] {
  const wanted = indicatorsOfUnit(expected.pk, expected.unit.id);
  const byKode = new Map(wanted.map((w) => [w.indikator.kode, w.indikator]));
  // The Realisasi header says what the period covers ("Realisasi triwulan IV saja"); its first word is fixed.
  const headerOk = KINERJA_COLUMNS.every((c, i) => {
    const h = textOf(grid.cell(KINERJA_HEADER_ROW, i + 1)).trim();
    return c.key === 'realisasi' ? h === c.header || h.startsWith(`${c.header} `) : h === c.header;
  });
  if (!headerOk) {
    problems.push({
      lembar: grid.name,
      baris: KINERJA_HEADER_ROW,
      pesan:
        'judul kolom berubah atau kolom dipindah; gunakan format asli tanpa menambah atau menghapus kolom',
    });
    return [];
  }
  const seen = new Map<string, number>();
  const out: BarisRealisasi[] = [];
  const last = Math.max(grid.rowCount, KINERJA_FIRST_ROW + wanted.length - 1);
  for (let r = KINERJA_FIRST_ROW; r <= last; r++) {
    const kodeCell = grid.cell(r, col('kode'));
    const rowEmpty = KINERJA_COLUMNS.every((_, i) => grid.cell(r, i + 1).kind === 'empty');
    if (rowEmpty) continue;
    for (let c = 1; c <= KINERJA_COLUMNS.length; c++) {
      if (grid.merged(r, c)) {
        problems.push({
          lembar: grid.name,
          baris: r,
          kolom: `${columnLetter(c)} (${KINERJA_COLUMNS[c - 1]!.header})`,
          pesan: 'sel digabung (merge); pisahkan kembali sel pada baris ini',
        });
        break;
      }
    }
    const kode = textOf(kodeCell).trim();
    const ind = byKode.get(kode);
    if (!ind) {
      problems.push({
        lembar: grid.name,
        baris: r,
        kolom: header('kode'),
        nilai: shown(kodeCell),
        pesan: kode
          ? 'kode indikator tidak ada dalam Perjanjian Kinerja unit ini; hapus baris tambahan'
          : 'baris tanpa kode indikator; hapus baris tambahan',
      });
      continue;
    }
    if (seen.has(kode)) {
      problems.push({
        lembar: grid.name,
        baris: r,
        kolom: header('kode'),
        nilai: kode,
        pesan: `indikator ini sudah ada di baris ${seen.get(kode)}; hapus baris ganda`,
      });
      continue;
    }
    seen.set(kode, r);
    const target = targetFor(ind, expected.periode);
    if (!sameTarget(grid.cell(r, col('target')), target)) {
      problems.push({
        lembar: grid.name,
        baris: r,
        kolom: header('target'),
        nilai: shown(grid.cell(r, col('target'))),
        pesan: `target diubah; target dalam Perjanjian Kinerja adalah ${target}`,
      });
    }
    const at = { lembar: grid.name, baris: r, kolom: header('realisasi') };
    const real = realisasiOf(grid.cell(r, col('realisasi')), ind, at);
    if ('problem' in real) problems.push(real.problem);
    out.push({
      kode,
      realisasi: 'value' in real ? real.value : null,
      penjelasan: {
        penyebab: readText(grid, r, 'penyebab', problems),
        kendala: readText(grid, r, 'kendala', problems),
        solusi: readText(grid, r, 'solusi', problems),
      },
      bukti: readText(grid, r, 'bukti', problems),
    });
  }
  for (const w of wanted) {
    if (!seen.has(w.indikator.kode)) {
      problems.push({
        lembar: grid.name,
        pesan: `baris indikator ${w.indikator.kode} (${w.indikator.uraian}) tidak ada; jangan menghapus baris`,
      });
    }
  }
  return out;
}

function readAnggaran(grid: Grid, expected: Expected, problems: MasalahBerkas[]): BarisAnggaran[] {
  const programs = expected.pk.program.filter((p) => p.unit === expected.unit.id);
  const byKode = new Map(programs.map((p) => [p.kode, p]));
  const seen = new Set<string>();
  const out: BarisAnggaran[] = [];
  const kolom = `D (${ANGGARAN_COLUMNS[3].header})`;
  for (
    let r = ANGGARAN_FIRST_ROW;
    r <= Math.max(grid.rowCount, ANGGARAN_FIRST_ROW + programs.length - 1);
    r++
  ) {
    const kode = textOf(grid.cell(r, 1)).trim();
    const cell = grid.cell(r, 4);
    if (!kode && cell.kind === 'empty') continue;
    const p = byKode.get(kode);
    if (!p) {
      problems.push({
        lembar: grid.name,
        baris: r,
        kolom: `A (${ANGGARAN_COLUMNS[0].header})`,
        nilai: kode,
        pesan: 'kode program tidak ada dalam Perjanjian Kinerja unit ini; hapus baris tambahan',
      });
      continue;
    }
    if (seen.has(kode)) {
      problems.push({
        lembar: grid.name,
        baris: r,
        kolom: `A (${ANGGARAN_COLUMNS[0].header})`,
        nilai: kode,
        pesan: 'program ini ditulis dua kali; hapus baris ganda',
      });
      continue;
    }
    seen.add(kode);
    let n: number | undefined;
    if (cell.kind === 'empty') {
      problems.push({
        lembar: grid.name,
        baris: r,
        kolom,
        pesan: 'realisasi anggaran wajib diisi (tulis 0 bila belum ada realisasi)',
      });
      continue;
    }
    if (cell.kind === 'number') n = cell.value;
    else if (cell.kind === 'formula' && typeof cell.result === 'number') n = cell.result;
    else if (cell.kind === 'text') n = parseAngka(cell.value.replace(/^Rp\.?\s*/i, ''));
    if (n === undefined)
      problems.push({
        lembar: grid.name,
        baris: r,
        kolom,
        nilai: shown(cell),
        pesan: 'bukan angka rupiah; tulis angka saja, misalnya 125000000',
      });
    else if (n < 0)
      problems.push({ lembar: grid.name, baris: r, kolom, nilai: shown(cell), pesan: 'tidak boleh negatif' });
    else if (n > p.pagu)
      problems.push({
        lembar: grid.name,
        baris: r,
        kolom,
        nilai: shown(cell),
        pesan: `melebihi pagu program (${p.pagu})`,
      });
    else out.push({ kode, realisasi: n });
  }
  for (const p of programs) {
    if (!seen.has(p.kode))
      problems.push({
        lembar: grid.name,
        pesan: `baris program ${p.kode} (${p.nama}) tidak ada; jangan menghapus baris`,
      });
  }
  return out;
}

/** The identity a returned file claims (agency, unit, year, period), read without validating the data. */
export interface ClaimedIdentity {
  instansi: string;
  unit: string;
  tahun: number;
  periode: string;
}

export async function peekIdentity(file: UploadedFile): Promise<ClaimedIdentity | undefined> {
  try {
    if (file.name.toLowerCase().endsWith('.csv')) {
      const text = Buffer.from(file.bytes)
        .toString('utf8')
        .replace(/^\uFEFF/, '');
      const delimiter = detectDelimiter(text);
      const grid = csvGrid(
        SHEET_KINERJA,
        parseCsv(text, {
          delimiter,
          relax_column_count: true,
          relax_quotes: true,
          to_line: KINERJA_HEADER_ROW,
        }),
      );
      const v = (k: keyof typeof IDENTITY_ROWS) => csvIdentity(grid, k);
      return { instansi: v('instansi'), unit: v('unit'), tahun: Number(v('tahun')), periode: v('periode') };
    }
    if (!startsWith(file.bytes, ZIP_MAGIC) || file.bytes.byteLength > MAX_UPLOAD_BYTES) return undefined;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const meta = wb.getWorksheet(SHEET_META);
    if (!meta) return undefined;
    const m = new Map<string, string>();
    for (let r = 1; r <= meta.rowCount; r++)
      m.set(textOf(toCell(meta.getCell(r, 1).value)), textOf(toCell(meta.getCell(r, 2).value)));
    return {
      instansi: m.get('instansi') ?? '',
      unit: m.get('unit') ?? '',
      tahun: Number(m.get('tahun')),
      periode: m.get('periode') ?? '',
    };
  } catch {
    return undefined;
  }
}

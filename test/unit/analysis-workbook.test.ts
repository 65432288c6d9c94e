import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../lib/catalogue.ts';
import { barisEsakip } from '../../lib/cycle/esakip.ts';
import type { Berkas } from '../../lib/cycle/model.ts';
import { STEP_KINDS } from '../../lib/cycle/steps/index.ts';
import { renderAnalisisWorkbook } from '../../lib/documents/analysis-workbook.ts';
import { JENIS_ESR, renderDaftarEsakip } from '../../lib/documents/esakip-list.ts';
import { analisis } from '../../lib/performance/analysis.ts';
import type { Submission } from '../../lib/performance/submission.ts';
import { CycleRun } from '../helpers/cycle-run.ts';

const cat = loadCatalogue('config');
const agency = cat.agencies.get('dkukmtk-balangan')!;
const pk = cat.kinerja.get('dkukmtk-balangan/2025')!;
const row = (kode: string, realisasi: number | null) => ({
  kode,
  realisasi,
  penjelasan: { penyebab: '', kendala: '', solusi: '' },
  bukti: '',
});
const sub = (unit: string, indikator: ReturnType<typeof row>[]): Submission => ({
  instansi: agency.id,
  unit,
  tahun: 2025,
  periode: 'tahunan',
  versiTemplate: 2,
  indikator,
  anggaran: [],
});

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}
const column = (ws: ExcelJS.Worksheet, header: string) => {
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(3, c).value === header) return c;
  throw new Error(header);
};

describe('the analysis of step 5 as a workbook', () => {
  const result = analisis(pk, [
    sub('bidang-koperasi', [row('IKU-1.1', 62), row('IKU-1.2', 36)]),
    sub('bidang-ukm', [row('IKU-1.3', 150), row('IKU-1.4', null)]),
  ]);

  it('has a sheet per table, each printable and headed in Indonesian', async () => {
    const wb = await load(
      await renderAnalisisWorkbook({ agency, analisis: result, cakupan: 'Tahunan 2025', versi: 1 }),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Ringkasan',
      'Capaian Indikator',
      'Per Unit',
      'Per Sasaran',
    ]);
    for (const ws of wb.worksheets)
      expect(ws.pageSetup, ws.name).toMatchObject({
        orientation: 'landscape',
        fitToWidth: 1,
        printTitlesRow: '3:3',
      });
  });

  it('lists every indicator with target, realisasi, capaian and kategori, and says why one was not computed', async () => {
    const wb = await load(
      await renderAnalisisWorkbook({ agency, analisis: result, cakupan: 'Tahunan 2025' }),
    );
    const ws = wb.getWorksheet('Capaian Indikator')!;
    const all = result.sasaran.flatMap((s) => s.indikator);
    expect(ws.rowCount).toBe(3 + all.length);
    const rowOf = (kode: string) => {
      for (let r = 4; r <= ws.rowCount; r++) if (ws.getCell(r, column(ws, 'Kode')).value === kode) return r;
      throw new Error(kode);
    };
    const r11 = rowOf('IKU-1.1');
    expect(ws.getCell(r11, column(ws, 'Target')).value).toBe(62);
    expect(ws.getCell(r11, column(ws, 'Realisasi')).value).toBe(62);
    expect(ws.getCell(r11, column(ws, 'Capaian (%)')).value).toBe(100);
    expect(ws.getCell(r11, column(ws, 'Capaian (%)')).numFmt).toBe('0.00"%"');
    expect(ws.getCell(r11, column(ws, 'Kategori')).value).toBe('Sangat Berhasil');
    expect(ws.getCell(r11, column(ws, 'Unit')).value).toBe('Bidang Koperasi');
    // 150 against 120 is 125%, capped at the agency's 120.
    const r13 = rowOf('IKU-1.3');
    expect(ws.getCell(r13, column(ws, 'Capaian (%)')).value).toBe(120);
    expect(String(ws.getCell(r13, column(ws, 'Keterangan')).value)).toContain('dibatasi batas atas');
    const r14 = rowOf('IKU-1.4');
    expect(ws.getCell(r14, column(ws, 'Capaian (%)')).value).toBe('-');
    expect(String(ws.getCell(r14, column(ws, 'Keterangan')).value)).toMatch(/^tidak dihitung: /);
  });

  it('summarises per unit and overall, naming units by name', async () => {
    const wb = await load(
      await renderAnalisisWorkbook({ agency, analisis: result, cakupan: 'Tahunan 2025' }),
    );
    const perUnit = wb.getWorksheet('Per Unit')!;
    const units = [];
    for (let r = 4; r <= perUnit.rowCount; r++)
      units.push([perUnit.getCell(r, 1).value, perUnit.getCell(r, 5).value]);
    expect(units).toContainEqual(['Bidang Koperasi', 'lengkap']);
    expect(units).toContainEqual(['Bidang Tenaga Kerja', 'belum lengkap']);
    const ring = wb.getWorksheet('Ringkasan')!;
    const values = new Map<string, unknown>();
    for (let r = 4; r <= ring.rowCount; r++)
      values.set(String(ring.getCell(r, 1).value), ring.getCell(r, 2).value);
    expect(values.get('Jumlah indikator')).toBe(result.ringkasan.jumlahIndikator);
    expect(values.get('Cakupan data')).toBe('Tahunan 2025');
    expect(String(values.get('Unit yang datanya belum lengkap'))).toContain('Bidang Tenaga Kerja');
    const seen = wb.worksheets.flatMap((ws) => {
      const out: string[] = [];
      ws.eachRow((r) => r.eachCell((c) => out.push(String(c.value))));
      return out;
    });
    expect(seen.join('\n')).not.toMatch(/bidang-|dkukmtk-balangan|\{|\}/);
  });
});

describe('step 5 in a running cycle', () => {
  it('hands the person the analysis as an XLSX, never JSON, rendered by the document function', async () => {
    expect(STEP_KINDS.analisis.fungsi).toBe('dokumen');
    const run = await new CycleRun().start();
    const { task } = await run.open(5);
    expect(task.berkas.map((b) => [b.jenis, b.contentType])).toEqual([
      ['analisis', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
    expect(task.berkas[0]!.key).toMatch(/analisis-1\.xlsx$/);
    const wb = await load(await run.ports.blobs.get('kerja', task.berkas[0]!.key));
    expect(wb.getWorksheet('Ringkasan')!.getCell(1, 1).value).toBe(
      'Ringkasan Analisis Capaian Kinerja — Tahunan 2025',
    );
  });
});

describe('the e-SAKIP Reviu upload list', () => {
  const arsip: Berkas[] = [
    {
      label: 'Arsip: Laporan kinerja yang ditandatangani',
      key: 'arsip/x/2025/c/LAKIP-2025-final.pdf',
      bucket: 'arsip',
      jenis: 'laporan-final',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
    {
      label: 'Arsip: Surat pengantar',
      key: 'arsip/x/2025/c/surat-pengantar.docx',
      bucket: 'arsip',
      jenis: 'surat-pengantar',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
  ];

  it('names each file with its ESR document type by number and name, and reminds of the signed PK', async () => {
    const baris = barisEsakip(arsip, 2025);
    expect(baris.map((b) => [b.esr, b.namaBerkas])).toEqual([
      [8, 'LAKIP-2025-final.pdf'],
      [10, 'surat-pengantar.docx'],
      [6, undefined],
    ]);
    const wb = await load(await renderDaftarEsakip({ agency, tahun: 2025, baris }));
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
    const rows = [7, 8, 9].map((r) => [2, 3, 4, 5].map((c) => String(ws.getCell(r, c).value)));
    expect(rows.map((r) => r[1])).toEqual(['8 — Laporan Kinerja', '10 — Lainnya', '6 — Perjanjian Kinerja']);
    expect(rows[0]![0]).toBe('Laporan kinerja yang ditandatangani');
    expect(rows[0]![2]).toBe('LAKIP-2025-final.pdf');
    expect(rows[0]![3]).toContain('8 — Laporan Kinerja');
    expect(rows[2]![2]).toContain('berkas dari instansi');
    expect(String(ws.getCell(1, 1).value)).toContain('DAFTAR UNGGAH e-SAKIP REVIU');
    expect(String(ws.getCell(2, 1).value)).toBe(`${agency.nama} ${agency.pemerintah}`);
    expect(Object.keys(JENIS_ESR)).toHaveLength(19);
  });
});

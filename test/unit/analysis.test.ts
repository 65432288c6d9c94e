import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../lib/catalogue.ts';
import { main } from '../../lib/cli/main.ts';
import { analisis, gabungTriwulan } from '../../lib/performance/analysis.ts';
import type { Submission } from '../../lib/performance/submission.ts';
import { buildFormatWorkbook } from '../../lib/workbook/build.ts';
import { fillWorkbook } from '../../lib/workbook/fill.ts';
import { tempFile } from '../helpers/files.ts';

const cat = loadCatalogue('config');
const pk = cat.kinerja.get('dkukmtk-balangan/2025')!;
const row = (kode: string, realisasi: number | string | null) => ({
  kode,
  realisasi,
  penjelasan: { penyebab: '', kendala: '', solusi: '' },
  bukti: '',
});
const sub = (
  unit: string,
  periode: Submission['periode'],
  indikator: ReturnType<typeof row>[],
  anggaran: { kode: string; realisasi: number }[] = [],
): Submission => ({
  instansi: 'dkukmtk-balangan',
  unit,
  tahun: 2025,
  periode,
  versiTemplate: 2,
  indikator,
  anggaran,
});

describe('analysis of a year', () => {
  const subs = [
    sub(
      'bidang-koperasi',
      'tahunan',
      [row('IKU-1.1', 62), row('IKU-1.2', 36)],
      [
        { kode: '2.17.02', realisasi: 285_000_000 },
        { kode: '2.17.05', realisasi: 95_000_000 },
      ],
    ),
    sub(
      'bidang-ukm',
      'tahunan',
      [row('IKU-1.3', 132), row('IKU-1.4', 30)],
      [{ kode: '2.17.08', realisasi: 600_000_000 }],
    ),
  ];
  const a = analisis(pk, subs);
  const ss1 = a.sasaran.find((s) => s.kode === 'SS1')!;

  it('computes each indicator, compares it with last year and the Renstra', () => {
    const i11 = ss1.indikator.find((i) => i.kode === 'IKU-1.1')!;
    expect(i11.hasil).toMatchObject({ dihitung: true, capaian: 100, kategori: 'Sangat Berhasil' });
    expect(i11.tahunLalu).toEqual({ tahun: 2024, realisasi: 58.9, selisih: 3.1 });
    expect(i11.renstra!.hasil).toMatchObject({ capaian: 88.57 });
    // 132 of 120 is 110 %, under the agency's 120 % cap.
    expect(ss1.indikator.find((i) => i.kode === 'IKU-1.3')!.hasil).toMatchObject({ capaian: 110 });
  });

  it('averages the sasaran, measures absorption and efficiency', () => {
    // (100 + 80 + 110 + 75) / 4
    expect(ss1.capaian).toBe(91.25);
    expect(ss1.kategori).toBe('Berhasil');
    expect(ss1.anggaran).toEqual({ pagu: 1_115_000_000, realisasi: 980_000_000, serapan: 87.89 });
    expect(ss1.efisiensi).toBe('cukup efisien');
  });

  it('lists the units whose data is missing and leaves their indicators uncomputed', () => {
    expect(a.unitBelumLengkap).toEqual(['bidang-tenaga-kerja', 'sekretariat']);
    const ss2 = a.sasaran.find((s) => s.kode === 'SS2')!;
    expect(ss2.capaian).toBeNull();
    expect(ss2.indikator.every((i) => !i.hasil.dihitung)).toBe(true);
    expect(a.ringkasan).toMatchObject({ jumlahIndikator: 8, dihitung: 4 });
  });
});

describe('quarterly data', () => {
  const lumajang = cat.kinerja.get('kominfo-lumajang/2025')!;

  it('measures a quarter against its Rencana Aksi target', () => {
    const a = analisis(lumajang, [sub('bidang-aptika', 'TW2', [row('IKU-2', 40)])], 'TW2');
    const i = a.sasaran.flatMap((s) => s.indikator).find((x) => x.kode === 'IKU-2')!;
    expect(i.target).toBe(45);
    expect(i.hasil).toMatchObject({ capaian: 88.89 });
  });

  it('adds up the four quarters by each indicator rule', () => {
    const quarters = (['TW1', 'TW2', 'TW3', 'TW4'] as const).map((tw, q) =>
      sub(
        'bidang-ikp',
        tw,
        [row('IKU-4', 80 + q), row('IKU-5', 90 + q * 2)],
        [{ kode: '2.16.02', realisasi: 100_000_000 }],
      ),
    );
    const year = gabungTriwulan(lumajang, [...quarters].reverse());
    expect(year).toHaveLength(1);
    // IKU-4 is 'nilai-akhir' (the last quarter's value), IKU-5 'rata-rata'.
    expect(year[0]!.indikator.map((b) => [b.kode, b.realisasi])).toEqual([
      ['IKU-4', 83],
      ['IKU-5', 93],
    ]);
    expect(year[0]!.anggaran).toEqual([{ kode: '2.16.02', realisasi: 400_000_000 }]);
  });
});

describe('lakip analyze', () => {
  it('prints kode, target, realisasi, capaian and kategori as JSON for filled workbooks', async () => {
    const agency = cat.agencies.get('dkukmtk-balangan')!;
    const unit = agency.unit.find((u) => u.id === 'bidang-tenaga-kerja')!;
    const blank = await buildFormatWorkbook({ agency, unit, pk, periode: 'tahunan' });
    const f = tempFile(
      'isian.xlsx',
      await fillWorkbook(blank, {
        realisasi: { 'IKU-2.1': 3.9, 'IKU-2.2': 36.5, 'IKU-2.3': 1 },
        anggaran: { '2.07.03': 1, '2.07.04': 1, '2.07.05': 1 },
      }),
    );
    const out: string[] = [];
    expect(await main(['analyze', f, '--json'], { out: (s) => out.push(s), err: () => undefined })).toBe(0);
    const rows = JSON.parse(out.join('\n'));
    expect(
      rows.map((r: Record<string, unknown>) => [r.kode, r.target, r.realisasi, r.capaian, r.kategori]),
    ).toEqual([
      ['IKU-2.1', 3.8, 3.9, 97.37, 'Berhasil'],
      ['IKU-2.2', 35, 36.5, 104.29, 'Sangat Berhasil'],
      ['IKU-2.3', 2, 1, 120, 'Sangat Berhasil'],
    ]);
  });

  it('exits non-zero with the error list on invalid input', async () => {
    const f = tempFile('bukan.xlsx', 'bukan buku kerja');
    const out: string[] = [];
    const err: string[] = [];
    expect(await main(['analyze', f, '--json'], { out: (s) => out.push(s), err: (s) => err.push(s) })).toBe(
      1,
    );
    expect(JSON.parse(out.join('\n')).errors[0].masalah[0]).toMatch(/identitas berkas|bukan buku kerja/);
    expect(err.join('\n')).toContain('bukan.xlsx');
  });
});

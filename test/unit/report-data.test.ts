import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../lib/catalogue.ts';
import type { SiklusRef } from '../../lib/cycle/model.ts';
import { reportData } from '../../lib/cycle/report-data.ts';
import { analisis } from '../../lib/performance/analysis.ts';
import type { Periode, Submission } from '../../lib/performance/submission.ts';

const cat = loadCatalogue('config');
const pk = cat.kinerja.get('kominfo-lumajang/2025')!;
const UNIT = 'bidang-statistik-persandian';

function submission(periode: Periode, iku3: number): Submission {
  return {
    instansi: 'kominfo-lumajang',
    unit: UNIT,
    tahun: 2025,
    periode,
    versiTemplate: 1,
    indikator: [
      { kode: 'IKU-3', realisasi: iku3, penjelasan: { penyebab: '', kendala: '', solusi: '' }, bukti: '' },
    ],
    anggaran: [],
  };
}

/** Just enough of the store and blobs for accepted submissions: one accepted upload per cycle. */
function ports(cycles: { periode: Periode; iku3: number }[]) {
  const cycle = (periode: Periode): SiklusRef & { status: string; dimulai: string } => ({
    agencyId: 'kominfo-lumajang',
    cycleId: `2025-${periode}`,
    sopId: 'kominfo-lumajang-data-kinerja',
    tahun: 2025,
    periode,
    status: 'selesai',
    dimulai: `2025-0${['TW1', 'TW2', 'TW3', 'TW4'].indexOf(periode) * 3 + 1}-05T00:00:00Z`,
  });
  const blobs = new Map(cycles.map((c) => [`sub/${c.periode}`, submission(c.periode, c.iku3)]));
  return {
    store: {
      listCycles: async () => cycles.map((c) => cycle(c.periode)),
      listUploads: async (_a: string, cycleId: string) => {
        const periode = cycleId.slice(5) as Periode;
        return blobs.has(`sub/${periode}`)
          ? [{ unit: UNIT, status: 'diterima', submissionKey: `sub/${periode}`, dibuat: '2025-01-01' }]
          : [];
      },
    },
    blobs: { get: async (_b: string, key: string) => Buffer.from(JSON.stringify(blobs.get(key))) },
    ctx: { siklus: cycle('TW4'), pk },
  };
}

const iku3 = (a: ReturnType<typeof analisis>) =>
  a.sasaran.flatMap((s) => s.indikator).find((x) => x.kode === 'IKU-3')!;

describe('the figures a report is built from', () => {
  it("never measures a yearly IKU-3 against one quarter's target (the Lumajang draft)", async () => {
    // The Lumajang TW4 draft: the unit reported 2.97 incidents for the year; the draft used TW4's target
    // 0.75 and printed 0% "Kurang Berhasil" while Bab II and the Lampiran said target 3.
    const p = ports([{ periode: 'TW4', iku3: 2.97 }]);
    const data = await reportData(p as never, p.ctx as never);
    const x = iku3(analisis(pk, data.submissions, data.periode));
    expect(data).toMatchObject({ periode: 'tahunan', gabunganTriwulan: true });
    expect(x.target).toBe(3);
    expect(x.hasil).toMatchObject({ dihitung: true, capaian: 101 });
    // What the old code computed from the same data:
    expect(iku3(analisis(pk, [submission('TW4', 2.97)], 'TW4')).hasil).toMatchObject({ capaian: 0 });
  });

  it("adds up the year's quarters by the indicator's rule in the fourth quarter", async () => {
    const p = ports([
      { periode: 'TW1', iku3: 1 },
      { periode: 'TW2', iku3: 2 },
      { periode: 'TW3', iku3: 0 },
      { periode: 'TW4', iku3: 1 },
    ]);
    const data = await reportData(p as never, p.ctx as never);
    const x = iku3(analisis(pk, data.submissions, data.periode));
    // Cumulative: 1 + 2 + 0 + 1 = 4 incidents against 3 → (2 − 4/3) × 100.
    expect([x.target, x.realisasi, x.hasil.dihitung && x.hasil.capaian]).toEqual([3, 4, 66.67]);
  });

  it("keeps a unit's quarterly report on that quarter's own target", async () => {
    const p = ports([{ periode: 'TW4', iku3: 1 }]);
    const data = await reportData(p as never, p.ctx as never, UNIT);
    expect(data).toMatchObject({ periode: 'TW4', gabunganTriwulan: false });
    expect(iku3(analisis(pk, data.submissions, data.periode)).target).toBe(0.75);
  });
});

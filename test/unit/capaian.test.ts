import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agregasi, efisiensi, hitungCapaian, kategori, serapan } from '../../lib/performance/capaian.ts';
import type { Konvensi } from '../../lib/performance/model.ts';

const SKALA = [
  { min: 100, nama: 'Sangat Berhasil' },
  { min: 75, nama: 'Berhasil' },
  { min: 55, nama: 'Cukup Berhasil' },
  { min: 0, nama: 'Kurang Berhasil' },
];
const k = (over: Partial<Konvensi> = {}): Konvensi => ({
  batas_bawah: 0,
  batas_atas: null,
  rumus_negatif: '2-r/t',
  target_nol: 'realisasi-nol-100',
  skala: SKALA,
  ambang_efisiensi: 5,
  ...over,
});
const pos = { polaritas: 'positif' as const };
const neg = { polaritas: 'negatif' as const };
const capaian = (h: ReturnType<typeof hitungCapaian>) => (h.dihitung ? h.capaian : Number.NaN);

describe('capaian', () => {
  it('positive: realisasi / target × 100', () => {
    expect(capaian(hitungCapaian(pos, 80, 60, k()))).toBe(75);
    expect(capaian(hitungCapaian(pos, 80, 100, k()))).toBe(125);
  });

  it('negative: (2 − r/t) × 100 by default, t/r × 100 when chosen', () => {
    expect(capaian(hitungCapaian(neg, 4, 3, k()))).toBe(125);
    expect(capaian(hitungCapaian(neg, 4, 5, k()))).toBe(75);
    expect(capaian(hitungCapaian({ ...neg, rumus_negatif: 't/r' }, 6, 8, k()))).toBe(75);
  });

  it('applies the floor and the cap, and says so', () => {
    const low = hitungCapaian(neg, 2, 5, k());
    expect(low).toMatchObject({ dihitung: true, capaian: 0, mentah: -50, dibatasi: 'bawah' });
    const high = hitungCapaian(pos, 50, 100, k({ batas_atas: 120 }));
    expect(high).toMatchObject({ capaian: 120, mentah: 200, dibatasi: 'atas' });
    expect(hitungCapaian(neg, 2, 5, k({ batas_bawah: null }))).toMatchObject({
      capaian: -50,
      dibatasi: null,
    });
  });

  it('handles target 0 by the agency convention', () => {
    expect(capaian(hitungCapaian(neg, 0, 0, k()))).toBe(100);
    expect(capaian(hitungCapaian(neg, 0, 3, k()))).toBe(0);
    expect(capaian(hitungCapaian(pos, 0, 3, k()))).toBe(100);
    expect(hitungCapaian(pos, 0, 3, k({ target_nol: 'tidak-dihitung' }))).toMatchObject({
      dihitung: false,
      alasan: expect.stringContaining('target 0'),
    });
  });

  it('explains what it cannot compute instead of returning NaN', () => {
    expect(hitungCapaian(pos, 10, null, k())).toEqual({
      dihitung: false,
      alasan: 'realisasi belum diisi',
      kategori: null,
    });
    expect(hitungCapaian(pos, 10, 'banyak', k())).toMatchObject({
      dihitung: false,
      alasan: "realisasi 'banyak' bukan angka",
    });
    expect(hitungCapaian({ ...neg, rumus_negatif: 't/r' }, 5, 0, k())).toMatchObject({ dihitung: false });
    expect(hitungCapaian(pos, -5, 3, k())).toMatchObject({ dihitung: false });
  });

  it('maps qualitative values on their scale', () => {
    const wtp = {
      polaritas: 'kualitatif' as const,
      nilai_kualitatif: { WTP: 100, WDP: 75, TW: 50, TMP: 25 },
    };
    expect(capaian(hitungCapaian(wtp, 'WTP', 'WDP', k()))).toBe(75);
    expect(capaian(hitungCapaian(wtp, 'WTP', 'wtp', k()))).toBe(100);
    expect(hitungCapaian(wtp, 'WTP', 'Baik', k())).toMatchObject({
      dihitung: false,
      alasan: expect.stringContaining('WTP, WDP, TW, TMP'),
    });
  });

  it('puts each boundary in the upper category', () => {
    expect(kategori(100, SKALA)).toBe('Sangat Berhasil');
    expect(kategori(99.99, SKALA)).toBe('Berhasil');
    expect(kategori(75, SKALA)).toBe('Berhasil');
    expect(kategori(55, SKALA)).toBe('Cukup Berhasil');
    expect(kategori(54.99, SKALA)).toBe('Kurang Berhasil');
    expect(kategori(-10, SKALA)).toBe('Kurang Berhasil');
  });
});

describe('capaian properties', () => {
  const num = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
  const value = fc.oneof(
    num,
    fc.constant(null),
    fc.string({ maxLength: 5 }),
    fc.constant(Number.NaN),
    fc.constant(Number.POSITIVE_INFINITY),
  );
  const konvensi = fc.record({
    batas_bawah: fc.oneof(fc.constant(null), fc.constant(0)),
    batas_atas: fc.oneof(fc.constant(null), fc.constantFrom(100, 120, 200)),
    rumus_negatif: fc.constantFrom('2-r/t' as const, 't/r' as const),
    target_nol: fc.constantFrom('realisasi-nol-100' as const, 'tidak-dihitung' as const),
  });

  it('is total: a finite capaian or a reason, for any input', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('positif' as const, 'negatif' as const),
        value,
        value,
        konvensi,
        (polaritas, t, r, kv) => {
          const h = hitungCapaian({ polaritas }, t, r, k(kv));
          if (h.dihitung) {
            expect(Number.isFinite(h.capaian)).toBe(true);
            expect(SKALA.map((s) => s.nama)).toContain(h.kategori);
          } else expect(h.alasan.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never decreases as realisasi grows (positive) and never increases (negative)', () => {
    const positive = fc.double({ min: 0.001, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(positive, positive, positive, konvensi, (t, a, b, kv) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const up = (r: number) => capaian(hitungCapaian(pos, t, r, k(kv)));
        const down = (r: number) => capaian(hitungCapaian(neg, t, r, k(kv)));
        expect(up(hi)).toBeGreaterThanOrEqual(up(lo));
        expect(down(hi)).toBeLessThanOrEqual(down(lo));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('aggregation, absorption and efficiency', () => {
  it('aggregates quarters', () => {
    expect(agregasi([10, 20, 30, 40], 'kumulatif')).toBe(100);
    expect(agregasi([10, 20, null, 40], 'nilai-akhir')).toBe(40);
    expect(agregasi([10, 20, 30, null], 'rata-rata')).toBe(20);
    expect(agregasi([null, null, null, null], 'kumulatif')).toBeNull();
  });

  it('classifies efficiency at ±5 points', () => {
    expect(efisiensi(100, 90, 5)).toBe('efisien');
    expect(efisiensi(95, 90, 5)).toBe('cukup efisien');
    expect(efisiensi(85, 90, 5)).toBe('cukup efisien');
    expect(efisiensi(84.9, 90, 5)).toBe('tidak efisien');
  });

  it('computes absorption, or nothing without a pagu', () => {
    expect(serapan(92_000_000, 100_000_000)).toBe(92);
    expect(serapan(5, 0)).toBeNull();
  });
});

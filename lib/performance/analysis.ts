import {
  agregasi as aggregate,
  type Efisiensi,
  efisiensi,
  type HasilCapaian,
  hitungCapaian,
  kategori,
  type Nilai,
  serapan,
} from './capaian.ts';
import type { Indikator, PerjanjianKinerja, Program, Sasaran } from './model.ts';
import type { BarisRealisasi, Penjelasan, Periode, Submission } from './submission.ts';
import { targetFor } from './target.ts';

export interface AnalisisIndikator {
  kode: string;
  uraian: string;
  satuan: string;
  polaritas: Indikator['polaritas'];
  unit: string;
  sasaran: string;
  target: Nilai;
  realisasi: Nilai;
  hasil: HasilCapaian;
  /** Realisasi of the previous year and the change against it (numbers only). */
  tahunLalu: { tahun: number; realisasi: Nilai; selisih: number | null } | null;
  /** Capaian against the Renstra final target. */
  renstra: { target: Nilai; tahunAkhir: number; hasil: HasilCapaian } | null;
  standarNasional: number | null;
  penjelasan: Penjelasan | null;
  bukti: string;
}

export interface AnalisisSasaran {
  kode: string;
  uraian: string;
  /** Mean capaian of the indicators that could be computed; null when none could. */
  capaian: number | null;
  kategori: string | null;
  indikator: AnalisisIndikator[];
  anggaran: { pagu: number; realisasi: number; serapan: number | null };
  efisiensi: Efisiensi | null;
  program: (Program & { realisasi: number; serapan: number | null })[];
}

export interface Analisis {
  instansi: string;
  tahun: number;
  sasaran: AnalisisSasaran[];
  anggaran: { pagu: number; realisasi: number; serapan: number | null };
  ringkasan: {
    jumlahIndikator: number;
    dihitung: number;
    perKategori: Record<string, number>;
    rataRata: number | null;
  };
  /** Units whose data is missing from the analysis. */
  unitBelumLengkap: string[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export type Triwulan = Exclude<Periode, 'tahunan'>;
export const TRIWULAN: readonly Triwulan[] = ['TW1', 'TW2', 'TW3', 'TW4'];

/**
 * What the figures cover: one period's data, or the quarters from TW1 up to `sampai` added up by each
 * indicator's rule (see gabungTriwulan). Four quarters added up are the year.
 */
export type CakupanAnalisis = Periode | { sampai: Exclude<Triwulan, 'TW4'> };

/**
 * The target for quarters TW1..`sampai` added up: the quarterly (Rencana Aksi) targets combined by the
 * indicator's own rule, so a cumulative count is measured against the sum of its quarterly targets and
 * a last-value indicator against its latest quarter's target. At TW4 it is the yearly target.
 */
export function targetSampai(ind: Indikator, sampai: Triwulan): Nilai {
  // Without quarterly targets the yearly one is all there is (targetFor falls back the same way).
  if (sampai === 'TW4' || !ind.target_triwulan) return ind.target;
  const upTo = TRIWULAN.indexOf(sampai) + 1;
  return aggregate(ind.target_triwulan.slice(0, upTo), ind.agregasi);
}

const targetOf = (ind: Indikator, cakupan: CakupanAnalisis): Nilai =>
  typeof cakupan === 'string' ? targetFor(ind, cakupan) : targetSampai(ind, cakupan.sampai);

/** Joins the Perjanjian Kinerja with the units' validated submissions and computes every figure the report shows. */
export function analisis(
  pk: PerjanjianKinerja,
  submissions: readonly Submission[],
  periode: CakupanAnalisis = 'tahunan',
): Analisis {
  const rows = new Map(submissions.flatMap((s) => s.indikator.map((b) => [b.kode, b] as const)));
  const budget = new Map(
    submissions.flatMap((s) => s.anggaran.map((b) => [b.kode, b.realisasi ?? 0] as const)),
  );
  const reported = new Set(submissions.map((s) => s.unit));
  const k = pk.konvensi;
  const prevYear = String(pk.tahun - 1);

  const sasaran = pk.sasaran.map((s: Sasaran): AnalisisSasaran => {
    const indikator = s.indikator.map((ind): AnalisisIndikator => {
      const row = rows.get(ind.kode);
      const realisasi = row?.realisasi ?? null;
      const target = targetOf(ind, periode);
      const prev = ind.realisasi_lalu[prevYear];
      return {
        kode: ind.kode,
        uraian: ind.uraian,
        satuan: ind.satuan,
        polaritas: ind.polaritas,
        unit: ind.unit,
        sasaran: s.kode,
        target,
        realisasi,
        hasil: hitungCapaian(ind, target, realisasi, k),
        tahunLalu:
          prev === undefined
            ? null
            : {
                tahun: pk.tahun - 1,
                realisasi: prev,
                selisih:
                  typeof prev === 'number' && typeof realisasi === 'number' ? round2(realisasi - prev) : null,
              },
        renstra:
          ind.target_renstra === undefined
            ? null
            : {
                target: ind.target_renstra,
                tahunAkhir: pk.renstra.tahun_akhir,
                hasil: hitungCapaian(ind, ind.target_renstra, realisasi, k),
              },
        standarNasional: ind.standar_nasional ?? null,
        penjelasan: row?.penjelasan ?? null,
        bukti: row?.bukti ?? '',
      };
    });
    const computed = indikator.flatMap((i) => (i.hasil.dihitung ? [i.hasil.capaian] : []));
    const capaian =
      computed.length > 0 ? round2(computed.reduce((a, b) => a + b, 0) / computed.length) : null;
    const program = pk.program
      .filter((p) => p.sasaran === s.kode)
      .map((p) => {
        const realisasi = budget.get(p.kode) ?? 0;
        return { ...p, realisasi, serapan: serapan(realisasi, p.pagu) };
      });
    const pagu = program.reduce((a, p) => a + p.pagu, 0);
    const real = program.reduce((a, p) => a + p.realisasi, 0);
    const ser = serapan(real, pagu);
    return {
      kode: s.kode,
      uraian: s.uraian,
      capaian,
      kategori: capaian === null ? null : kategori(capaian, k.skala),
      indikator,
      anggaran: { pagu, realisasi: real, serapan: ser },
      efisiensi: capaian !== null && ser !== null ? efisiensi(capaian, ser, k.ambang_efisiensi) : null,
      program,
    };
  });

  const all = sasaran.flatMap((s) => s.indikator);
  const perKategori: Record<string, number> = {};
  for (const i of all)
    if (i.hasil.dihitung) perKategori[i.hasil.kategori] = (perKategori[i.hasil.kategori] ?? 0) + 1;
  const computed = all.flatMap((i) => (i.hasil.dihitung ? [i.hasil.capaian] : []));
  const pagu = pk.program.reduce((a, p) => a + p.pagu, 0);
  const realisasi = pk.program.reduce((a, p) => a + (budget.get(p.kode) ?? 0), 0);
  const units = new Set(all.map((i) => i.unit));
  return {
    instansi: pk.instansi,
    tahun: pk.tahun,
    sasaran,
    anggaran: { pagu, realisasi, serapan: serapan(realisasi, pagu) },
    ringkasan: {
      jumlahIndikator: all.length,
      dihitung: computed.length,
      perKategori,
      rataRata: computed.length > 0 ? round2(computed.reduce((a, b) => a + b, 0) / computed.length) : null,
    },
    unitBelumLengkap: [...units].filter((u) => !reported.has(u)).sort(),
  };
}

/**
 * The year's data from the four quarterly submissions of one unit: each indicator's realisasi is
 * aggregated the way its Perjanjian Kinerja says (cumulative, last value or average); the explanations
 * and evidence of the latest quarter stand; budget realisasi is cumulative.
 */
export function gabungTriwulan(pk: PerjanjianKinerja, quarters: readonly Submission[]): Submission[] {
  const indicators = new Map(pk.sasaran.flatMap((s) => s.indikator.map((i) => [i.kode, i] as const)));
  const order = ['TW1', 'TW2', 'TW3', 'TW4'];
  const byUnit = new Map<string, Submission[]>();
  for (const q of quarters)
    if (q.periode !== 'tahunan') byUnit.set(q.unit, [...(byUnit.get(q.unit) ?? []), q]);
  return [...byUnit.entries()].map(([unit, subs]) => {
    const sorted = [...subs].sort((a, b) => order.indexOf(a.periode) - order.indexOf(b.periode));
    const kodes = [...new Set(sorted.flatMap((s) => s.indikator.map((b) => b.kode)))];
    const indikator: BarisRealisasi[] = kodes.map((kode) => {
      const perQuarter = order.map(
        (tw) => sorted.find((s) => s.periode === tw)?.indikator.find((b) => b.kode === kode) ?? null,
      );
      const last = perQuarter.filter((x): x is BarisRealisasi => x !== null).at(-1)!;
      const cara = indicators.get(kode)?.agregasi ?? 'nilai-akhir';
      return {
        ...last,
        realisasi: aggregate(
          perQuarter.map((x) => x?.realisasi ?? null),
          cara,
        ),
      };
    });
    const programs = [...new Set(sorted.flatMap((s) => s.anggaran.map((a) => a.kode)))];
    return {
      instansi: pk.instansi,
      unit,
      tahun: pk.tahun,
      periode: 'tahunan',
      versiTemplate: sorted.at(-1)!.versiTemplate,
      indikator,
      anggaran: programs.map((kode) => ({
        kode,
        realisasi: sorted.reduce(
          (sum, s) => sum + (s.anggaran.find((a) => a.kode === kode)?.realisasi ?? 0),
          0,
        ),
      })),
    };
  });
}

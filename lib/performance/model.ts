import { z } from 'zod';

/**
 * The year's Perjanjian Kinerja of one agency: sasaran strategis with their indicators (each owned
 * by one unit), the Renstra final targets, previous years' realisasi, the programs with their pagu,
 * and the capaian conventions the agency uses. No regulation settles the formulas (domain brief),
 * so every choice is explicit here and printed in the report.
 */

const teks = z.string({ error: 'harus berupa teks' }).trim().min(1, { error: 'tidak boleh kosong' });
const kode = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, { error: 'hanya huruf, angka, titik dan tanda hubung' });
const angka = z.number({ error: 'harus berupa angka' }).finite();
const tahunKunci = z.string().regex(/^\d{4}$/, { error: "harus tahun empat angka, misalnya '2024'" });

export const POLARITAS = ['positif', 'negatif', 'kualitatif'] as const;
export type Polaritas = (typeof POLARITAS)[number];

/** Lower-is-better formulas in use: (2 − r/t) × 100 (most common) or t/r × 100. */
export const RUMUS_NEGATIF = ['2-r/t', 't/r'] as const;
export type RumusNegatif = (typeof RUMUS_NEGATIF)[number];

/** How quarterly values add up to the year: sum, the last quarter's value, or the mean. */
export const AGREGASI = ['kumulatif', 'nilai-akhir', 'rata-rata'] as const;
export type Agregasi = (typeof AGREGASI)[number];

export const kategoriSchema = z.object({
  /** Lower bound, inclusive (capaian in percent). */
  min: angka,
  nama: teks,
});

export const konvensiSchema = z.object({
  /** Capaian never goes below this (0 is common); null keeps negative values. */
  batas_bawah: angka.nullable().default(0),
  /** Capaian never goes above this (none, 100, 120, 200 are in use); null keeps it uncapped. */
  batas_atas: angka.nullable().default(null),
  rumus_negatif: z.enum(RUMUS_NEGATIF).default('2-r/t'),
  /**
   * Target = 0: 'realisasi-nol-100' gives 100 % when realisasi is also 0 (positive: any realisasi > 0 is
   * 100 %; negative: realisasi > 0 is 0 %); 'tidak-dihitung' leaves capaian empty with a reason.
   */
  target_nol: z.enum(['realisasi-nol-100', 'tidak-dihitung']).default('realisasi-nol-100'),
  /** Descending category scale; the first whose min ≤ capaian wins. */
  skala: z.array(kategoriSchema).min(1),
  /** Efficiency: capaian − serapan > ambang → efisien; within ±ambang → cukup efisien; else tidak efisien. */
  ambang_efisiensi: angka.default(5),
});

export const indikatorSchema = z
  .object({
    kode,
    uraian: teks,
    satuan: teks,
    /** What the indicator measures (Bab II of the report); optional. */
    definisi: teks.optional(),
    /** How it is computed, in words ("jumlah … ÷ jumlah … × 100%"); optional. */
    formula: teks.optional(),
    polaritas: z.enum(POLARITAS, { error: 'harus positif, negatif atau kualitatif' }),
    rumus_negatif: z.enum(RUMUS_NEGATIF).optional(),
    agregasi: z.enum(AGREGASI).default('kumulatif'),
    /** Numeric target; for a qualitative indicator, the label (e.g. 'WTP'). */
    target: z.union([angka, teks]),
    /** Qualitative scale: label → score (e.g. WTP: 100, WDP: 75). */
    nilai_kualitatif: z.record(z.string(), angka).optional(),
    target_renstra: z.union([angka, teks]).optional(),
    /** Realisasi of earlier years, by year. */
    realisasi_lalu: z.record(tahunKunci, z.union([angka, teks])).default({}),
    /** Quarterly targets (Rencana Aksi), for the quarterly SOP. */
    target_triwulan: z
      .array(z.union([angka, teks]))
      .length(4)
      .optional(),
    /** A realisasi below zero is possible (a growth rate, a change in an index); otherwise it is refused. */
    boleh_negatif: z.boolean().default(false),
    /** National standard, where one exists (SPM). */
    standar_nasional: angka.optional(),
    /** The unit that reports this indicator. */
    unit: teks,
  })
  .superRefine((ind, ctx) => {
    // A number-scored indicator needs number targets; a typo such as `target: 9o` must not reach the report.
    if (ind.polaritas === 'kualitatif') return;
    const targets: [PropertyKey[], unknown][] = [
      [['target'], ind.target],
      ...(ind.target_triwulan ?? []).map((t, q): [PropertyKey[], unknown] => [['target_triwulan', q], t]),
    ];
    for (const [path, t] of targets) {
      if (typeof t !== 'number')
        ctx.addIssue({
          code: 'custom',
          path,
          message: `indikator ${ind.polaritas} harus bertarget angka (hanya indikator kualitatif yang bertarget teks seperti 'WTP')`,
        });
    }
  });

export const sasaranSchema = z.object({
  kode,
  uraian: teks,
  indikator: z.array(indikatorSchema).min(1),
});

export const programSchema = z.object({
  kode,
  nama: teks,
  sasaran: kode,
  unit: teks,
  pagu: angka.nonnegative(),
});

export const perjanjianKinerjaSchema = z.object({
  instansi: teks,
  tahun: z.number().int().min(2000).max(2100),
  renstra: z.object({ periode: teks, tahun_akhir: z.number().int() }),
  konvensi: konvensiSchema,
  tugas_fungsi: z.array(teks).default([]),
  isu_strategis: z.array(teks).default([]),
  sasaran: z.array(sasaranSchema).min(1),
  program: z.array(programSchema).default([]),
});

export type PerjanjianKinerja = z.infer<typeof perjanjianKinerjaSchema>;
export type Indikator = z.infer<typeof indikatorSchema>;
export type Sasaran = z.infer<typeof sasaranSchema>;
export type Program = z.infer<typeof programSchema>;
export type Konvensi = z.infer<typeof konvensiSchema>;

/** The indicators one unit reports, with their sasaran. */
export function indicatorsOfUnit(
  pk: PerjanjianKinerja,
  unitId: string,
): { sasaran: Sasaran; indikator: Indikator }[] {
  return pk.sasaran.flatMap((s) =>
    s.indikator.filter((i) => i.unit === unitId).map((i) => ({ sasaran: s, indikator: i })),
  );
}

export { targetFor } from './target.ts';

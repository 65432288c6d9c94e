import type { Agregasi, Indikator, Konvensi } from './model.ts';

/** A value a unit reported: a number, a qualitative label, or nothing yet. */
export type Nilai = number | string | null;

export type HasilCapaian =
  | {
      dihitung: true;
      /** Capaian in percent after the agency's floor and cap. */
      capaian: number;
      /** Before floor and cap, for the record. */
      mentah: number;
      dibatasi: 'bawah' | 'atas' | null;
      kategori: string;
    }
  | { dihitung: false; alasan: string; kategori: null };

const notComputed = (alasan: string): HasilCapaian => ({ dihitung: false, alasan, kategori: null });

/** The category of a capaian on the agency's scale (ordered from the highest bound down). */
export function kategori(capaian: number, skala: Konvensi['skala']): string {
  const sorted = [...skala].sort((a, b) => b.min - a.min);
  return (sorted.find((k) => capaian >= k.min) ?? sorted.at(-1)!).nama;
}

function clamp(raw: number, k: Konvensi): HasilCapaian {
  // A target vanishingly small against its realisasi overflows; say so rather than print Infinity.
  if (!Number.isFinite(raw))
    return notComputed('hasil tak terhingga: target terlalu kecil dibandingkan realisasi');
  let capaian = raw;
  let dibatasi: 'bawah' | 'atas' | null = null;
  if (k.batas_bawah !== null && capaian < k.batas_bawah) {
    capaian = k.batas_bawah;
    dibatasi = 'bawah';
  }
  if (k.batas_atas !== null && capaian > k.batas_atas) {
    capaian = k.batas_atas;
    dibatasi = 'atas';
  }
  capaian = Math.round(capaian * 100) / 100;
  return { dihitung: true, capaian, mentah: raw, dibatasi, kategori: kategori(capaian, k.skala) };
}

function numeric(v: Nilai): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * Capaian of one indicator for a realisasi, following the agency's conventions.
 * Total: every input gives a number or an explicit reason, never NaN or Infinity.
 */
export function hitungCapaian(
  ind: Pick<Indikator, 'polaritas' | 'rumus_negatif' | 'nilai_kualitatif'>,
  target: Nilai,
  realisasi: Nilai,
  k: Konvensi,
): HasilCapaian {
  if (realisasi === null || realisasi === '') return notComputed('realisasi belum diisi');
  if (target === null || target === '') return notComputed('target belum ditetapkan');

  if (ind.polaritas === 'kualitatif') {
    const skala = ind.nilai_kualitatif ?? {};
    const labels = Object.keys(skala).join(', ') || '(kosong)';
    const score = (v: Nilai) =>
      typeof v === 'number' ? v : (skala[String(v).trim().toUpperCase()] ?? skala[String(v).trim()]);
    const t = score(target);
    const r = score(realisasi);
    if (t === undefined) return notComputed(`target '${target}' tidak ada di skala kualitatif (${labels})`);
    if (r === undefined)
      return notComputed(`realisasi '${realisasi}' tidak ada di skala kualitatif (${labels})`);
    if (t <= 0) return notComputed('nilai target pada skala kualitatif harus lebih dari 0');
    return clamp((r / t) * 100, k);
  }

  const t = numeric(target);
  const r = numeric(realisasi);
  if (t === undefined) return notComputed(`target '${target}' bukan angka`);
  if (r === undefined) return notComputed(`realisasi '${realisasi}' bukan angka`);
  if (t < 0) return notComputed('target negatif tidak dapat dihitung dengan rumus capaian yang dipakai');

  if (t === 0) {
    if (k.target_nol === 'tidak-dihitung')
      return notComputed('target 0: capaian tidak dihitung (konvensi instansi)');
    if (ind.polaritas === 'positif') return clamp(100, k);
    return clamp(r <= 0 ? 100 : 0, k);
  }

  if (ind.polaritas === 'positif') return clamp((r / t) * 100, k);

  const rumus = ind.rumus_negatif ?? k.rumus_negatif;
  if (rumus === '2-r/t') return clamp((2 - r / t) * 100, k);
  if (r <= 0)
    return notComputed(
      "rumus t/r tidak terdefinisi untuk realisasi 0; pakai rumus '2-r/t' untuk indikator ini",
    );
  return clamp((t / r) * 100, k);
}

/** Aggregates quarterly values into the year's value; null when no quarter is filled. */
export function agregasi(values: readonly Nilai[], cara: Agregasi): Nilai {
  const filled = values.filter((v): v is number | string => v !== null && v !== '');
  if (filled.length === 0) return null;
  const nums = filled.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (cara === 'nilai-akhir' || nums.length !== filled.length) return filled.at(-1)!;
  const sum = nums.reduce((a, b) => a + b, 0);
  return cara === 'kumulatif' ? sum : sum / nums.length;
}

export type Efisiensi = 'efisien' | 'cukup efisien' | 'tidak efisien';

/** Efficiency (common practice): capaian − serapan > ambang → efisien; within ±ambang → cukup efisien. */
export function efisiensi(capaian: number, serapan: number, ambang: number): Efisiensi {
  const selisih = capaian - serapan;
  if (selisih > ambang) return 'efisien';
  if (selisih >= -ambang) return 'cukup efisien';
  return 'tidak efisien';
}

/** Budget absorption in percent; null when there is no pagu. */
export function serapan(realisasi: number, pagu: number): number | null {
  if (!(pagu > 0) || !Number.isFinite(realisasi)) return null;
  return Math.round((realisasi / pagu) * 10000) / 100;
}

import type { Nilai } from './capaian.ts';

/** 'tahunan' for the yearly report, TW1–TW4 for the quarterly SOP. */
export type Periode = 'tahunan' | 'TW1' | 'TW2' | 'TW3' | 'TW4';
export const PERIODE: readonly Periode[] = ['tahunan', 'TW1', 'TW2', 'TW3', 'TW4'];

export interface Penjelasan {
  /** Causes of success or failure. */
  penyebab: string;
  kendala: string;
  solusi: string;
}

export interface BarisRealisasi {
  kode: string;
  realisasi: Nilai;
  penjelasan: Penjelasan;
  bukti: string;
}

export interface BarisAnggaran {
  kode: string;
  realisasi: number | null;
}

/** One unit's validated data for one period: what a returned workbook says, once it passed every check. */
export interface Submission {
  instansi: string;
  unit: string;
  tahun: number;
  periode: Periode;
  versiTemplate: number;
  indikator: BarisRealisasi[];
  anggaran: BarisAnggaran[];
}

import { angka, persen, rupiah } from '../format/indonesia.ts';
import type { Nilai } from '../performance/capaian.ts';
import { nowrap } from './outline.ts';

/**
 * The figures as every document prints them: capaian and serapan with exactly two decimals ("97,96%",
 * via `persen`, shared with the pages), values with at most two ("1.234,5"), rupiah without decimals —
 * all kept on one line.
 */
export const formatCapaian = (n: number | null): string => nowrap(persen(n));
export const formatRupiah = (n: number): string => nowrap(rupiah(n));
export const formatNilai = (v: Nilai): string =>
  v === null ? '-' : typeof v === 'number' ? nowrap(angka(v)) : v;

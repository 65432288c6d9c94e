import type { Indikator, PerjanjianKinerja } from '../performance/model.ts';
import type { Periode } from '../performance/submission.ts';
import { periodeNama } from './layout.ts';

/**
 * What a quarter's realisasi means for an indicator, from its `agregasi` in the Perjanjian Kinerja:
 * `nilai-akhir` indicators report the position at the end of the quarter (cumulative since January:
 * "s.d. triwulan IV"), `kumulatif` and `rata-rata` ones the quarter alone (the system sums or averages
 * the quarters). See docs/kinerja.md, "Agregasi data triwulan".
 */
export type Cakupan = 'tahun' | 'triwulan-saja' | 'sampai-dengan';

export function cakupanRealisasi(ind: Pick<Indikator, 'agregasi'>, periode: Periode): Cakupan {
  if (periode === 'tahunan') return 'tahun';
  return ind.agregasi === 'nilai-akhir' ? 'sampai-dengan' : 'triwulan-saja';
}

const tw = (periode: Periode) => periodeNama(periode).replace('Triwulan', 'triwulan');

/** The note under an indicator when its unit's indicators do not all mean the same thing. */
export function catatanRealisasi(c: Cakupan, periode: Periode): string {
  if (c === 'sampai-dengan') return `(isi realisasi s.d. ${tw(periode)}, kumulatif)`;
  if (c === 'triwulan-saja') return `(isi realisasi ${tw(periode)} saja)`;
  return '';
}

/** The Realisasi column header: the meaning when all of the unit's indicators share it. */
export function judulRealisasi(cakupan: readonly Cakupan[], periode: Periode, pk: PerjanjianKinerja): string {
  if (periode === 'tahunan') return `Realisasi tahun ${pk.tahun}`;
  const all = new Set(cakupan);
  if (all.size === 1 && all.has('sampai-dengan')) return `Realisasi s.d. ${tw(periode)} (kumulatif)`;
  if (all.size === 1 && all.has('triwulan-saja')) return `Realisasi ${tw(periode)} saja`;
  return `Realisasi ${tw(periode)} (lihat keterangan pada indikator)`;
}

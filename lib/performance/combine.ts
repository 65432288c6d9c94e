import { type CakupanAnalisis, gabungTriwulan, TRIWULAN, type Triwulan } from './analysis.ts';
import type { PerjanjianKinerja } from './model.ts';
import type { Submission } from './submission.ts';

/**
 * Several units' files analysed together (`lakip analyze a.xlsx b.xlsx …`): one agency, one year, and
 * either one period for everyone or each unit's quarters from TW1 on, added up by each indicator's
 * rule whatever order the files came in. Anything else is refused, saying which files disagree.
 */

export interface Kiriman {
  berkas: string;
  submission: Submission;
}

export interface Gabungan {
  cakupan: CakupanAnalisis;
  /** "Triwulan II 2025", "Tahunan 2025 (gabungan TW1–TW4)". */
  label: string;
  submissions: Submission[];
}

export class GabunganDitolak extends Error {
  constructor(readonly masalah: string[]) {
    super(masalah.join('\n'));
    this.name = 'GabunganDitolak';
  }
}

const ROMAWI: Record<Triwulan, string> = { TW1: 'I', TW2: 'II', TW3: 'III', TW4: 'IV' };

function distinct<T>(kiriman: readonly Kiriman[], key: (s: Submission) => T): Map<T, string[]> {
  const out = new Map<T, string[]>();
  for (const k of kiriman) out.set(key(k.submission), [...(out.get(key(k.submission)) ?? []), k.berkas]);
  return out;
}

const listed = (groups: Map<unknown, string[]>) =>
  [...groups].map(([v, files]) => `${v} (${files.join(', ')})`).join('; ');

export function gabungBerkas(pk: PerjanjianKinerja, kiriman: readonly Kiriman[]): Gabungan {
  const agencies = distinct(kiriman, (s) => s.instansi);
  const years = distinct(kiriman, (s) => s.tahun);
  const problems: string[] = [];
  if (agencies.size > 1)
    problems.push(
      `berkas berasal dari instansi yang berbeda: ${listed(agencies)}; analisis satu instansi saja`,
    );
  if (years.size > 1)
    problems.push(`berkas berasal dari tahun yang berbeda: ${listed(years)}; analisis satu tahun saja`);
  const twice = [...distinct(kiriman, (s) => `${s.unit} ${s.periode}`)].filter(([, f]) => f.length > 1);
  for (const [what, files] of twice)
    problems.push(`unit ${what.replace(' ', ', periode ')} dikirim lebih dari sekali: ${files.join(', ')}`);
  const yearly = kiriman.filter((k) => k.submission.periode === 'tahunan');
  if (yearly.length > 0 && yearly.length < kiriman.length) {
    problems.push(
      `berkas tahunan (${yearly.map((k) => k.berkas).join(', ')}) tidak dapat dianalisis bersama berkas triwulanan (${kiriman
        .filter((k) => k.submission.periode !== 'tahunan')
        .map((k) => k.berkas)
        .join(', ')})`,
    );
  }
  if (problems.length > 0) throw new GabunganDitolak(problems);

  const subs = kiriman.map((k) => k.submission);
  if (yearly.length > 0) return { cakupan: 'tahunan', label: `Tahunan ${pk.tahun}`, submissions: subs };

  const periods = distinct(kiriman, (s) => s.periode);
  if (periods.size === 1) {
    const tw = subs[0]!.periode as Triwulan;
    return { cakupan: tw, label: `Triwulan ${ROMAWI[tw]} ${pk.tahun}`, submissions: subs };
  }
  // Several quarters: every unit must have the same run TW1..TWk, or the sums would mean different things.
  const byUnit = distinct(kiriman, (s) => s.unit);
  const quartersOf = (unit: string) =>
    TRIWULAN.filter((tw) => subs.some((s) => s.unit === unit && s.periode === tw));
  const runs = new Map([...byUnit.keys()].map((u) => [u, quartersOf(u)] as const));
  const upTo = Math.max(...[...runs.values()].map((q) => TRIWULAN.indexOf(q.at(-1)!) + 1));
  const want = TRIWULAN.slice(0, upTo);
  for (const [unit, quarters] of runs) {
    const missing = want.filter((tw) => !quarters.includes(tw));
    if (missing.length > 0)
      problems.push(
        `unit ${unit}: ${missing.join(', ')} tidak ada; untuk menggabungkan ${want[0]}–${want.at(-1)} setiap unit memerlukan semua triwulan itu (yang ada: ${quarters.join(', ')})`,
      );
  }
  if (problems.length > 0) throw new GabunganDitolak(problems);
  const last = want.at(-1)!;
  return {
    cakupan: last === 'TW4' ? 'tahunan' : { sampai: last as Exclude<Triwulan, 'TW4'> },
    label:
      last === 'TW4'
        ? `Tahunan ${pk.tahun} (gabungan TW1–TW4)`
        : `Sampai dengan Triwulan ${ROMAWI[last]} ${pk.tahun} (gabungan TW1–${last})`,
    submissions: gabungTriwulan(pk, subs),
  };
}

import type { PerjanjianKinerja } from './model.ts';

/** The Perjanjian Kinerja restricted to one unit's indicators and programs (for unit reports and pages). */
export function pkOfUnit(pk: PerjanjianKinerja, unitId: string): PerjanjianKinerja {
  return {
    ...pk,
    sasaran: pk.sasaran
      .map((s) => ({ ...s, indikator: s.indikator.filter((i) => i.unit === unitId) }))
      .filter((s) => s.indikator.length > 0),
    program: pk.program.filter((p) => p.unit === unitId),
  };
}

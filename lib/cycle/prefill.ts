import { gabungTriwulan } from '../performance/analysis.ts';
import type { PerjanjianKinerja } from '../performance/model.ts';
import type { Submission } from '../performance/submission.ts';
import type { Isian } from '../workbook/fill.ts';
import type { SiklusRef } from './model.ts';
import type { Ports } from './ports.ts';
import { acceptedSubmissions } from './submissions.ts';

/**
 * The year's data a unit already reported quarter by quarter, for the yearly cycle's workbook: the
 * accepted submission of each quarter (from the latest quarterly cycle of that quarter and year),
 * aggregated by each indicator's rule. The unit then only confirms or corrects it. Undefined when the
 * agency collected nothing quarterly for that unit and year.
 */
export async function quarterlyPrefill(
  ports: Pick<Ports, 'store' | 'blobs'>,
  siklus: Pick<SiklusRef, 'agencyId' | 'tahun' | 'periode'>,
  pk: PerjanjianKinerja,
  unitId: string,
): Promise<Isian | undefined> {
  if (siklus.periode !== 'tahunan') return undefined;
  const quarterly = (await ports.store.listCycles(siklus.agencyId))
    .filter((c) => c.tahun === siklus.tahun && c.periode !== 'tahunan' && c.status !== 'dihentikan')
    .sort((a, b) => a.dimulai.localeCompare(b.dimulai));
  // The latest cycle of each quarter counts (a repeated quarter replaces the earlier one).
  const latest = new Map(quarterly.map((c) => [c.periode, c]));
  const quarters: Submission[] = [];
  for (const c of latest.values())
    quarters.push(...(await acceptedSubmissions(ports, c, unitId)).filter((s) => s.periode === c.periode));
  const [year] = gabungTriwulan(pk, quarters);
  if (!year) return undefined;
  return {
    realisasi: Object.fromEntries(year.indikator.map((b) => [b.kode, b.realisasi])),
    penjelasan: Object.fromEntries(year.indikator.map((b) => [b.kode, { ...b.penjelasan, bukti: b.bukti }])),
    anggaran: Object.fromEntries(year.anggaran.map((a) => [a.kode, a.realisasi])),
  };
}

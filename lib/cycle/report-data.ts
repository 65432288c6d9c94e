import { gabungTriwulan } from '../performance/analysis.ts';
import type { Periode, Submission } from '../performance/submission.ts';
import type { StepContext } from './context.ts';
import type { Ports } from './ports.ts';
import { acceptedSubmissions } from './submissions.ts';

export interface ReportData {
  submissions: Submission[];
  /** The period the figures and targets stand for. */
  periode: Periode;
  /** The year's figures were added up from the quarters. */
  gabunganTriwulan: boolean;
}

/**
 * The data a report is built from. A unit's report and a quarter's report show that quarter against its
 * Rencana Aksi target. The agency's report in the fourth quarter of a quarterly SOP is also the year's
 * report ("laporan kinerja setiap triwulan dan setiap tahun"): the year's realisasi is added up from the
 * accepted quarters (the latest cycle of each quarter, by each indicator's rule) and measured against the
 * yearly targets — never one quarter's target against a yearly figure.
 */
export async function reportData(
  ports: Pick<Ports, 'store' | 'blobs'>,
  ctx: Pick<StepContext, 'siklus' | 'pk'>,
  unitId?: string,
): Promise<ReportData> {
  const current = await acceptedSubmissions(ports, ctx.siklus, unitId);
  const periode = ctx.siklus.periode;
  if (unitId || periode !== 'TW4') return { submissions: current, periode, gabunganTriwulan: false };
  const earlier = (await ports.store.listCycles(ctx.siklus.agencyId))
    .filter(
      (c) =>
        c.tahun === ctx.siklus.tahun &&
        c.periode !== 'tahunan' &&
        c.periode !== 'TW4' &&
        c.status !== 'dihentikan' &&
        c.sopId === ctx.siklus.sopId,
    )
    .sort((a, b) => a.dimulai.localeCompare(b.dimulai));
  // The latest cycle of each quarter counts (a repeated quarter replaces the earlier one).
  const latest = new Map(earlier.map((c) => [c.periode, c]));
  const quarters: Submission[] = [];
  for (const c of latest.values())
    quarters.push(...(await acceptedSubmissions(ports, c)).filter((s) => s.periode === c.periode));
  const tw4 = current.filter((s) => s.periode === 'TW4');
  return {
    submissions: gabungTriwulan(ctx.pk, [...quarters, ...tw4]),
    periode: 'tahunan',
    gabunganTriwulan: true,
  };
}

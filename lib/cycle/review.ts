import { type Analisis, analisis } from '../performance/analysis.ts';
import { pkOfUnit } from '../performance/scope.ts';
import type { StepContext } from './context.ts';
import type { Ports } from './ports.ts';
import { reportData } from './report-data.ts';
import { STEP_KINDS } from './steps/index.ts';
import { acceptedSubmissions } from './submissions.ts';

/**
 * What a reviewer or an uploader needs to see on the task page: the analysis of the data accepted so far
 * (the whole cycle, or one unit for per-unit steps) where the step kind asks for it. For an upload step,
 * the unit's accepted data (so a person sees what is kept while a new file is checked).
 */
export async function reviewSummary(
  ports: Ports,
  ctx: StepContext,
): Promise<{ judul: string; analisis: Analisis } | undefined> {
  const unitId = ctx.unit?.id;
  const upload = ctx.step.tugas === 'unggah';
  if (!upload && !STEP_KINDS[ctx.step.jenis].ringkasan) return undefined;
  // The figures the step's documents print (a fourth-quarter agency report is the year's: reportData).
  const data = upload
    ? { submissions: await acceptedSubmissions(ports, ctx.siklus, unitId), periode: ctx.siklus.periode }
    : await reportData(ports, ctx, unitId);
  const subs = data.submissions;
  if (upload && subs.length === 0) return undefined;
  const scope = unitId ? pkOfUnit(ctx.pk, unitId) : ctx.pk;
  return {
    judul: upload
      ? `Data ${ctx.unit?.nama ?? ''} yang sudah diterima`
      : unitId
        ? `Ringkasan data ${ctx.unit?.nama}`
        : 'Ringkasan capaian kinerja',
    analisis: analisis(scope, subs, data.periode),
  };
}

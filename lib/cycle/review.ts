import { type Analisis, analisis } from '../performance/analysis.ts';
import type { JenisLangkah } from '../sop/schema.ts';
import { acceptedSubmissions } from './actions.ts';
import type { StepContext } from './context.ts';
import type { Ports } from './ports.ts';

/** Steps whose person reviews figures: their page shows the key tables beside the documents. */
const REVIEWS: ReadonlySet<JenisLangkah> = new Set([
  'analisis',
  'susun-draf',
  'koreksi',
  'ajukan',
  'tanda-tangan',
  'periksa',
  'susun-laporan',
]);

/**
 * What a reviewer or an uploader needs to see on the task page: the analysis of the data accepted so far
 * (the whole cycle, or one unit for per-unit steps). For an upload step, the unit's accepted data (so a
 * person sees what is kept while a new file is checked).
 */
export async function reviewSummary(
  ports: Ports,
  ctx: StepContext,
): Promise<{ judul: string; analisis: Analisis } | undefined> {
  const unitId = ctx.unit?.id;
  const upload = ctx.step.tugas === 'unggah';
  if (!upload && !REVIEWS.has(ctx.step.jenis)) return undefined;
  const subs = await acceptedSubmissions({ ports, ctx }, unitId);
  if (upload && subs.length === 0) return undefined;
  const scope = unitId
    ? {
        ...ctx.pk,
        sasaran: ctx.pk.sasaran
          .map((s) => ({ ...s, indikator: s.indikator.filter((i) => i.unit === unitId) }))
          .filter((s) => s.indikator.length > 0),
        program: ctx.pk.program.filter((p) => p.unit === unitId),
      }
    : ctx.pk;
  return {
    judul: upload
      ? `Data ${ctx.unit?.nama ?? ''} yang sudah diterima`
      : unitId
        ? `Ringkasan data ${ctx.unit?.nama}`
        : 'Ringkasan capaian kinerja',
    analisis: analisis(scope, subs, ctx.siklus.periode),
  };
}

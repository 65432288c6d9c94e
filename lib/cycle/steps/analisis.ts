import { analisis as analisisCapaian } from '../../performance/analysis.ts';
import { periodeNama } from '../../workbook/layout.ts';
import { cycleKey } from '../context.ts';
import { CONTENT_TYPE } from '../documents.ts';
import { acceptedSubmissions } from '../submissions.ts';
import type { StepKind } from './kind.ts';
import { putBerkas, renderer } from './shared.ts';

export const analisis: StepKind = {
  uraian: {
    sistem:
      'Menghitung capaian setiap indikator dari data yang diterima (target, realisasi, kategori) dan menyusunnya sebagai buku kerja Excel.',
    orang: 'Memeriksa ringkasan capaian lalu mengonfirmasi.',
  },
  // It renders the analysis workbook, so the document function (with exceljs) serves it.
  fungsi: 'dokumen',
  menghasilkan: ['analisis'],
  ringkasan: true,
  kantor: [],
  async mulai(w) {
    const { ctx } = w;
    const result = analisisCapaian(
      ctx.pk,
      await acceptedSubmissions(w.ports, ctx.siklus),
      ctx.siklus.periode,
    );
    return [
      await putBerkas(w, {
        key: cycleKey(ctx.siklus, `analisis-${w.putaran}.xlsx`),
        jenis: 'analisis',
        body: await renderer(w).analisisWorkbook({
          agency: ctx.agency,
          analisis: result,
          cakupan: `${periodeNama(ctx.siklus.periode)} ${ctx.siklus.tahun}`,
          versi: w.putaran,
        }),
        contentType: CONTENT_TYPE.xlsx,
      }),
    ];
  },
};

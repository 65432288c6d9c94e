import { analisis as analisisCapaian } from '../../performance/analysis.ts';
import { cycleKey } from '../context.ts';
import { CONTENT_TYPE } from '../documents.ts';
import { acceptedSubmissions } from '../submissions.ts';
import type { StepKind } from './kind.ts';
import { putBerkas } from './shared.ts';

export const analisis: StepKind = {
  uraian: {
    sistem: 'Menghitung capaian setiap indikator dari data yang diterima (target, realisasi, kategori).',
    orang: 'Memeriksa ringkasan capaian lalu mengonfirmasi.',
  },
  fungsi: 'langkah',
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
        key: cycleKey(ctx.siklus, `analisis-${w.putaran}.json`),
        jenis: 'analisis',
        body: Buffer.from(JSON.stringify(result, null, 2)),
        contentType: CONTENT_TYPE.json,
      }),
    ];
  },
};

import { cycleKey, singkatanLaporan } from '../context.ts';
import type { StepKind } from './kind.ts';
import { keepRevision } from './revision-step.ts';
import { putBerkas, renderReport } from './shared.ts';

export const susunDraf: StepKind = {
  uraian: {
    sistem:
      'Menyusun draf laporan kinerja (Bab I–IV dan lampiran) dari data dan analisis; versi baru setiap putaran.',
    orang: 'Memeriksa draf lalu mengonfirmasi untuk diteruskan.',
  },
  fungsi: 'dokumen',
  menghasilkan: ['draf'],
  ringkasan: true,
  kantor: [],
  async mulai(w) {
    const { ctx } = w;
    const singkatan = singkatanLaporan(ctx.sop);
    return [
      await putBerkas(w, {
        key: cycleKey(ctx.siklus, 'draf', `${singkatan}-${ctx.siklus.tahun}-draf-v${w.putaran}.docx`),
        jenis: 'draf',
        label: `Draf ${singkatan} versi ${w.putaran}`,
        body: await renderReport(w, {}),
      }),
    ];
  },
  // The preparer's revised file, when they uploaded one, becomes this pass's version (lib/cycle/revisions.ts).
  selesai: keepRevision,
};

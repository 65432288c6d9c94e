import { cycleKey, singkatanLaporan } from '../context.ts';
import type { StepKind } from './kind.ts';
import { keepRevision } from './revision-step.ts';
import { putDocxPdf, renderer, reportInput } from './shared.ts';
import { previousVersion, withChanges } from './version-changes.ts';

export const susunDraf: StepKind = {
  uraian: {
    sistem:
      'Menyusun draf laporan kinerja (Bab I–IV dan lampiran) dari data dan analisis, sebagai DOCX untuk disunting dan PDF untuk dibaca; versi baru setiap putaran.',
    orang: 'Memeriksa draf lalu mengonfirmasi untuk diteruskan.',
  },
  fungsi: 'dokumen',
  menghasilkan: ['draf'],
  ringkasan: true,
  kantor: [],
  async mulai(w) {
    const { ctx } = w;
    const singkatan = singkatanLaporan(ctx.sop);
    const input = await reportInput(w, {});
    // The DOCX comes first: the signing step takes the first draft document of the latest round.
    const [docx, pdf] = await putDocxPdf(w, {
      key: cycleKey(ctx.siklus, 'draf', `${singkatan}-${ctx.siklus.tahun}-draf-v${w.putaran}`),
      jenis: 'draf',
      label: `Draf ${singkatan} versi ${w.putaran}`,
      docx: await renderer(w).lakip(input),
      pdf: await renderer(w).lakipPdf(input),
    });
    // What regeneration changed against the version returned (a figure, the notes appendix).
    return [await withChanges(w, docx!, await previousVersion(w)), pdf!];
  },
  // The preparer's revised file, when they uploaded one, becomes this pass's version (lib/cycle/revisions.ts).
  selesai: keepRevision,
};

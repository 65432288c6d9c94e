import { cycleKey, singkatanLaporan } from '../context.ts';
import { finalReportInput } from './final-input.ts';
import type { StepKind } from './kind.ts';
import { keepRevision } from './revision-step.ts';
import { putBerkas, putDocxPdf, renderer, reportInput } from './shared.ts';
import { previousVersion, withChanges } from './version-changes.ts';

export const susunDraf: StepKind = {
  uraian: {
    sistem:
      'Menyusun draf laporan kinerja (Bab I–IV dan lampiran) dari data dan analisis, sebagai DOCX untuk disunting dan PDF untuk dibaca; versi baru setiap putaran.',
    orang: 'Memeriksa draf lalu mengonfirmasi untuk diteruskan.',
  },
  fungsi: 'dokumen',
  menghasilkan: ['draf', 'naskah-sunting'],
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
    // The same version as it will be signed, to edit in Word: a revision made from it carries no DRAF
    // mark and no internal notes, so the PDF exported from it is the clean final (lib/cycle/revision-marks.ts).
    const signing = ctx.sop.langkah.find((l) => l.jenis === 'tanda-tangan');
    const sunting = signing
      ? [
          await putBerkas(w, {
            key: cycleKey(
              ctx.siklus,
              'sunting',
              `${singkatan}-${ctx.siklus.tahun}-naskah-v${w.putaran}.docx`,
            ),
            jenis: 'naskah-sunting',
            label: `Naskah ${singkatan} versi ${w.putaran} untuk disunting (DOCX, tanpa tanda DRAF dan catatan internal)`,
            body: await renderer(w).lakip(await finalReportInput(w, { ...ctx, step: signing })),
          }),
        ]
      : [];
    // What regeneration changed against the version returned (a figure, the notes appendix).
    return [await withChanges(w, docx!, await previousVersion(w)), pdf!, ...sunting];
  },
  // The preparer's revised file, when they uploaded one, becomes this pass's version (lib/cycle/revisions.ts).
  selesai: keepRevision,
};

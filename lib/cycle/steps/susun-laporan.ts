import { cycleKey } from '../context.ts';
import type { StepKind } from './kind.ts';
import { putDocxPdf, renderer, reportInput } from './shared.ts';

export const susunLaporan: StepKind = {
  uraian: {
    sistem:
      'Menyusun laporan data kinerja unit (unit, periode dan kepala unit) dari data unit yang diterima, sebagai DOCX dan PDF.',
    orang: 'Memeriksa laporan unit lalu mengonfirmasi.',
  },
  fungsi: 'dokumen',
  menghasilkan: ['laporan-unit'],
  ringkasan: true,
  kantor: [],
  async mulai(w) {
    const unit = w.ctx.unit!;
    const input = await reportInput(w, { unitId: unit.id });
    return putDocxPdf(w, {
      key: cycleKey(w.ctx.siklus, 'unit', unit.id, `laporan-langkah-${w.ctx.step.no}-v${w.putaran}`),
      jenis: 'laporan-unit',
      label: `Laporan data kinerja ${unit.nama}`,
      docx: await renderer(w).lakip(input),
      pdf: await renderer(w).lakipPdf(input),
    });
  },
};

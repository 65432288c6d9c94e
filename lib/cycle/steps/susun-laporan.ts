import { cycleKey } from '../context.ts';
import type { StepKind } from './kind.ts';
import { putBerkas, renderReport } from './shared.ts';

export const susunLaporan: StepKind = {
  uraian: {
    sistem: 'Menyusun laporan data kinerja unit dari data unit yang diterima.',
    orang: 'Memeriksa laporan unit lalu mengonfirmasi.',
  },
  fungsi: 'dokumen',
  menghasilkan: ['laporan-unit'],
  ringkasan: true,
  kantor: [],
  async mulai(w) {
    const unit = w.ctx.unit!;
    return [
      await putBerkas(w, {
        key: cycleKey(w.ctx.siklus, 'unit', unit.id, `laporan-langkah-${w.ctx.step.no}-v${w.putaran}.docx`),
        jenis: 'laporan-unit',
        label: `Laporan data kinerja ${unit.nama}`,
        body: await renderReport(w, { unitId: unit.id }),
      }),
    ];
  },
};

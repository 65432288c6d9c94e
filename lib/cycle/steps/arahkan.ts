import type { StepKind } from './kind.ts';

export const arahkan: StepKind = {
  uraian: {
    sistem: 'Mencatat pengarahan; tidak ada dokumen yang dibuat sistem.',
    orang: 'Mengarahkan staf lalu mengonfirmasi.',
  },
  fungsi: 'langkah',
  menghasilkan: [],
  ringkasan: false,
  kantor: [],
};

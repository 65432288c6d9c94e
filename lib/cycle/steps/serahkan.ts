import { himpun } from './himpun.ts';
import type { StepKind } from './kind.ts';

export const serahkan: StepKind = {
  ...himpun,
  uraian: {
    sistem: 'Menyiapkan format unit dan memeriksa bahan laporan yang diserahkan.',
    orang: 'Menyerahkan bahan laporan kinerja unit dengan mengunggah buku kerja yang sudah diisi.',
  },
};

import type { StepKind } from './kind.ts';
import { ensureFormat } from './shared.ts';

export const himpun: StepKind = {
  uraian: {
    sistem: 'Menyiapkan format unit, memeriksa setiap unggahan dan menyimpan data yang diterima.',
    orang:
      'Mengunggah buku kerja unit yang sudah diisi; unggahan yang ditolak dijelaskan per baris dan kolom.',
  },
  fungsi: 'dokumen',
  menghasilkan: ['format'],
  ringkasan: false,
  kantor: [],
  mulai: async (w) => [await ensureFormat(w, w.ctx.unit!.id)],
};

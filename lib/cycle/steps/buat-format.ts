import type { StepKind } from './kind.ts';
import { ensureFormat } from './shared.ts';

export const buatFormat: StepKind = {
  uraian: {
    sistem: 'Membuat buku kerja Excel pengumpulan data untuk setiap unit dari Perjanjian Kinerja.',
    orang: 'Memeriksa format lalu mengonfirmasi.',
  },
  fungsi: 'dokumen',
  menghasilkan: ['format'],
  ringkasan: false,
  kantor: [],
  mulai: (w) => Promise.all(w.ctx.agency.unit.map((u) => ensureFormat(w, u.id))),
};

import type { StepKind } from './kind.ts';

/** A person judges the latest draft (or, in a per-unit step, the unit's report): no system work. */
function judging(uraian: StepKind['uraian']): StepKind {
  return {
    uraian,
    fungsi: 'langkah',
    menghasilkan: [],
    meninjau: ['draf', 'laporan-unit'],
    ringkasan: true,
    kantor: [],
  };
}

export const koreksi = judging({
  sistem:
    'Melampirkan dokumen terakhir; bila dikembalikan, catatan dikirim ke penyusun dan alur kembali ke langkah penyusunan.',
  orang: 'Memeriksa dokumen lalu menyetujui atau mengembalikan dengan catatan.',
});

export const ajukan = judging({
  sistem: 'Melampirkan draf terakhir untuk diajukan.',
  orang: 'Mengajukan draf kepada pimpinan.',
});

export const periksa = judging({
  sistem: 'Melampirkan laporan terakhir untuk diperiksa.',
  orang: 'Memeriksa laporan lalu mengonfirmasi.',
});

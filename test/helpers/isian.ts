import type { Isian } from '../../lib/workbook/fill.ts';

/** A correct filling of the Balangan 'bidang-tenaga-kerja' workbook (2025), shared by the upload tests. */
export const GOOD_TENAGA_KERJA: Isian = {
  realisasi: { 'IKU-2.1': 3.9, 'IKU-2.2': 36.5, 'IKU-2.3': 1 },
  penjelasan: {
    'IKU-2.1': {
      penyebab: 'Pelatihan berbasis kompetensi',
      kendala: 'Lapangan kerja terbatas',
      solusi: 'Job fair',
      bukti: 'bps.pdf',
    },
  },
  anggaran: { '2.07.03': 800_000_000, '2.07.04': 300_000_000, '2.07.05': 140_000_000 },
};

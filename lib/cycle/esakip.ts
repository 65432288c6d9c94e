import type { BarisEsakip } from '../documents/esakip-list.ts';
import type { JenisDokumen } from './documents.ts';
import type { Berkas } from './model.ts';

/** Which e-SAKIP Reviu document type each archived kind goes under, and what the person does with it. */
const ESR: Partial<Record<JenisDokumen, Omit<BarisEsakip, 'dokumen' | 'namaBerkas'>>> = {
  'laporan-final': {
    esr: 8,
    petunjuk:
      'Pilih jenis dokumen "8 — Laporan Kinerja", unggah berkas ini (laporan yang sudah ditandatangani), lalu simpan.',
  },
  'surat-pengantar': {
    esr: 10,
    petunjuk:
      'Pilih jenis dokumen "10 — Lainnya", beri keterangan "Surat pengantar Laporan Kinerja", lalu unggah berkas ini.',
  },
};

/**
 * The rows of the e-SAKIP upload list: each archived file by its ESR type, then the signed Perjanjian
 * Kinerja, which the agency keeps itself but the evaluator looks for beside the report.
 */
export function barisEsakip(arsip: readonly Berkas[], tahun: number): BarisEsakip[] {
  const rows: BarisEsakip[] = arsip.flatMap((b) => {
    const m = ESR[b.jenis];
    return m
      ? [{ dokumen: b.label.replace(/^Arsip: /, ''), namaBerkas: b.key.split('/').at(-1)!, ...m }]
      : [];
  });
  rows.push({
    dokumen: `Perjanjian Kinerja tahun ${tahun} yang sudah ditandatangani`,
    esr: 6,
    petunjuk:
      'Bila belum terunggah: pilih jenis dokumen "6 — Perjanjian Kinerja" dan unggah hasil pindaian PK yang ditandatangani.',
  });
  return rows;
}

import type { PerubahanTeks } from '../documents/text-diff.ts';

export type { JenisPerubahan, ParagrafBerubah, PerubahanTeks, Potongan } from '../documents/text-diff.ts';

/**
 * What changed between a version of the report and the version before it (the one its reviewers returned).
 * Computed once when the version is registered, by the document function (the comparison needs the
 * document libraries: the Renderer port's `compareDocx`), and stored as a small JSON of its own; the pages
 * only read it. Light on purpose: the pages and step bundles import this module, not the comparison.
 */
export interface PerubahanVersi extends PerubahanTeks {
  dari: number;
  ke: number;
}

export const PDF_TIDAK_TERSEDIA =
  'Perubahan tidak dapat ditampilkan untuk berkas PDF; unduh kedua versi untuk membandingkan.';
export const GAGAL_TIDAK_TERSEDIA =
  'Perbandingan dengan versi sebelumnya tidak tersedia (berkas tidak dapat dibaca sebagai teks); unduh kedua versi untuk membandingkan.';

/**
 * The summary key of a version: in the cycle's `perubahan/` folder beside its `draf/` folder, named after
 * the version, so the versions' folder holds only versions (what a person downloads or an operator lists).
 */
export function perubahanKey(versionKey: string): string {
  const parts = versionKey.split('/');
  const name = parts.pop()!;
  parts[parts.length - 1] = 'perubahan';
  return `${parts.join('/')}/${name}.json`;
}

export function unavailable(dari: number, ke: number, alasan: string): PerubahanVersi {
  return {
    dari,
    ke,
    tidakTersedia: alasan,
    jumlah: { diubah: 0, ditambah: 0, dihapus: 0 },
    rincian: [],
    lainnya: 0,
  };
}

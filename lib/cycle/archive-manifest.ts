import type { ZonaWaktu } from '../calendar/working-time.ts';
import { tanggalJam } from '../format/indonesia.ts';

export interface ArsipBerkas {
  label: string;
  /** The file's name in the archive. */
  nama: string;
  sha256: string;
  ukuran: number;
  /** The verification page of a signed document. */
  verifikasi?: string;
}

/**
 * The archive's table of contents, for a person (an auditor, the next Kasubbag): what the package holds,
 * each file's size and SHA-256, and where a signed document is verified. Plain text, so that it opens
 * anywhere and stays readable for the years the archive keeps it.
 */
export function archiveManifest(a: {
  instansi: string;
  sopNama: string;
  tahun: number;
  cycleId: string;
  waktu: Date;
  zona: ZonaWaktu;
  berkas: ArsipBerkas[];
}): string {
  const lines = [
    'DAFTAR ISI ARSIP LAPORAN KINERJA',
    '',
    `Instansi      : ${a.instansi}`,
    `SOP           : ${a.sopNama}`,
    `Tahun         : ${a.tahun}`,
    `Siklus        : ${a.cycleId}`,
    `Diarsipkan    : ${tanggalJam(a.waktu, a.zona)}`,
    '',
    'Berkas dalam arsip ini disimpan dengan Object Lock: tidak dapat diubah atau dihapus selama masa retensi.',
    'Keaslian salinan dapat diperiksa dengan membandingkan sidik SHA-256-nya dengan yang tercantum di bawah.',
    '',
    ...a.berkas.flatMap((b, i) => [
      `${i + 1}. ${b.label}`,
      `   Berkas      : ${b.nama}`,
      `   Ukuran      : ${b.ukuran.toLocaleString('id-ID')} bita`,
      `   SHA-256     : ${b.sha256}`,
      ...(b.verifikasi ? [`   Verifikasi  : ${b.verifikasi}`] : []),
      '',
    ]),
  ];
  return `${lines.join('\n')}\n`;
}

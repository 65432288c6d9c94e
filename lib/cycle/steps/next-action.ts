import type { Periode } from '../../performance/submission.ts';
import type { JenisLangkah, JenisTugas } from '../../sop/schema.ts';

/**
 * What a person is asked to do at each step kind, in one sentence, and what the buttons say. The pages
 * open with this sentence ("Unggah data kinerja Bidang Koperasi triwulan IV 2025 sebelum Senin, …"), so
 * it is written for the person who acts (the Kabid uploading), not for the SOP's accountable role (the
 * Kasubbag who collects).
 */

export interface AksiInput {
  jenis: JenisLangkah;
  tugas: JenisTugas;
  /** "LAKIP", "LKjIP", … or "laporan kinerja" when the SOP names none. */
  laporan: string;
  tahun: number;
  periode: Periode;
  /** The unit's name in a per-unit step. */
  unit?: string;
  /** The deadline, already written out ("Senin, 24 November 2026 pukul 15.00 WITA"). */
  tenggat: string;
  /** The pass through the correction loop (2 and later: after a return with notes). */
  putaran?: number;
}

const TRIWULAN: Record<Exclude<Periode, 'tahunan'>, string> = {
  TW1: 'triwulan I',
  TW2: 'triwulan II',
  TW3: 'triwulan III',
  TW4: 'triwulan IV',
};

/** "2025" or "triwulan IV 2025". */
export function periodeLabel(periode: Periode, tahun: number): string {
  return periode === 'tahunan' ? `${tahun}` : `${TRIWULAN[periode]} ${tahun}`;
}

type Kalimat = (i: AksiInput, p: string, u: string) => string;

/** The sentence without its deadline; `p` is the period ("2025"), `u` " Bidang Koperasi" or ''. */
const KALIMAT: Record<JenisLangkah, Kalimat> = {
  disposisi: (i, p) => `Perintahkan penyusunan ${i.laporan} ${p} kepada pengelola laporan`,
  'buat-format': (_i, p) => `Periksa format pengumpulan data kinerja ${p} untuk setiap unit`,
  distribusi: () => 'Pastikan format pengumpulan data sudah sampai ke setiap unit',
  himpun: (_i, p, u) => `Unggah data kinerja${u} ${p}`,
  analisis: (_i, p) => `Periksa hasil analisis capaian kinerja ${p} dari data yang terkumpul`,
  'susun-draf': (i, p) => `Periksa draf ${i.laporan} ${p} yang disusun sistem dan lengkapi bila perlu`,
  koreksi: (i, p, u) =>
    `Periksa ${u ? `laporan${u}` : `draf ${i.laporan}`} ${p}, lalu setujui atau kembalikan dengan catatan`,
  ajukan: (i, p) => `Ajukan draf ${i.laporan} ${p} kepada pimpinan untuk disetujui`,
  'tanda-tangan': (i, p) =>
    i.tugas === 'keputusan'
      ? `Tandatangani ${i.laporan} ${p}, atau kembalikan dengan catatan`
      : `Tandatangani ${i.laporan} ${p}`,
  'surat-pengantar': (i, p) => `Periksa surat pengantar ${i.laporan} ${p}`,
  arsip: (i, p) => `Antar surat, arsipkan ${i.laporan} ${p} dan unggah ke e-SAKIP`,
  arahkan: (_i, p, u) => `Arahkan staf${u} mengumpulkan bahan laporan kinerja ${p}`,
  serahkan: (_i, p, u) => `Unggah bahan laporan kinerja${u} ${p}`,
  'susun-laporan': (_i, p, u) => `Periksa laporan data kinerja${u} ${p} yang disusun sistem`,
  periksa: (_i, p) => `Periksa laporan kinerja ${p} dari setiap unit`,
};

/** After a return with notes, the draft's people are told it is another pass, and why. */
const PUTARAN_LAGI: Partial<Record<JenisLangkah, Kalimat>> = {
  'susun-draf': (i, p) =>
    `Draf ${i.laporan} ${p} dikembalikan dengan catatan: perbaiki sesuai catatan peninjau (versi ${i.putaran})`,
  koreksi: (i, p, u) =>
    u
      ? KALIMAT.koreksi(i, p, u)
      : `Periksa versi ${i.putaran} draf ${i.laporan} ${p}, perbaikan atas catatan sebelumnya, lalu setujui atau kembalikan dengan catatan`,
};

/** The first sentence of the page: what to do, for whom, by when. */
export function nextAction(i: AksiInput): string {
  const p = periodeLabel(i.periode, i.tahun);
  const u = i.unit ? ` ${i.unit}` : '';
  const again = (i.putaran ?? 1) > 1 ? PUTARAN_LAGI[i.jenis] : undefined;
  const what = (again ?? KALIMAT[i.jenis])(i, p, u);
  const then = i.tugas === 'konfirmasi' ? ', lalu tandai selesai' : '';
  return `${what}${then} sebelum ${i.tenggat}.`;
}

/** What the buttons say: the answer named for what it does. */
export interface Tombol {
  setuju: string;
  kembali: string;
  selesai: string;
}

const SELESAI: Partial<Record<JenisLangkah, string>> = {
  disposisi: 'Perintahkan penyusunan',
  distribusi: 'Tandai sudah disampaikan',
  ajukan: 'Ajukan kepada pimpinan',
  'tanda-tangan': 'Tandatangani',
  arahkan: 'Tandai sudah diarahkan',
  periksa: 'Tandai sudah diperiksa',
};

export function tombol(jenis: JenisLangkah): Tombol {
  return {
    setuju: jenis === 'tanda-tangan' ? 'Tandatangani' : 'Setujui',
    kembali: 'Kembalikan',
    selesai: SELESAI[jenis] ?? 'Tandai selesai',
  };
}

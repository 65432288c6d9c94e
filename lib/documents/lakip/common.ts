import type { Agency, Orang, PejabatLuar } from '../../agency/schema.ts';
import { angka } from '../../format/indonesia.ts';
import type { AnalisisIndikator } from '../../performance/analysis.ts';
import type { HasilCapaian, Nilai } from '../../performance/capaian.ts';
import type { Indikator, PerjanjianKinerja } from '../../performance/model.ts';
import type { Periode } from '../../performance/submission.ts';
import type { Blok, Column, SignatureBlock, Table } from '../content.ts';
import { formatCapaian, formatNilai } from '../format.ts';

/** Input of the LAKIP/LKjIP and of a unit's report; helpers shared by the chapters. */

export interface CatatanKoreksi {
  oleh: string;
  waktu: Date;
  catatan: string;
}

export interface LakipInput {
  agency: Agency;
  pk: PerjanjianKinerja;
  analisis: import('../../performance/analysis.ts').Analisis;
  /** "LAKIP", "LKjIP" or "LKIP": the name the agency's SOP uses. */
  singkatan: string;
  dibuat: Date;
  versi: number;
  /** Reviewers' notes: kept for the workflow, never printed in the PDF (a final carries no correction history). */
  catatanKoreksi: CatatanKoreksi[];
  /** Present once the head has signed. */
  tandaTangan?: {
    nama: string;
    jabatan: string;
    nip?: string;
    waktu: Date;
    sidik: string;
    /** An acting head (Plt.) signs: the title is printed with the "Plt." prefix. */
    plt?: boolean;
    /** Which acting appointment (Plt. or Plh.); printed before the title. Default "Plt." when `plt`. */
    sebutan?: 'Plt.' | 'Plh.';
    /** The signer's own rank (an acting official's, not the definitive head's). */
    pangkat?: string;
  };
  /**
   * What the figures cover (default 'tahunan'): a quarter's report measures against that quarter's
   * Rencana Aksi target and says so; the yearly report always uses the yearly targets.
   */
  periode?: Periode;
  /** The yearly figures were added up from the quarters (each indicator by its own rule). */
  gabunganTriwulan?: boolean;
  /** A unit's report (per-unit steps): names the unit, its head and the period instead of the agency's cover. */
  unit?: { id: string; nama: string; kepala: Orang & { plt?: boolean } };
  /** PNG of the agency logo (the renderer reads `agency.logo` from config/). */
  logo?: Uint8Array;
}

const ROMAWI = { TW1: 'I', TW2: 'II', TW3: 'III', TW4: 'IV' } as const;

/** "Triwulan II Tahun 2025" / "Tahun 2025". */
export function periodeText(periode: Periode | undefined, tahun: number): string {
  return !periode || periode === 'tahunan' ? `Tahun ${tahun}` : `Triwulan ${ROMAWI[periode]} Tahun ${tahun}`;
}

/** The target column's header and the sentence saying which target the figures use. */
export function dasarTarget(input: Pick<LakipInput, 'periode' | 'gabunganTriwulan' | 'unit'>): {
  kolom: string;
  kalimat: string;
} {
  const p = input.periode;
  if (!p || p === 'tahunan')
    return {
      kolom: 'Target',
      kalimat: input.gabunganTriwulan
        ? 'Target yang dipakai adalah target tahunan Perjanjian Kinerja; realisasi tahunan dihitung dari realisasi triwulan I sampai IV menurut aturan agregasi tiap indikator (kumulatif, nilai akhir atau rata-rata).'
        : 'Target yang dipakai adalah target tahunan Perjanjian Kinerja.',
    };
  return {
    kolom: `Target TW ${ROMAWI[p]}`,
    kalimat: `Target yang dipakai adalah target Triwulan ${ROMAWI[p]} menurut Rencana Aksi, dibandingkan dengan realisasi triwulan tersebut; ${input.unit ? 'capaian tahunan diukur terhadap target tahunan Perjanjian Kinerja.' : 'target tahunan tercantum pada Bab II.'}`,
  };
}

export { namaLaporan } from '../../agency/wording.ts';

/** The full official title: "Kepala Dinas Koperasi, … Kabupaten Balangan". */
export function jabatanLengkap(agency: Agency, o: Pick<Orang, 'jabatan' | 'jabatan_lengkap'>): string {
  if (o.jabatan_lengkap) return o.jabatan_lengkap;
  const [first] = agency.nama.split(' ');
  // "Kepala Dinas" + "Dinas Kominfo" must not read "Kepala Dinas Dinas Kominfo".
  const head = o.jabatan.endsWith(` ${first}`) ? o.jabatan.slice(0, -first!.length - 1) : o.jabatan;
  return `${head} ${agency.nama} ${agency.pemerintah}`;
}

/** The head's superior who co-signs the PK: from the agency file, else the regional head's title. */
export function atasanPimpinan(agency: Agency): PejabatLuar {
  if (agency.atasan_pimpinan) return agency.atasan_pimpinan;
  const p = agency.pemerintah;
  const jabatan = p.startsWith('Kabupaten ')
    ? `Bupati ${p.slice(10)}`
    : p.startsWith('Kota ')
      ? `Wali Kota ${p.slice(5)}`
      : p.startsWith('Provinsi ')
        ? `Gubernur ${p.slice(9)}`
        : `Pimpinan ${p}`;
  return { jabatan, nama: '……………………………' };
}

export const signer = (
  agency: Agency,
  o: Pick<Orang, 'jabatan' | 'jabatan_lengkap' | 'nama' | 'pangkat' | 'nip'> & {
    plt?: boolean;
    sebutan?: 'Plt.' | 'Plh.';
  },
): SignatureBlock => ({
  jabatan: `${o.sebutan ? `${o.sebutan} ` : o.plt ? 'Plt. ' : ''}${jabatanLengkap(agency, o)}`,
  nama: o.nama,
  pangkat: o.pangkat,
  nip: o.nip,
});

/** The PK indicator behind an analysed one. */
export function indikatorOf(pk: PerjanjianKinerja, kode: string): Indikator | undefined {
  for (const s of pk.sasaran) for (const i of s.indikator) if (i.kode === kode) return i;
  return undefined;
}

/**
 * A capaian cell. A lower-is-better indicator with target 0 has no meaningful percentage: say whether
 * the target was met instead of printing "0%".
 */
export function capaianCell(h: HasilCapaian, target: Nilai, realisasi: Nilai, polaritas: string): string {
  if (target === 0 && polaritas === 'negatif' && typeof realisasi === 'number')
    return realisasi <= 0 ? 'target 0 tercapai' : 'belum mencapai target 0';
  return h.dihitung ? formatCapaian(h.capaian) : 'tidak dihitung';
}

export const kategoriCell = (x: AnalisisIndikator) => (x.hasil.dihitung ? x.hasil.kategori : x.hasil.alasan);

/** The change against a previous year, saying whether it is an improvement for this indicator's direction. */
export function perubahan(selisih: number | null, polaritas: string): string {
  if (selisih === null) return '-';
  if (selisih === 0) return 'tetap';
  const naik = selisih > 0;
  const arah = `${naik ? 'naik' : 'turun'} ${angka(Math.abs(selisih))}`;
  if (polaritas === 'kualitatif') return arah;
  const baik = polaritas === 'negatif' ? !naik : naik;
  return `${arah} (${baik ? 'membaik' : 'memburuk'})`;
}

export const nilai = formatNilai;

/** A data table: header row from the columns, caption listed in the daftar tabel. */
export function dataTable(
  caption: string | undefined,
  columns: (Column & { header: string })[],
  rows: Table['rows'],
): Table {
  return {
    type: 'table',
    caption,
    columns: columns.map(({ header: _h, ...c }) => c),
    rows: [columns.map((c) => c.header), ...rows],
  };
}

export const para = (text: string, more: Partial<Extract<Blok, { type: 'paragraph' }>> = {}): Blok => ({
  type: 'paragraph',
  text,
  align: 'justify',
  ...more,
});
export const h = (
  level: 1 | 2 | 3,
  text: string,
  more: Partial<Extract<Blok, { type: 'heading' }>> = {},
): Blok => ({
  type: 'heading',
  level,
  text,
  ...more,
});
export const list = (items: string[], ordered = true): Blok => ({ type: 'list', ordered, items });

import { z } from 'zod';
import { isTidakDitentukan, parseWaktu } from './waktu.ts';

/**
 * The SOP AP file format (PermenPAN-RB 35/2012): an identity part and a flow of steps.
 * Keys are the SOP sheet's own Indonesian words so that the people who keep these files
 * (provincial IT, the Kasubbag Perencanaan) recognise every field. See docs/sop-format.md.
 */

const tanggal = z
  .string({ error: 'harus berupa tanggal YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'harus berupa tanggal dengan format YYYY-MM-DD' });

const teks = z.string({ error: 'harus berupa teks' }).trim().min(1, { error: 'tidak boleh kosong' });
const daftarTeks = z.array(teks, { error: 'harus berupa daftar teks' });

export const JENIS_LANGKAH = [
  'disposisi',
  'buat-format',
  'distribusi',
  'himpun',
  'analisis',
  'susun-draf',
  'koreksi',
  'ajukan',
  'tanda-tangan',
  'surat-pengantar',
  'arsip',
  'arahkan',
  'serahkan',
  'susun-laporan',
  'periksa',
] as const;
export type JenisLangkah = (typeof JENIS_LANGKAH)[number];

/** How a person takes part in a step: not at all, confirming, uploading, or deciding. */
export const JENIS_TUGAS = ['otomatis', 'konfirmasi', 'unggah', 'keputusan'] as const;
export type JenisTugas = (typeof JENIS_TUGAS)[number];

export const pejabatSchema = z.object({
  jabatan: teks,
  nama: teks.optional(),
  pangkat: teks.optional(),
  nip: teks.optional(),
});

export const identitasSchema = z.object({
  nomor: teks,
  nama: teks,
  unit: teks,
  tanggal_pembuatan: tanggal,
  tanggal_revisi: tanggal.nullable().default(null),
  tanggal_pengesahan: tanggal.nullable().default(null),
  disahkan_oleh: pejabatSchema,
  dasar_hukum: daftarTeks,
  kualifikasi_pelaksana: daftarTeks,
  keterkaitan: daftarTeks,
  peralatan_perlengkapan: daftarTeks,
  peringatan: daftarTeks,
  pencatatan_pendataan: daftarTeks,
});

export const peranSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'harus huruf kecil, angka atau tanda hubung' }),
  /** The column header on the SOP sheet, as the agency writes it. */
  nama: teks,
  /** The office in the agency file that fills this column. */
  jabatan: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'harus huruf kecil, angka atau tanda hubung' }),
  /** `unit`: one holder per unit (Kabid, Kasi, staf of a bidang); `instansi`: one for the agency. */
  lingkup: z.enum(['instansi', 'unit'], { error: "harus 'instansi' atau 'unit'" }).default('instansi'),
  /**
   * Its column on the printed SOP sheet: true (its own), false (none: it acts in the system only),
   * or the id of the role whose column it shares (003's Kasubbag Perencanaan sits in "Kasi/Kasubbag").
   */
  kolom: z.union([z.boolean(), z.string()]).default(true),
});

const SATUAN = 'menit, jam, hari, hari kerja, minggu atau bulan';
/** A duration such as '2 jam' (see waktu.ts for the units). */
export const durasiSchema = z
  .string({ error: "harus berupa teks seperti '2 jam'" })
  .refine((s) => parseWaktu(s) !== undefined, {
    error: `bukan waktu yang dikenal; tulis angka dan satuan ${SATUAN}, misalnya '2 jam'`,
  });

const peranId = z.string({ error: 'harus berupa id peran' });

const langkahFields = z.object({
  no: z.number().int().positive(),
  kegiatan: teks,
  /** Short label for the state name when `kegiatan` is long (Step Functions limits names to 80 characters). */
  judul: teks.optional(),
  /**
   * One role, or a list: the first is accountable (it runs the step in the system unless `oleh` says
   * otherwise), the others take part and are shown on the SOP sheet.
   */
  pelaksana: z.union([peranId, z.array(peranId).min(1, { error: 'minimal satu pelaksana' })], {
    error: 'harus berupa id peran atau daftar id peran',
  }),
  jenis: z.enum(JENIS_LANGKAH, { error: `harus salah satu dari: ${JENIS_LANGKAH.join(', ')}` }),
  tugas: z
    .enum(JENIS_TUGAS, { error: `harus salah satu dari: ${JENIS_TUGAS.join(', ')}` })
    .default('otomatis'),
  /** The role that acts in the system when it differs from the accountable pelaksana (e.g. each Kabid uploads). */
  oleh: z.string().optional(),
  per_unit: z.boolean().default(false),
  kelengkapan: teks,
  /** The mutu baku; absent or 'tidak ditentukan' when the SOP sets none (the deadline is then `waktu_bawaan`). */
  waktu: z
    .string({ error: "harus berupa teks seperti '2 jam' atau 'tidak ditentukan'" })
    .refine((s) => isTidakDitentukan(s) || parseWaktu(s) !== undefined, {
      error: `bukan waktu yang dikenal; tulis angka dan satuan ${SATUAN} (misalnya '2 jam'), atau 'tidak ditentukan'`,
    })
    .optional(),
  output: teks,
  keterangan: z.string().default(''),
  /** For `keputusan`: the step a "kembalikan" decision returns to. */
  kembali_ke: z.number().int().positive().optional(),
  /** Jump to this step instead of the next one in the table. */
  lanjut_ke: z.number().int().positive().optional(),
  /** The flow ends after this step (SELESAI). Defaults to the last step. */
  selesai: z.boolean().default(false),
});

/** A step, with its pelaksana split into the accountable role and the roles taking part. */
export const langkahSchema = langkahFields.transform(({ pelaksana, waktu, ...rest }) => {
  const list = Array.isArray(pelaksana) ? pelaksana : [pelaksana];
  return {
    ...rest,
    pelaksana: list[0]!,
    pelaksanaLain: list.slice(1),
    ...(waktu !== undefined && !isTidakDitentukan(waktu) ? { waktu } : {}),
  } as Omit<z.output<typeof langkahFields>, 'pelaksana' | 'waktu'> & {
    pelaksana: string;
    pelaksanaLain: string[];
    waktu?: string;
  };
});

export const SIKLUS = ['tahunan', 'triwulanan'] as const;
export type Siklus = (typeof SIKLUS)[number];
const siklusSatu = z.enum(SIKLUS, { error: "harus 'tahunan' atau 'triwulanan'" });

export const sopSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'harus huruf kecil, angka atau tanda hubung' }),
  versi: z.number().int().positive().default(1),
  /** One period kind, or both (an SOP run "per Triwulan/Tahunan"). */
  siklus: z
    .union([siklusSatu, z.array(siklusSatu).min(1, { error: 'minimal satu siklus' })], {
      error: "harus 'tahunan', 'triwulanan' atau daftar keduanya",
    })
    .transform((v): Siklus[] => [...new Set(Array.isArray(v) ? v : [v])]),
  /** The working time a step without `waktu` gets for its deadline (a decision of the agency, not a mutu baku). */
  waktu_bawaan: durasiSchema.optional(),
  identitas: identitasSchema,
  pelaksana: z.array(peranSchema).min(1, { error: 'minimal satu pelaksana' }),
  langkah: z.array(langkahSchema).min(1, { error: 'minimal satu langkah' }),
});

export type Sop = z.infer<typeof sopSchema>;
export type Langkah = z.infer<typeof langkahSchema>;
export type Peran = z.infer<typeof peranSchema>;
export type IdentitasSop = z.infer<typeof identitasSchema>;

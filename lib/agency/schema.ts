import { z } from 'zod';
import { closest } from '../datafile/suggest.ts';
import { durasiSchema } from '../sop/schema.ts';

const teks = z.string({ error: 'harus berupa teks' }).trim().min(1, { error: 'tidak boleh kosong' });
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'harus huruf kecil, angka atau tanda hubung' });
const email = z.email({ error: 'bukan alamat email yang sah' });
const jam = z.string().regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, { error: "harus berformat 'HH:MM-HH:MM'" });

export const orangSchema = z.object({
  jabatan: teks,
  nama: teks,
  nip: teks.optional(),
  /** NIK registered with the PSrE, for officials who sign through BSrE (tte below). */
  nik: z
    .string()
    .regex(/^\d{16}$/, { error: 'NIK harus 16 angka' })
    .optional(),
  pangkat: teks.optional(),
  email,
  /** Full official title for signatures, e.g. "Kepala Dinas Koperasi, … Kabupaten Balangan"; derived when absent. */
  jabatan_lengkap: teks.optional(),
});

/** An official outside the agency (the head's superior who co-signs the Perjanjian Kinerja). */
export const pejabatLuarSchema = z.object({
  jabatan: teks,
  nama: teks,
  nip: teks.optional(),
  pangkat: teks.optional(),
});

/**
 * What Bab I of the report says about the agency (PermenPAN-RB 53/2014): each part optional, a sensible
 * default text stands in for a missing one.
 */
export const profilSchema = z.object({
  latar_belakang: z.array(teks).optional(),
  dasar_hukum: z.array(teks).optional(),
  /** The agency's task in one sentence ("membantu Bupati melaksanakan urusan …"). */
  tugas: teks.optional(),
  fungsi: z.array(teks).optional(),
  /** The structure in prose (the units are listed from `unit`). */
  struktur: teks.optional(),
  isu_strategis: z.array(teks).optional(),
  /** Overrides the standard Sistematika Penyajian (one line per chapter). */
  sistematika: z.array(teks).optional(),
});

export const unitSchema = z.object({
  id,
  nama: teks,
  /** One of JENIS_UNIT or a kind the agency declares in `jenis_unit`. */
  jenis: id,
  /** The office key (in `pejabat`) of the unit's head: who receives the unit's format and answers for it. */
  kepala: id,
  /** Officials of this unit by office key, as the agency names its offices (e.g. kepala-unit, kasi, staf-unit). */
  pejabat: z.record(id, orangSchema),
});

/** An acting official's title on documents and pages: Pelaksana Tugas, or Pelaksana Harian (short absences). */
export const SEBUTAN_PELAKSANA = ['Plt.', 'Plh.'] as const;
export type SebutanPelaksana = (typeof SEBUTAN_PELAKSANA)[number];

const tanggal = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "harus berformat tanggal 'YYYY-MM-DD'" });

/**
 * Someone acting for an office holder (on leave, in training, the office vacant) over a date range, both
 * days included, in the agency's zone. Tasks opened in the range go to them; documents print
 * "Plt. Kepala Dinas". In the agency file (the baseline) or written by an operator (`lakip pejabat plt`).
 */
export const pelaksanaTugasSchema = z
  .object({
    /** The office key (in `pejabat`, or in a unit's `pejabat` with `unit`). */
    jabatan: id,
    /** The unit whose office it is, for a unit's office (e.g. its kepala-unit). */
    unit: id.optional(),
    jenis: z.enum(SEBUTAN_PELAKSANA, { error: "harus 'Plt.' atau 'Plh.'" }),
    nama: teks,
    nip: teks.optional(),
    pangkat: teks.optional(),
    email,
    mulai: tanggal,
    selesai: tanggal,
  })
  .refine((p) => p.mulai <= p.selesai, {
    error: 'selesai tidak boleh sebelum mulai',
    path: ['selesai'],
  });

/** Unit kinds every agency may use; an agency declares others in `jenis_unit`. */
export const JENIS_UNIT = ['sekretariat', 'bidang', 'seksi', 'subbagian', 'bagian', 'unit'] as const;

/** The kind of institution: decides the wording of the report ("perangkat daerah" only for a local government). */
export const JENIS_INSTANSI = ['pemerintah daerah', 'kementerian/lembaga', 'perguruan tinggi'] as const;
export type JenisInstansi = (typeof JENIS_INSTANSI)[number];

import { HARI } from './hari.ts';

export const agencySchema = z
  .object({
    id,
    nama: teks,
    singkatan: teks,
    jenis_instansi: z
      .enum(JENIS_INSTANSI, { error: `harus salah satu dari: ${JENIS_INSTANSI.join(', ')}` })
      .default('pemerintah daerah'),
    /** The parent the agency belongs to (Kabupaten Lumajang, Universitas Tanjungpura, a ministry). */
    pemerintah: teks,
    provinsi: teks,
    alamat: teks,
    /** The agency's own city: the place on the signature line of the report and its letters. */
    kota: teks,
    zona_waktu: z.enum(['WIB', 'WITA', 'WIT'], { error: 'harus WIB, WITA atau WIT' }),
    /** Working hours per weekday, e.g. senin: ['07:30-12:00', '13:00-16:00']; days not listed are off. */
    jam_kerja: z.partialRecord(z.enum(HARI), z.array(jam)),
    /** Agency-specific days off (local dates) on top of the national holiday files. */
    libur_tambahan: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
    /** The working time of SOP steps that set no `waktu`, when the SOP itself declares no `waktu_bawaan`. */
    waktu_bawaan: durasiSchema.optional(),
    /** The office key of the head of the agency: default signer of the report and of its cover letter. */
    pimpinan: id,
    /** The office key that runs the report cycle (e.g. Kasubbag Perencanaan); steps that need it say so. */
    pengelola: id.optional(),
    /**
     * The escalation chain: the superior of each office, by office key. A unit office's superior is looked
     * up in the same unit first, then among the agency's offices.
     */
    atasan: z.record(id, id).default({}),
    /** Agency officials by office key, as the agency names its offices. */
    pejabat: z.record(id, orangSchema),
    /** Acting officials (Plt./Plh.) by office and date range; see pelaksanaTugasSchema. */
    pelaksana_tugas: z.array(pelaksanaTugasSchema).default([]),
    /** Unit kinds of this agency beyond JENIS_UNIT (e.g. direktorat, pusat, laboratorium). */
    jenis_unit: z.array(id).default([]),
    unit: z.array(unitSchema).min(1, { error: 'minimal satu unit' }),
    nomor_surat: z.object({
      /** Placeholders: {klasifikasi} {nomor} {nomor:3} (zero-padded) {kode} {tahun} {bulan_romawi}. */
      pola: teks,
      kode: teks,
      /** Archive classification codes per letter kind. */
      klasifikasi: z.record(z.string(), teks),
    }),
    /**
     * Electronic signature (TTE) of the report. Absent: the system's own key (KMS in the cloud). `bsre`:
     * signed through the PSrE API at `url`; the application's credentials come from a secret the stack
     * makes for the agency (Secrets Manager, infra/constructs/tte-secrets.ts), which `npm start` serves
     * from the environment variable named by `kredensial` ("user:password"); never from this file.
     */
    tte: z
      .object({
        penyedia: z.enum(['bsre'], { error: "penyedia TTE yang dikenal: 'bsre'" }),
        url: z.url({ error: 'harus berupa URL layanan TTE, misalnya https://esign.example.go.id' }),
        kredensial: z.string().regex(/^[A-Z][A-Z0-9_]*$/, {
          error: 'harus nama variabel lingkungan berhuruf besar, misalnya BSRE_KREDENSIAL',
        }),
      })
      .optional(),
    /** Agency logo for letterheads, a PNG path relative to config/ (e.g. logo/balangan.png); none → no logo. */
    logo: z
      .string()
      .regex(/^[a-z0-9][a-z0-9/_.-]*\.png$/, {
        error: "harus jalur berkas PNG di dalam config/, misalnya 'logo/balangan.png'",
      })
      .refine((s) => !s.includes('..'), { error: "tidak boleh memuat '..'" })
      .optional(),
    /** Telephone, e-mail and website for the letterhead's address line. */
    telepon: teks.optional(),
    surel: email.optional(),
    laman: teks.optional(),
    /** The head's superior who signs the Perjanjian Kinerja as the first party (e.g. the Bupati). */
    atasan_pimpinan: pejabatLuarSchema.optional(),
    profil: profilSchema.optional(),
    /** The operator (provincial IT) told when a cycle stops; optional. */
    kontak_operator: z.object({ nama: teks, email }).optional(),
    /** Addressee of the cover letter that carries the report. */
    tujuan_laporan: z.object({
      kepada: teks,
      alamat: teks,
      /** Copies of the cover letter (Tembusan), e.g. the Inspektorat; 'Arsip' is always added last. */
      tembusan: z.array(teks).optional(),
    }),
    sop: z.array(id).min(1, { error: 'minimal satu SOP' }),
    /** Performance data file (Perjanjian Kinerja) per year. */
    kinerja: z.record(z.string().regex(/^\d{4}$/), teks),
  })
  .superRefine((agency, ctx) => {
    // Each unit's kind is a known one or one the agency declares in `jenis_unit`.
    const known = [...JENIS_UNIT, ...agency.jenis_unit];
    agency.unit.forEach((u, i) => {
      if (known.includes(u.jenis)) return;
      const saran = closest(u.jenis, known);
      ctx.addIssue({
        code: 'custom',
        path: ['unit', i, 'jenis'],
        input: u.jenis,
        message: `harus salah satu dari: ${known.join(', ')}, atau jenis yang dinyatakan sendiri di 'jenis_unit', ditemukan '${u.jenis}'${saran ? `; maksud Anda '${saran}'?` : ''}`,
      });
    });
  });

export type Agency = z.infer<typeof agencySchema>;
export type Unit = z.infer<typeof unitSchema>;
export type Orang = z.infer<typeof orangSchema>;
export type PejabatLuar = z.infer<typeof pejabatLuarSchema>;
export type Profil = z.infer<typeof profilSchema>;
export type PelaksanaTugas = z.infer<typeof pelaksanaTugasSchema>;
export { HARI as HARI_KERJA };

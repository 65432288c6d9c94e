import type { PelaksanaTugas } from '../agency/schema.ts';
import type { Periode } from '../performance/submission.ts';
import type { JenisLangkah, JenisTugas } from '../sop/schema.ts';
import type { MasalahBerkas } from '../workbook/errors.ts';
import type { ContentType, JenisDokumen } from './documents.ts';

/** What every state of a cycle's state machine carries: the cycle's identity, nothing else. */
export interface SiklusRef {
  agencyId: string;
  cycleId: string;
  sopId: string;
  /**
   * The SOP version the cycle runs on (lib/sop/versions.ts); every step reads that version's steps and
   * deadlines. Absent only in executions started before versions were carried: the current version.
   */
  sopVersi?: number;
  tahun: number;
  periode: Periode;
}

/** The identity a cycle's executions carry (what every state of its state machine holds). */
export function siklusRefOf(c: SiklusRef): SiklusRef {
  return {
    agencyId: c.agencyId,
    cycleId: c.cycleId,
    sopId: c.sopId,
    ...(c.sopVersi !== undefined ? { sopVersi: c.sopVersi } : {}),
    tahun: c.tahun,
    periode: c.periode,
  };
}

export interface Cycle extends SiklusRef {
  sopVersi: number;
  /** `terhenti`: a step failed after its retries; an operator resumes it once the cause is fixed. */
  status: 'berjalan' | 'selesai' | 'dihentikan' | 'terhenti';
  dimulai: string;
  /** Why and where the cycle stopped (while `terhenti`; kept as the last stop after a resume). */
  terhenti?: Penghentian;
  /** Executions started for this cycle (1, then one more per resume). */
  eksekusi?: number;
  selesai?: string;
  executionArn?: string;
  /** Moves to another SOP version by an operator (lib/cycle/move.ts), oldest first. */
  pindah?: Pemindahan[];
  /** The cycle this one repeats, when an operator started a repeat of the same SOP and period. */
  ulangDari?: string;
  /** Return notes collected along the way (printed in the draft's appendix). */
  catatanKoreksi: { oleh: string; waktu: string; catatan: string; langkah: number }[];
}

/** An operator moved a cycle from one SOP version to another, resuming it at `langkah`. */
export interface Pemindahan {
  dari: number;
  ke: number;
  langkah: number;
  waktu: string;
}

export interface Penghentian {
  /** The step the cycle stopped at (the SOP's own number). */
  langkah: number;
  /** Units whose branch stopped inside a per-unit step, if any. */
  unit?: string[];
  /** The reason, for people (Indonesian), and the technical error for the operator. */
  alasan: string;
  galat: string;
  waktu: string;
}

export interface Person {
  nama: string;
  jabatan: string;
  email: string;
}

/** A document or data file the step produced or consumed, in the working or archive bucket. */
export interface Berkas {
  label: string;
  key: string;
  bucket: 'kerja' | 'arsip';
  /** What it is: decides where it goes (archive, review) without looking at its label or key. */
  jenis: JenisDokumen;
  contentType: ContentType;
  /**
   * A version of the report after the first: the key of the summary of what changed since the version
   * before (lib/cycle/version-diff.ts, under the cycle's `perubahan/`). Absent when none could be stored.
   */
  perubahan?: string;
}

/** The record "Pencatatan dan pendataan" asks for: who did which step, when, with what output, against the mutu baku. */
export interface StepRecord {
  agencyId: string;
  cycleId: string;
  no: number;
  /** Unit id for per-unit steps, '-' otherwise. */
  unit: string;
  /** 1 on the first pass, 2 after a return, … */
  putaran: number;
  /** Creation order in the cycle (the number of records before it, plus one). */
  urutan?: number;
  kegiatan: string;
  jenis: JenisLangkah;
  tugas: JenisTugas;
  pelaksana: string;
  oleh?: Person;
  mulai: string;
  tenggat: string;
  waktu: string;
  selesai?: string;
  /** Working minutes between mulai and selesai in the agency's calendar. */
  menitKerja?: number;
  tepatWaktu?: boolean;
  output: string;
  berkas: Berkas[];
  keputusan?: Keputusan;
}

export type HasilKeputusan = 'setuju' | 'kembali' | 'selesai';

/** A person's answer to a task: done/approved, or returned with notes. */
export interface Keputusan {
  hasil: HasilKeputusan;
  catatan: string;
  oleh: Person;
  waktu: string;
  /** For uploads: the accepted submission. */
  submissionId?: string;
  /** Signed on the signing page (a PSrE signs there, with the signer's passphrase): the signed PDF. */
  ttd?: { key: string; verifikasi: string };
  /** The person the task was assigned to when a delegate answered for them. */
  atasNama?: Person;
}

/** A task handed on by its assignee to someone else in the agency, with the reason (lib/cycle/delegation.ts). */
export interface Delegasi {
  dari: Person;
  kepada: Person;
  alasan: string;
  waktu: string;
}

/** An acting official written by an operator, on top of the agency file's `pelaksana_tugas`. */
export interface PelaksanaTugasRecord extends PelaksanaTugas {
  agencyId: string;
  /** Deterministic (office, unit, range): writing the same range again corrects it, never doubles it. */
  id: string;
  dicatat: string;
}

export interface HumanTask {
  agencyId: string;
  cycleId: string;
  taskId: string;
  no: number;
  unit: string;
  putaran: number;
  jenisTugas: JenisTugas;
  kegiatan: string;
  kelengkapan: string;
  output: string;
  assignee: Person;
  tenggat: string;
  /** The step's waktu as the step record shows it (a mutu baku, or "tidak ditentukan (batas kerja: …)"). */
  waktu?: string;
  dibuat: string;
  /**
   * terbuka: waiting for the person; diputuskan: the answer is recorded and being handed to the workflow;
   * selesai: the workflow took it. A decision is never lost between the two writes: the sweep and a
   * re-opened task hand over any answer still `diputuskan`.
   */
  status: 'terbuka' | 'diputuskan' | 'selesai';
  /** The assignee's office key in the agency file (for escalation to the superior). */
  jabatan: string;
  berkas: Berkas[];
  keputusan?: Keputusan;
  /** When each reminder threshold was sent ('pengingat', 'eskalasi'), so none is sent twice. */
  pengingat?: Record<string, string>;
  /** When the newest link issued for this task expires (the sweep issues a fresh one before it does). */
  tautanBerakhir?: string;
  /** Hand-overs of this task, oldest first; `assignee` is the last one's `kepada`. */
  delegasi?: Delegasi[];
}

/**
 * One link sent by email. Only the SHA-256 of its random id is stored; it opens one task, for one person,
 * until it expires. A reminder sends a fresh link; older links keep working until their own expiry.
 */
export interface TaskLink {
  hash: string;
  agencyId: string;
  cycleId: string;
  taskId: string;
  email: string;
  dibuat: string;
  kedaluwarsa: string;
}

export interface UploadRecord {
  agencyId: string;
  cycleId: string;
  taskId: string;
  uploadId: string;
  unit: string;
  namaBerkas: string;
  key: string;
  dibuat: string;
  /** `gagal`: processing broke (not the file's fault); a retried event may still accept or reject it. */
  status: 'menunggu' | 'diterima' | 'ditolak' | 'gagal';
  masalah?: MasalahBerkas[];
  submissionKey?: string;
  /** Why processing broke, in Bahasa Indonesia for the task page, and when. */
  gagal?: { alasan: string; waktu: string };
}

/**
 * Which cycle holds an agency's SOP, year and period. One item per (agency, SOP, year, period), written
 * conditionally, so two starts of the same cycle cannot both win; a repeat replaces it on purpose.
 */
export interface CycleClaim {
  agencyId: string;
  sopId: string;
  tahun: number;
  periode: Periode;
  cycleId: string;
  dimulai: string;
}

/**
 * A link that opens something other than a task, for one person: a cycle's timeline (mailed when the
 * cycle completes), or one file (the unit's format workbook in the distribution mail). Stored like a
 * task link: only the hash of its id.
 */
export type AccessLink = CycleViewLink | FileLink;

interface AccessLinkBase {
  hash: string;
  agencyId: string;
  cycleId: string;
  dibuat: string;
  kedaluwarsa: string;
}

export interface CycleViewLink extends AccessLinkBase {
  jenis: 'lini-masa';
  email: string;
}

export interface FileLink extends AccessLinkBase {
  jenis: 'berkas';
  /** The unit the file is for ('-' for the cycle's own files). */
  unit: string;
  bucket: 'kerja' | 'arsip';
  key: string;
  namaBerkas: string;
}

/**
 * What the public verification page (/verifikasi/<id>) shows of a signed document: only what is printed
 * on it, and the SHA-256 of the signed PDF, which a reader compares with the copy they hold. The id is
 * 128 random bits (lib/signing/verification.ts), printed in the document's QR code.
 */
export interface Verifikasi {
  id: string;
  agencyId: string;
  cycleId: string;
  judul: string;
  /** The agency and its government, as on the cover. */
  instansi: string;
  tahun: number;
  penandatangan: { nama: string; jabatan: string; nip?: string };
  /** When it was signed (ISO). */
  waktu: string;
  sha256: string;
  /** The signed PDF in the working bucket. */
  key: string;
}

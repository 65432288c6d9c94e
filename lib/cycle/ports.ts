import type { Renderer } from '../documents/port.ts';
import type { Mail, Mailer } from '../mail/mail.ts';
import type { Tte } from '../signing/port.ts';
import type {
  AccessLink,
  Cycle,
  CycleClaim,
  Delegasi,
  HumanTask,
  Keputusan,
  PelaksanaTugasRecord,
  Pemindahan,
  Penghentian,
  StepRecord,
  TaskLink,
  UploadRecord,
  Verifikasi,
} from './model.ts';

/** Names one task of one cycle. */
export type TaskRef = Pick<HumanTask, 'agencyId' | 'cycleId' | 'taskId'>;

/**
 * What the cycle engine needs from the outside world. DynamoDB, S3, Step Functions and mail
 * adapters implement these in lib/adapters; tests may implement them in memory.
 */
export interface CycleStore {
  createCycle(c: Cycle): Promise<void>;
  getCycle(agencyId: string, cycleId: string): Promise<Cycle | undefined>;
  listCycles(agencyId: string): Promise<Cycle[]>;
  setCycleExecution(agencyId: string, cycleId: string, executionArn: string): Promise<void>;
  finishCycle(agencyId: string, cycleId: string, at: string): Promise<void>;
  /** berjalan → terhenti with where and why, once; false when the cycle was not running. */
  stopCycle(agencyId: string, cycleId: string, info: Penghentian): Promise<boolean>;
  /**
   * terhenti (or, after a local restart, berjalan) → berjalan with a new execution number, once per
   * `eksekusi`: false when another resume got there first. With `pindah`, the cycle also moves to the
   * SOP version `pindah.ke` (its `sopVersi`), and the move is appended to its `pindah`.
   */
  resumeCycle(
    agencyId: string,
    cycleId: string,
    eksekusi: number,
    executionArn: string,
    pindah?: Pemindahan,
  ): Promise<boolean>;
  addCorrection(agencyId: string, cycleId: string, note: Cycle['catatanKoreksi'][number]): Promise<void>;

  listSteps(agencyId: string, cycleId: string): Promise<StepRecord[]>;
  /** Creates the record unless one with the same key exists (idempotent). Returns true when created. */
  putStepIfAbsent(r: StepRecord): Promise<boolean>;
  updateStep(r: StepRecord): Promise<void>;

  /** Creates the task unless it exists (a retried or resumed invocation of the same wait). True when created. */
  putTask(t: HumanTask): Promise<boolean>;
  /**
   * The Step Functions token of the task's newest wait, in an item of its own (`TOKEN#`) so that the
   * public page function, which reads tasks, can be denied it. Secret: never logged, never in a URL.
   */
  putTaskToken(t: TaskRef, token: string): Promise<void>;
  getTaskToken(t: TaskRef): Promise<string | undefined>;
  getTask(agencyId: string, cycleId: string, taskId: string): Promise<HumanTask | undefined>;
  listTasks(agencyId: string, cycleId: string): Promise<HumanTask[]>;
  listTasksOf(email: string): Promise<HumanTask[]>;
  /** Every open task of every agency, by deadline (for the reminder sweep). */
  listOpenTasks(): Promise<HumanTask[]>;
  /** Marks a reminder threshold as sent, once; false when it already was. */
  markReminder(
    agencyId: string,
    cycleId: string,
    taskId: string,
    threshold: string,
    at: string,
  ): Promise<boolean>;

  putLink(l: TaskLink): Promise<void>;
  getLink(hash: string): Promise<TaskLink | undefined>;
  /** terbuka → diputuskan with the answer, only if the task is still open; false when it was already decided. */
  decideTask(agencyId: string, cycleId: string, taskId: string, k: Keputusan): Promise<boolean>;
  /** diputuskan → selesai once the workflow took the answer (leaves the open-task index). */
  markDelivered(agencyId: string, cycleId: string, taskId: string): Promise<boolean>;

  putUpload(u: UploadRecord): Promise<void>;
  getUpload(agencyId: string, cycleId: string, uploadId: string): Promise<UploadRecord | undefined>;
  /** Moves an upload out of `from` (menunggu → diterima | ditolak, diterima → ditolak), once. */
  settleUpload(u: UploadRecord, from: UploadRecord['status']): Promise<boolean>;
  listUploads(agencyId: string, cycleId: string): Promise<UploadRecord[]>;

  /**
   * Marks a side effect of a cycle (a mail) as done, once: true for the first caller of `key`, false for
   * every retry or duplicate after it. Marked before the effect, like the reminder thresholds.
   */
  markOnce(agencyId: string, cycleId: string, key: string): Promise<boolean>;

  /** Next letter number for the agency and year; the same `key` always gets the same number, with no gaps. */
  allocateLetterNumber(agencyId: string, tahun: number, key: string): Promise<number>;

  // One cycle per agency, SOP and period (lib/cycle/start.ts).
  /** The cycle holding this agency's SOP, year and period, if any. */
  getCycleClaim(
    agencyId: string,
    sopId: string,
    tahun: number,
    periode: CycleClaim['periode'],
  ): Promise<CycleClaim | undefined>;
  /**
   * Makes `c` the holder, only if there is none or (a repeat) the holder is still `replacing`; false when
   * another start got there first.
   */
  claimCycle(c: CycleClaim, replacing?: string): Promise<boolean>;
  /** Gives the claim up if `c.cycleId` still holds it (a start that failed before its workflow ran). */
  releaseCycleClaim(c: CycleClaim): Promise<void>;

  // Links that keep working while the task is open (lib/cycle/issue-link.ts, resend-link.ts).
  /** Remembers the expiry of the newest link of a task (never moves it back; never creates a task). */
  noteLinkExpiry(agencyId: string, cycleId: string, taskId: string, kedaluwarsa: string): Promise<void>;
  /**
   * Records a resend for `subject` of the cycle at `at`, unless the last one was after `notBefore`;
   * false when throttled (one conditional write: concurrent requests send at most one).
   */
  markResend(
    agencyId: string,
    cycleId: string,
    subject: string,
    at: string,
    notBefore: string,
  ): Promise<boolean>;
  putAccessLink(l: AccessLink): Promise<void>;
  getAccessLink(hash: string): Promise<AccessLink | undefined>;

  /**
   * Marks an upload whose processing broke (`menunggu` or already `gagal`) as `gagal` with the reason;
   * false when it was already accepted or rejected.
   */
  failUpload(
    agencyId: string,
    cycleId: string,
    uploadId: string,
    gagal: UploadRecord['gagal'] & {},
  ): Promise<boolean>;

  // Electronic signatures (lib/signing).
  /** Records a signed document for its verification page; a second write of the same id is refused. */
  putVerification(v: Verifikasi): Promise<boolean>;
  getVerification(id: string): Promise<Verifikasi | undefined>;
  /** The agency's signing certificate (PEM), issued once from the signing key. */
  getCertificate(agencyId: string): Promise<string | undefined>;
  putCertificateIfAbsent(agencyId: string, pem: string): Promise<boolean>;
  // Acting officials and delegation (lib/cycle/acting.ts, delegation.ts).
  /** Writes an acting official under its deterministic id (the same range again replaces it). */
  putActing(r: PelaksanaTugasRecord): Promise<void>;
  listActing(agencyId: string): Promise<PelaksanaTugasRecord[]>;
  /**
   * Hands an open task from `fromEmail` to `d.kepada`, appending `d` to its `delegasi`, once: false when the
   * task is no longer open or no longer assigned to `fromEmail` (a retry after success included).
   */
  delegateTask(
    agencyId: string,
    cycleId: string,
    taskId: string,
    fromEmail: string,
    d: Delegasi,
  ): Promise<boolean>;
}

export interface BlobStore {
  put(bucket: 'kerja' | 'arsip', key: string, body: Uint8Array, contentType: string): Promise<void>;
  get(bucket: 'kerja' | 'arsip', key: string): Promise<Uint8Array>;
  exists(bucket: 'kerja' | 'arsip', key: string): Promise<boolean>;
  size(bucket: 'kerja' | 'arsip', key: string): Promise<number>;
  /** A short-lived download link. */
  downloadUrl(bucket: 'kerja' | 'arsip', key: string, fileName: string): Promise<string>;
  /** A presigned POST restricted to one key, a size range and a content type. */
  uploadForm(
    key: string,
    maxBytes: number,
    contentType: string,
  ): Promise<{ url: string; fields: Record<string, string> }>;
}

/** Step Functions: start a cycle's execution, resume a waiting task, stop an execution. */
export interface Workflow {
  /** Starts the machine of one SOP version, keyed `<id>@<versi>` (lib/sop/versions.ts versionKey). */
  start(machine: string, executionName: string, input: unknown): Promise<string>;
  succeed(taskToken: string, output: unknown): Promise<void>;
  /** Stops an execution (an operator moving its cycle to another SOP version); a stopped one is fine. */
  stop(executionArn: string, cause: string): Promise<void>;
}

export type { Mail, Mailer };

export interface Clock {
  now(): Date;
}

export interface Ports {
  /** Present only where documents are rendered (the `dokumen` and `arsip` functions, the local runtime). */
  renderer?: Renderer;
  /** Present only where reports are signed (the `dokumen` function; the pages for a PSrE's passphrase). */
  tte?: Tte;
  store: CycleStore;
  blobs: BlobStore;
  workflow: Workflow;
  mailer: Mailer;
  clock: Clock;
  /** Base URL of the task pages, e.g. https://lakip.example.go.id or http://127.0.0.1:4500. */
  publicUrl: string;
  /**
   * False in a function that may not resume executions (the public pages: no state machines, no task
   * tokens); a recorded answer is then handed over by the `deliver` function from the table's stream.
   */
  resumesWorkflow?: boolean;
}

export type { Renderer };

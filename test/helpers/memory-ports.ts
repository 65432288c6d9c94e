import type { BlobStore, Clock, Mail, Mailer, Ports, Workflow } from '../../lib/cycle/ports.ts';
import { documentRenderer } from '../../lib/documents/renderer.ts';
import { MemoryCycleStore } from './memory-store.ts';
import { memoryTte } from './pdf.ts';

export { MemoryCycleStore };

type Bucket = 'kerja' | 'arsip';

/** An error shaped like the AWS SDK's service errors (the code is the error's name). */
function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

/**
 * Both buckets in memory. Download and upload URLs are fake but deterministic; `post` plays the part of
 * S3 receiving the browser's form, with the checks S3 makes on a presigned POST's policy.
 */
export class MemoryBlobs implements BlobStore {
  static readonly HOST = 'https://blob.memori.test';
  private readonly objects = new Map<string, { body: Uint8Array; contentType: string }>();
  private readonly forms = new Map<string, { key: string; maxBytes: number; contentType: string }>();
  /** Every object read with `get`, as bucket/key (to check what was downloaded, e.g. never a huge file). */
  readonly reads: string[] = [];

  async put(bucket: Bucket, key: string, body: Uint8Array, contentType: string) {
    this.objects.set(`${bucket}/${key}`, { body: Uint8Array.from(body), contentType });
  }

  async get(bucket: Bucket, key: string) {
    this.reads.push(`${bucket}/${key}`);
    return Uint8Array.from(this.object(bucket, key, 'NoSuchKey').body);
  }

  async exists(bucket: Bucket, key: string) {
    return this.objects.has(`${bucket}/${key}`);
  }

  async size(bucket: Bucket, key: string) {
    return this.object(bucket, key, 'NotFound').body.byteLength;
  }

  async downloadUrl(bucket: Bucket, key: string, fileName: string) {
    const safe = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
    return `${MemoryBlobs.HOST}/${bucket}/${key}?unduh=${safe}`;
  }

  async uploadForm(key: string, maxBytes: number, contentType: string) {
    const form = { url: `${MemoryBlobs.HOST}/kerja/`, fields: { key, 'Content-Type': contentType } };
    this.forms.set(key, { key, maxBytes, contentType });
    return form;
  }

  /** The content type an object was stored with. */
  contentTypeOf(bucket: Bucket, key: string): string {
    return this.object(bucket, key, 'NotFound').contentType;
  }

  /** Every key in a bucket, sorted. */
  keys(bucket: Bucket): string[] {
    const prefix = `${bucket}/`;
    return [...this.objects.keys()]
      .filter((k) => k.startsWith(prefix))
      .map((k) => k.slice(prefix.length))
      .sort();
  }

  /** The bucket and key behind a URL from downloadUrl. */
  static locate(url: string): { bucket: Bucket; key: string } {
    const m = /^https:\/\/blob\.memori\.test\/(kerja|arsip)\/([^?]+)/.exec(url);
    if (!m) throw new Error(`bukan URL unduhan memori: ${url}`);
    return { bucket: m[1] as Bucket, key: m[2]! };
  }

  /** A browser posting a file with a form from uploadForm; refused as S3 would refuse it. */
  async post(form: { url: string; fields: Record<string, string> }, body: Uint8Array): Promise<string> {
    const key = form.fields.key ?? '';
    const policy = this.forms.get(key);
    if (!policy) throw awsError('AccessDenied', `tidak ada formulir unggah untuk ${key}`);
    if (body.byteLength < 1 || body.byteLength > policy.maxBytes)
      throw awsError('EntityTooLarge', `ukuran ${body.byteLength} di luar 1..${policy.maxBytes}`);
    if (form.fields['Content-Type'] !== policy.contentType)
      throw awsError('AccessDenied', `Content-Type harus ${policy.contentType}`);
    await this.put('kerja', key, body, policy.contentType);
    return key;
  }

  private object(bucket: Bucket, key: string, missing: string) {
    const o = this.objects.get(`${bucket}/${key}`);
    if (!o) throw awsError(missing, `objek ${bucket}/${key} tidak ada`);
    return o;
  }
}

type WorkflowMethod = keyof Workflow;

/**
 * Step Functions in memory: records what was started and resumed. `failNext` makes the next call (of
 * one method, or of either) throw, once, as a throttled or unreachable service would; a failed call is
 * not recorded as done. A token resumed twice is refused, as Step Functions refuses it.
 */
export class MemoryWorkflow implements Workflow {
  /** `machine` is the SOP version's key (`<id>@<versi>`). */
  readonly started: { machine: string; executionName: string; input: unknown; arn: string }[] = [];
  readonly stopped: { executionArn: string; cause: string }[] = [];
  readonly succeeded: { taskToken: string; output: unknown }[] = [];
  readonly failed: { method: WorkflowMethod; error: Error }[] = [];
  private failing: { method?: WorkflowMethod; error: Error }[] = [];

  failNext(method?: WorkflowMethod, error = awsError('ServiceUnavailable', 'layanan tidak tersedia')) {
    this.failing.push({ method, error });
  }

  async start(machine: string, executionName: string, input: unknown) {
    this.maybeFail('start');
    const arn = `arn:aws:states:ap-southeast-3:000000000000:execution:${machine.replace('@', '-v')}:${executionName}`;
    const same = this.started.find((s) => s.arn === arn);
    // Starting an execution again is idempotent only with the same input.
    if (same && JSON.stringify(same.input) !== JSON.stringify(input))
      throw awsError('ExecutionAlreadyExists', `eksekusi ${executionName} sudah ada`);
    if (!same) this.started.push({ machine, executionName, input: json(input), arn });
    return arn;
  }

  async succeed(taskToken: string, output: unknown) {
    this.maybeFail('succeed');
    if (this.succeeded.some((s) => s.taskToken === taskToken))
      throw awsError('TaskTimedOut', 'Task Timed Out: token sudah dipakai');
    this.succeeded.push({ taskToken, output: json(output) });
  }

  async stop(executionArn: string, cause: string) {
    this.maybeFail('stop');
    this.stopped.push({ executionArn, cause });
  }

  /** The output a task token was resumed with (what the state machine passes to the next state). */
  outputOf<T = unknown>(taskToken: string): T | undefined {
    return this.succeeded.find((s) => s.taskToken === taskToken)?.output as T | undefined;
  }

  private maybeFail(method: WorkflowMethod) {
    const i = this.failing.findIndex((f) => !f.method || f.method === method);
    if (i < 0) return;
    const [{ error }] = this.failing.splice(i, 1) as [{ error: Error }];
    this.failed.push({ method, error });
    throw error;
  }
}

/** Collects mails; `failNext` makes the next send throw once (a refused SMTP or SES call). */
export class MemoryMailer implements Mailer {
  readonly sent: Mail[] = [];
  private failures: Error[] = [];

  failNext(error = awsError('Throttling', 'pengiriman email ditolak')) {
    this.failures.push(error);
  }

  async send(m: Mail) {
    const error = this.failures.shift();
    if (error) throw error;
    this.sent.push(structuredClone(m));
  }

  /** Mails to `address` whose subject contains `subject` (all of them to `address` without it). */
  to(address: string, subject = ''): Mail[] {
    return this.sent.filter((m) => m.to.includes(address) && m.subject.includes(subject));
  }

  /** The one mail to `address` with `subject` in its subject; throws when there is none or several. */
  one(address: string, subject: string): Mail {
    const found = this.to(address, subject);
    if (found.length !== 1)
      throw new Error(`${found.length} email ke ${address} berjudul '${subject}', bukan tepat satu`);
    return found[0]!;
  }

  clear() {
    this.sent.length = 0;
  }
}

/** A clock that moves only when told to. */
export class MemoryClock implements Clock {
  private t: number;

  constructor(start: Date | string = '2026-01-05T00:00:00.000Z') {
    this.t = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.t);
  }

  set(at: Date | string | number) {
    this.t = new Date(at).getTime();
  }

  advance(by: { ms?: number; minutes?: number; hours?: number; days?: number }) {
    this.t +=
      (by.ms ?? 0) + (by.minutes ?? 0) * 60_000 + (by.hours ?? 0) * 3_600_000 + (by.days ?? 0) * 86_400_000;
  }
}

export interface MemoryPorts extends Ports {
  store: MemoryCycleStore;
  blobs: MemoryBlobs;
  workflow: MemoryWorkflow;
  mailer: MemoryMailer;
  clock: MemoryClock;
}

export const MEMORY_PUBLIC_URL = 'https://lakip.memori.test';

/** Every port in memory, sharing one settable clock; pass `store` to share one table between runs. */
export function memoryPorts(
  opts: { now?: Date | string; publicUrl?: string; store?: MemoryCycleStore } = {},
): MemoryPorts {
  return {
    // The real document libraries: the same content a `dokumen` function renders.
    renderer: documentRenderer,
    tte: memoryTte(),
    store: opts.store ?? new MemoryCycleStore(),
    blobs: new MemoryBlobs(),
    workflow: new MemoryWorkflow(),
    mailer: new MemoryMailer(),
    clock: new MemoryClock(opts.now),
    publicUrl: opts.publicUrl ?? MEMORY_PUBLIC_URL,
  };
}

/** The task link id in a mail (as a person would click it); throws when the mail carries none. */
export function linkIdIn(m: Mail): string {
  const id = /\/t\/([A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/.exec(m.text)?.[1];
  if (!id) throw new Error(`email '${m.subject}' tidak memuat tautan tugas`);
  return id;
}

/** What Step Functions keeps of an input or output: its JSON. */
function json<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

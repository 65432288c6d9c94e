import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type {
  DeleteCommandInput,
  DeleteCommandOutput,
  DynamoDBDocumentClient,
  GetCommandInput,
  GetCommandOutput,
  PutCommandInput,
  PutCommandOutput,
  QueryCommandInput,
  QueryCommandOutput,
  UpdateCommandInput,
  UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';
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
} from '../cycle/model.ts';
import type { CycleStore, TaskRef } from '../cycle/ports.ts';

/**
 * The single table. Every key carries the agency. Writes are idempotent through deterministic keys and
 * single-item condition expressions (no transactions: they are not needed, and dynalite lacks them).
 *
 *   cycle      pk AG#{agency}            sk CY#{cycle}
 *   step       pk CY#{agency}#{cycle}    sk STEP#{no}#{unit}#{putaran}
 *   task       pk CY#{agency}#{cycle}    sk TASK#{taskId}        gsi1 ORANG#{email} / {dibuat}
 *                                                                gsi2 TERBUKA / {tenggat} (open tasks only: a sparse index)
 *   token      pk TOKEN#{agency}#{cycle} sk TASK#{taskId}        token (the newest wait's; not granted to pages)
 *   link       pk LINK#{sha256(id)}      sk LINK                 → the task's keys, the person, the expiry
 *   upload     pk CY#{agency}#{cycle}    sk UP#{uploadId}
 *   counter    pk AG#{agency}            sk SURAT#{year}          n, alloc{key → n}
 *   claim      pk AG#{agency}            sk KLAIM#{sop}#{year}#{period}  → the cycle holding it
 *   access     pk LINK#{sha256(id)}      sk AKSES                → a cycle timeline or one file, for one person
 *   resend     pk CY#{agency}#{cycle}    sk KIRIM#{subject}      terakhir (throttles "kirim ulang tautan")
 *   verify     pk VER#{id}               sk VERIFIKASI           → a signed document's public facts and hash
 *   cert       pk AG#{agency}            sk TTE#SERTIFIKAT       pem (the agency's signing certificate)
 *   acting     pk AG#{agency}            sk PLT#{id}             an acting official written by an operator
 */
/** Every partition key starts with one of these; IAM grants are scoped by them (dynamodb:LeadingKeys). */
export const KEY_PREFIXES = ['AG#', 'CY#', 'LINK#', 'TOKEN#', 'VER#'] as const;
export type KeyPrefix = (typeof KEY_PREFIXES)[number];

/** The table's TTL attribute (epoch seconds): DynamoDB deletes the item some time after it. */
export const TTL_ATTRIBUTE = 'ttl';
/** An expired link still answers "expired" (not "unknown") for this long, then the item goes. */
const LINK_KEPT_AFTER_EXPIRY_DAYS = 90;

/** The document-client operations the store uses, by name. */
interface Ops {
  Put: [PutCommandInput, PutCommandOutput];
  Get: [GetCommandInput, GetCommandOutput];
  Query: [QueryCommandInput, QueryCommandOutput];
  Update: [UpdateCommandInput, UpdateCommandOutput];
  Delete: [DeleteCommandInput, DeleteCommandOutput];
}

export class DynamoCycleStore implements CycleStore {
  private doc?: Promise<{ client: DynamoDBDocumentClient; lib: typeof import('@aws-sdk/lib-dynamodb') }>;

  /**
   * `client` may be a factory: the SDK (the Lambda runtime's own, outside the bundle) is then loaded on
   * the first call, so a function's cold start pays only for the clients its request actually uses
   * (bench/bundles.ts measures both).
   */
  constructor(
    private readonly table: string,
    private readonly client: DynamoDBClient | (() => Promise<DynamoDBClient>),
  ) {}

  private async send<K extends keyof Ops>(op: K, input: Ops[K][0]): Promise<Ops[K][1]> {
    this.doc ??= (async () => {
      const lib = await import('@aws-sdk/lib-dynamodb');
      const raw = typeof this.client === 'function' ? await this.client() : this.client;
      const client = lib.DynamoDBDocumentClient.from(raw, {
        marshallOptions: { removeUndefinedValues: true },
      });
      return { client, lib };
    })();
    const { client, lib } = await this.doc;
    const Command = lib[`${op}Command`] as unknown as new (i: Ops[K][0]) => never;
    return client.send(new Command(input)) as Promise<Ops[K][1]>;
  }

  private async put(
    item: Record<string, unknown>,
    condition?: string,
    names?: Record<string, string>,
    values?: Record<string, unknown>,
  ): Promise<boolean> {
    try {
      await this.send('Put', {
        TableName: this.table,
        Item: item,
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      });
      return true;
    } catch (e) {
      if ((e as Error).name === 'ConditionalCheckFailedException') return false;
      throw e;
    }
  }

  private async get<T>(pk: string, sk: string): Promise<T | undefined> {
    const r = await this.send('Get', { TableName: this.table, Key: { pk, sk }, ConsistentRead: true });
    return r.Item ? strip<T>(r.Item) : undefined;
  }

  /** Every page of a query (tables and indexes alike), keys stripped. */
  private async queryAll<T>(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<T[]> {
    const out: T[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.send('Query', { TableName: this.table, ...input, ExclusiveStartKey: start });
      for (const i of r.Items ?? []) out.push(strip<T>(i));
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  }

  private query<T>(pk: string, prefix: string): Promise<T[]> {
    return this.queryAll<T>({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
      ConsistentRead: true,
    });
  }

  async createCycle(c: Cycle) {
    if (
      !(await this.put({ pk: `AG#${c.agencyId}`, sk: `CY#${c.cycleId}`, ...c }, 'attribute_not_exists(pk)'))
    ) {
      throw new Error(`siklus ${c.cycleId} sudah ada`);
    }
  }

  getCycle(agencyId: string, cycleId: string) {
    return this.get<Cycle>(`AG#${agencyId}`, `CY#${cycleId}`);
  }

  listCycles(agencyId: string) {
    return this.query<Cycle>(`AG#${agencyId}`, 'CY#');
  }

  async setCycleExecution(agencyId: string, cycleId: string, executionArn: string) {
    await this.send('Update', {
      TableName: this.table,
      Key: { pk: `AG#${agencyId}`, sk: `CY#${cycleId}` },
      UpdateExpression: 'SET executionArn = :a',
      ExpressionAttributeValues: { ':a': executionArn },
    });
  }

  async finishCycle(agencyId: string, cycleId: string, at: string) {
    await this.send('Update', {
      TableName: this.table,
      Key: { pk: `AG#${agencyId}`, sk: `CY#${cycleId}` },
      UpdateExpression: 'SET #s = :s, selesai = :t',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': 'selesai', ':t': at },
    });
  }

  stopCycle(agencyId: string, cycleId: string, info: Penghentian) {
    return this.updateIf({
      Key: { pk: `AG#${agencyId}`, sk: `CY#${cycleId}` },
      UpdateExpression: 'SET #s = :stopped, terhenti = :i',
      ConditionExpression: '#s = :running',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':stopped': 'terhenti', ':running': 'berjalan', ':i': info },
    });
  }

  resumeCycle(
    agencyId: string,
    cycleId: string,
    eksekusi: number,
    executionArn: string,
    pindah?: Pemindahan,
  ) {
    const move = pindah
      ? {
          set: ', sopVersi = :v, pindah = list_append(if_not_exists(pindah, :e), :p)',
          values: { ':v': pindah.ke, ':e': [], ':p': [pindah] },
        }
      : { set: '', values: {} };
    return this.updateIf({
      Key: { pk: `AG#${agencyId}`, sk: `CY#${cycleId}` },
      UpdateExpression: `SET #s = :running, eksekusi = :n, executionArn = :a${move.set}`,
      ConditionExpression:
        '(#s = :stopped OR #s = :running) AND (attribute_not_exists(eksekusi) OR eksekusi < :n)',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ':running': 'berjalan',
        ':stopped': 'terhenti',
        ':n': eksekusi,
        ':a': executionArn,
        ...move.values,
      },
    });
  }

  async addCorrection(agencyId: string, cycleId: string, note: Cycle['catatanKoreksi'][number]) {
    await this.send('Update', {
      TableName: this.table,
      Key: { pk: `AG#${agencyId}`, sk: `CY#${cycleId}` },
      UpdateExpression: 'SET catatanKoreksi = list_append(if_not_exists(catatanKoreksi, :e), :n)',
      ExpressionAttributeValues: { ':e': [], ':n': [note] },
    });
  }

  private stepKey(r: Pick<StepRecord, 'agencyId' | 'cycleId' | 'no' | 'unit' | 'putaran'>) {
    return {
      pk: `CY#${r.agencyId}#${r.cycleId}`,
      sk: `STEP#${String(r.no).padStart(2, '0')}#${r.unit}#${String(r.putaran).padStart(3, '0')}`,
    };
  }

  listSteps(agencyId: string, cycleId: string) {
    return this.query<StepRecord>(`CY#${agencyId}#${cycleId}`, 'STEP#');
  }

  putStepIfAbsent(r: StepRecord) {
    return this.put({ ...this.stepKey(r), ...r }, 'attribute_not_exists(pk)');
  }

  async updateStep(r: StepRecord) {
    await this.put({ ...this.stepKey(r), ...r });
  }

  async putTask(t: HumanTask) {
    const keys = {
      pk: `CY#${t.agencyId}#${t.cycleId}`,
      sk: `TASK#${t.taskId}`,
      gsi1pk: `ORANG#${t.assignee.email.toLowerCase()}`,
      gsi1sk: t.dibuat,
      ...(t.status === 'terbuka' ? { gsi2pk: 'TERBUKA', gsi2sk: t.tenggat } : {}),
    };
    // A retried or resumed invocation of the same wait keeps the task and its links (its token is
    // written apart: putTaskToken).
    return this.put({ ...keys, ...t }, 'attribute_not_exists(pk)');
  }

  async putTaskToken(t: TaskRef, token: string) {
    await this.put({ ...tokenKey(t), token });
  }

  async getTaskToken(t: TaskRef) {
    return (await this.get<{ token: string }>(tokenKey(t).pk, tokenKey(t).sk))?.token;
  }

  getTask(agencyId: string, cycleId: string, taskId: string) {
    return this.get<HumanTask>(`CY#${agencyId}#${cycleId}`, `TASK#${taskId}`);
  }

  async putLink(l: TaskLink) {
    const ttl = Math.floor(Date.parse(l.kedaluwarsa) / 1000) + LINK_KEPT_AFTER_EXPIRY_DAYS * 86_400;
    await this.put(
      { pk: `LINK#${l.hash}`, sk: 'LINK', ...l, [TTL_ATTRIBUTE]: ttl },
      'attribute_not_exists(pk)',
    );
  }

  getLink(hash: string) {
    return this.get<TaskLink>(`LINK#${hash}`, 'LINK');
  }

  listTasks(agencyId: string, cycleId: string) {
    return this.query<HumanTask>(`CY#${agencyId}#${cycleId}`, 'TASK#');
  }

  listTasksOf(email: string) {
    return this.queryIndex<HumanTask>('gsi1', 'gsi1pk', `ORANG#${email.toLowerCase()}`);
  }

  listOpenTasks() {
    return this.queryIndex<HumanTask>('gsi2', 'gsi2pk', 'TERBUKA');
  }

  private queryIndex<T>(index: string, key: string, value: string): Promise<T[]> {
    return this.queryAll<T>({
      IndexName: index,
      KeyConditionExpression: '#k = :v',
      ExpressionAttributeNames: { '#k': key },
      ExpressionAttributeValues: { ':v': value },
    });
  }

  /** A single-item conditional update: true when it applied, false when its condition did not hold. */
  private async updateIf(input: Omit<UpdateCommandInput, 'TableName'>): Promise<boolean> {
    try {
      await this.send('Update', { TableName: this.table, ...input });
      return true;
    } catch (e) {
      if ((e as Error).name === 'ConditionalCheckFailedException') return false;
      throw e;
    }
  }

  async markReminder(agencyId: string, cycleId: string, taskId: string, threshold: string, at: string) {
    const Key = { pk: `CY#${agencyId}#${cycleId}`, sk: `TASK#${taskId}` };
    const open = { ExpressionAttributeNames: { '#s': 'status' }, ConditionExpression: '#s = :open' };
    // The map must exist before one of its keys can be set conditionally.
    if (
      !(await this.updateIf({
        Key,
        ...open,
        UpdateExpression: 'SET pengingat = if_not_exists(pengingat, :e)',
        ExpressionAttributeValues: { ':e': {}, ':open': 'terbuka' },
      }))
    ) {
      return false;
    }
    return this.updateIf({
      Key,
      UpdateExpression: 'SET pengingat.#t = :at',
      ConditionExpression: '#s = :open AND attribute_not_exists(pengingat.#t)',
      ExpressionAttributeNames: { '#s': 'status', '#t': threshold },
      ExpressionAttributeValues: { ':at': at, ':open': 'terbuka' },
    });
  }

  decideTask(agencyId: string, cycleId: string, taskId: string, k: Keputusan) {
    return this.updateIf({
      Key: { pk: `CY#${agencyId}#${cycleId}`, sk: `TASK#${taskId}` },
      // Stays in the sparse index of open tasks until the workflow took the answer (markDelivered).
      UpdateExpression: 'SET #s = :decided, keputusan = :k',
      ConditionExpression: '#s = :open',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':decided': 'diputuskan', ':open': 'terbuka', ':k': k },
    });
  }

  async putActing(r: PelaksanaTugasRecord) {
    await this.put({ pk: `AG#${r.agencyId}`, sk: `PLT#${r.id}`, ...r });
  }

  listActing(agencyId: string) {
    return this.query<PelaksanaTugasRecord>(`AG#${agencyId}`, 'PLT#');
  }

  delegateTask(agencyId: string, cycleId: string, taskId: string, fromEmail: string, d: Delegasi) {
    return this.updateIf({
      Key: { pk: `CY#${agencyId}#${cycleId}`, sk: `TASK#${taskId}` },
      // The person index follows the task to its new holder.
      UpdateExpression:
        'SET assignee = :to, gsi1pk = :g, delegasi = list_append(if_not_exists(delegasi, :none), :d)',
      ConditionExpression: '#s = :open AND assignee.email = :from',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ':to': d.kepada,
        ':g': `ORANG#${d.kepada.email.toLowerCase()}`,
        ':none': [],
        ':d': [d],
        ':open': 'terbuka',
        ':from': fromEmail,
      },
    });
  }

  markDelivered(agencyId: string, cycleId: string, taskId: string) {
    return this.updateIf({
      Key: { pk: `CY#${agencyId}#${cycleId}`, sk: `TASK#${taskId}` },
      // Leaving the sparse index of open tasks: the sweep never sees a finished task.
      UpdateExpression: 'SET #s = :done REMOVE gsi2pk, gsi2sk',
      ConditionExpression: '#s = :decided',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':done': 'selesai', ':decided': 'diputuskan' },
    });
  }

  async putUpload(u: UploadRecord) {
    await this.put(
      { pk: `CY#${u.agencyId}#${u.cycleId}`, sk: `UP#${u.uploadId}`, ...u },
      'attribute_not_exists(pk)',
    );
  }

  getUpload(agencyId: string, cycleId: string, uploadId: string) {
    return this.get<UploadRecord>(`CY#${agencyId}#${cycleId}`, `UP#${uploadId}`);
  }

  settleUpload(u: UploadRecord, from: UploadRecord['status']) {
    return this.put(
      { pk: `CY#${u.agencyId}#${u.cycleId}`, sk: `UP#${u.uploadId}`, ...u },
      '#s = :from',
      { '#s': 'status' },
      { ':from': from },
    );
  }

  listUploads(agencyId: string, cycleId: string) {
    return this.query<UploadRecord>(`CY#${agencyId}#${cycleId}`, 'UP#');
  }

  markOnce(agencyId: string, cycleId: string, key: string) {
    return this.put(
      { pk: `CY#${agencyId}#${cycleId}`, sk: `SEKALI#${key}`, waktu: new Date().toISOString() },
      'attribute_not_exists(pk)',
    );
  }

  async allocateLetterNumber(agencyId: string, tahun: number, key: string) {
    const pk = `AG#${agencyId}`;
    const sk = `SURAT#${tahun}`;
    const existing = await this.get<{ alloc?: Record<string, number> }>(pk, sk);
    if (existing?.alloc?.[key] !== undefined) return existing.alloc[key]!;
    if (!existing) await this.put({ pk, sk, n: 0, alloc: {} }, 'attribute_not_exists(pk)');
    try {
      // Both operands read the item before the update, so the serial and the allocation are the same number.
      const r = await this.send('Update', {
        TableName: this.table,
        Key: { pk, sk },
        UpdateExpression: 'SET #n = #n + :one, #alloc.#k = #n + :one',
        ConditionExpression: 'attribute_not_exists(#alloc.#k)',
        ExpressionAttributeNames: { '#n': 'n', '#alloc': 'alloc', '#k': key },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'ALL_NEW',
      });
      return (r.Attributes?.alloc as Record<string, number>)[key]!;
    } catch (e) {
      if ((e as Error).name !== 'ConditionalCheckFailedException') throw e;
      const again = await this.get<{ alloc: Record<string, number> }>(pk, sk);
      return again!.alloc[key]!;
    }
  }

  // ----- One cycle per period, links that keep working, failed uploads (issue 7, parts 6–8) -------

  private claimKey(agencyId: string, sopId: string, tahun: number, periode: string) {
    return { pk: `AG#${agencyId}`, sk: `KLAIM#${sopId}#${tahun}#${periode}` };
  }

  getCycleClaim(agencyId: string, sopId: string, tahun: number, periode: CycleClaim['periode']) {
    const { pk, sk } = this.claimKey(agencyId, sopId, tahun, periode);
    return this.get<CycleClaim>(pk, sk);
  }

  claimCycle(c: CycleClaim, replacing?: string) {
    const item = { ...this.claimKey(c.agencyId, c.sopId, c.tahun, c.periode), ...c };
    if (replacing === undefined) return this.put(item, 'attribute_not_exists(pk)');
    return this.put(item, 'attribute_not_exists(pk) OR cycleId = :r', undefined, { ':r': replacing });
  }

  async releaseCycleClaim(c: CycleClaim) {
    try {
      await this.send('Delete', {
        TableName: this.table,
        Key: this.claimKey(c.agencyId, c.sopId, c.tahun, c.periode),
        ConditionExpression: 'cycleId = :c',
        ExpressionAttributeValues: { ':c': c.cycleId },
      });
    } catch (e) {
      if ((e as Error).name !== 'ConditionalCheckFailedException') throw e;
    }
  }

  async noteLinkExpiry(agencyId: string, cycleId: string, taskId: string, kedaluwarsa: string) {
    await this.updateIf({
      Key: { pk: `CY#${agencyId}#${cycleId}`, sk: `TASK#${taskId}` },
      UpdateExpression: 'SET tautanBerakhir = :k',
      ConditionExpression:
        'attribute_exists(pk) AND (attribute_not_exists(tautanBerakhir) OR tautanBerakhir < :k)',
      ExpressionAttributeValues: { ':k': kedaluwarsa },
    });
  }

  markResend(agencyId: string, cycleId: string, subject: string, at: string, notBefore: string) {
    return this.put(
      { pk: `CY#${agencyId}#${cycleId}`, sk: `KIRIM#${subject}`, terakhir: at },
      'attribute_not_exists(pk) OR terakhir < :nb',
      undefined,
      { ':nb': notBefore },
    );
  }

  async putAccessLink(l: AccessLink) {
    const ttl = Math.floor(Date.parse(l.kedaluwarsa) / 1000) + LINK_KEPT_AFTER_EXPIRY_DAYS * 86_400;
    await this.put(
      { pk: `LINK#${l.hash}`, sk: 'AKSES', ...l, [TTL_ATTRIBUTE]: ttl },
      'attribute_not_exists(pk)',
    );
  }

  getAccessLink(hash: string) {
    return this.get<AccessLink>(`LINK#${hash}`, 'AKSES');
  }

  failUpload(agencyId: string, cycleId: string, uploadId: string, gagal: { alasan: string; waktu: string }) {
    return this.updateIf({
      Key: { pk: `CY#${agencyId}#${cycleId}`, sk: `UP#${uploadId}` },
      UpdateExpression: 'SET #s = :g, gagal = :why',
      ConditionExpression: '#s IN (:m, :g)',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':g': 'gagal', ':m': 'menunggu', ':why': gagal },
    });
  }

  putVerification(v: Verifikasi) {
    return this.put({ pk: `VER#${v.id}`, sk: 'VERIFIKASI', ...v }, 'attribute_not_exists(pk)');
  }

  getVerification(id: string) {
    return this.get<Verifikasi>(`VER#${id}`, 'VERIFIKASI');
  }

  async getCertificate(agencyId: string) {
    return (await this.get<{ pem: string }>(`AG#${agencyId}`, 'TTE#SERTIFIKAT'))?.pem;
  }

  putCertificateIfAbsent(agencyId: string, pem: string) {
    return this.put({ pk: `AG#${agencyId}`, sk: 'TTE#SERTIFIKAT', pem }, 'attribute_not_exists(pk)');
  }
}

/** A task's token lives apart from the task: the functions that read tasks need not read tokens. */
function tokenKey(t: TaskRef) {
  return { pk: `TOKEN#${t.agencyId}#${t.cycleId}`, sk: `TASK#${t.taskId}` };
}

function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, gsi2pk: _g3, gsi2sk: _g4, ttl: _ttl, ...rest } = item;
  return rest as T;
}

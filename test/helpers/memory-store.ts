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
  Person,
  StepRecord,
  TaskLink,
  UploadRecord,
  Verifikasi,
} from '../../lib/cycle/model.ts';
import type { CycleStore, TaskRef } from '../../lib/cycle/ports.ts';

type Item = Record<string, unknown>;
type Index = 'gsi1' | 'gsi2';

/**
 * A CycleStore in memory for fast unit tests, kept honest by test/helpers/store-contract.ts, which runs
 * the same spec against this and the DynamoDB adapter on dynalite.
 *
 * It lays items out like lib/adapters/dynamodb-store.ts (the same pk/sk strings and sparse indexes), so
 * ordering, key prefixes and conditional writes behave alike by construction. Every operation is
 * synchronous inside, which is exactly DynamoDB's single-item atomicity. Items are copied through JSON
 * in and out: callers cannot reach stored state, and undefined attributes vanish as they do with the
 * adapter's `removeUndefinedValues`.
 */
export class MemoryCycleStore implements CycleStore {
  private readonly items = new Map<string, Item>();

  /** How many items are stored (a cheap check that a refused write wrote nothing). */
  get size(): number {
    return this.items.size;
  }

  // ----- the table --------------------------------------------------------------------------------

  private id(pk: string, sk: string) {
    return `${pk}\u0000${sk}`;
  }

  /** PutItem, optionally with `attribute_not_exists(pk)`: false when the condition failed. */
  private put(item: Item, ifAbsent = false): boolean {
    const id = this.id(item.pk as string, item.sk as string);
    if (ifAbsent && this.items.has(id)) return false;
    this.items.set(id, copy(item));
    return true;
  }

  private get<T>(pk: string, sk: string): T | undefined {
    const item = this.items.get(this.id(pk, sk));
    return item ? strip<T>(item) : undefined;
  }

  /**
   * UpdateItem: `change` edits a copy of the item (absent: only its keys, as an update creates the item
   * unless a condition requires it); the write applies only when `condition` holds.
   */
  private update(pk: string, sk: string, change: (i: Item) => void, condition?: (i?: Item) => boolean) {
    const id = this.id(pk, sk);
    const current = this.items.get(id);
    if (condition && !condition(current)) return false;
    const next = copy(current ?? { pk, sk });
    change(next);
    this.items.set(id, copy(next));
    return true;
  }

  /** Query on the table: one partition, a sort-key prefix, by sort key. */
  private query<T>(pk: string, prefix: string): T[] {
    return [...this.items.values()]
      .filter((i) => i.pk === pk && (i.sk as string).startsWith(prefix))
      .sort((a, b) => cmp(a.sk, b.sk))
      .map((i) => strip<T>(i));
  }

  /** Query on a sparse index: only items carrying its keys, by index sort key (ties by table key). */
  private queryIndex<T>(index: Index, value: string): T[] {
    const [pk, sk] = [`${index}pk`, `${index}sk`];
    return [...this.items.values()]
      .filter((i) => i[pk] === value)
      .sort((a, b) => cmp(a[sk], b[sk]) || cmp(a.pk, b.pk) || cmp(a.sk, b.sk))
      .map((i) => strip<T>(i));
  }

  // ----- cycles -----------------------------------------------------------------------------------

  async createCycle(c: Cycle) {
    if (!this.put({ pk: `AG#${c.agencyId}`, sk: `CY#${c.cycleId}`, ...c }, true))
      throw new Error(`siklus ${c.cycleId} sudah ada`);
  }

  async getCycle(agencyId: string, cycleId: string) {
    return this.get<Cycle>(`AG#${agencyId}`, `CY#${cycleId}`);
  }

  async listCycles(agencyId: string) {
    return this.query<Cycle>(`AG#${agencyId}`, 'CY#');
  }

  async setCycleExecution(agencyId: string, cycleId: string, executionArn: string) {
    this.update(`AG#${agencyId}`, `CY#${cycleId}`, (i) => {
      i.executionArn = executionArn;
    });
  }

  async finishCycle(agencyId: string, cycleId: string, at: string) {
    this.update(`AG#${agencyId}`, `CY#${cycleId}`, (i) => {
      i.status = 'selesai';
      i.selesai = at;
    });
  }

  async stopCycle(agencyId: string, cycleId: string, info: Penghentian) {
    return this.update(
      `AG#${agencyId}`,
      `CY#${cycleId}`,
      (i) => {
        i.status = 'terhenti';
        i.terhenti = info;
      },
      (i) => i?.status === 'berjalan',
    );
  }

  async resumeCycle(
    agencyId: string,
    cycleId: string,
    eksekusi: number,
    executionArn: string,
    pindah?: Pemindahan,
  ) {
    return this.update(
      `AG#${agencyId}`,
      `CY#${cycleId}`,
      (i) => {
        i.status = 'berjalan';
        i.eksekusi = eksekusi;
        i.executionArn = executionArn;
        if (pindah) {
          i.sopVersi = pindah.ke;
          i.pindah = [...((i.pindah as unknown[]) ?? []), pindah];
        }
      },
      (i) =>
        (i?.status === 'terhenti' || i?.status === 'berjalan') &&
        (i.eksekusi === undefined || (i.eksekusi as number) < eksekusi),
    );
  }

  async addCorrection(agencyId: string, cycleId: string, note: Cycle['catatanKoreksi'][number]) {
    this.update(`AG#${agencyId}`, `CY#${cycleId}`, (i) => {
      i.catatanKoreksi = [...((i.catatanKoreksi as unknown[]) ?? []), note];
    });
  }

  // ----- steps ------------------------------------------------------------------------------------

  private stepKey(r: Pick<StepRecord, 'agencyId' | 'cycleId' | 'no' | 'unit' | 'putaran'>) {
    return {
      pk: `CY#${r.agencyId}#${r.cycleId}`,
      sk: `STEP#${String(r.no).padStart(2, '0')}#${r.unit}#${String(r.putaran).padStart(3, '0')}`,
    };
  }

  async listSteps(agencyId: string, cycleId: string) {
    return this.query<StepRecord>(`CY#${agencyId}#${cycleId}`, 'STEP#');
  }

  async putStepIfAbsent(r: StepRecord) {
    return this.put({ ...this.stepKey(r), ...r }, true);
  }

  async updateStep(r: StepRecord) {
    this.put({ ...this.stepKey(r), ...r });
  }

  // ----- tasks, reminders, links, decisions ------------------------------------------------------

  async putTask(t: HumanTask) {
    const keys = {
      pk: `CY#${t.agencyId}#${t.cycleId}`,
      sk: `TASK#${t.taskId}`,
      gsi1pk: `ORANG#${t.assignee.email.toLowerCase()}`,
      gsi1sk: t.dibuat,
      ...(t.status === 'terbuka' ? { gsi2pk: 'TERBUKA', gsi2sk: t.tenggat } : {}),
    };
    return this.put({ ...keys, ...t }, true);
  }

  async putTaskToken(t: TaskRef, token: string) {
    this.put({ pk: `TOKEN#${t.agencyId}#${t.cycleId}`, sk: `TASK#${t.taskId}`, token }, false);
  }

  async getTaskToken(t: TaskRef) {
    return this.get<{ token: string }>(`TOKEN#${t.agencyId}#${t.cycleId}`, `TASK#${t.taskId}`)?.token;
  }

  async getTask(agencyId: string, cycleId: string, taskId: string) {
    return this.get<HumanTask>(`CY#${agencyId}#${cycleId}`, `TASK#${taskId}`);
  }

  async listTasks(agencyId: string, cycleId: string) {
    return this.query<HumanTask>(`CY#${agencyId}#${cycleId}`, 'TASK#');
  }

  async listTasksOf(email: string) {
    return this.queryIndex<HumanTask>('gsi1', `ORANG#${email.toLowerCase()}`);
  }

  async listOpenTasks() {
    return this.queryIndex<HumanTask>('gsi2', 'TERBUKA');
  }

  async markReminder(agencyId: string, cycleId: string, taskId: string, threshold: string, at: string) {
    return this.update(
      `CY#${agencyId}#${cycleId}`,
      `TASK#${taskId}`,
      (i) => {
        i.pengingat = { ...(i.pengingat as object), [threshold]: at };
      },
      (i) => isOpen(i) && (i!.pengingat as Record<string, string> | undefined)?.[threshold] === undefined,
    );
  }

  async putLink(l: TaskLink) {
    this.put({ pk: `LINK#${l.hash}`, sk: 'LINK', ...l }, true);
  }

  async getLink(hash: string) {
    return this.get<TaskLink>(`LINK#${hash}`, 'LINK');
  }

  async decideTask(agencyId: string, cycleId: string, taskId: string, k: Keputusan) {
    return this.update(
      `CY#${agencyId}#${cycleId}`,
      `TASK#${taskId}`,
      (i) => {
        // Stays in the open-task index until delivered, as the adapter does.
        i.status = 'diputuskan';
        i.keputusan = k;
      },
      isOpen,
    );
  }

  async putActing(r: PelaksanaTugasRecord) {
    this.put({ pk: `AG#${r.agencyId}`, sk: `PLT#${r.id}`, ...r });
  }

  async listActing(agencyId: string) {
    return this.query<PelaksanaTugasRecord>(`AG#${agencyId}`, 'PLT#');
  }

  async delegateTask(agencyId: string, cycleId: string, taskId: string, fromEmail: string, d: Delegasi) {
    return this.update(
      `CY#${agencyId}#${cycleId}`,
      `TASK#${taskId}`,
      (i) => {
        i.assignee = d.kepada;
        i.gsi1pk = `ORANG#${d.kepada.email.toLowerCase()}`;
        i.delegasi = [...((i.delegasi as Delegasi[] | undefined) ?? []), d];
      },
      (i) => isOpen(i) && (i!.assignee as Person).email === fromEmail,
    );
  }

  async markDelivered(agencyId: string, cycleId: string, taskId: string) {
    return this.update(
      `CY#${agencyId}#${cycleId}`,
      `TASK#${taskId}`,
      (i) => {
        i.status = 'selesai';
        // Leaving the sparse index of open tasks, as the adapter does.
        delete i.gsi2pk;
        delete i.gsi2sk;
      },
      (i) => i?.status === 'diputuskan',
    );
  }

  // ----- uploads ----------------------------------------------------------------------------------

  async putUpload(u: UploadRecord) {
    this.put({ pk: `CY#${u.agencyId}#${u.cycleId}`, sk: `UP#${u.uploadId}`, ...u }, true);
  }

  async getUpload(agencyId: string, cycleId: string, uploadId: string) {
    return this.get<UploadRecord>(`CY#${agencyId}#${cycleId}`, `UP#${uploadId}`);
  }

  async settleUpload(u: UploadRecord, from: UploadRecord['status']) {
    const id = this.id(`CY#${u.agencyId}#${u.cycleId}`, `UP#${u.uploadId}`);
    if (this.items.get(id)?.status !== from) return false;
    this.items.set(id, copy({ pk: `CY#${u.agencyId}#${u.cycleId}`, sk: `UP#${u.uploadId}`, ...u }));
    return true;
  }

  async listUploads(agencyId: string, cycleId: string) {
    return this.query<UploadRecord>(`CY#${agencyId}#${cycleId}`, 'UP#');
  }

  // ----- letter numbers ---------------------------------------------------------------------------

  async markOnce(agencyId: string, cycleId: string, key: string) {
    return this.put({ pk: `CY#${agencyId}#${cycleId}`, sk: `SEKALI#${key}` }, true);
  }

  async allocateLetterNumber(agencyId: string, tahun: number, key: string) {
    const [pk, sk] = [`AG#${agencyId}`, `SURAT#${tahun}`];
    this.update(pk, sk, (i) => {
      const alloc = (i.alloc ?? {}) as Record<string, number>;
      if (alloc[key] !== undefined) return;
      i.n = ((i.n as number | undefined) ?? 0) + 1;
      i.alloc = { ...alloc, [key]: i.n };
    });
    return this.get<{ alloc: Record<string, number> }>(pk, sk)!.alloc[key]!;
  }

  // ----- one cycle per period, links that keep working, failed uploads ----------------------------

  private claimKey(agencyId: string, sopId: string, tahun: number, periode: string) {
    return { pk: `AG#${agencyId}`, sk: `KLAIM#${sopId}#${tahun}#${periode}` };
  }

  async getCycleClaim(agencyId: string, sopId: string, tahun: number, periode: CycleClaim['periode']) {
    const { pk, sk } = this.claimKey(agencyId, sopId, tahun, periode);
    return this.get<CycleClaim>(pk, sk);
  }

  async claimCycle(c: CycleClaim, replacing?: string) {
    const { pk, sk } = this.claimKey(c.agencyId, c.sopId, c.tahun, c.periode);
    return this.update(
      pk,
      sk,
      (i) => Object.assign(i, c),
      (i) => i === undefined || (replacing !== undefined && i.cycleId === replacing),
    );
  }

  async releaseCycleClaim(c: CycleClaim) {
    const { pk, sk } = this.claimKey(c.agencyId, c.sopId, c.tahun, c.periode);
    if (this.items.get(this.id(pk, sk))?.cycleId === c.cycleId) this.items.delete(this.id(pk, sk));
  }

  async noteLinkExpiry(agencyId: string, cycleId: string, taskId: string, kedaluwarsa: string) {
    this.update(
      `CY#${agencyId}#${cycleId}`,
      `TASK#${taskId}`,
      (i) => {
        i.tautanBerakhir = kedaluwarsa;
      },
      (i) => i !== undefined && (i.tautanBerakhir === undefined || cmp(i.tautanBerakhir, kedaluwarsa) < 0),
    );
  }

  async markResend(agencyId: string, cycleId: string, subject: string, at: string, notBefore: string) {
    return this.update(
      `CY#${agencyId}#${cycleId}`,
      `KIRIM#${subject}`,
      (i) => {
        i.terakhir = at;
      },
      (i) => i === undefined || cmp(i.terakhir, notBefore) < 0,
    );
  }

  async putAccessLink(l: AccessLink) {
    this.put({ pk: `LINK#${l.hash}`, sk: 'AKSES', ...l }, true);
  }

  async getAccessLink(hash: string) {
    return this.get<AccessLink>(`LINK#${hash}`, 'AKSES');
  }

  async failUpload(
    agencyId: string,
    cycleId: string,
    uploadId: string,
    gagal: { alasan: string; waktu: string },
  ) {
    return this.update(
      `CY#${agencyId}#${cycleId}`,
      `UP#${uploadId}`,
      (i) => {
        i.status = 'gagal';
        i.gagal = gagal;
      },
      (i) => i?.status === 'menunggu' || i?.status === 'gagal',
    );
  }
  async putVerification(v: Verifikasi) {
    return this.put({ pk: `VER#${v.id}`, sk: 'VERIFIKASI', ...v }, true);
  }

  async getVerification(id: string) {
    return this.get<Verifikasi>(`VER#${id}`, 'VERIFIKASI');
  }

  async getCertificate(agencyId: string) {
    return this.get<{ pem: string }>(`AG#${agencyId}`, 'TTE#SERTIFIKAT')?.pem;
  }

  async putCertificateIfAbsent(agencyId: string, pem: string) {
    return this.put({ pk: `AG#${agencyId}`, sk: 'TTE#SERTIFIKAT', pem }, true);
  }
}

function isOpen(i?: Item): boolean {
  return i?.status === 'terbuka';
}

/** DynamoDB orders string keys by their bytes; for the ASCII keys used here that is code-unit order. */
function cmp(a: unknown, b: unknown): number {
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function copy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function strip<T>(item: Item): T {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, gsi2pk: _g3, gsi2sk: _g4, ...rest } = item;
  return copy(rest) as T;
}

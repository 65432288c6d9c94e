import { expect } from 'vitest';
import { type Catalogue, loadCatalogue } from '../../lib/catalogue.ts';
import { setActing } from '../../lib/cycle/acting.ts';
import { finishStep, openHumanTask, startStep } from '../../lib/cycle/engine.ts';
import type { HumanTask, Keputusan, SiklusRef } from '../../lib/cycle/model.ts';
import { decide } from '../../lib/cycle/people.ts';
import type { Mail } from '../../lib/cycle/ports.ts';
import { startCycle } from '../../lib/cycle/start.ts';
import { linkIdIn, type MemoryCycleStore, type MemoryPorts, memoryPorts } from './memory-ports.ts';

/** Monday 5 January 2026, 08:00 WITA: inside working hours of the Balangan agency. */
export const SENIN_PAGI = '2026-01-05T00:00:00.000Z';

export const BALANGAN = {
  agencyId: 'dkukmtk-balangan',
  sopId: 'dkukmtk-balangan-lakip',
  kepala: 'kepala@dkukmtk.balangan.example',
  sekretaris: 'sekretaris@dkukmtk.balangan.example',
  perencanaan: 'perencanaan@dkukmtk.balangan.example',
  staf: 'staf@dkukmtk.balangan.example',
  kabid: (unit: string) => `${unit}.kepala@dkukmtk.balangan.example`,
} as const;

let catalogue: Catalogue | undefined;
/** The real catalogue (the seed SOPs and agencies in config/), loaded once per test file. */
export function seedCatalogue(): Catalogue {
  catalogue ??= loadCatalogue('config');
  return catalogue;
}

/**
 * One cycle of the Balangan LAKIP SOP on in-memory ports, and the moves the state machine would make.
 * Every human answer goes the way a person's does: through the link in the assignment email.
 */
export class CycleRun {
  readonly ports: MemoryPorts;
  /** The deployed catalogue; a test may swap it mid-cycle, as a deployment of new SOP files does. */
  cat: Catalogue;
  siklus!: SiklusRef;
  private tokens = 0;

  constructor(opts: { now?: string; store?: MemoryCycleStore; cat?: Catalogue } = {}) {
    this.ports = memoryPorts({ now: opts.now ?? SENIN_PAGI, store: opts.store });
    this.cat = opts.cat ?? seedCatalogue();
  }

  /** `ulang`: a second run on a shared store repeats the period (one cycle per period otherwise). */
  async start(opts: { ulang?: boolean } = {}): Promise<this> {
    const c = await startCycle(this.ports, this.cat, {
      agencyId: BALANGAN.agencyId,
      sopId: BALANGAN.sopId,
      tahun: 2025,
      ulang: opts.ulang,
    });
    // What the state machine carries: the execution input's `siklus`.
    this.siklus = (this.ports.workflow.started.at(-1)!.input as { siklus: SiklusRef }).siklus;
    expect(this.siklus).toMatchObject({ cycleId: c.cycleId, sopVersi: c.sopVersi });
    return this;
  }

  payload(no: number, unit?: string) {
    const nama = unit && this.cat.agencies.get(this.siklus.agencyId)?.unit.find((u) => u.id === unit)?.nama;
    return { siklus: this.siklus, no, ...(unit ? { unit: { id: unit, nama: nama ?? unit } } : {}) };
  }

  /** Mails sent since `from` (an index into the mailer's list). */
  mailsSince(from: number): Mail[] {
    return this.ports.mailer.sent.slice(from);
  }

  /**
   * The step's mulai state then its waiting state: returns the new task, its token and the assignment
   * email (exactly one must have been sent).
   */
  async open(
    no: number,
    unit?: string,
  ): Promise<{ task: HumanTask; token: string; mail: Mail; linkId: string }> {
    await startStep(this.ports, this.cat, { ...this.payload(no, unit), fase: 'mulai' });
    const token = `token-${no}-${++this.tokens}`;
    const before = this.ports.mailer.sent.length;
    const { taskId } = await openHumanTask(this.ports, this.cat, {
      ...this.payload(no, unit),
      taskToken: token,
    });
    const assigned = this.mailsSince(before).filter((m) => m.subject.includes(`Tugas langkah ${no}:`));
    expect(assigned).toHaveLength(1);
    const task = (await this.ports.store.getTask(this.siklus.agencyId, this.siklus.cycleId, taskId))!;
    return { task, token, mail: assigned[0]!, linkId: linkIdIn(assigned[0]!) };
  }

  /** The selesai state, with the output the task token was resumed with (as the state machine passes it). */
  finish(no: number, token: string, unit?: string) {
    const keputusan = this.ports.workflow.outputOf<Keputusan>(token);
    expect(keputusan, `token ${token} belum dilanjutkan`).toBeDefined();
    return finishStep(this.ports, this.cat, { ...this.payload(no, unit), fase: 'selesai', keputusan });
  }

  /** A whole human step: open it, answer through the email's link, finish it. */
  async act(no: number, hasil: 'selesai' | 'setuju' | 'kembali', catatan = '', unit?: string) {
    const opened = await this.open(no, unit);
    const outcome = await decide(this.ports, this.cat, opened.linkId, { hasil, catatan });
    expect(outcome).toMatchObject({ ok: true });
    return { ...opened, result: await this.finish(no, opened.token, unit) };
  }

  async steps(no: number, unit = '-') {
    return (await this.ports.store.listSteps(this.siklus.agencyId, this.siklus.cycleId)).filter(
      (r) => r.no === no && r.unit === unit,
    );
  }

  async cycle() {
    return (await this.ports.store.getCycle(this.siklus.agencyId, this.siklus.cycleId))!;
  }

  /** Records a Plt. Kepala Dinas for today (the clock's day in WITA), as an operator would. */
  async actingKepalaToday(email: string, nama = 'Siti Aminah (contoh)') {
    const day = new Date(this.ports.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const agency = this.cat.agencies.get(this.siklus.agencyId)!;
    await setActing(this.ports, agency, {
      jabatan: 'kepala',
      jenis: 'Plt.',
      nama,
      email,
      mulai: day,
      selesai: day,
    });
  }
}

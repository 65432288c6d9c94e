import { holderAt } from '../agency/offices.ts';
import { deadline, workingMinutesBetween } from '../calendar/working-time.ts';
import { batasKerja } from '../data/batas.ts';
import { actorRole, type Catalogue, sopOf } from '../data/catalogue.ts';
import { assignmentMail, decisionMail } from '../mail/messages.ts';
import { actingOf, officeHolderNow, personOf } from './acting.ts';
import { mailCycleCompleted } from './completion-mail.ts';
import { actorOf, pelaksanaOf, type StepContext, stepContext, taskIdOf } from './context.ts';
import { deliverDecision } from './decisions.ts';
import { issueLink } from './issue-link.ts';
import type { Cycle, HumanTask, Person, SiklusRef, StepRecord } from './model.ts';
import { FASE, HASIL_KEMBALI, type StepPayload, type StepResult, type TaskPayload } from './payload.ts';
import type { Ports } from './ports.ts';
import { STEP_KINDS } from './steps/index.ts';
import { cycleRecords, latestDocuments } from './steps/shared.ts';

export type { StepPayload, StepResult, TaskPayload } from './payload.ts';

class CycleNotFound extends Error {}

/** What a step state passes on: which record it wrote, and the documents it holds (no secrets). */
function resultOf(r: StepRecord): StepResult {
  return {
    no: r.no,
    unit: r.unit,
    putaran: r.putaran,
    berkas: r.berkas.map(({ label, key }) => ({ label, key })),
  };
}

async function loadCycle(ports: Ports, s: SiklusRef): Promise<Cycle> {
  const c = await ports.store.getCycle(s.agencyId, s.cycleId);
  if (!c) throw new CycleNotFound(`siklus ${s.cycleId} tidak ada di instansi ${s.agencyId}`);
  return c;
}

/**
 * The records of a step in its scope (the unit's, or the cycle's): the open one (one at most: steps of a
 * cycle run one after another), the latest finished one, and whether any record of the scope was created
 * after it (by creation order, not by clock: fast steps share a millisecond).
 */
async function openRecord(
  ports: Ports,
  ctx: StepContext,
): Promise<{ open?: StepRecord; count: number; last?: StepRecord; laterInScope: boolean; urutan: number }> {
  const unit = ctx.unit?.id ?? '-';
  const all = await ports.store.listSteps(ctx.siklus.agencyId, ctx.siklus.cycleId);
  const mine = all.filter((r) => r.no === ctx.step.no && r.unit === unit);
  const last = mine
    .filter((r) => r.selesai)
    .sort((a, b) => a.putaran - b.putaran)
    .at(-1);
  const laterInScope =
    !!last && all.some((r) => (unit === '-' || r.unit === unit) && (r.urutan ?? 0) > (last.urutan ?? 0));
  return {
    open: mine.find((r) => !r.selesai),
    count: mine.length,
    last,
    laterInScope,
    urutan: all.length + 1,
  };
}

/**
 * Starts a step: records who is accountable, when it started and its deadline from the mutu baku,
 * then does the system's part. Safe to retry: a retried invocation finds the open record and reuses it.
 */
export async function startStep(ports: Ports, cat: Catalogue, p: StepPayload): Promise<StepResult> {
  const ctx = stepContext(cat, p.siklus, p.no, p.unit?.id);
  const cycle = await loadCycle(ports, p.siklus);
  const { open, count, last, laterInScope, urutan } = await openRecord(ports, ctx);
  // A retried invocation of a step that already finished (its result was lost): nothing started after
  // it in its scope, so this is not a new pass (a return from a later decision would have started one).
  if (!open && last?.selesai && !laterInScope) return resultOf(last);
  let record = open;
  if (!record) {
    const now = ports.clock.now();
    const { peran } = pelaksanaOf(ctx);
    const batas = batasKerja(ctx.step, ctx.sop, ctx.agency);
    // The catalogue refuses an SOP whose step has neither a waktu nor a waktu_bawaan to fall back on.
    if (!batas)
      throw new Error(`langkah ${ctx.step.no} SOP ${ctx.sop.id} tidak punya waktu maupun waktu_bawaan`);
    record = {
      agencyId: ctx.siklus.agencyId,
      cycleId: ctx.siklus.cycleId,
      no: ctx.step.no,
      unit: ctx.unit?.id ?? '-',
      putaran: count + 1,
      urutan,
      kegiatan: ctx.step.kegiatan,
      jenis: ctx.step.jenis,
      tugas: ctx.step.tugas,
      pelaksana: peran,
      mulai: now.toISOString(),
      tenggat: deadline(ctx.cal, now, batas.waktu).toISOString(),
      waktu: batas.teks,
      output: ctx.step.output,
      berkas: [],
    };
    await ports.store.putStepIfAbsent(record);
  }
  const kind = STEP_KINDS[ctx.step.jenis];
  if (kind.mulai && record.berkas.length === 0) {
    record.berkas = await kind.mulai({ ports, ctx, cycle, putaran: record.putaran });
    await ports.store.updateStep(record);
  }
  return resultOf(record);
}

/** Finishes a step: the system's closing part, then the record of who finished it, when, and whether on time. */
export async function finishStep(ports: Ports, cat: Catalogue, p: StepPayload): Promise<StepResult> {
  const ctx = stepContext(cat, p.siklus, p.no, p.unit?.id);
  const cycle = await loadCycle(ports, p.siklus);
  let { open: record } = await openRecord(ports, ctx);
  if (!record) {
    // Retried after it already finished: report the last record unchanged.
    const all = (await ports.store.listSteps(ctx.siklus.agencyId, ctx.siklus.cycleId)).filter(
      (r) => r.no === p.no && r.unit === (ctx.unit?.id ?? '-'),
    );
    const last = all.sort((a, b) => a.putaran - b.putaran).at(-1);
    if (!last) throw new Error(`langkah ${p.no} belum dimulai`);
    return resultOf(last);
  }
  const keputusan = p.keputusan;
  const retried = (what: string) =>
    ports.store
      .markOnce(ctx.siklus.agencyId, ctx.siklus.cycleId, `${what}/${p.no}/${record!.unit}/${record!.putaran}`)
      .then((first) => !first);
  if (keputusan?.hasil === HASIL_KEMBALI && keputusan.catatan && !(await retried('koreksi'))) {
    await ports.store.addCorrection(ctx.siklus.agencyId, ctx.siklus.cycleId, {
      oleh: `${keputusan.oleh.nama} (${keputusan.oleh.jabatan})`,
      waktu: keputusan.waktu,
      catatan: keputusan.catatan,
      langkah: p.no,
    });
    cycle.catatanKoreksi.push({
      oleh: keputusan.oleh.nama,
      waktu: keputusan.waktu,
      catatan: keputusan.catatan,
      langkah: p.no,
    });
  }
  if (keputusan && ctx.step.tugas === 'keputusan' && ctx.step.kembali_ke !== undefined) {
    // Tell whoever prepared the document: returned with notes, or approved.
    const preparer = actorOf(stepContext(cat, p.siklus, ctx.step.kembali_ke, ctx.unit?.id));
    if (preparer.email !== keputusan.oleh.email && !(await retried('keputusan'))) {
      await ports.mailer.send(
        decisionMail(ctx.agency, preparer, ctx.step.no, ctx.step.kegiatan, keputusan, ctx.step.kembali_ke),
      );
    }
  }
  const kind = STEP_KINDS[ctx.step.jenis];
  const more = kind.selesai
    ? await kind.selesai({ ports, ctx, cycle, putaran: record.putaran, keputusan })
    : [];
  const now =
    keputusan && p.fase === FASE.selesai
      ? new Date(Math.max(new Date(keputusan.waktu).getTime(), ports.clock.now().getTime()))
      : ports.clock.now();
  record = {
    ...record,
    berkas: [...record.berkas, ...more],
    selesai: now.toISOString(),
    menitKerja: Math.round(workingMinutesBetween(ctx.cal, new Date(record.mulai), now) * 100) / 100,
    tepatWaktu: now.getTime() <= new Date(record.tenggat).getTime(),
    oleh: keputusan?.oleh ?? automaticActor(ctx),
    keputusan,
  };
  await ports.store.updateStep(record);
  return resultOf(record);
}

/** Who the system acts for on an automatic step (recorded as the actor). */
function automaticActor(ctx: StepContext): Person {
  const actor = actorOf(ctx);
  return { ...actor, nama: `${actor.nama} (otomatis oleh sistem)` };
}

/** A step with no person: start and finish in one invocation. */
export async function runAutomaticStep(ports: Ports, cat: Catalogue, p: StepPayload): Promise<StepResult> {
  await startStep(ports, cat, { ...p, fase: FASE.mulai });
  return finishStep(ports, cat, { ...p, fase: FASE.otomatis });
}

/**
 * Opens the human part of a step for the person who holds its role, with a deadline in working time,
 * and emails them a link. The link carries a fresh random id; the task token stays in the table.
 * A retried invocation (new token, same task) replaces the token (its own TOKEN# item) and does not email twice.
 */
export async function openHumanTask(
  ports: Ports,
  cat: Catalogue,
  p: TaskPayload,
): Promise<{ taskId: string }> {
  const ctx = stepContext(cat, p.siklus, p.no, p.unit?.id);
  const { open } = await openRecord(ports, ctx);
  if (!open) throw new Error(`langkah ${p.no} belum dimulai`);
  const now = ports.clock.now();
  // An acting official (Plt./Plh.) on the day the task opens takes it, as "Plt. Kepala Dinas".
  const role = actorRole(ctx.sop, ctx.step);
  const assignee = personOf(
    holderAt(
      ctx.agency,
      role.jabatan,
      now,
      await actingOf(ports, ctx.agency.id),
      role.lingkup === 'unit' ? ctx.unit?.id : undefined,
    ),
  );
  const task: HumanTask = {
    agencyId: ctx.siklus.agencyId,
    cycleId: ctx.siklus.cycleId,
    taskId: taskIdOf(open.no, open.unit, open.putaran),
    no: open.no,
    unit: open.unit,
    putaran: open.putaran,
    jenisTugas: ctx.step.tugas,
    kegiatan: ctx.step.kegiatan,
    kelengkapan: ctx.step.kelengkapan,
    output: ctx.step.output,
    assignee,
    tenggat: open.tenggat,
    waktu: open.waktu,
    dibuat: now.toISOString(),
    status: 'terbuka',
    jabatan: role.jabatan,
    berkas: [...open.berkas, ...(await documentsToReview(ports, ctx))],
  };
  // The token first: a task anyone can answer always has the token its answer goes to.
  await ports.store.putTaskToken(task, p.taskToken);
  const created = await ports.store.putTask(task);
  if (created) {
    await ports.mailer.send(
      assignmentMail(ctx.agency, task, await issueLink(ports, task), ctx.sop.identitas.nama),
    );
  } else {
    // Re-opened by a resumed execution: an answer given before (or while the cycle was stopped) goes
    // straight to the new wait, so the person is never asked twice.
    const existing = await ports.store.getTask(task.agencyId, task.cycleId, task.taskId);
    if (existing?.keputusan && existing.status !== 'terbuka')
      await deliverDecision(ports, existing, existing.keputusan, p.taskToken);
  }
  return { taskId: task.taskId };
}

/** The document the step's person judges (its kind says which), carried by the task to download. */
async function documentsToReview(ports: Ports, ctx: StepContext): Promise<StepRecord['berkas']> {
  const kinds = STEP_KINDS[ctx.step.jenis].meninjau;
  if (!kinds) return [];
  return latestDocuments(await cycleRecords({ ports, ctx }), ctx.step.no, ctx.unit?.id ?? '-', kinds);
}

/** Marks the cycle complete and tells the people who ran it. */
export async function completeCycle(
  ports: Ports,
  cat: Catalogue,
  s: SiklusRef,
): Promise<{ status: 'selesai' }> {
  const ctx = stepContext(cat, s, sopOf(cat, s).langkah.at(-1)!.no);
  const cycle = await loadCycle(ports, s);
  if (cycle.status !== 'selesai') {
    const now = ports.clock.now();
    await ports.store.finishCycle(s.agencyId, s.cycleId, now.toISOString());
  }
  if (await ports.store.markOnce(s.agencyId, s.cycleId, 'selesai')) {
    const steps = await ports.store.listSteps(s.agencyId, s.cycleId);
    const late = steps.filter((r) => r.tepatWaktu === false).length;
    const to = [
      ...new Set(
        [
          await officeHolderNow(ports, ctx.agency, 'pimpinan'),
          await officeHolderNow(ports, ctx.agency, 'pengelola'),
        ]
          .filter((p): p is NonNullable<typeof p> => p !== undefined)
          .map((p) => p.email),
      ),
    ];
    await mailCycleCompleted(
      ports,
      ctx.agency,
      to,
      s,
      ctx.sop.identitas.nama,
      `${steps.length} catatan langkah; ${late} melewati mutu baku waktu.`,
    );
  }
  return { status: 'selesai' };
}

import { type Catalogue, requireAgency, sopOf } from '../data/catalogue.ts';
import type { Sop } from '../sop/schema.ts';
import { versionKey } from '../sop/version-key.ts';
import { type Cycle, type Pemindahan, type StepRecord, siklusRefOf } from './model.ts';
import { type ExecutionInput, HASIL_KEMBALI, LANJUT_AKHIR, UNIT_SELESAI } from './payload.ts';
import { type PlannedNode, type PlannedStep, planSop } from './plan.ts';
import type { Ports } from './ports.ts';

/** Where a cycle stands, read from its step records: the step to resume at and, in a per-unit group, each unit's. */
export interface Position {
  /** Undefined: from the first step; {@link LANJUT_AKHIR}: only the closing record is left. */
  no?: number;
  /** Per unit, inside a per-unit group: its step, or {@link UNIT_SELESAI}; absent: the group's first step. */
  units: Record<string, number>;
  /** The group the position is in, if any. */
  map?: Extract<PlannedNode, { type: 'map' }>;
}

const byMulai = (a: StepRecord, b: StepRecord) => a.mulai.localeCompare(b.mulai) || a.putaran - b.putaran;

/** The step that follows a finished record, as the compiled state machine would go on. */
function successor(r: StepRecord, ps: PlannedStep): number | undefined {
  return r.keputusan?.hasil === HASIL_KEMBALI && ps.kembaliKe !== undefined ? ps.kembaliKe : ps.next;
}

/**
 * The position of a cycle from its step records: an open step is resumed where it is (its record, task
 * and links are reused); otherwise the successor of the last finished step. Inside a per-unit group,
 * each unit resumes at its own step.
 */
export function resumePosition(sop: Sop, records: StepRecord[]): Position {
  const plan = planSop(sop);
  const steps = new Map<number, PlannedStep>();
  for (const n of plan.nodes) for (const s of n.type === 'step' ? [n.step] : n.steps) steps.set(s.no, s);
  const mapOf = (no: number) =>
    plan.nodes.find(
      (n): n is Extract<PlannedNode, { type: 'map' }> => n.type === 'map' && n.steps.some((s) => s.no === no),
    );
  const sorted = [...records].sort(byMulai);
  const openTop = sorted.find((r) => r.unit === '-' && !r.selesai);
  if (openTop) return { no: openTop.no, units: {} };
  const latest = sorted.at(-1);
  if (!latest) return { units: {} };
  if (latest.unit === '-') {
    const next = successor(latest, steps.get(latest.no)!);
    if (next === undefined) return { no: LANJUT_AKHIR, units: {} };
    const map = mapOf(next);
    return map ? { no: map.steps[0]!.no, units: {}, map } : { no: next, units: {} };
  }
  const map = mapOf(latest.no)!;
  const inMap = new Set(map.steps.map((s) => s.no));
  const units: Record<string, number> = {};
  for (const unit of new Set(sorted.filter((r) => r.unit !== '-' && inMap.has(r.no)).map((r) => r.unit))) {
    const mine = sorted.filter((r) => r.unit === unit && inMap.has(r.no));
    const open = mine.find((r) => !r.selesai);
    if (open) units[unit] = open.no;
    else {
      const last = mine.sort((a, b) => a.selesai!.localeCompare(b.selesai!)).at(-1)!;
      units[unit] = successor(last, steps.get(last.no)!) ?? UNIT_SELESAI;
    }
  }
  return { no: map.steps[0]!.no, units, map };
}

/** The whole group is done for every unit of the agency: go on after it. */
function afterGroup(pos: Position, unitIds: string[]): Position {
  if (!pos.map || !unitIds.every((u) => pos.units[u] === UNIT_SELESAI)) return pos;
  return { no: pos.map.next ?? LANJUT_AKHIR, units: {} };
}

/** The execution input that resumes a cycle at its position. */
export function resumeInput(cat: Catalogue, cycle: Cycle, records: StepRecord[]): ExecutionInput {
  const agency = requireAgency(cat, cycle.agencyId);
  const sop = sopOf(cat, cycle);
  const pos = afterGroup(
    resumePosition(sop, records),
    agency.unit.map((u) => u.id),
  );
  return {
    siklus: siklusRefOf(cycle),
    units: agency.unit.map((u) => ({
      id: u.id,
      nama: u.nama,
      ...(pos.units[u.id] !== undefined ? { lanjut: pos.units[u.id] } : {}),
    })),
    ...(pos.no !== undefined ? { lanjut: { no: pos.no } } : {}),
  };
}

export class ResumeRefused extends Error {}

/**
 * Starts a new execution of the cycle's state machine at the step the cycle is at. For a stopped cycle
 * (`terhenti`) after its cause was fixed, or, with `restart`, for a running cycle whose execution is gone
 * (the local runtime after a restart). One resume per execution number wins (conditional write); open
 * tasks keep their links, recorded answers are handed over, finished steps are not redone.
 */
export async function resumeCycle(
  ports: Ports,
  cat: Catalogue,
  agencyId: string,
  cycleId: string,
  opts: { restart?: boolean } = {},
): Promise<{ cycle: Cycle; input: ExecutionInput }> {
  const cycle = await ports.store.getCycle(agencyId, cycleId);
  if (!cycle) throw new ResumeRefused(`siklus '${cycleId}' tidak ada di instansi '${agencyId}'`);
  if (cycle.status === 'selesai')
    throw new ResumeRefused(`siklus ${cycleId} sudah selesai; tidak ada yang dilanjutkan`);
  if (cycle.status === 'dihentikan')
    throw new ResumeRefused(`siklus ${cycleId} sudah dihentikan oleh operator`);
  if (cycle.status === 'berjalan' && !opts.restart)
    throw new ResumeRefused(
      `siklus ${cycleId} masih berjalan; hanya siklus yang terhenti yang dapat dilanjutkan`,
    );
  const input = resumeInput(cat, cycle, await ports.store.listSteps(agencyId, cycleId));
  return startAgain(ports, cycle, input);
}

/**
 * Starts the next execution of a cycle on the machine of its SOP version (or, moving it, of `pindah.ke`)
 * with `input`; one per execution number (conditional write).
 */
export async function startAgain(
  ports: Ports,
  cycle: Cycle,
  input: ExecutionInput,
  pindah?: Pemindahan,
): Promise<{ cycle: Cycle; input: ExecutionInput }> {
  const { agencyId, cycleId } = cycle;
  const n = (cycle.eksekusi ?? 1) + 1;
  const name = `${cycleId}-${n}`;
  const sopVersi = pindah?.ke ?? cycle.sopVersi;
  if (!(await ports.store.resumeCycle(agencyId, cycleId, n, `menunggu:${name}`, pindah)))
    throw new ResumeRefused(`siklus ${cycleId} sedang dilanjutkan oleh permintaan lain`);
  try {
    const arn = await ports.workflow.start(versionKey(cycle.sopId, sopVersi), name, input);
    await ports.store.setCycleExecution(agencyId, cycleId, arn);
    const pindahan = pindah ? { pindah: [...(cycle.pindah ?? []), pindah] } : {};
    return {
      cycle: { ...cycle, ...pindahan, sopVersi, status: 'berjalan', eksekusi: n, executionArn: arn },
      input,
    };
  } catch (e) {
    // Leave it resumable: the operator sees why and tries again.
    await ports.store.stopCycle(agencyId, cycleId, {
      langkah: input.lanjut?.no ?? 0,
      alasan: `Siklus tidak dapat dilanjutkan: ${(e as Error).message}`,
      galat: (e as Error).name,
      waktu: ports.clock.now().toISOString(),
    });
    throw e;
  }
}

/**
 * After the local runtime restarts, its executions are gone (the interpreter keeps them in memory) while
 * the table still holds the running cycles: each is resumed at its open step. Links mailed before the
 * restart keep working; nobody is mailed again.
 */
export async function resumeRunningCycles(ports: Ports, cat: Catalogue): Promise<Cycle[]> {
  const out: Cycle[] = [];
  for (const agencyId of cat.agencies.keys()) {
    for (const c of await ports.store.listCycles(agencyId)) {
      if (c.status !== 'berjalan' || !cat.sopVersions.has(versionKey(c.sopId, c.sopVersi))) continue;
      out.push((await resumeCycle(ports, cat, agencyId, c.cycleId, { restart: true })).cycle);
    }
  }
  return out;
}

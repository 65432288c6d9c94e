import type { Langkah, Sop } from '../sop/schema.ts';
import { successors, unitGroups } from '../sop/validate.ts';
import { type Fungsi, STEP_KINDS } from './steps/index.ts';

/**
 * How an SOP becomes a state machine, independent of CDK. Each step becomes:
 *   [system part: Lambda] → [the person's task: .waitForTaskToken] → [closing part: Lambda] → [decision: Choice]
 * (the person's states only when a person takes part). Consecutive per-unit steps become one Map over
 * the agency's units. State names read like the SOP sheet ("07 Mengoreksi Dokumen LAKIP - menunggu Sekretaris").
 */
export interface PlannedStep {
  no: number;
  step: Langkah;
  /** The system Lambda that serves this step, as its step kind says. */
  fungsi: Fungsi;
  human: boolean;
  names: { mulai: string; tunggu?: string; selesai?: string; keputusan?: string };
  /** Step numbers this step hands over to; undefined = end of its scope. */
  next?: number;
  kembaliKe?: number;
}

export type PlannedNode =
  | { type: 'step'; step: PlannedStep }
  | { type: 'map'; name: string; steps: PlannedStep[]; next?: number };

export interface Plan {
  sopId: string;
  comment: string;
  nodes: PlannedNode[];
  endName: string;
}

export const STATE_NAME_MAX = 80;

/** Keeps state names to safe characters and within Step Functions' 80-character limit. */
export function stateName(text: string, suffix = ''): string {
  const clean = (s: string) =>
    s
      .replace(/[^\p{L}\p{N} .()-]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const tail = suffix ? ` - ${clean(suffix)}` : '';
  let head = clean(text);
  const room = STATE_NAME_MAX - tail.length;
  if (head.length > room) head = `${head.slice(0, room - 1).replace(/\s+\S*$/, '')}…`.slice(0, room);
  return `${head}${tail}`;
}

function label(l: Langkah): string {
  return `${String(l.no).padStart(2, '0')} ${l.judul ?? l.kegiatan}`;
}

export function planSop(sop: Sop): Plan {
  const steps = sop.langkah;
  const roleName = (id: string) => sop.pelaksana.find((p) => p.id === id)?.nama ?? id;
  const planned = new Map<number, PlannedStep>();
  steps.forEach((l, i) => {
    const human = l.tugas !== 'otomatis';
    const nextIdx = successors(steps, i).find((j) => steps[j]!.no !== l.kembali_ke);
    planned.set(l.no, {
      no: l.no,
      step: l,
      fungsi: STEP_KINDS[l.jenis].fungsi,
      human,
      names: {
        mulai: stateName(label(l)),
        tunggu: human ? stateName(label(l), `menunggu ${roleName(l.oleh ?? l.pelaksana)}`) : undefined,
        selesai: human ? stateName(label(l), 'selesai') : undefined,
        keputusan: l.tugas === 'keputusan' ? stateName(label(l), 'disetujui') : undefined,
      },
      next: nextIdx === undefined ? undefined : steps[nextIdx]!.no,
      kembaliKe: l.kembali_ke,
    });
  });
  const groups = unitGroups(steps);
  const nodes: PlannedNode[] = [];
  for (const l of steps) {
    const group = groups.find((g) => g[0] === l);
    if (group) {
      const inGroup = new Set(group.map((g) => g.no));
      const ps = group.map((g) => planned.get(g.no)!);
      const last = ps.at(-1)!;
      const after = last.next;
      // Inside the Map, hand-overs that leave the group end the unit's branch instead.
      const inner = ps.map((p) => ({
        ...p,
        next: p.next !== undefined && inGroup.has(p.next) ? p.next : undefined,
      }));
      const first = group[0]!;
      const lastStep = group.at(-1)!;
      const span =
        first === lastStep
          ? String(first.no).padStart(2, '0')
          : `${String(first.no).padStart(2, '0')}-${String(lastStep.no).padStart(2, '0')}`;
      nodes.push({
        type: 'map',
        name: stateName(`${span} ${first.judul ?? first.kegiatan}`, 'per unit'),
        steps: inner,
        next: after,
      });
    } else if (!l.per_unit) {
      nodes.push({ type: 'step', step: planned.get(l.no)! });
    }
  }
  return {
    sopId: sop.id,
    comment: `${sop.identitas.nomor} ${sop.identitas.nama}`.slice(0, 240),
    nodes,
    endName: 'Siklus selesai',
  };
}

/** The node a step number starts in (a step, or the Map that holds it). */
export function nodeOf(plan: Plan, no: number): PlannedNode | undefined {
  return plan.nodes.find((n) => (n.type === 'step' ? n.step.no === no : n.steps.some((s) => s.no === no)));
}

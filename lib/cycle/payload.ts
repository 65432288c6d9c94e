import type { Keputusan, SiklusRef } from './model.ts';

/**
 * The contract between a compiled state machine and the Lambdas it invokes: the state's JSON paths,
 * the phases of a step, and the shape of every payload and result. The construct
 * (infra/constructs/sop-state-machine.ts) builds its payloads from these names, the handlers receive
 * these types, and test/infra checks that a compiled definition uses no path declared nowhere else.
 */

/** A unit as carried by the execution input and into each Map iteration. */
export interface UnitRef {
  id: string;
  nama: string;
}

/** The input of every execution: the cycle's identity and the units the Map states iterate over. */
export interface ExecutionInput {
  siklus: SiklusRef;
  units: UnitRef[];
}

/** Which part of a step a step Lambda does. */
export const FASE = {
  /** the system's part before the person acts */
  mulai: 'mulai',
  /** the system's part after the person acted */
  selesai: 'selesai',
  /** a step with no person: both parts in one invocation */
  otomatis: 'otomatis',
  /** the cycle's closing record, after the last step */
  akhir: 'akhir',
} as const;
export type Fase = (typeof FASE)[keyof typeof FASE];

/** Payload of every step state: the cycle, the step number and, inside a Map, the unit. */
export interface StepPayload {
  siklus: SiklusRef;
  no: number;
  unit?: UnitRef;
  fase: typeof FASE.mulai | typeof FASE.selesai | typeof FASE.otomatis;
  /** The person's answer, on `selesai` after a person's task. */
  keputusan?: Keputusan;
}

/** Payload of the closing state. */
export interface EndPayload {
  fase: typeof FASE.akhir;
  siklus: SiklusRef;
}

/** Payload of a person's task (a `.waitForTaskToken` state). */
export interface TaskPayload {
  siklus: SiklusRef;
  no: number;
  unit?: UnitRef;
  taskToken: string;
}

/** What a step state returns: which record it wrote and the documents it holds (no secrets). */
export interface StepResult {
  no: number;
  unit: string;
  putaran: number;
  berkas: { label: string; key: string }[];
}

/**
 * The JSON paths of a cycle's state: what the execution input holds (`siklus`, `units`), what a Map
 * iteration holds (`unit`), where a person's answer lands (`keputusan`) and where a step's result lands
 * (`langkah`). Nothing else is read or written by the compiled definitions.
 */
export const PATH = {
  siklus: '$.siklus',
  units: '$.units',
  unit: '$.unit',
  keputusan: '$.keputusan',
  hasilKeputusan: '$.keputusan.hasil',
  langkah: '$.langkah',
  putaran: '$.Payload.putaran',
  mapItem: '$$.Map.Item.Value',
  taskToken: '$$.Task.Token',
} as const;

/** The answer that sends a decision step back to the step it names in `kembali_ke`. */
export const HASIL_KEMBALI = 'kembali' satisfies Keputusan['hasil'];

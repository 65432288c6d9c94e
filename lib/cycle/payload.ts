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
  /**
   * On a resumed execution: the step this unit's branch of a per-unit group resumes at, or
   * {@link UNIT_SELESAI} when the unit already finished the group. Absent: the group's first step.
   */
  lanjut?: number;
}

/** `lanjut` of a unit whose branch of the per-unit group is already done. */
export const UNIT_SELESAI = 0;
/** `lanjut.no` of a cycle whose every step is done: only the closing record is left. */
export const LANJUT_AKHIR = 0;

/** The input of every execution: the cycle's identity and the units the Map states iterate over. */
export interface ExecutionInput {
  siklus: SiklusRef;
  units: UnitRef[];
  /** Present on a resumed execution (after a failure, a local restart, or a move to a new SOP version). */
  lanjut?: { no: number };
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
  /** a step failed after its retries: the cycle stops, people are told */
  gagal: 'gagal',
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

/** Payload of the failure path: the cycle and the error Step Functions caught. */
export interface FailPayload {
  fase: typeof FASE.gagal;
  siklus: SiklusRef;
  galat: { Error?: string; Cause?: string };
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
  galat: '$.galat',
  lanjut: '$.lanjut',
  lanjutNo: '$.lanjut.no',
  unitLanjut: '$.unit.lanjut',
} as const;

/** The answer that sends a decision step back to the step it names in `kembali_ke`. */
export const HASIL_KEMBALI = 'kembali' satisfies Keputusan['hasil'];

import type { Kantor } from '../../agency/offices.ts';
import type { StepContext } from '../context.ts';
import type { JenisDokumen } from '../documents.ts';
import type { Berkas, Cycle, Keputusan } from '../model.ts';
import type { Ports } from '../ports.ts';

/** The Lambda that serves a step kind: plain work, document rendering, or the archive. */
export type Fungsi = 'langkah' | 'dokumen' | 'arsip';

/** What a step kind's work gets: the ports, the step in its cycle, the pass, and the person's answer. */
export interface StepWork {
  ports: Ports;
  ctx: StepContext;
  cycle: Cycle;
  putaran: number;
  keputusan?: Keputusan;
}

/**
 * Everything a step kind (`jenis` in the SOP file) means, in one place: the system's work before and after
 * the person acts, the documents it produces, the document its person judges, what its page shows, the
 * function that serves it and the offices it needs the agency file to declare. The engine, the review
 * page, the plan, the archive and the catalogue check read it from the registry in ./index.ts.
 */
export interface StepKind {
  /** For the docs and pages, in Bahasa Indonesia. */
  uraian: { sistem: string; orang: string };
  fungsi: Fungsi;
  /** Document kinds this kind's work writes. */
  menghasilkan: readonly JenisDokumen[];
  /** Document kinds its person judges: the task carries the latest one (the unit's, in a per-unit step). */
  meninjau?: readonly JenisDokumen[];
  /** Its page shows the analysis of the data accepted so far (the cycle's, or the unit's). */
  ringkasan: boolean;
  /** Offices the agency file must declare for this kind's work. */
  kantor: readonly Kantor[];
  /** The system's part before the person acts (or the whole work of an automatic step). */
  mulai?(w: StepWork): Promise<Berkas[]>;
  /** The system's part after the person acted. */
  selesai?(w: StepWork): Promise<Berkas[]>;
}

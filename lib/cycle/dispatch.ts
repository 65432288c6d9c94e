import type { Catalogue } from '../data/catalogue.ts';
import { completeCycle, finishStep, runAutomaticStep, startStep } from './engine.ts';
import { failCycle } from './failure.ts';
import { type EndPayload, FASE, type FailPayload, type StepPayload } from './payload.ts';
import type { Ports } from './ports.ts';

/** Every event a step function receives from a compiled state machine. */
export type StepEvent = StepPayload | EndPayload | FailPayload;

/**
 * The system's part of an SOP step (mulai / selesai / otomatis), the cycle's closing record (akhir), and
 * the failure path that stops the cycle and tells people (gagal).
 */
export function runStepEvent(ports: Ports, cat: Catalogue, event: StepEvent) {
  switch (event.fase) {
    case FASE.mulai:
      return startStep(ports, cat, event);
    case FASE.selesai:
      return finishStep(ports, cat, event);
    case FASE.otomatis:
      return runAutomaticStep(ports, cat, event);
    case FASE.akhir:
      return completeCycle(ports, cat, event.siklus);
    case FASE.gagal:
      return failCycle(ports, cat, event);
  }
}

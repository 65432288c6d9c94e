import middy from '@middy/core';
import { completeCycle, finishStep, runAutomaticStep, startStep } from '#lib/cycle/engine.ts';
import { type EndPayload, FASE, type StepPayload } from '#lib/cycle/payload.ts';
import { observe } from '../commons/log.ts';
import { getCatalogue, getPorts } from '../commons/runtime.ts';

export type StepEvent = StepPayload | EndPayload;

/** The system's part of an SOP step (mulai / selesai / otomatis), and the cycle's closing record (akhir). */
export const handler = middy<StepEvent>()
  .use(observe('step'))
  .handler(async (event) => {
    const ports = getPorts();
    const cat = getCatalogue();
    switch (event.fase) {
      case FASE.mulai:
        return startStep(ports, cat, event);
      case FASE.selesai:
        return finishStep(ports, cat, event);
      case FASE.otomatis:
        return runAutomaticStep(ports, cat, event);
      case FASE.akhir:
        return completeCycle(ports, cat, event.siklus);
    }
  });

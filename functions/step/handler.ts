import middy from '@middy/core';
import {
  completeCycle,
  finishStep,
  runAutomaticStep,
  type StepPayload,
  startStep,
} from '#lib/cycle/engine.ts';
import type { SiklusRef } from '#lib/cycle/model.ts';
import { observe } from '../commons/log.ts';
import { getCatalogue, getPorts } from '../commons/runtime.ts';

export type StepEvent = StepPayload | { fase: 'akhir'; siklus: SiklusRef };

/** The system's part of an SOP step (mulai / selesai / otomatis), and the cycle's closing record (akhir). */
export const handler = middy<StepEvent>()
  .use(observe('step'))
  .handler(async (event) => {
    const ports = getPorts();
    const cat = getCatalogue();
    switch (event.fase) {
      case 'mulai':
        return startStep(ports, cat, event);
      case 'selesai':
        return finishStep(ports, cat, event);
      case 'otomatis':
        return runAutomaticStep(ports, cat, event);
      case 'akhir':
        return completeCycle(ports, cat, event.siklus);
    }
  });

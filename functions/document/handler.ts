import middy from '@middy/core';
import { completeCycle, finishStep, runAutomaticStep, startStep } from '#lib/cycle/engine.ts';
import { FASE } from '#lib/cycle/payload.ts';
import { documentRenderer } from '#lib/documents/renderer.ts';
import { observe } from '../commons/log.ts';
import { getCatalogue, getPorts } from '../commons/runtime.ts';
import type { StepEvent } from '../step/handler.ts';

/**
 * The steps whose kind renders documents (lib/cycle/steps: `fungsi: 'dokumen' | 'arsip'`): the same
 * events as the step function, with the document renderer, so only this function loads docx/exceljs.
 */
export const handler = middy<StepEvent>()
  .use(observe('document'))
  .handler(async (event) => {
    const ports = { ...getPorts(), renderer: documentRenderer };
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

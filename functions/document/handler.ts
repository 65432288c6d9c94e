import middy from '@middy/core';
import { runStepEvent, type StepEvent } from '#lib/cycle/dispatch.ts';
import { documentRenderer } from '#lib/documents/renderer.ts';
import { observe } from '../commons/log.ts';
import { getCatalogue, getPorts } from '../commons/runtime.ts';

/**
 * Steps whose kind renders documents (lib/cycle/steps: `fungsi: 'dokumen' | 'arsip'`): the same events as
 * the step function, with the document renderer, so only this function loads docx/exceljs.
 */
export const handler = middy<StepEvent>()
  .use(observe('document'))
  .handler((event) => runStepEvent({ ...getPorts(), renderer: documentRenderer }, getCatalogue(), event));

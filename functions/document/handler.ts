import middy from '@middy/core';
import { runStepEvent, type StepEvent } from '#lib/cycle/dispatch.ts';
import { documentRenderer } from '#lib/documents/renderer.ts';
import { observe } from '../commons/log.ts';
import '../commons/ports/store.ts';
import '../commons/ports/blobs.ts';
import '../commons/ports/mailer.ts';
import { getCatalogue } from '../commons/catalogue.ts';
import { getPorts } from '../commons/ports.ts';
import { tteFromEnv } from '../commons/tte.ts';

/**
 * Steps whose kind renders documents (lib/cycle/steps: `fungsi: 'dokumen' | 'arsip'`): the same events as
 * the step function, with the document renderer, so only this function loads docx/exceljs.
 */
export const handler = middy<StepEvent>()
  .use(observe('document'))
  .handler((event) =>
    runStepEvent(
      { ...getPorts(), renderer: documentRenderer, tte: tteFromEnv(() => getPorts().store) },
      getCatalogue(),
      event,
    ),
  );

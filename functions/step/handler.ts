import middy from '@middy/core';
import { runStepEvent, type StepEvent } from '#lib/cycle/dispatch.ts';
import { observe } from '../commons/log.ts';
import { getCatalogue, getPorts } from '../commons/runtime.ts';

/** Steps whose kind renders no document (lib/cycle/steps: `fungsi: 'langkah'`), the close and the failure path. */
export const handler = middy<StepEvent>()
  .use(observe('step'))
  .handler((event) => runStepEvent(getPorts(), getCatalogue(), event));

import middy from '@middy/core';
import { openHumanTask, type TaskPayload } from '#lib/cycle/engine.ts';
import { observe } from '../commons/log.ts';
import { getCatalogue, getPorts } from '../commons/runtime.ts';

/** Invoked with .waitForTaskToken: opens the person's task and emails the link; Step Functions waits. */
export const handler = middy<TaskPayload>()
  .use(observe('human-task'))
  .handler(async (event) => openHumanTask(getPorts(), getCatalogue(), event));

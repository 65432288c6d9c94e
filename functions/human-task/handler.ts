import middy from '@middy/core';
import { openHumanTask, type TaskPayload } from '#lib/cycle/engine.ts';
import { observe } from '../commons/log.ts';
import '../commons/ports/store.ts';
import '../commons/ports/workflow.ts';
import '../commons/ports/mailer.ts';
import { getCatalogue } from '../commons/catalogue.ts';
import { getPorts } from '../commons/ports.ts';

/** Invoked with .waitForTaskToken: opens the person's task and emails the link; Step Functions waits. */
export const handler = middy<TaskPayload>()
  .use(observe('human-task'))
  .handler(async (event) => openHumanTask(getPorts(), getCatalogue(), event));

import middy from '@middy/core';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { deliverDecision } from '#lib/cycle/decisions.ts';
import { log, observe } from '../commons/log.ts';
import '../commons/ports/store.ts';
import '../commons/ports/workflow.ts';
import { getPorts } from '../commons/ports.ts';

/**
 * `penerus`: the table's stream, filtered to tasks whose answer was just recorded (`diputuskan`),
 * invokes this; it hands each recorded answer to the waiting execution. It is the function that reads a
 * task's token and resumes the workflow on behalf of the public pages, which hold neither permission. An
 * answer it cannot hand over (e.g. a token superseded by a resumed execution) stays recorded for the
 * sweep and the task's next opening, as lib/cycle/decisions.ts describes.
 */
export const handler = middy<DynamoDBStreamEvent>()
  .use(observe('deliver'))
  .handler(async (event) => {
    const ports = getPorts();
    let diteruskan = 0;
    for (const record of event.Records) {
      const image = record.dynamodb?.NewImage ?? {};
      const [agencyId, cycleId, taskId] = [image.agencyId?.S, image.cycleId?.S, image.taskId?.S];
      if (!agencyId || !cycleId || !taskId) continue;
      // The stream may lag or repeat: act on the task as it is now.
      const task = await ports.store.getTask(agencyId, cycleId, taskId);
      if (task?.status !== 'diputuskan' || !task.keputusan) continue;
      if (await deliverDecision(ports, task, task.keputusan)) diteruskan++;
      else log('warn', 'keputusan belum dapat diteruskan', { agencyId, cycleId, taskId });
    }
    return { diteruskan };
  });

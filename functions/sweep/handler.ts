import middy from '@middy/core';
import { sweep } from '#lib/cycle/reminders.ts';
import { log, observe } from '../commons/log.ts';
import { getCatalogue, getPorts } from '../commons/runtime.ts';

/** Scheduled (EventBridge, every 15 minutes; locally a timer in `npm start`): reminders and escalation. */
export const handler = middy()
  .use(observe('sweep'))
  .handler(async () => {
    const result = await sweep(getPorts(), getCatalogue());
    if (result.pengingat + result.eskalasi > 0) log('info', 'pengingat dikirim', { ...result });
    return result;
  });

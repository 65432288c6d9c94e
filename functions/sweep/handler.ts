import middy from '@middy/core';
import { sweep } from '#lib/cycle/reminders.ts';
import { log, observe } from '../commons/log.ts';
import '../commons/ports/store.ts';
import '../commons/ports/workflow.ts';
import '../commons/ports/mailer.ts';
import { getCatalogue } from '../commons/catalogue.ts';
import { getPorts } from '../commons/ports.ts';

/** Scheduled (EventBridge, every 15 minutes; locally a timer in `npm start`): reminders and escalation. */
export const handler = middy()
  .use(observe('sweep'))
  .handler(async () => {
    const result = await sweep(getPorts(), getCatalogue());
    if (result.pengingat + result.eskalasi > 0) log('info', 'pengingat dikirim', { ...result });
    return result;
  });

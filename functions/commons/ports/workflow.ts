import { SfnWorkflow } from '#lib/adapters/sfn-workflow.ts';
import { provide, required } from '../ports.ts';

/**
 * The SOP state machines (STATE_MACHINES: `<id>@<versi>` → ARN): start, resume a waiting task, stop. The
 * client module is imported on first use.
 */
provide(
  'workflow',
  () =>
    new SfnWorkflow(
      JSON.parse(required('STATE_MACHINES')),
      async () => new (await import('@aws-sdk/client-sfn')).SFNClient({}),
    ),
);

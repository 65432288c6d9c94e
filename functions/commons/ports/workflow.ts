import { SFNClient } from '@aws-sdk/client-sfn';
import { SfnWorkflow } from '#lib/adapters/sfn-workflow.ts';
import { provide, required } from '../ports.ts';

/** The SOP state machines (STATE_MACHINES: `<id>@<versi>` → ARN): start, resume a waiting task, stop. */
provide('workflow', () => new SfnWorkflow(JSON.parse(required('STATE_MACHINES')), new SFNClient({})));

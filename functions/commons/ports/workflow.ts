import { SFNClient } from '@aws-sdk/client-sfn';
import { SfnWorkflow } from '#lib/adapters/sfn-workflow.ts';
import { provide, required } from '../ports.ts';

/** The SOP state machines (STATE_MACHINES: SOP id → ARN): start an execution, resume a waiting task. */
provide('workflow', () => new SfnWorkflow(JSON.parse(required('STATE_MACHINES')), new SFNClient({})));

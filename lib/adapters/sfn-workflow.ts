import {
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { Workflow } from '../cycle/ports.ts';

export class SfnWorkflow implements Workflow {
  constructor(
    /** State machine ARN per SOP version, keyed `<id>@<versi>`. */
    private readonly machines: Record<string, string>,
    private readonly sfn = new SFNClient({}),
  ) {}

  async start(machine: string, executionName: string, input: unknown) {
    const arn = this.machines[machine];
    if (!arn) {
      const [id, versi] = machine.split('@');
      throw new Error(`state machine untuk SOP '${id}' versi ${versi} tidak terpasang`);
    }
    const r = await this.sfn.send(
      new StartExecutionCommand({ stateMachineArn: arn, name: executionName, input: JSON.stringify(input) }),
    );
    return r.executionArn!;
  }

  async succeed(taskToken: string, output: unknown) {
    await this.sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
  }

  async stop(executionArn: string, cause: string) {
    try {
      await this.sfn.send(new StopExecutionCommand({ executionArn, cause }));
    } catch (e) {
      // Already ended (or gone, locally after a restart): nothing left to stop.
      if ((e as Error).name !== 'ExecutionDoesNotExist') throw e;
    }
  }
}

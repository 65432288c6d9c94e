import { SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { Workflow } from '../cycle/ports.ts';

export class SfnWorkflow implements Workflow {
  constructor(
    /** State machine ARN per SOP id. */
    private readonly machines: Record<string, string>,
    private readonly sfn = new SFNClient({}),
  ) {}

  async start(sopId: string, executionName: string, input: unknown) {
    const arn = this.machines[sopId];
    if (!arn) throw new Error(`state machine untuk SOP '${sopId}' tidak terpasang`);
    const r = await this.sfn.send(
      new StartExecutionCommand({ stateMachineArn: arn, name: executionName, input: JSON.stringify(input) }),
    );
    return r.executionArn!;
  }

  async succeed(taskToken: string, output: unknown) {
    await this.sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
  }
}

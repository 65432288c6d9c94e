import type { SFNClient } from '@aws-sdk/client-sfn';
import type { Workflow } from '../cycle/ports.ts';
import { type ClientOf, clientOnce, once } from './once.ts';

const sfnlib = once(() => import('@aws-sdk/client-sfn'));

export class SfnWorkflow implements Workflow {
  private readonly sfn: () => Promise<SFNClient>;

  constructor(
    /** State machine ARN per SOP version, keyed `<id>@<versi>`. */
    private readonly machines: Record<string, string>,
    sfn: ClientOf<SFNClient>,
  ) {
    this.sfn = clientOnce(sfn);
  }

  async start(machine: string, executionName: string, input: unknown) {
    const arn = this.machines[machine];
    if (!arn) {
      const [id, versi] = machine.split('@');
      throw new Error(`state machine untuk SOP '${id}' versi ${versi} tidak terpasang`);
    }
    const { StartExecutionCommand } = await sfnlib();
    const r = await (await this.sfn()).send(
      new StartExecutionCommand({ stateMachineArn: arn, name: executionName, input: JSON.stringify(input) }),
    );
    return r.executionArn!;
  }

  async succeed(taskToken: string, output: unknown) {
    const { SendTaskSuccessCommand } = await sfnlib();
    await (await this.sfn()).send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
  }

  async stop(executionArn: string, cause: string) {
    try {
      await (await this.sfn()).send(new (await sfnlib()).StopExecutionCommand({ executionArn, cause }));
    } catch (e) {
      // Already ended (or gone, locally after a restart): nothing left to stop.
      if ((e as Error).name !== 'ExecutionDoesNotExist') throw e;
    }
  }
}

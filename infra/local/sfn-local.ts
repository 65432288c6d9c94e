import './polyfill.ts';
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { StateMachine } from 'aws-local-stepfunctions';
import type { Denial } from './guard.ts';
import type { Policies } from './iam.ts';
import { AwsJsonError, listenJsonApi } from './json-api.ts';
import { LOCAL_ACCOUNT, LOCAL_REGION, type LocalMachine, taskStates } from './template.ts';

/** Invokes a function of the template (by logical id) the way Lambda would; provided by the runtime. */
export type Invoke = (functionId: string, payload: unknown) => Promise<unknown>;

interface Execution {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  startDate: Date;
  stopDate?: Date;
  abort?: () => void;
}

class SfnError extends AwsJsonError {}

/**
 * A local Step Functions: runs the synthesized definitions with aws-local-stepfunctions and speaks the
 * part of the Step Functions JSON API the handlers and tools use (StartExecution, DescribeExecution,
 * ListExecutions, StopExecution, SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat). Each Task state
 * invokes the function its definition names (its handler, with its environment); a .waitForTaskToken
 * state invokes it, then waits until SendTaskSuccess/Failure arrives with that token.
 */
export class LocalStepFunctions extends EventEmitter {
  private readonly machines = new Map<string, { m: LocalMachine; sm: StateMachine }>();
  private readonly executions = new Map<string, Execution>();
  private readonly waiting = new Map<
    string,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; executionArn: string }
  >();
  private server?: Server;
  private policies?: { policies: Policies; onDenied: (d: Denial) => void };

  constructor(
    machines: LocalMachine[],
    private readonly invoke: Invoke,
  ) {
    super();
    for (const m of machines) {
      this.machines.set(m.arn, {
        m,
        sm: new StateMachine(m.definition as never, {
          validationOptions: { checkArn: false, checkPaths: false },
        }),
      });
    }
  }

  /** Checks calls made by functions (`/fn/<id>/` endpoints) against their IAM policies from now on. */
  enforce(policies: Policies, onDenied: (d: Denial) => void): void {
    this.policies = { policies, onDenied };
  }

  /** The action and state machine a call needs permission for (tokens resolve to their execution's machine). */
  private authorize(fn: string, target: string, body: Record<string, unknown>) {
    if (!this.policies) return;
    let resource: string | undefined;
    if (target === 'StartExecution' || target === 'ListExecutions') resource = String(body.stateMachineArn);
    else if (target.startsWith('SendTask')) {
      const w = this.waiting.get(String(body.taskToken));
      resource = w && this.executions.get(w.executionArn)?.stateMachineArn;
    } else resource = String(body.executionArn);
    if (resource === undefined) return;
    const r = { action: `states:${target}`, resource };
    if (!this.policies.policies.allows(fn, r)) {
      this.policies.onDenied({ fn, ...r });
      throw new SfnError(
        'AccessDeniedException',
        `not authorized to perform: ${r.action} on resource: ${resource}`,
      );
    }
  }

  get pendingTokens(): number {
    return this.waiting.size;
  }

  startExecution(stateMachineArn: string, name: string | undefined, input: string): Execution {
    const entry = this.machines.get(stateMachineArn);
    if (!entry)
      throw new SfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    const execName = name ?? randomBytes(8).toString('hex');
    const executionArn = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:execution:${entry.m.arn.split(':').at(-1)}:${execName}`;
    if (this.executions.has(executionArn))
      throw new SfnError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    const exec: Execution = {
      executionArn,
      stateMachineArn,
      name: execName,
      status: 'RUNNING',
      input,
      startDate: new Date(),
    };
    this.executions.set(executionArn, exec);

    const overrides: Record<string, (input: { FunctionName: string; Payload: unknown }) => Promise<unknown>> =
      {};
    for (const [stateName, state] of taskStates(entry.m.definition)) {
      const callback = state.Resource?.endsWith('.waitForTaskToken') ?? false;
      overrides[stateName] = async (req) => {
        const fn = entry.m.handlers[req.FunctionName];
        if (!fn) throw new Error(`no local function for ${req.FunctionName}`);
        if (!callback) {
          const payload = await this.invoke(fn, req.Payload);
          this.emit('task', { executionArn, stateName, payload: req.Payload, result: payload });
          return { Payload: payload, StatusCode: 200 };
        }
        const token = (req.Payload as { taskToken?: string }).taskToken;
        if (!token)
          throw new Error(`state '${stateName}' waits for a task token but its payload carries none`);
        const result = new Promise((resolve, reject) =>
          this.waiting.set(token, { resolve, reject, executionArn }),
        );
        await this.invoke(fn, req.Payload);
        this.emit('waiting', { executionArn, stateName });
        return result;
      };
    }
    const context = {
      Execution: {
        Id: executionArn,
        Name: execName,
        Input: JSON.parse(input),
        StartTime: exec.startDate.toISOString(),
      },
      // A fresh token each time a state reads it, as Step Functions issues one per task.
      get Task() {
        return { Token: randomBytes(48).toString('base64url') };
      },
    };
    // Tests shorten the wait before a retry (LAKIP_RETRY_MS); the definition's own intervals otherwise.
    const retryMs = process.env.LAKIP_RETRY_MS;
    const retryIntervalOverrides =
      retryMs === undefined
        ? undefined
        : Object.fromEntries(Object.keys(overrides).map((n) => [n, Number(retryMs)]));
    const run = entry.sm.run(JSON.parse(input), {
      overrides: { taskResourceLocalHandlers: overrides as never, retryIntervalOverrides },
      context,
    });
    exec.abort = run.abort;
    run.result.then(
      (out) => {
        exec.status = 'SUCCEEDED';
        exec.output = JSON.stringify(out);
        exec.stopDate = new Date();
        this.emit('execution', exec);
      },
      (err: Error & { cause?: unknown; name: string }) => {
        if (exec.status === 'ABORTED') return;
        exec.status = 'FAILED';
        exec.error = err.name;
        exec.cause = err.message;
        exec.stopDate = new Date();
        this.dropTokens(executionArn);
        this.emit('execution', exec);
      },
    );
    return exec;
  }

  private dropTokens(executionArn: string) {
    for (const [t, w] of this.waiting) if (w.executionArn === executionArn) this.waiting.delete(t);
  }

  sendTaskSuccess(token: string, output: string) {
    const w = this.waiting.get(token);
    if (!w) throw new SfnError('TaskDoesNotExist', 'Task Does Not Exist');
    this.waiting.delete(token);
    w.resolve(JSON.parse(output));
  }

  sendTaskFailure(token: string, error?: string, cause?: string) {
    const w = this.waiting.get(token);
    if (!w) throw new SfnError('TaskDoesNotExist', 'Task Does Not Exist');
    this.waiting.delete(token);
    const e = new Error(cause ?? '');
    e.name = error ?? 'TaskFailed';
    w.reject(e);
  }

  describe(executionArn: string): Execution {
    const e = this.executions.get(executionArn);
    if (!e) throw new SfnError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return e;
  }

  stop(executionArn: string) {
    const e = this.describe(executionArn);
    if (e.status !== 'RUNNING') return;
    e.status = 'ABORTED';
    e.stopDate = new Date();
    this.dropTokens(executionArn);
    e.abort?.();
  }

  /** Waits until the execution leaves RUNNING (event-driven, no polling). */
  finished(executionArn: string): Promise<Execution> {
    const e = this.describe(executionArn);
    if (e.status !== 'RUNNING') return Promise.resolve(e);
    return new Promise((resolve) => {
      const on = (x: Execution) => {
        if (x.executionArn === executionArn) {
          this.off('execution', on);
          resolve(x);
        }
      };
      this.on('execution', on);
    });
  }

  private handle(target: string, body: Record<string, unknown>, fn?: string): unknown {
    if (fn) this.authorize(fn, target, body);
    const view = (e: Execution) => ({
      executionArn: e.executionArn,
      stateMachineArn: e.stateMachineArn,
      name: e.name,
      status: e.status,
      startDate: e.startDate.getTime() / 1000,
      stopDate: e.stopDate ? e.stopDate.getTime() / 1000 : undefined,
      input: e.input,
      output: e.output,
      error: e.error,
      cause: e.cause,
    });
    switch (target) {
      case 'StartExecution': {
        const e = this.startExecution(
          String(body.stateMachineArn),
          body.name as string | undefined,
          String(body.input ?? '{}'),
        );
        return { executionArn: e.executionArn, startDate: e.startDate.getTime() / 1000 };
      }
      case 'DescribeExecution':
        return view(this.describe(String(body.executionArn)));
      case 'ListExecutions':
        return {
          executions: [...this.executions.values()]
            .filter((e) => !body.stateMachineArn || e.stateMachineArn === body.stateMachineArn)
            .map(view),
        };
      case 'StopExecution':
        this.stop(String(body.executionArn));
        return { stopDate: Date.now() / 1000 };
      case 'SendTaskSuccess':
        this.sendTaskSuccess(String(body.taskToken), String(body.output ?? 'null'));
        return {};
      case 'SendTaskFailure':
        this.sendTaskFailure(
          String(body.taskToken),
          body.error as string | undefined,
          body.cause as string | undefined,
        );
        return {};
      case 'SendTaskHeartbeat':
        if (!this.waiting.has(String(body.taskToken)))
          throw new SfnError('TaskDoesNotExist', 'Task Does Not Exist');
        return {};
      default:
        throw new SfnError('UnknownOperationException', `operation ${target} is not supported locally`);
    }
  }

  async listen(port: number, host = '127.0.0.1'): Promise<string> {
    const { server, url } = await listenJsonApi({
      port,
      host,
      targetPrefix: /^AWSStepFunctions\./,
      contentType: 'application/x-amz-json-1.0',
      otherError: 'InvalidParameterValue',
      handle: (target, body, fn) => this.handle(target, body, fn),
    });
    this.server = server;
    return url;
  }

  async close(): Promise<void> {
    for (const e of this.executions.values()) if (e.status === 'RUNNING') this.stop(e.executionArn);
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

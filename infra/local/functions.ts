import type { EventEmitter } from 'node:events';
import type { Catalogue } from '../../lib/catalogue.ts';
import { withEnvironment } from './isolation.ts';
import { LOCAL_ACCOUNT, LOCAL_REGION, type LocalFunction, type LocalTemplate } from './template.ts';

type Handler = { handler: (e: unknown, c: unknown) => Promise<unknown> };

const lambdaContext = (name: string) => ({
  functionName: name,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${name}`,
  memoryLimitInMB: '1024',
  awsRequestId: `${Date.now()}`,
  logGroupName: `/aws/lambda/${name}`,
  logStreamName: 'lokal',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 60_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

/**
 * The template's functions, run in this process: each invocation imports the function's handler module
 * and runs it with exactly the function's synthesized environment (resolved to local names and URLs) plus
 * what the Lambda service provides, nothing else.
 */
export class FunctionHost {
  private readonly byId: Map<string, LocalFunction>;
  private readonly modules = new Map<string, Promise<Handler>>();
  private readonly environments = new Map<string, Record<string, string>>();

  constructor(
    private readonly template: LocalTemplate,
    private readonly catalogue: Catalogue,
    private readonly events: EventEmitter,
  ) {
    this.byId = new Map(template.functions.map((f) => [f.id, f]));
  }

  /** Resolves every function's environment once the API's URL and the emulators' endpoints are known. */
  configure(apiUrl: string, provided: (id: string) => Record<string, string>): void {
    for (const f of this.template.functions) {
      const own = Object.fromEntries(
        Object.entries(f.variables).map(([k, v]) => [k, this.template.resolveValue(v, apiUrl)]),
      );
      this.environments.set(f.id, {
        ...provided(f.id),
        AWS_LAMBDA_FUNCTION_NAME: f.id,
        ...own,
        // The bundle carries config/ beside it (/var/task/config); locally it is the catalogue's folder.
        ...('LAKIP_CONFIG_DIR' in own ? { LAKIP_CONFIG_DIR: this.catalogue.dir } : {}),
      });
    }
  }

  get ids(): string[] {
    return [...this.byId.keys()];
  }

  handlerOf(id: string): string {
    return this.function(id).handler;
  }

  /** Ids of the functions running a handler folder. */
  withHandler(handler: string): string[] {
    return this.template.functions.filter((f) => f.handler === handler).map((f) => f.id);
  }

  /** Exactly the environment an invocation of `id` sees (process-level logging switches aside). */
  environmentOf(id: string): Record<string, string> {
    const env = this.environments.get(id);
    if (!env) throw new Error(`function ${id} is not configured`);
    return { ...env };
  }

  async invoke(id: string, payload: unknown, environment = this.environmentOf(id)): Promise<unknown> {
    const { handler } = this.function(id);
    if (!/^[a-z-]+$/.test(handler)) throw new Error(`bad handler name ${handler}`);
    return withEnvironment(environment, async () => {
      if (!this.modules.has(handler))
        this.modules.set(handler, import(`../../functions/${handler}/handler.ts`) as Promise<Handler>);
      const mod = await this.modules.get(handler)!;
      const result = await mod.handler(structuredClone(payload), lambdaContext(id));
      this.events.emit('handler', { handler, fungsi: id, payload, result });
      return result;
    });
  }

  private function(id: string): LocalFunction {
    const f = this.byId.get(id);
    if (!f) throw new Error(`no function ${id} in the template`);
    return f;
  }
}

/**
 * The functions' IAM policies, read from the template and evaluated locally, so that a grant too narrow
 * for what a handler does fails `npm test` instead of the first cloud deployment. Only what the stack's
 * policies use is understood (Allow statements, action and resource wildcards, and
 * `ForAllValues:StringLike` on `dynamodb:LeadingKeys`); anything else throws, naming it.
 */
export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface Request {
  action: string;
  resource: string;
  /** Partition-key values the request touches (DynamoDB). */
  leadingKeys?: string[];
}

interface Compiled {
  actions: RegExp[];
  resources: RegExp[];
  leadingKeys?: RegExp[];
}

const glob = (p: string) =>
  new RegExp(
    `^${p
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
const list = <T>(v: T | T[]) => (Array.isArray(v) ? v : [v]);

export class Policies {
  private readonly byFunction = new Map<string, Compiled[]>();

  /** `statements` per function id, with resources already resolved to local ARNs. */
  constructor(statements: Record<string, Statement[]>, resolveResource: (v: unknown) => string) {
    for (const [fn, ss] of Object.entries(statements)) {
      this.byFunction.set(
        fn,
        ss.map((s) => {
          if (s.Effect !== 'Allow') throw new Error(`${fn}: only Allow statements are emulated`);
          const compiled: Compiled = {
            actions: list(s.Action).map(glob),
            resources: list(s.Resource).map((r) => glob(resolveResource(r))),
          };
          for (const [op, keys] of Object.entries(s.Condition ?? {})) {
            for (const [key, values] of Object.entries(keys)) {
              if (op !== 'ForAllValues:StringLike' || key !== 'dynamodb:LeadingKeys')
                throw new Error(`${fn}: condition ${op} ${key} is not emulated locally`);
              compiled.leadingKeys = list(values).map(glob);
            }
          }
          return compiled;
        }),
      );
    }
  }

  /** Whether the function's role allows the request (an implicit deny otherwise). */
  allows(fn: string, r: Request): boolean {
    const statements = this.byFunction.get(fn);
    if (!statements) throw new Error(`no policy for function ${fn}`);
    return statements.some(
      (s) =>
        s.actions.some((a) => a.test(r.action)) &&
        s.resources.some((x) => x.test(r.resource)) &&
        // ForAllValues: every key the request touches matches one pattern (vacuously true with none).
        (!s.leadingKeys || (r.leadingKeys ?? []).every((k) => s.leadingKeys!.some((p) => p.test(k)))),
    );
  }
}

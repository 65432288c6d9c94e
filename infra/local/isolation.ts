import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One environment per function, in one process. Lambda gives each function its own environment; the
 * local runtime runs every handler in-process, so `process.env` is replaced by a view that, inside an
 * invocation, shows only that function's variables (its synthesized environment, resolved locally, plus
 * what the Lambda service itself provides) and, outside, the process's own. A variable missing from a
 * function's template is missing here too.
 */
interface Scope {
  env: Record<string, string>;
}

const scopes = new AsyncLocalStorage<Scope>();
/** Process variables every invocation still sees: logging switches and what Node itself reads. */
const PASS_THROUGH = new Set(['LAKIP_LOG', 'PATH', 'HOME', 'TZ', 'NODE_ENV', 'TMPDIR']);
let real: NodeJS.ProcessEnv | undefined;

function install() {
  if (real) return;
  const ambient = process.env;
  real = ambient;
  const read = (k: string): string | undefined => {
    const s = scopes.getStore();
    if (!s) return ambient[k];
    return k in s.env ? s.env[k] : PASS_THROUGH.has(k) ? ambient[k] : undefined;
  };
  const keys = () => {
    const s = scopes.getStore();
    if (!s) return Reflect.ownKeys(ambient);
    return [...new Set([...Object.keys(s.env), ...[...PASS_THROUGH].filter((k) => k in ambient)])];
  };
  process.env = new Proxy(ambient, {
    get: (_t, k) => (typeof k === 'string' ? read(k) : undefined),
    set: (_t, k, v) => {
      const s = scopes.getStore();
      (s ? s.env : ambient)[String(k)] = String(v);
      return true;
    },
    has: (_t, k) => typeof k === 'string' && read(k) !== undefined,
    deleteProperty: (_t, k) => {
      const s = scopes.getStore();
      delete (s ? s.env : ambient)[String(k)];
      return true;
    },
    ownKeys: () => keys(),
    getOwnPropertyDescriptor: (_t, k) => {
      const v = typeof k === 'string' ? read(k) : undefined;
      return v === undefined ? undefined : { value: v, writable: true, enumerable: true, configurable: true };
    },
  });
}

/** Runs `fn` (and everything it awaits) with exactly `env` as its environment. */
export function withEnvironment<T>(env: Record<string, string>, fn: () => T): T {
  install();
  return scopes.run({ env: { ...env } }, fn);
}

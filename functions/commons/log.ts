import type { MiddlewareObj } from '@middy/core';

/**
 * One structured logger for every handler. Keys that could carry a secret (task tokens, link ids,
 * presigned fields) are redacted before anything is written, whatever the nesting.
 */
const SECRET_KEYS = /token|linkid|signature|policy|x-amz|password|secret|credential/i;
const LINK_IN_TEXT = /\/t\/[A-Za-z0-9_-]{22}/g;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[…]';
  if (typeof value === 'string') return value.replace(LINK_IN_TEXT, '/t/[disamarkan]');
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[disamarkan]' : redact(v, depth + 1)]),
    );
  }
  return value;
}

export function log(
  level: 'info' | 'warn' | 'error',
  message: string,
  fields: Record<string, unknown> = {},
): void {
  if (process.env.LAKIP_LOG === 'off') return;
  const line = JSON.stringify({
    level,
    message,
    ...(redact(fields) as object),
    time: new Date().toISOString(),
  });
  if (level === 'error') console.error(line);
  else console.log(line);
}

/** Logs each invocation's outcome (never its payload) and rethrows errors for Step Functions to see. */
export function observe(name: string): MiddlewareObj {
  return {
    before: (req) => {
      (req.internal as Record<string, unknown>).startedAt = Date.now();
    },
    after: (req) => {
      const ms = Date.now() - Number((req.internal as Record<string, unknown>).startedAt ?? Date.now());
      if (process.env.LAKIP_LOG === 'verbose') log('info', `${name} selesai`, { ms });
    },
    onError: (req) => {
      log('error', `${name} gagal`, { error: req.error?.message, name: req.error?.name });
    },
  };
}

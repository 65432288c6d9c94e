import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HANDLER_ENV } from '../../functions/commons/env.ts';

/** The variable each port module under functions/commons/ports/ reads. */
const VARIABLE_OF_PORT: Record<string, string> = {
  store: 'TABLE_NAME',
  blobs: 'WORK_BUCKET',
  workflow: 'STATE_MACHINES',
  mailer: 'MAIL_FROM',
};

const deployed = Object.keys(HANDLER_ENV).filter((h) => h !== 'api');

describe('each handler imports the ports its environment names, and only those', () => {
  it.each(deployed)('%s', (handler) => {
    const file = `functions/${handler}/handler.ts`;
    expect(existsSync(file), file).toBe(true);
    const src = readFileSync(file, 'utf8');
    // All ports at once would put every SDK client and library in the bundle.
    expect(src).not.toMatch(/commons\/runtime\.ts/);
    const ports = [...src.matchAll(/import '\.\.\/commons\/ports\/(\w+)\.ts'/g)].map((m) => m[1]!);
    const declared = HANDLER_ENV[handler]!;
    const variables = new Set<string>([...declared.required, ...(declared.optional ?? [])]);
    expect(ports.map((p) => VARIABLE_OF_PORT[p]).sort()).toEqual(
      Object.values(VARIABLE_OF_PORT)
        .filter((v) => variables.has(v))
        .sort(),
    );
  });
});

#!/usr/bin/env node
// The `lakip` command: runs the TypeScript CLI through tsx (installed with the project). `lakip demo`
// starts the local runtime, which lives in infra/local (lib must not import infra), so it is dispatched here.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tsx = join(dirname(require.resolve('tsx/package.json')), 'dist', 'cli.mjs');
const args = process.argv.slice(2);
const entry =
  args[0] === 'demo' ? join(root, 'infra', 'local', 'demo-main.ts') : join(root, 'lib', 'cli', 'main.ts');
const r = spawnSync(process.execPath, [tsx, entry, ...(args[0] === 'demo' ? args.slice(1) : args)], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);

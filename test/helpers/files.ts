import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every SOP file in config/sop: the seeds and any SOP a user adds. Derived from the folder, never
 * listed, so that adding an SOP extends the suite instead of breaking it (issue 12, part 4).
 */
export const SEED_SOPS = readdirSync(join('config', 'sop'))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => f.replace(/\.ya?ml$/, ''))
  .sort();

export function seedText(id: string): string {
  return readFileSync(join('config', 'sop', `${id}.yaml`), 'utf8');
}

export function tempFile(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'lakip-test-'));
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
}

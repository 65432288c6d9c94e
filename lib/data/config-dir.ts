import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The config folder shipped with the project (and copied beside each Lambda bundle). */
export function defaultConfigDir(): string {
  if (process.env.LAKIP_CONFIG_DIR) return process.env.LAKIP_CONFIG_DIR;
  const here = fileURLToPath(new URL('.', import.meta.url));
  for (const candidate of [
    join(here, '..', '..', 'config'),
    join(here, '..', 'config'),
    join(here, 'config'),
    join(process.cwd(), 'config'),
  ]) {
    if (existsSync(join(candidate, 'sop'))) return candidate;
  }
  return join(process.cwd(), 'config');
}

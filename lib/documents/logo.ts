import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Agency } from '../agency/schema.ts';
import { defaultConfigDir } from '../data/config-dir.ts';

const cache = new Map<string, Uint8Array>();

/**
 * The agency's logo (`logo:` in its file, a PNG path relative to config/), or undefined when it has none:
 * then documents print no logo and no empty frame. The catalogue already refused a missing file.
 */
export function logoOf(agency: Agency, dir = defaultConfigDir()): Uint8Array | undefined {
  if (!agency.logo) return undefined;
  const path = join(dir, agency.logo);
  let png = cache.get(path);
  if (!png) {
    png = new Uint8Array(readFileSync(path));
    cache.set(path, png);
  }
  return png;
}

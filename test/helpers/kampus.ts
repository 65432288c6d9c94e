import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The synthetic sixth agency (test/fixtures/kampus): a campus directorate with its own office names. */
export const KAMPUS = { agencyId: 'poltek-khatulistiwa', sopId: 'poltek-khatulistiwa-lkj' } as const;

/** A config dir holding the project's config plus the synthetic agency, its SOP and its kinerja file. */
export function configWithKampus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lakip-kampus-'));
  cpSync('config', dir, { recursive: true });
  cpSync(join('test', 'fixtures', 'kampus'), dir, { recursive: true });
  return dir;
}

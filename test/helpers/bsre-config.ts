import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

/** The head of Balangan's NIK as registered with the (fake) PSrE. */
export const BSRE_NIK = '6308010101700001';

/**
 * A config dir holding the project's config with Balangan signing through a PSrE at `url`: its head has
 * a NIK, and the application's credentials come from the variable `kredensial` names.
 */
export function configWithBsre(url: string, kredensial = 'BSRE_BALANGAN'): string {
  const dir = mkdtempSync(join(tmpdir(), 'lakip-bsre-'));
  cpSync('config', dir, { recursive: true });
  const file = join(dir, 'instansi', 'dkukmtk-balangan.yaml');
  const agency = parse(readFileSync(file, 'utf8')) as {
    pimpinan: string;
    pejabat: Record<string, Record<string, unknown>>;
    tte?: unknown;
  };
  agency.pejabat[agency.pimpinan]!.nik = BSRE_NIK;
  agency.tte = { penyedia: 'bsre', url, kredensial };
  writeFileSync(file, stringify(agency));
  return dir;
}

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SEED_SOPS = [
  'dkukmtk-balangan-lakip',
  'kesbangpol-kobar-lakip',
  'kominfo-lumajang-data-kinerja',
  'diskominfotik-gorontalo-lkip',
];

export function seedText(id: string): string {
  return readFileSync(join('config', 'sop', `${id}.yaml`), 'utf8');
}

export function tempFile(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'lakip-test-'));
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
}

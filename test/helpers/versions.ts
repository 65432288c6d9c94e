import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A copy of the project's config/ in a temporary folder (SOP files can then be changed freely). */
export function configCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lakip-versi-'));
  cpSync('config', dir, { recursive: true });
  return dir;
}

/**
 * Publishes a new version of an SOP the way docs/sop-format.md says: the current file moves to
 * sop/arsip/<id>-v<n>.yaml unchanged, and the file in sop/ gets `versi: n+1` and the edit.
 */
export function addVersion(configDir: string, sopId: string, edit: (text: string) => string): number {
  const file = join(configDir, 'sop', `${sopId}.yaml`);
  const text = readFileSync(file, 'utf8');
  const versi = Number(/^versi: (\d+)$/m.exec(text)![1]);
  mkdirSync(join(configDir, 'sop', 'arsip'), { recursive: true });
  writeFileSync(join(configDir, 'sop', 'arsip', `${sopId}-v${versi}.yaml`), text);
  const next = edit(text.replace(/^versi: \d+$/m, `versi: ${versi + 1}`));
  if (next === text) throw new Error('the edit changed nothing');
  writeFileSync(file, next);
  return versi + 1;
}

/** Balangan v2: step 1 gets another wording and ten times the time. */
export const BALANGAN_V2 = {
  kegiatan: 'Memerintahkan penyusunan LAKIP (versi 2)',
  waktu: '100 Menit',
  edit: (t: string) =>
    t
      .replace(
        'kegiatan: Memerintahkan penyusunan LAKIP\n',
        'kegiatan: Memerintahkan penyusunan LAKIP (versi 2)\n',
      )
      .replace('waktu: 10 Menit', 'waktu: 100 Menit'),
};

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../lib/catalogue.ts';

/** A copy of config/ whose national-holiday file has `edit` applied. */
function withHolidays(edit: (text: string) => string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'lakip-libur-')), 'config');
  cpSync('config', dir, { recursive: true });
  const file = join(dir, 'kalender', 'libur-nasional.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

describe('the national holidays file', () => {
  it('is read into the catalogue', () => {
    const cat = loadCatalogue('config');
    expect(cat.liburNasional.has('2024-04-10')).toBe(true);
  });

  it('names the year, the entry and the field of an impossible date or an empty description, in Indonesian', () => {
    const dir = withHolidays((t) =>
      t
        .replace('tanggal: 2024-02-08,', 'tanggal: 2024-02-30,')
        .replace('keterangan: Hari Buruh Internasional }', "keterangan: '' }"),
    );
    expect(() => loadCatalogue(dir)).toThrow(/2024 ke-2, tanggal: bukan tanggal yang ada di kalender/);
    expect(() => loadCatalogue(dir)).toThrow(/keterangan: tidak boleh kosong/);
  });

  it('refuses a date listed under another year', () => {
    const dir = withHolidays((t) => t.replace('tanggal: 2024-02-08,', 'tanggal: 2025-02-08,'));
    expect(() => loadCatalogue(dir)).toThrow(/2025-02-08 tidak berada di tahun 2024/);
  });
});

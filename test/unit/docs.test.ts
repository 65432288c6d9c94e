import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { agencySchema, unitSchema } from '../../lib/agency/schema.ts';
import { loadCatalogue } from '../../lib/catalogue.ts';
import { main } from '../../lib/cli/main.ts';
import { STEP_KINDS } from '../../lib/cycle/steps/index.ts';
import {
  indikatorSchema,
  konvensiSchema,
  perjanjianKinerjaSchema,
  programSchema,
} from '../../lib/performance/model.ts';
import { JENIS_LANGKAH } from '../../lib/sop/schema.ts';

const doc = (name: string) => readFileSync(join('docs', name), 'utf8');

/** The fenced blocks of the worked example, by the path written after `yaml`. */
function exampleFiles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of doc('menambah-instansi.md').matchAll(/^```yaml (\S+)\n([\s\S]*?)^```$/gm))
    out.set(m[1]!, m[2]!);
  return out;
}

/** The project's config plus the example's files (optionally edited), loaded as one catalogue. */
function withExample(edit: (path: string, text: string) => string = (_p, t) => t): string {
  const dir = mkdtempSync(join(tmpdir(), 'lakip-docs-'));
  cpSync('config', dir, { recursive: true });
  for (const [path, text] of exampleFiles())
    writeFileSync(join(dir, path.replace(/^config\//, '')), edit(path, text));
  return dir;
}

const loadError = (dir: string) => {
  try {
    loadCatalogue(dir);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('the worked example of a new agency (docs/menambah-instansi.md)', () => {
  it('has its three files, and they load as a catalogue with the seeds', () => {
    expect([...exampleFiles().keys()].sort()).toEqual([
      'config/instansi/brida-sukamaju.yaml',
      'config/kinerja/brida-sukamaju-2025.yaml',
      'config/sop/brida-sukamaju-lkjip.yaml',
    ]);
    const cat = loadCatalogue(withExample());
    const agency = cat.agencies.get('brida-sukamaju')!;
    expect(agency.pimpinan).toBe('kaban');
    expect(cat.sops.get('brida-sukamaju-lkjip')!.langkah).toHaveLength(10);
    expect(cat.kinerja.has('brida-sukamaju/2025')).toBe(true);
  });

  it('prints its SOP from the file path the doc shows', async () => {
    const dir = withExample();
    const out = join(dir, 'sop.docx');
    const code = await main(['sop', 'cetak', join(dir, 'sop', 'brida-sukamaju-lkjip.yaml'), '--out', out], {
      out: () => undefined,
      err: () => undefined,
    });
    expect(code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('gives the messages the doc quotes for the common mistakes', () => {
    const text = doc('menambah-instansi.md').replace(/\s+/g, ' ');
    const sopTypo = loadError(
      withExample((p, t) =>
        p.includes('/sop/') ? t.replace('jabatan: kasubbag-program', 'jabatan: kasubag-program') : t,
      ),
    );
    const keyTypo = loadError(
      withExample((p, t) => (p.includes('/instansi/') ? t.replace('pengelola:', 'pengelolah:') : t)),
    );
    const headTypo = loadError(
      withExample((p, t) =>
        p.includes('/instansi/') ? t.replace('pimpinan: kaban', 'pimpinan: kepala') : t,
      ),
    );
    for (const [message, quoted] of [
      [sopTypo, /`(SOP 'brida-sukamaju-lkjip' memerlukan pejabat 'kasubag-program'[^`]*)`/],
      [keyTypo, /`(kunci 'pengelolah'[^`]*)`/],
      [headTypo, /`(pimpinan: 'kepala'[^`]*)`/],
    ] as const) {
      const q = quoted.exec(text)?.[1];
      expect(q).toBeDefined();
      expect(message.replace(/\s+/g, ' ')).toContain(q);
    }
  });
});

describe('the format docs name every field and every step kind', () => {
  const keys = (s: z.ZodObject) => Object.keys(s.shape);

  it('docs/instansi.md documents every key of the agency file', () => {
    const text = doc('instansi.md');
    for (const k of [...keys(agencySchema), ...keys(unitSchema)]) expect(text).toContain(`\`${k}\``);
  });

  it('docs/kinerja.md documents every key of the kinerja file', () => {
    const text = doc('kinerja.md');
    const all = [perjanjianKinerjaSchema, konvensiSchema, indikatorSchema, programSchema].flatMap(keys);
    for (const k of all) expect(text, k).toMatch(new RegExp(`\`${k}\`|^\\s*${k}:`, 'm'));
  });

  it('docs/jenis-langkah.md has a section per jenis naming the offices it needs', () => {
    const text = doc('jenis-langkah.md');
    for (const jenis of JENIS_LANGKAH) {
      const section = text.split(`### \`${jenis}\`\n`)[1]?.split('\n### ')[0];
      expect(section, jenis).toBeDefined();
      const jabatan = /\*\*Jabatan:\*\* (.*)\./.exec(section!)?.[1] ?? '';
      expect(
        [...jabatan.matchAll(/`([a-z]+)`/g)].map((m) => m[1]),
        jenis,
      ).toEqual([...STEP_KINDS[jenis].kantor]);
      expect(text).toMatch(new RegExp(`^\\| \`${jenis}\` \\|`, 'm'));
    }
  });
});

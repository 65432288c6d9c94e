import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { issueText, PESAN_BAWAAN } from '../datafile/issue-text.ts';
import { fieldLabel, lineOf } from '../datafile/locate.ts';
import { unknownKeys } from '../datafile/schema-walk.ts';
import { syntaxProblem } from '../datafile/yaml-errors.ts';
import { type Sop, sopSchema } from './schema.ts';
import { checkSop, type Masalah } from './validate.ts';

/** A data file (SOP, agency, indicators) that cannot be used, with every problem found, located. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly masalah: { lokasi: string; pesan: string }[],
  ) {
    super(`${file} tidak valid:\n${masalah.map((m) => `  - ${m.lokasi}: ${m.pesan}`).join('\n')}`);
    this.name = 'DataFileError';
  }
}

/**
 * Parses a YAML data file and validates it strictly against a schema, then against extra rules.
 * Strict: a key the schema does not define is an error (with the closest known key), at any depth
 * and for any schema, so that a misspelt key is never silently dropped. Every problem names the
 * line and the field (by the file's own step numbers and ids), in Bahasa Indonesia.
 */
export function parseDataFile<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  extra: (value: z.infer<S>) => Masalah[] = () => [],
): z.infer<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = syntaxProblem(text, doc, lineCounter);
  if (syntax) {
    throw new DataFileError(file, [
      { lokasi: `baris ${syntax.baris}`, pesan: `bukan YAML yang sah: ${syntax.pesan}` },
    ]);
  }
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch {
    // yaml refuses to expand more aliases than a data file can need (a "billion laughs" file).
    throw new DataFileError(file, [
      { lokasi: '(seluruh berkas)', pesan: 'bukan YAML yang sah: terlalu banyak alias (*nama)' },
    ]);
  }
  if (raw === null || raw === undefined)
    throw new DataFileError(file, [{ lokasi: '(seluruh berkas)', pesan: 'berkas kosong' }]);
  const located: { baris: number; lokasi: string; pesan: string }[] = [];
  const add = (path: (string | number)[], pesan: string, keyLine = false) => {
    const baris = lineOf(doc, lineCounter, path, keyLine);
    const field = fieldLabel(raw, path);
    located.push({ baris: baris ?? 0, lokasi: baris ? `baris ${baris}, ${field}` : field, pesan });
  };

  for (const u of unknownKeys(schema, raw)) {
    const hint = u.saran
      ? `maksud Anda '${u.saran}'?`
      : `kunci yang dikenal di sini: ${u.allowed.join(', ')}`;
    add(u.path, `kunci '${u.key}' tidak dikenal; ${hint}`, true);
  }
  const parsed = schema.safeParse(raw, { error: () => PESAN_BAWAAN });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      // Unknown keys are reported above, with a suggestion, for strict and non-strict objects alike.
      if (issue.code === 'unrecognized_keys') continue;
      add(issue.path as (string | number)[], issueText(issue, raw, schema));
    }
  } else {
    for (const m of extra(parsed.data)) add(m.path, m.pesan);
  }
  if (located.length > 0) {
    throw new DataFileError(
      file,
      located.sort((a, b) => a.baris - b.baris).map(({ lokasi, pesan }) => ({ lokasi, pesan })),
    );
  }
  return parsed.data as z.infer<S>;
}

export function parseSop(file: string, text: string): Sop {
  return parseDataFile(file, text, sopSchema, checkSop);
}

export function loadSopFile(file: string): Sop {
  return parseSop(file, readFileSync(file, 'utf8'));
}

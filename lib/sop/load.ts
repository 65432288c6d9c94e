import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
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
 * Parses a YAML data file and validates it against a schema, then against extra rules.
 * Every problem names the file, the line and the field, in Bahasa Indonesia.
 */
export function parseDataFile<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  extra: (value: z.infer<S>) => Masalah[] = () => [],
): z.infer<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new DataFileError(
      file,
      doc.errors.map((e) => ({
        lokasi: `baris ${lineCounter.linePos(e.pos[0]).line}`,
        pesan: `bukan YAML yang sah (${e.code})`,
      })),
    );
  }
  const locate = (path: (string | number)[]): string => {
    const field = path.length > 0 ? path.join('.') : '(berkas)';
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return `baris ${lineCounter.linePos(node.range[0]).line}, ${field}`;
    }
    return field;
  };
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new DataFileError(
      file,
      parsed.error.issues.map((issue) => ({
        lokasi: locate(issue.path as (string | number)[]),
        pesan: issue.code === 'invalid_type' && issue.input === undefined ? 'wajib diisi' : issue.message,
      })),
    );
  }
  const problems = extra(parsed.data);
  if (problems.length > 0) {
    throw new DataFileError(
      file,
      problems.map((m) => ({ lokasi: locate(m.path), pesan: m.pesan })),
    );
  }
  return parsed.data;
}

export function parseSop(file: string, text: string): Sop {
  return parseDataFile(file, text, sopSchema, checkSop);
}

export function loadSopFile(file: string): Sop {
  return parseSop(file, readFileSync(file, 'utf8'));
}

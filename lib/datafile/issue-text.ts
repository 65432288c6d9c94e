import type { z } from 'zod';
import { isIntegerSchema, schemaAt } from './schema-walk.ts';
import { closest } from './suggest.ts';

/**
 * zod issues told in Bahasa Indonesia, saying what was found and what is expected. zod 4 issues carry
 * no input by default, and a schema's own message (`harus berupa angka`) cannot tell "missing" from
 * "wrong type"; so the value is looked up in the parsed document by the issue's path, and a schema's
 * message is kept only where the schema wrote one (parse with `{ error: () => PESAN_BAWAAN }` so the
 * two can be told apart).
 */

type Schema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;

/** Marks an issue whose schema set no message of its own. */
export const PESAN_BAWAAN = '\u0000bawaan';

const KEY_MISSING = Symbol('tidak ada');

/** The value at `path` in the parsed document, or KEY_MISSING when a key on the way is absent. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, seg)) return KEY_MISSING;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/** How a found value is named in a message: `'ya'`, `angka 4`, `true`, `sebuah daftar`. */
export function sebut(v: unknown): string {
  if (v === KEY_MISSING || v === null || v === undefined) return 'kosong';
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
  if (typeof v === 'number') return `angka ${v}`;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'sebuah daftar';
  if (v instanceof Date) return `tanggal ${v.toISOString().slice(0, 10)}`;
  return 'sebuah bagian berisi kunci';
}

const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

const EXPECTED: Record<string, string> = {
  number: 'angka',
  int: 'bilangan bulat',
  string: 'teks',
  boolean: 'true atau false',
  array: "daftar (setiap butir diawali '- ')",
  object: 'bagian berisi kunci dan nilai',
  record: 'bagian berisi kunci dan nilai',
  date: 'tanggal',
};

function expectedOf(expected: string, node: Schema | undefined): string {
  if (expected === 'number' && isIntegerSchema(node)) return EXPECTED.int!;
  return EXPECTED[expected] ?? expected;
}

const list = (values: readonly unknown[]) => values.map((v) => String(v)).join(', ');

function withFound(pesan: string, v: unknown): string {
  return isScalar(v) && v !== '' && !pesan.includes('ditemukan') ? `${pesan}, ditemukan ${sebut(v)}` : pesan;
}

/** One issue as a sentence: `'delapan' bukan bilangan bulat`, `harus true atau false, ditemukan 'ya'`. */
export function issueText(issue: Issue, root: unknown, schema: Schema): string {
  return sentence(issue, valueAt(root, issue.path), schemaAt(schema, issue.path));
}

/** `v` is the value the issue is about (KEY_MISSING when absent), `node` the schema that refused it. */
function sentence(issue: Issue, v: unknown, node: Schema | undefined): string {
  const custom = issue.message !== PESAN_BAWAAN ? issue.message : undefined;
  switch (issue.code) {
    case 'invalid_type': {
      if (v === KEY_MISSING || v === null || v === undefined) return 'wajib diisi';
      if (custom) return withFound(custom, v);
      const want = expectedOf(issue.expected, node);
      if (issue.expected === 'number' || issue.expected === 'int') {
        return typeof v === 'string' || typeof v === 'number'
          ? `${sebut(v)} bukan ${want}`
          : `harus ${want}, ditemukan ${sebut(v)}`;
      }
      return `harus ${want}, ditemukan ${sebut(v)}`;
    }
    case 'invalid_value': {
      const base = custom ?? `harus salah satu dari: ${list(issue.values)}`;
      const saran = typeof v === 'string' ? closest(v, issue.values.map(String)) : undefined;
      const found = isScalar(v) ? withFound(base, v) : `${base}, ditemukan ${sebut(v)}`;
      return `${found}${saran ? `; maksud Anda '${saran}'?` : ''}`;
    }
    case 'too_small': {
      if (custom) return withFound(custom, v);
      const min = Number(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        const n = Array.isArray(v) ? v.length : 0;
        return issue.exact
          ? `harus berisi tepat ${min} butir, ditemukan ${n}`
          : `minimal ${min} butir, ditemukan ${n}`;
      }
      if (issue.origin === 'string') return min <= 1 ? 'tidak boleh kosong' : `minimal ${min} karakter`;
      return withFound(issue.inclusive ? `minimal ${min}` : `harus lebih besar dari ${min}`, v);
    }
    case 'too_big': {
      if (custom) return withFound(custom, v);
      const max = Number(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        const n = Array.isArray(v) ? v.length : 0;
        return issue.exact
          ? `harus berisi tepat ${max} butir, ditemukan ${n}`
          : `paling banyak ${max} butir, ditemukan ${n}`;
      }
      if (issue.origin === 'string') return `paling banyak ${max} karakter`;
      return withFound(issue.inclusive ? `paling besar ${max}` : `harus lebih kecil dari ${max}`, v);
    }
    case 'invalid_format': {
      const pattern = issue.format === 'regex' && 'pattern' in issue ? ` (pola ${issue.pattern})` : '';
      return withFound(custom ?? `bentuknya tidak sesuai${pattern}`, v);
    }
    case 'not_multiple_of':
      return withFound(custom ?? `harus kelipatan ${issue.divisor}`, v);
    case 'invalid_union': {
      if (custom) return withFound(custom, v);
      const kinds = issue.errors.flatMap((branch) =>
        branch.length === 1 && branch[0]!.code === 'invalid_type' && branch[0]!.path.length === 0
          ? [expectedOf(branch[0]!.expected, undefined)]
          : [],
      );
      if (v === KEY_MISSING || v === null) return 'wajib diisi';
      return kinds.length === issue.errors.length
        ? `harus ${[...new Set(kinds)].join(' atau ')}, ditemukan ${sebut(v)}`
        : `bentuknya tidak sesuai, ditemukan ${sebut(v)}`;
    }
    case 'invalid_key': {
      const key = String(issue.path.at(-1));
      const why = issue.issues.map((i) =>
        sentence(i as Issue, key, undefined).replace(/, ditemukan '[^']*'/, ''),
      );
      return `kunci '${key}' tidak sah: ${why.join('; ')}`;
    }
    case 'invalid_element':
      return custom ?? 'isi tidak sah';
    default:
      return custom ? withFound(custom, v) : `tidak sah, ditemukan ${sebut(v)}`;
  }
}

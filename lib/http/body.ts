import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';

export function bodyText(e: Pick<APIGatewayProxyEventV2, 'body' | 'isBase64Encoded'>): string {
  if (!e.body) return '';
  return e.isBase64Encoded ? Buffer.from(e.body, 'base64').toString('utf8') : e.body;
}

export const MALFORMED_JSON = 'badan permintaan bukan JSON yang sah';
export const NOT_AN_OBJECT = 'badan permintaan harus berupa objek JSON, misalnya {"tahun": 2025}';

export type ParsedBody = { ok: true; fields: Record<string, unknown> } | { ok: false; pesan: string };

/**
 * The fields of a request body: JSON (`content-type: application/json`, from scripts and the upload
 * page) or a URL-encoded form (the buttons on the pages). JSON values keep their types (a route's
 * schema checks them; nothing is coerced); form values are strings. Malformed JSON is refused as such,
 * so a broken script is told what is wrong rather than which field is then missing.
 */
export function parseBody(
  e: Pick<APIGatewayProxyEventV2, 'body' | 'isBase64Encoded' | 'headers'>,
): ParsedBody {
  const text = bodyText(e);
  const type = (e.headers['content-type'] ?? '').toLowerCase();
  if (!type.includes('application/json'))
    return { ok: true, fields: Object.fromEntries(new URLSearchParams(text)) };
  if (text.trim() === '') return { ok: true, fields: {} };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { ok: false, pesan: MALFORMED_JSON };
  }
  return v !== null && typeof v === 'object' && !Array.isArray(v)
    ? { ok: true, fields: v as Record<string, unknown> }
    : { ok: false, pesan: NOT_AN_OBJECT };
}

/** A value as it may appear in a message: short, one line. */
export function shown(v: unknown): string {
  const s = typeof v === 'string' ? `'${v}'` : (JSON.stringify(v) ?? String(v));
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const line = s.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

/**
 * Fields checked against a route's schema. Its messages name the field and what is expected (each
 * schema writes them in Bahasa Indonesia); fields the route does not know are named too.
 */
export function readFields<S extends z.ZodMiniType>(
  schema: S,
  fields: Record<string, unknown>,
): { ok: true; value: z.output<S> } | { ok: false; pesan: string } {
  const r = schema.safeParse(fields);
  if (r.success) return { ok: true, value: r.data };
  const pesan = r.error.issues.map((i) =>
    i.code === 'unrecognized_keys' ? `kolom tidak dikenal: ${i.keys.join(', ')}` : i.message,
  );
  return { ok: false, pesan: [...new Set(pesan)].join('; ') };
}

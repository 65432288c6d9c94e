import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export function bodyText(e: Pick<APIGatewayProxyEventV2, 'body' | 'isBase64Encoded'>): string {
  if (!e.body) return '';
  return e.isBase64Encoded ? Buffer.from(e.body, 'base64').toString('utf8') : e.body;
}

/**
 * The fields of a request body: JSON (`content-type: application/json`, from scripts and the upload
 * page) or a URL-encoded form (the decision buttons). Values become strings; a body that is not a JSON
 * object gives no fields, so the route answers as for missing fields.
 */
export function bodyFields(
  e: Pick<APIGatewayProxyEventV2, 'body' | 'isBase64Encoded' | 'headers'>,
): Record<string, string> {
  const text = bodyText(e);
  const type = (e.headers['content-type'] ?? '').toLowerCase();
  if (type.includes('application/json')) {
    try {
      const v = JSON.parse(text);
      return v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]))
        : {};
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

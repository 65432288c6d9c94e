import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { messagePage, type Onward } from '../pages/layout.ts';

/** What every route returns: an API Gateway (HTTP API, payload 2.0) response. */
export type HttpResponse = APIGatewayProxyStructuredResultV2;

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

/**
 * The pages' policy: nothing external but S3 (the task page posts uploads straight to a presigned URL,
 * so connect-src admits the endpoint browsers reach S3 at), and inline script only with this response's nonce.
 */
export function contentSecurityPolicy(nonce?: string): string {
  const s3 = process.env.S3_PUBLIC_ENDPOINT ?? 'https://*.amazonaws.com';
  return `default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; connect-src 'self' ${s3}${nonce ? `; script-src 'nonce-${nonce}'` : ''}`;
}

export function html(status: number, body: string, nonce?: string): HttpResponse {
  return {
    statusCode: status,
    headers: {
      ...SECURITY_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': contentSecurityPolicy(nonce),
    },
    body,
  };
}

export function json(status: number, body: unknown): HttpResponse {
  return {
    statusCode: status,
    headers: { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

/** See other: a page that moved (a timeline link's bare address) or a fresh download URL. */
export function redirect(location: string): HttpResponse {
  return { statusCode: 303, headers: { ...SECURITY_HEADERS, location }, body: '' };
}

/** JSON under /api/, a page everywhere else: what a browser or a script at that address expects. */
const isApi = (path: string) => path.startsWith('/api/');

/** The way back from a failed page behind a task link: the task itself, where the person can try again. */
function onward(path: string): Onward[] {
  const m = /^\/t\/([A-Za-z0-9_-]{22})(?:\/|$)/.exec(path);
  return m ? [{ href: `/t/${m[1]}`, label: 'Kembali ke tugas' }] : [];
}

export function notFound(path: string): HttpResponse {
  return isApi(path)
    ? json(404, { pesan: 'Alamat tidak dikenal.' })
    : html(404, messagePage('Halaman tidak ditemukan', 'Alamat ini tidak dikenal.'));
}

/** A request the route cannot take as sent (a malformed body, a field of the wrong kind): what is wrong. */
export function badRequest(path: string, pesan: string): HttpResponse {
  return isApi(path)
    ? json(400, { pesan })
    : html(400, messagePage('Permintaan tidak dapat diproses', pesan, onward(path)));
}

const FAILED = 'Terjadi kesalahan pada sistem; silakan coba lagi beberapa saat lagi.';

export function serverError(path: string): HttpResponse {
  return isApi(path)
    ? json(500, { pesan: FAILED })
    : html(500, messagePage('Terjadi kesalahan', FAILED, onward(path)));
}

/** A request path fit for the logs: task link ids are secrets. */
export function loggablePath(path: string): string {
  return path.replace(/\/t\/[^/]+/, '/t/[disamarkan]').replace(/tugas\/[^/]+/, 'tugas/[disamarkan]');
}

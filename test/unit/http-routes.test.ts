import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../lib/catalogue.ts';
import type { Ports } from '../../lib/cycle/ports.ts';
import { API_ROUTES, route } from '../../lib/http/api.ts';
import { OPERATOR_ROUTES } from '../../lib/http/operator-routes.ts';
import { PUBLIC_ROUTES } from '../../lib/http/public-routes.ts';
import { type Deps, match, type Route } from '../../lib/http/router.ts';
import { SIGNING_ROUTES } from '../../lib/http/signing-routes.ts';
import { event } from '../helpers/api-event.ts';

/** Deps a request must not reach: routing and refusals that need no storage prove it by not throwing. */
const untouched: Deps = {
  get ports(): Ports {
    throw new Error('storage touched');
  },
  get cat(): Catalogue {
    throw new Error('catalogue touched');
  },
};

const LINK = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('route table', () => {
  it.each([
    ['GET', `/t/${LINK}`, PUBLIC_ROUTES, [LINK]],
    ['HEAD', `/t/${LINK}`, PUBLIC_ROUTES, [LINK]],
    ['POST', `/t/${LINK}`, PUBLIC_ROUTES, [LINK]],
    ['GET', `/t/${LINK}/lini-masa`, PUBLIC_ROUTES, [LINK]],
    ['GET', `/t/${LINK}/instansi`, PUBLIC_ROUTES, [LINK]],
    ['POST', `/t/${LINK}/kirim-ulang`, PUBLIC_ROUTES, [LINK]],
    ['GET', `/api/tugas/${LINK}`, PUBLIC_ROUTES, [LINK]],
    ['POST', `/api/tugas/${LINK}/keputusan`, PUBLIC_ROUTES, [LINK]],
    ['POST', `/api/tugas/${LINK}/unggahan`, PUBLIC_ROUTES, [LINK]],
    ['GET', '/verifikasi/ABCDEFGHIJKLMNOPQRSTUVWXYZ', PUBLIC_ROUTES, ['ABCDEFGHIJKLMNOPQRSTUVWXYZ']],
    ['POST', '/api/siklus', OPERATOR_ROUTES, []],
    ['GET', '/api/tugas', OPERATOR_ROUTES, []],
    [
      'GET',
      '/api/siklus/dkukmtk-balangan/2025-tahunan-ab12',
      OPERATOR_ROUTES,
      ['dkukmtk-balangan', '2025-tahunan-ab12'],
    ],
  ])('%s %s goes to one route of its table', (method, path, table, params) => {
    const found = match(API_ROUTES, method, path);
    expect(found?.params).toEqual(params);
    expect(table).toContain(found?.route);
    expect(API_ROUTES.filter((r) => match([r], method, path))).toHaveLength(1);
  });

  it('keeps public link routes, the signing route and operator routes apart, so each table can be served on its own', () => {
    expect(API_ROUTES).toEqual([...PUBLIC_ROUTES, ...SIGNING_ROUTES, ...OPERATOR_ROUTES]);
    // The signing POST starts with a link id too, and only it is in its table.
    expect(SIGNING_ROUTES.map((r) => `${r.methods.join()} ${r.path.source}`)).toEqual([
      String.raw`POST ^\/t\/([^/]+)\/tanda-tangan$`,
    ]);
    // Public routes all start with a link id (the only thing that lets a request through), or a signed
    // document's verification id (a read-only page of what the document prints).
    const byLink = (r: Route) =>
      [String.raw`^\/t\/([^/]+)`, String.raw`^\/api\/tugas\/([^/]+)`].some((p) =>
        r.path.source.startsWith(p),
      );
    const verification = (r: Route) => r.path.source.startsWith(String.raw`^\/verifikasi\/`);
    expect(PUBLIC_ROUTES.filter((r) => !byLink(r) && !verification(r))).toEqual([]);
    expect(PUBLIC_ROUTES.filter(verification).flatMap((r) => r.methods)).toEqual(['GET', 'HEAD']);
    expect(OPERATOR_ROUTES.filter(byLink)).toEqual([]);
  });

  it.each([
    ['GET', '/'],
    ['GET', '/t/'],
    ['GET', `/t/${LINK}/lain`],
    ['GET', `/t/${LINK}/lini-masa/`],
    ['DELETE', `/t/${LINK}`],
    ['PUT', `/t/${LINK}/instansi`],
  ])(
    'answers %s %s (outside /api/) with the HTML "not found" page, touching nothing',
    async (method, path) => {
      const r = await route(event(method, path), untouched);
      expect(r.statusCode).toBe(404);
      expect(r.headers?.['content-type']).toBe('text/html; charset=utf-8');
      expect(r.headers?.['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(r.body).toContain('Halaman tidak ditemukan');
    },
  );

  it.each([
    ['GET', '/api/'],
    ['GET', '/api/lain'],
    ['GET', '/api/siklus'],
    ['POST', '/api/tugas'],
    ['GET', `/api/tugas/${LINK}/keputusan`],
    ['GET', '/api/siklus/BESAR/x'],
    ['POST', '/api/siklus/a/b'],
  ])('answers %s %s (under /api/) with JSON "not found", touching nothing', async (method, path) => {
    const r = await route(event(method, path), untouched);
    expect(r.statusCode).toBe(404);
    expect(r.headers?.['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(r.body!)).toEqual({ pesan: 'Alamat tidak dikenal.' });
  });

  it('refuses a malformed link id as an unknown link, page or JSON, before any lookup', async () => {
    const deps = { ports: {} as Ports, cat: {} as Catalogue };
    const page = await route(event('GET', '/t/bukan-tautan'), deps);
    expect([page.statusCode, page.headers?.['content-type']]).toEqual([404, 'text/html; charset=utf-8']);
    expect(page.body).toContain('Tautan tidak dikenal');
    const api = await route(event('GET', '/api/tugas/bukan-tautan'), deps);
    expect(api.statusCode).toBe(404);
    expect(JSON.parse(api.body!).pesan).toContain('Tautan ini tidak dikenal');
  });

  it('offers "kirim ulang tautan" on a dead link only when the id is well formed, and answers a resend alike', async () => {
    const deps = { ports: {} as Ports, cat: {} as Catalogue };
    expect((await route(event('GET', '/t/bukan-tautan'), deps)).body).not.toContain('kirim-ulang');
    const resend = await route(event('POST', '/t/bukan-tautan/kirim-ulang'), deps);
    expect([resend.statusCode, resend.body]).toEqual([200, expect.stringContaining('Permintaan diterima')]);
  });

  it('asks an operator listing tasks to name whose', async () => {
    const deps = { ports: {} as Ports, cat: {} as Catalogue };
    const r = await route(event('GET', '/api/tugas', { query: { status: 'terbuka' } }), deps);
    expect(r.statusCode).toBe(400);
    expect(JSON.parse(r.body!).pesan).toBe('Sebutkan email, instansi, atau instansi dan siklus.');
  });
});

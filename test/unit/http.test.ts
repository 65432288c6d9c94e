import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { type Catalogue, loadCatalogue } from '../../lib/catalogue.ts';
import { linkHash, newLinkId } from '../../lib/cycle/links.ts';
import type { Cycle, HumanTask, Keputusan, TaskLink } from '../../lib/cycle/model.ts';
import type { CycleStore, Ports } from '../../lib/cycle/ports.ts';
import { API_ROUTES, route } from '../../lib/http/api.ts';
import { bodyFields } from '../../lib/http/body.ts';
import { OPERATOR_ROUTES } from '../../lib/http/operator-routes.ts';
import { PUBLIC_ROUTES } from '../../lib/http/public-routes.ts';
import { type Deps, match, type Route } from '../../lib/http/router.ts';

function event(
  method: string,
  path: string,
  opts: { body?: string; type?: string; base64?: boolean; query?: Record<string, string> } = {},
): APIGatewayProxyEventV2 {
  const body =
    opts.body === undefined ? undefined : opts.base64 ? Buffer.from(opts.body).toString('base64') : opts.body;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: opts.type ? { 'content-type': opts.type } : {},
    queryStringParameters: opts.query,
    requestContext: { http: { method, path } } as APIGatewayProxyEventV2['requestContext'],
    body,
    isBase64Encoded: opts.base64 ?? false,
  };
}

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
    ['GET', `/api/tugas/${LINK}`, PUBLIC_ROUTES, [LINK]],
    ['POST', `/api/tugas/${LINK}/keputusan`, PUBLIC_ROUTES, [LINK]],
    ['POST', `/api/tugas/${LINK}/unggahan`, PUBLIC_ROUTES, [LINK]],
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

  it('keeps public link routes and operator routes apart, so each table can be served on its own', () => {
    expect(API_ROUTES).toEqual([...PUBLIC_ROUTES, ...OPERATOR_ROUTES]);
    // Public routes all start with a link id: the only thing that lets a request through.
    const byLink = (r: Route) =>
      [String.raw`^\/t\/([^/]+)`, String.raw`^\/api\/tugas\/([^/]+)`].some((p) =>
        r.path.source.startsWith(p),
      );
    expect(PUBLIC_ROUTES.filter((r) => !byLink(r))).toEqual([]);
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

  it('asks an operator listing tasks to name whose', async () => {
    const deps = { ports: {} as Ports, cat: {} as Catalogue };
    const r = await route(event('GET', '/api/tugas', { query: { status: 'terbuka' } }), deps);
    expect(r.statusCode).toBe(400);
    expect(JSON.parse(r.body!).pesan).toBe('Sebutkan email, instansi, atau instansi dan siklus.');
  });
});

describe('body fields', () => {
  const fields = (body: string | undefined, type?: string, base64 = false) =>
    bodyFields(event('POST', '/', { body, type, base64 }));

  it('reads JSON objects, values as strings', () => {
    expect(fields('{"agencyId":"a","tahun":2025,"x":true}', 'application/json')).toEqual({
      agencyId: 'a',
      tahun: '2025',
      x: 'true',
    });
    expect(fields('{"hasil":"setuju"}', 'Application/JSON; charset=utf-8')).toEqual({ hasil: 'setuju' });
  });

  it('reads URL-encoded forms, also without a content type', () => {
    expect(fields('hasil=kembali&catatan=Tabel+3+salah%21', 'application/x-www-form-urlencoded')).toEqual({
      hasil: 'kembali',
      catatan: 'Tabel 3 salah!',
    });
    expect(fields('hasil=selesai')).toEqual({ hasil: 'selesai' });
  });

  it('decodes base64 bodies (how API Gateway and the local server deliver them)', () => {
    expect(fields('{"namaBerkas":"isian ü.xlsx"}', 'application/json', true)).toEqual({
      namaBerkas: 'isian ü.xlsx',
    });
    expect(fields('catatan=%C3%BC', 'application/x-www-form-urlencoded', true)).toEqual({ catatan: 'ü' });
  });

  it('gives no fields for an empty body, malformed JSON or JSON that is not an object', () => {
    expect(fields(undefined, 'application/json')).toEqual({});
    expect(fields('', 'application/x-www-form-urlencoded')).toEqual({});
    expect(fields('{"hasil":', 'application/json')).toEqual({});
    expect(fields('"setuju"', 'application/json')).toEqual({});
    expect(fields('null', 'application/json')).toEqual({});
  });

  it('reach the route: a start request from JSON or a form is checked field by field', async () => {
    const cat = {
      agencies: new Map([['dinas-a', { id: 'dinas-a', sop: ['sop-a'] }]]),
      sops: new Map(),
      kinerja: new Map(),
    } as unknown as Catalogue;
    const deps = { ports: {} as Ports, cat };
    const expected =
      "SOP 'sop-b' tidak dijalankan oleh dinas-a; yang ada: sop-a; Perjanjian Kinerja dinas-a tahun 2031 belum ada";
    for (const [body, type] of [
      ['{"agencyId":"dinas-a","sopId":"sop-b","tahun":2031}', 'application/json'],
      ['agencyId=dinas-a&sopId=sop-b&tahun=2031', 'application/x-www-form-urlencoded'],
    ] as const) {
      const r = await route(event('POST', '/api/siklus', { body, type }), deps);
      expect(r.statusCode).toBe(400);
      expect(JSON.parse(r.body!)).toEqual({ pesan: expected });
    }
    const malformed = await route(
      event('POST', '/api/siklus', { body: '{', type: 'application/json' }),
      deps,
    );
    expect([malformed.statusCode, JSON.parse(malformed.body!)]).toEqual([
      400,
      { pesan: "instansi '' tidak dikenal" },
    ]);
  });
});

describe('decisions', () => {
  const cat = loadCatalogue();
  const linkId = newLinkId();
  const now = new Date('2026-01-12T02:00:00Z');
  const cycle: Cycle = {
    agencyId: 'dkukmtk-balangan',
    cycleId: '2025-tahunan-uji',
    sopId: 'dkukmtk-balangan-lakip',
    sopVersi: 1,
    tahun: 2025,
    periode: 'tahunan',
    status: 'berjalan',
    dimulai: '2026-01-05T01:00:00Z',
    catatanKoreksi: [],
  };
  const assignee = { nama: 'Sekretaris', jabatan: 'Sekretaris Dinas', email: 'sekretaris@example.go.id' };

  /** A store holding one open review task (step 7, keputusan) behind `linkId`; records decisions. */
  function deps(link: Partial<TaskLink> = {}) {
    const task: HumanTask = {
      agencyId: cycle.agencyId,
      cycleId: cycle.cycleId,
      taskId: '07.-.1',
      no: 7,
      unit: '-',
      putaran: 1,
      jenisTugas: 'keputusan',
      kegiatan: 'Mengoreksi Dokumen LAKIP',
      kelengkapan: 'Dokumen LAKIP',
      output: 'Dokumen LAKIP',
      assignee,
      tenggat: '2026-01-13T02:00:00Z',
      dibuat: '2026-01-12T01:00:00Z',
      status: 'terbuka',
      jabatan: 'sekretaris',
      taskToken: 'rahasia',
      berkas: [],
    };
    const decided: Keputusan[] = [];
    const resumed: unknown[] = [];
    const store: Partial<CycleStore> = {
      getLink: async (hash) =>
        hash === linkHash(linkId)
          ? {
              hash,
              ...cycle,
              taskId: task.taskId,
              email: assignee.email,
              dibuat: '',
              kedaluwarsa: '2026-02-01T00:00:00Z',
              ...link,
            }
          : undefined,
      getTask: async () => task,
      getCycle: async () => cycle,
      decideTask: async (_a, _c, _t, k) => {
        if (task.status !== 'terbuka') return false;
        task.status = 'selesai';
        decided.push(k);
        return true;
      },
    };
    const ports = {
      store,
      workflow: { succeed: async (token: string, out: unknown) => void resumed.push({ token, out }) },
      clock: { now: () => now },
    } as unknown as Ports;
    return { deps: { ports, cat }, decided, resumed };
  }

  const form = (body: string) => ({ body, type: 'application/x-www-form-urlencoded' });
  const asJson = (body: object) => ({ body: JSON.stringify(body), type: 'application/json' });

  it('records an answer from the page form once, resumes the execution, and thanks with a page', async () => {
    const d = deps();
    const r = await route(event('POST', `/t/${linkId}`, form('hasil=kembali&catatan=Tabel+3')), d.deps);
    expect([r.statusCode, r.headers?.['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(r.body).toContain('Dokumen dikembalikan dengan catatan Anda.');
    expect(d.decided).toEqual([
      { hasil: 'kembali', catatan: 'Tabel 3', oleh: assignee, waktu: now.toISOString() },
    ]);
    expect(d.resumed).toEqual([{ token: 'rahasia', out: d.decided[0] }]);
    const again = await route(event('POST', `/t/${linkId}`, form('hasil=setuju')), d.deps);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Sudah diproses');
  });

  it('records the same answer from JSON, and tells it back as JSON', async () => {
    const d = deps();
    const path = `/api/tugas/${linkId}/keputusan`;
    const r = await route(event('POST', path, asJson({ hasil: 'setuju' })), d.deps);
    expect(r.statusCode).toBe(200);
    expect(JSON.parse(r.body!)).toEqual({
      hasil: 'setuju',
      catatan: '',
      oleh: assignee,
      waktu: now.toISOString(),
    });
    const again = await route(event('POST', path, asJson({ hasil: 'setuju' })), d.deps);
    expect(again.statusCode).toBe(409);
    expect(JSON.parse(again.body!)).toMatchObject({ ok: false, alasan: 'sudah-diproses' });
  });

  it('refuses an answer the task does not accept, as a page or as JSON', async () => {
    const d = deps();
    const page = await route(event('POST', `/t/${linkId}`, form('hasil=kembali')), d.deps);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Belum dapat diproses');
    expect(page.body).toContain('Catatan wajib diisi');
    const api = await route(
      event('POST', `/api/tugas/${linkId}/keputusan`, asJson({ hasil: 'selesai' })),
      d.deps,
    );
    expect(api.statusCode).toBe(400);
    expect(JSON.parse(api.body!)).toEqual({
      ok: false,
      alasan: 'tidak-sah',
      pesan: 'Jawaban harus salah satu dari: setuju, kembali.',
    });
    expect(d.decided).toEqual([]);
  });

  it('refuses an expired link with 410, as a page or as JSON', async () => {
    const d = deps({ kedaluwarsa: '2026-01-01T00:00:00Z' });
    const page = await route(event('POST', `/t/${linkId}`, form('hasil=setuju')), d.deps);
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('Tautan kedaluwarsa');
    const api = await route(event('GET', `/api/tugas/${linkId}`), d.deps);
    expect(api.statusCode).toBe(410);
    expect(JSON.parse(api.body!).pesan).toContain('sudah kedaluwarsa');
    expect(d.decided).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../lib/catalogue.ts';
import type { Ports } from '../../lib/cycle/ports.ts';
import { route } from '../../lib/http/api.ts';
import { MALFORMED_JSON, NOT_AN_OBJECT, parseBody } from '../../lib/http/body.ts';
import { event } from '../helpers/api-event.ts';

describe('body fields', () => {
  const parsed = (body: string | undefined, type?: string, base64 = false) =>
    parseBody(event('POST', '/', { body, type, base64 }));
  const fields = (body: string | undefined, type?: string, base64 = false) => {
    const p = parsed(body, type, base64);
    if (!p.ok) throw new Error(p.pesan);
    return p.fields;
  };

  it('reads JSON objects, values as sent (a schema checks them; nothing is coerced)', () => {
    expect(fields('{"agencyId":"a","tahun":2025,"x":true}', 'application/json')).toEqual({
      agencyId: 'a',
      tahun: 2025,
      x: true,
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

  it('gives no fields for an empty body', () => {
    expect(fields(undefined, 'application/json')).toEqual({});
    expect(fields(' ', 'application/json')).toEqual({});
    expect(fields('', 'application/x-www-form-urlencoded')).toEqual({});
  });

  it('refuses malformed JSON as such, and JSON that is not an object', () => {
    expect(parsed('{"hasil":', 'application/json')).toEqual({ ok: false, pesan: MALFORMED_JSON });
    expect(MALFORMED_JSON).toBe('badan permintaan bukan JSON yang sah');
    for (const body of ['"setuju"', 'null', '[1]', '2025'])
      expect(parsed(body, 'application/json')).toEqual({ ok: false, pesan: NOT_AN_OBJECT });
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
      { pesan: 'badan permintaan bukan JSON yang sah' },
    ]);
  });

  it.each([
    [
      '{"agencyId":"dinas-a","sopId":"sop-a","tahun":"dua ribu"}',
      "tahun harus berupa angka tahun empat digit antara 2000 dan 2100, misalnya 2025 (diterima: 'dua ribu')",
    ],
    [
      '{"agencyId":"dinas-a","sopId":"sop-a","tahun":2025.5}',
      'tahun harus berupa angka tahun empat digit antara 2000 dan 2100, misalnya 2025 (diterima: 2025.5)',
    ],
    [
      '{"agencyId":"dinas-a","sopId":"sop-a","tahun":true}',
      'tahun harus berupa angka tahun empat digit antara 2000 dan 2100, misalnya 2025 (diterima: true)',
    ],
    ['{"agencyId":"dinas-a","sopId":"sop-a"}', 'tahun wajib diisi, misalnya 2025'],
    [
      '{"agencyId":["dinas-a"],"sopId":"sop-a","tahun":2025}',
      `agencyId wajib diisi berupa teks, misalnya 'dkukmtk-balangan' (diterima: ["dinas-a"])`,
    ],
    ['{"sopId":"sop-a","tahun":2025}', "agencyId wajib diisi berupa teks, misalnya 'dkukmtk-balangan'"],
    [
      '{"agencyId":"Dinas A","sopId":"sop-a","tahun":2025}',
      "agencyId tidak sah: huruf kecil, angka dan '-' saja (diterima: 'Dinas A')",
    ],
    [
      '{"agencyId":"dinas-a","sopId":"sop-a","tahun":2025,"periode":"TW5"}',
      "periode harus salah satu dari tahunan, TW1, TW2, TW3, TW4 (diterima: 'TW5')",
    ],
    [
      '{"agencyId":"dinas-a","sopId":"sop-a","tahun":2025,"ulang":"ya"}',
      "ulang harus true atau false (diterima: 'ya')",
    ],
    [
      '{"agencyId":"dinas-a","sopId":"sop-a","year":2025}',
      'tahun wajib diisi, misalnya 2025; kolom tidak dikenal: year',
    ],
  ])('refuses the start request %s by field name, before any lookup', async (body, pesan) => {
    const deps = { ports: {} as Ports, cat: {} as Catalogue };
    const r = await route(event('POST', '/api/siklus', { body, type: 'application/json' }), deps);
    expect([r.statusCode, JSON.parse(r.body!)]).toEqual([400, { pesan }]);
  });

  it('takes the year as four digits from a form, and as a number from JSON', async () => {
    const cat = {
      agencies: new Map([['dinas-a', { id: 'dinas-a', sop: ['sop-a'] }]]),
      sops: new Map(),
      kinerja: new Map(),
    } as unknown as Catalogue;
    const deps = { ports: {} as Ports, cat };
    for (const [body, type] of [
      ['agencyId=dinas-a&sopId=sop-a&tahun=2031&ulang=true', 'application/x-www-form-urlencoded'],
      ['{"agencyId":"dinas-a","sopId":"sop-a","tahun":"2031"}', 'application/json'],
    ] as const) {
      const r = await route(event('POST', '/api/siklus', { body, type }), deps);
      expect(JSON.parse(r.body!).pesan).toBe('Perjanjian Kinerja dinas-a tahun 2031 belum ada');
    }
  });

  it('refuses malformed JSON on a page route with a page, and a decision of the wrong type by name', async () => {
    const deps = { ports: {} as Ports, cat: {} as Catalogue };
    const page = await route(
      event('POST', `/t/${'A'.repeat(22)}`, { body: '{', type: 'application/json' }),
      deps,
    );
    expect([page.statusCode, page.headers?.['content-type']]).toEqual([400, 'text/html; charset=utf-8']);
    expect(page.body).toContain('badan permintaan bukan JSON yang sah');
    const api = await route(
      event('POST', `/api/tugas/${'A'.repeat(22)}/keputusan`, {
        body: '{"hasil":1}',
        type: 'application/json',
      }),
      deps,
    );
    expect([api.statusCode, JSON.parse(api.body!)]).toEqual([
      400,
      { pesan: 'hasil harus berupa teks: setuju, kembali atau selesai' },
    ]);
    const upload = await route(
      event('POST', `/api/tugas/${'A'.repeat(22)}/unggahan`, {
        body: '{"namaBerkas":{}}',
        type: 'application/json',
      }),
      deps,
    );
    expect(upload.statusCode).toBe(400);
    expect(JSON.parse(upload.body!).pesan).toContain('namaBerkas wajib diisi berupa teks');
  });
});

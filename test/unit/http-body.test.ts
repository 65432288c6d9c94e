import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../lib/catalogue.ts';
import type { Ports } from '../../lib/cycle/ports.ts';
import { route } from '../../lib/http/api.ts';
import { bodyFields } from '../../lib/http/body.ts';
import { event } from '../helpers/api-event.ts';

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

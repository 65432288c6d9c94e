import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../lib/catalogue.ts';
import { linkHash, newLinkId } from '../../lib/cycle/links.ts';
import type { Keputusan, TaskLink } from '../../lib/cycle/model.ts';
import type { CycleStore, Ports } from '../../lib/cycle/ports.ts';
import { route } from '../../lib/http/api.ts';
import { event } from '../helpers/api-event.ts';
import { cycleFixture, taskFixture } from '../helpers/fixtures.ts';

describe('decisions', () => {
  const cat = loadCatalogue();
  const linkId = newLinkId();
  const now = new Date('2026-01-12T02:00:00Z');
  const cycle = cycleFixture({ dimulai: '2026-01-05T01:00:00Z' });
  const assignee = { nama: 'Sekretaris', jabatan: 'Sekretaris Dinas', email: 'sekretaris@example.go.id' };

  /** A store holding one open review task (step 7, keputusan) behind `linkId`; records decisions. */
  function deps(link: Partial<TaskLink> = {}) {
    const task = taskFixture(cycle, {
      assignee,
      tenggat: '2026-01-13T02:00:00Z',
      dibuat: '2026-01-12T01:00:00Z',
    });
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
      getTaskToken: async () => 'rahasia',
      getCycle: async () => cycle,
      decideTask: async (_a, _c, _t, k) => {
        if (task.status !== 'terbuka') return false;
        task.status = 'diputuskan';
        decided.push(k);
        return true;
      },
      markDelivered: async () => {
        if (task.status !== 'diputuskan') return false;
        task.status = 'selesai';
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

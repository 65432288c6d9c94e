import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../lib/catalogue.ts';
import type { Cycle } from '../../lib/cycle/model.ts';
import type { Ports } from '../../lib/cycle/ports.ts';
import { route } from '../../lib/http/api.ts';
import { event } from '../helpers/api-event.ts';
import { startDynamo } from '../helpers/dynamo.ts';
import { type MemoryClock, type MemoryWorkflow, memoryPorts } from '../helpers/memory-ports.ts';

const cat = loadCatalogue();
const AGENCY = 'dkukmtk-balangan';
const SOP = 'dkukmtk-balangan-lakip';

let db: Awaited<ReturnType<typeof startDynamo>>;
let ports: Ports;
let workflow: MemoryWorkflow;
let clock: MemoryClock;
beforeEach(async () => {
  db = await startDynamo();
  // The store on dynalite (its conditional writes are what this is about); the rest in memory.
  const m = memoryPorts({ now: '2026-01-05T01:00:00Z' });
  ({ workflow, clock } = m);
  ports = { ...m, store: db.store };
});
afterEach(() => db.stop());

/** POST /api/siklus through the route table, as the API function serves it. */
async function start(extra: Record<string, unknown> = {}) {
  const body = JSON.stringify({ agencyId: AGENCY, sopId: SOP, tahun: 2025, ...extra });
  const r = await route(event('POST', '/api/siklus', { body, type: 'application/json' }), {
    ports,
    cat,
  });
  return { status: r.statusCode, body: JSON.parse(r.body!) };
}

describe('one cycle per agency, SOP and period', () => {
  it('lets one of five concurrent starts win; the others get 409 naming the running cycle', async () => {
    const all = await Promise.all(Array.from({ length: 5 }, () => start()));
    const won = all.filter((r) => r.status === 201);
    expect(won).toHaveLength(1);
    const cycle = won[0]!.body as Cycle;
    expect(all.filter((r) => r.status === 409)).toHaveLength(4);
    for (const r of all.filter((x) => x.status === 409)) {
      expect(r.body.siklus).toMatchObject({ cycleId: cycle.cycleId, dimulai: cycle.dimulai });
      expect(r.body.pesan).toContain(cycle.cycleId);
      expect(r.body.pesan).toMatch(/dimulai 5 Januari 2026 pukul 09\.00 WITA/);
      expect(r.body.pesan).toContain('"ulang": true');
    }
    expect(await db.store.listCycles(AGENCY)).toHaveLength(1);
    expect(workflow.started).toHaveLength(1);
  });

  it('refuses a later start too, even once the cycle finished, unless a repeat is asked for', async () => {
    const first = (await start()).body as Cycle;
    await db.store.finishCycle(AGENCY, first.cycleId, '2026-02-01T01:00:00Z');
    clock.set('2026-02-02T01:00:00Z');
    const again = await start();
    expect(again.status).toBe(409);
    expect(again.body.siklus).toMatchObject({ cycleId: first.cycleId, status: 'selesai' });
    expect(again.body.pesan).toContain(`${first.cycleId} (selesai, dimulai`);

    const repeat = await start({ ulang: true });
    expect(repeat.status).toBe(201);
    expect(repeat.body).toMatchObject({ ulangDari: first.cycleId, status: 'berjalan' });
    const third = await start();
    expect([third.status, third.body.siklus.cycleId]).toEqual([409, repeat.body.cycleId]);
    expect(await db.store.listCycles(AGENCY)).toHaveLength(2);
  });

  it('lets one of three concurrent repeats win', async () => {
    const first = (await start()).body as Cycle;
    const all = await Promise.all(Array.from({ length: 3 }, () => start({ ulang: true })));
    expect(all.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const repeat = all.find((r) => r.status === 201)!.body as Cycle;
    expect(repeat.ulangDari).toBe(first.cycleId);
    for (const r of all.filter((x) => x.status === 409)) expect(r.body.siklus.cycleId).toBe(repeat.cycleId);
    expect(await db.store.listCycles(AGENCY)).toHaveLength(2);
  });

  it('keeps periods apart: another period of a quarterly SOP starts', async () => {
    const [agencyId, sopId] = ['kominfo-lumajang', 'kominfo-lumajang-data-kinerja'];
    const q = (periode: string) => start({ agencyId, sopId, periode });
    expect((await q('TW1')).status).toBe(201);
    expect((await q('TW2')).status).toBe(201);
    expect((await q('TW1')).status).toBe(409);
  });

  it('gives the period back when the workflow could not be started', async () => {
    workflow.failNext('start');
    await expect(start()).rejects.toThrow('layanan tidak tersedia');
    const next = await start();
    expect(next.status).toBe(201);
  });

  it('counts a cycle started before claims existed', async () => {
    await db.store.createCycle({
      agencyId: AGENCY,
      cycleId: '2025-tahunan-lama',
      sopId: SOP,
      sopVersi: 1,
      tahun: 2025,
      periode: 'tahunan',
      status: 'berjalan',
      dimulai: '2025-12-01T01:00:00Z',
      executionArn: 'arn:lokal:lama',
      catatanKoreksi: [],
    });
    const r = await start();
    expect([r.status, r.body.siklus.cycleId]).toEqual([409, '2025-tahunan-lama']);
    expect((await start({ ulang: true })).body.ulangDari).toBe('2025-tahunan-lama');
  });
});

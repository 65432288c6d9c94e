import { describe, expect, it } from 'vitest';
import type { AccessLink, CycleClaim } from '../../lib/cycle/model.ts';
import type { CycleStore } from '../../lib/cycle/ports.ts';
import { scope } from './store-fixtures.ts';

/**
 * The CycleStore methods behind one cycle per period, links that keep working and failed uploads, run
 * against the DynamoDB adapter on dynalite and the memory store alike (as test/helpers/store-contract.ts).
 */
export function cycleStoreLinkContract(name: string, store: () => CycleStore) {
  describe(`${name}: claims, link bookkeeping and failed uploads`, () => {
    it('lets one of many concurrent claims on a period win, and a repeat replace only the holder it saw', async () => {
      const { cycle } = scope();
      const claim = (cycleId: string): CycleClaim => ({
        agencyId: cycle.agencyId,
        sopId: cycle.sopId,
        tahun: 2025,
        periode: 'tahunan',
        cycleId,
        dimulai: '2026-01-05T01:00:00.000Z',
      });
      const tries = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => store().claimCycle(claim(id))));
      expect(tries.filter(Boolean)).toHaveLength(1);
      const holder = (await store().getCycleClaim(cycle.agencyId, cycle.sopId, 2025, 'tahunan'))!;
      expect(['a', 'b', 'c', 'd', 'e'][tries.indexOf(true)]).toBe(holder.cycleId);
      expect(await store().getCycleClaim(cycle.agencyId, cycle.sopId, 2025, 'TW1')).toBeUndefined();
      expect(await store().claimCycle(claim('f'), 'bukan-pemegang')).toBe(false);
      const repeats = await Promise.all(
        ['f', 'g'].map((id) => store().claimCycle(claim(id), holder.cycleId)),
      );
      expect(repeats.filter(Boolean)).toHaveLength(1);
      const now = (await store().getCycleClaim(cycle.agencyId, cycle.sopId, 2025, 'tahunan'))!;
      await store().releaseCycleClaim(claim(holder.cycleId));
      expect(await store().getCycleClaim(cycle.agencyId, cycle.sopId, 2025, 'tahunan')).toEqual(now);
      await store().releaseCycleClaim(now);
      expect(await store().getCycleClaim(cycle.agencyId, cycle.sopId, 2025, 'tahunan')).toBeUndefined();
      // A claim is no cycle of the agency.
      expect(await store().listCycles(cycle.agencyId)).toEqual([]);
    });

    it("moves a task's newest link expiry forward only, and never creates a task", async () => {
      const { cycle, task } = scope();
      await store().putTask(task());
      const note = (k: string) => store().noteLinkExpiry(cycle.agencyId, cycle.cycleId, '07.-.1', k);
      await note('2026-02-04T01:00:00.000Z');
      await note('2026-02-01T01:00:00.000Z');
      expect((await store().getTask(cycle.agencyId, cycle.cycleId, '07.-.1'))!.tautanBerakhir).toBe(
        '2026-02-04T01:00:00.000Z',
      );
      await note('2026-03-01T01:00:00.000Z');
      expect((await store().getTask(cycle.agencyId, cycle.cycleId, '07.-.1'))!.tautanBerakhir).toBe(
        '2026-03-01T01:00:00.000Z',
      );
      await store().noteLinkExpiry(cycle.agencyId, cycle.cycleId, '08.-.1', '2026-03-01T01:00:00.000Z');
      expect(await store().getTask(cycle.agencyId, cycle.cycleId, '08.-.1')).toBeUndefined();
      expect(await store().listTasks(cycle.agencyId, cycle.cycleId)).toHaveLength(1);
    });

    it('throttles resends per subject: one of many at once, none again within the window', async () => {
      const { cycle } = scope();
      const mark = (subject: string, at: string, notBefore: string) =>
        store().markResend(cycle.agencyId, cycle.cycleId, subject, at, notBefore);
      const t0 = '2026-01-05T01:00:00.000Z';
      const first = await Promise.all(Array.from({ length: 5 }, () => mark('tugas:07.-.1', t0, t0)));
      expect(first.filter(Boolean)).toHaveLength(1);
      expect(await mark('tugas:07.-.1', '2026-01-05T01:03:00.000Z', '2026-01-04T01:00:00.000Z')).toBe(false);
      expect(await mark('tugas:07.-.1', '2026-01-05T01:06:00.000Z', '2026-01-05T01:01:00.000Z')).toBe(true);
      expect(await mark('tugas:08.-.1', t0, t0)).toBe(true);
      expect(await store().listTasks(cycle.agencyId, cycle.cycleId)).toEqual([]);
    });

    it('stores access links once under their hash, apart from task links', async () => {
      const { cycle } = scope();
      const link: AccessLink = {
        jenis: 'lini-masa',
        hash: `h-${cycle.agencyId}`,
        agencyId: cycle.agencyId,
        cycleId: cycle.cycleId,
        email: 'pimpinan@contoh.example',
        dibuat: '2026-01-05T01:00:00.000Z',
        kedaluwarsa: '2026-04-05T01:00:00.000Z',
      };
      await store().putAccessLink(link);
      await store().putAccessLink({ ...link, email: 'lain@contoh.example' });
      expect(await store().getAccessLink(link.hash)).toEqual(link);
      expect(await store().getLink(link.hash)).toBeUndefined();
      expect(await store().getAccessLink('tidak-ada')).toBeUndefined();
    });

    it('marks an undecided upload gagal (again, with the newer reason), never a decided one', async () => {
      const { cycle, upload } = scope();
      const u = upload();
      await store().putUpload(u);
      const fail = (alasan: string, id = u.uploadId) =>
        store().failUpload(cycle.agencyId, cycle.cycleId, id, { alasan, waktu: '2026-01-05T02:00:00.000Z' });
      expect(await fail('pertama')).toBe(true);
      expect(await fail('kedua')).toBe(true);
      expect(await store().getUpload(cycle.agencyId, cycle.cycleId, u.uploadId)).toMatchObject({
        status: 'gagal',
        gagal: { alasan: 'kedua' },
      });
      expect(await store().settleUpload({ ...u, status: 'diterima' }, 'gagal')).toBe(true);
      expect(await fail('ketiga')).toBe(false);
      expect((await store().getUpload(cycle.agencyId, cycle.cycleId, u.uploadId))!.status).toBe('diterima');
      expect(await fail('tidak ada', 'tidak-ada')).toBe(false);
      expect(await store().getUpload(cycle.agencyId, cycle.cycleId, 'tidak-ada')).toBeUndefined();
    });
  });
}

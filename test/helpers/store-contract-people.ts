import { describe, expect, it } from 'vitest';
import type { CycleStore } from '../../lib/cycle/ports.ts';
import { scope } from './store-fixtures.ts';

/** The CycleStore contract for acting officials and delegation (see store-contract.ts). */
export function cycleStorePeopleContract(name: string, store: () => CycleStore) {
  describe(`${name}: acting officials and delegation`, () => {
    it("hands an open task on once among concurrent callers, and moves it to the delegate's list", async () => {
      const { task, person, tag, decision } = scope();
      const t = task({ taskId: '07.-.1', no: 7 });
      await store().putTask(t);
      const kepada = { nama: 'Ratna', jabatan: 'Kasubbag Perencanaan', email: `perencanaan@${tag}.example` };
      const d = { dari: person, kepada, alasan: 'dinas luar', waktu: '2026-01-05T02:00:00.000Z' };
      const won = await Promise.all(
        Array.from({ length: 5 }, () =>
          store().delegateTask(t.agencyId, t.cycleId, t.taskId, person.email, d),
        ),
      );
      expect(won.filter(Boolean)).toHaveLength(1);
      const stored = (await store().getTask(t.agencyId, t.cycleId, t.taskId))!;
      expect(stored.assignee).toEqual(kepada);
      expect(stored.delegasi).toEqual([d]);
      expect((await store().listTasksOf(kepada.email)).map((x) => x.taskId)).toEqual(['07.-.1']);
      expect(await store().listTasksOf(person.email)).toEqual([]);
      // Only its holder hands it on, and only while it is open.
      expect(await store().delegateTask(t.agencyId, t.cycleId, t.taskId, person.email, d)).toBe(false);
      await store().decideTask(t.agencyId, t.cycleId, t.taskId, decision());
      expect(await store().delegateTask(t.agencyId, t.cycleId, t.taskId, kepada.email, d)).toBe(false);
      expect(await store().delegateTask(t.agencyId, t.cycleId, 'tidak-ada', person.email, d)).toBe(false);
    });

    it('keeps acting officials per agency under their id; the same id again replaces it', async () => {
      const { cycle, tag } = scope();
      const r = {
        agencyId: cycle.agencyId,
        id: 'kepala.-.2026-11-01.2026-12-31',
        jabatan: 'kepala',
        jenis: 'Plt.' as const,
        nama: 'Rahmat',
        email: `plt@${tag}.example`,
        mulai: '2026-11-01',
        selesai: '2026-12-31',
        dicatat: '2026-10-30T01:00:00.000Z',
      };
      await store().putActing(r);
      await store().putActing({ ...r, nama: 'Rahmat Hidayat' });
      await store().putActing({
        ...r,
        id: 'kepala.-.2027-01-01.2027-01-31',
        mulai: '2027-01-01',
        selesai: '2027-01-31',
      });
      const list = await store().listActing(cycle.agencyId);
      expect(list.map((x) => [x.id, x.nama])).toEqual([
        ['kepala.-.2026-11-01.2026-12-31', 'Rahmat Hidayat'],
        ['kepala.-.2027-01-01.2027-01-31', 'Rahmat'],
      ]);
      expect(await store().listActing(`${cycle.agencyId}-lain`)).toEqual([]);
      // Not a cycle of the agency.
      expect(await store().listCycles(cycle.agencyId)).toEqual([]);
    });
  });
}

import { describe, expect, it } from 'vitest';
import { CONTENT_TYPE } from '../../lib/cycle/documents.ts';
import type { CycleStore } from '../../lib/cycle/ports.ts';
import { scope } from './store-fixtures.ts';

/**
 * What every CycleStore must do, as one spec run against the DynamoDB adapter on dynalite
 * (test/integration/store.test.ts) and the in-memory store the unit tests use
 * (test/unit/memory-store.test.ts). A difference between the two fails one of them.
 *
 * The store may be shared by all cases (one dynalite per file), so every case works in its own agency
 * and cycle, and reads of the cross-agency indexes keep only that case's items.
 */
export function cycleStoreContract(name: string, store: () => CycleStore) {
  describe(`${name}: the CycleStore contract`, () => {
    it('stops a running cycle once, and resumes it once per execution number', async () => {
      const { cycle } = scope();
      const c = { ...cycle, cycleId: `${cycle.cycleId}-henti` };
      await store().createCycle(c);
      const info = { langkah: 4, alasan: 'gagal', galat: 'Error', waktu: '2026-01-05T01:00:00.000Z' };
      const stops = await Promise.all([1, 2, 3].map(() => store().stopCycle(c.agencyId, c.cycleId, info)));
      expect(stops.filter(Boolean)).toHaveLength(1);
      expect(await store().getCycle(c.agencyId, c.cycleId)).toMatchObject({
        status: 'terhenti',
        terhenti: info,
      });
      const resumes = await Promise.all(
        [2, 2, 2].map(() => store().resumeCycle(c.agencyId, c.cycleId, 2, 'arn:lanjut-2')),
      );
      expect(resumes.filter(Boolean)).toHaveLength(1);
      expect(await store().getCycle(c.agencyId, c.cycleId)).toMatchObject({
        status: 'berjalan',
        eksekusi: 2,
      });
      await store().finishCycle(c.agencyId, c.cycleId, '2026-01-06T01:00:00.000Z');
      expect(await store().stopCycle(c.agencyId, c.cycleId, info)).toBe(false);
      expect(await store().resumeCycle(c.agencyId, c.cycleId, 3, 'arn:lanjut-3')).toBe(false);
    });

    it('marks a side effect once among concurrent callers, per cycle and key', async () => {
      const { cycle } = scope();
      const marks = await Promise.all(
        Array.from({ length: 10 }, () => store().markOnce(cycle.agencyId, cycle.cycleId, 'surat/03/-/1')),
      );
      expect(marks.filter(Boolean)).toHaveLength(1);
      expect(await store().markOnce(cycle.agencyId, cycle.cycleId, 'surat/03/-/2')).toBe(true);
      expect(await store().markOnce(cycle.agencyId, `${cycle.cycleId}-lain`, 'surat/03/-/1')).toBe(true);
      // A marker is no step, task or upload of the cycle.
      expect(await store().listSteps(cycle.agencyId, cycle.cycleId)).toEqual([]);
    });

    it('creates a cycle once and refuses a duplicate', async () => {
      const { cycle } = scope();
      await store().createCycle(cycle);
      await expect(store().createCycle({ ...cycle, sopVersi: 2 })).rejects.toThrow(/sudah ada/);
      expect(await store().getCycle(cycle.agencyId, cycle.cycleId)).toEqual(cycle);
      expect(await store().getCycle(cycle.agencyId, 'lain')).toBeUndefined();
    });

    it('lists the cycles of one agency by id, and updates execution, corrections and the end', async () => {
      const { cycle } = scope();
      const other = scope().cycle;
      for (const id of ['2025-tw2-b', '2025-tahunan-a', '2025-tw1-c'])
        await store().createCycle({ ...cycle, cycleId: id });
      await store().createCycle(other);
      expect((await store().listCycles(cycle.agencyId)).map((c) => c.cycleId)).toEqual([
        '2025-tahunan-a',
        '2025-tw1-c',
        '2025-tw2-b',
      ]);
      const [a, id] = [cycle.agencyId, '2025-tw1-c'];
      await store().setCycleExecution(a, id, 'arn:eksekusi');
      for (const catatan of ['Perbaiki tabel', 'Lengkapi bab III'])
        await store().addCorrection(a, id, {
          oleh: 'Sekretaris',
          waktu: '2026-01-05T02:00:00Z',
          catatan,
          langkah: 7,
        });
      await store().finishCycle(a, id, '2026-01-09T08:00:00.000Z');
      expect(await store().getCycle(a, id)).toMatchObject({
        executionArn: 'arn:eksekusi',
        status: 'selesai',
        selesai: '2026-01-09T08:00:00.000Z',
        catatanKoreksi: [{ catatan: 'Perbaiki tabel' }, { catatan: 'Lengkapi bab III' }],
      });
      expect((await store().getCycle(a, '2025-tw2-b'))!.status).toBe('berjalan');
    });

    it('writes a step record only once for the same step, unit and pass', async () => {
      const { step, cycle } = scope();
      const r = step();
      expect(await store().putStepIfAbsent(r)).toBe(true);
      expect(await store().putStepIfAbsent({ ...r, kegiatan: 'lain' })).toBe(false);
      expect(await store().putStepIfAbsent({ ...r, putaran: 2 })).toBe(true);
      const steps = await store().listSteps(cycle.agencyId, cycle.cycleId);
      expect(steps.map((s) => [s.putaran, s.kegiatan])).toEqual([
        [1, 'Menghimpun'],
        [2, 'Menghimpun'],
      ]);
    });

    it('lists steps by number, then unit, then pass, and replaces a record on update', async () => {
      const { step, cycle } = scope();
      const order = [
        step({ no: 2, unit: '-' }),
        step({ no: 4, unit: 'bidang-koperasi', putaran: 2 }),
        step({ no: 4, unit: 'bidang-koperasi', putaran: 10 }),
        step({ no: 4, unit: 'bidang-ukm' }),
        step({ no: 10, unit: '-' }),
      ];
      for (const r of [...order].reverse()) await store().putStepIfAbsent(r);
      const listed = await store().listSteps(cycle.agencyId, cycle.cycleId);
      expect(listed.map((s) => `${s.no}/${s.unit}/${s.putaran}`)).toEqual(
        order.map((s) => `${s.no}/${s.unit}/${s.putaran}`),
      );
      const done = {
        ...order[0]!,
        selesai: '2026-01-05T02:00:00.000Z',
        berkas: [
          {
            label: 'F',
            key: 'k',
            bucket: 'kerja' as const,
            jenis: 'format' as const,
            contentType: CONTENT_TYPE.xlsx,
          },
        ],
      };
      await store().updateStep(done);
      await store().updateStep({ ...done, keputusan: undefined, oleh: undefined });
      const again = (await store().listSteps(cycle.agencyId, cycle.cycleId))[0]!;
      expect(again).toEqual(done);
      // Undefined attributes are not stored (the adapter removes them), so they are absent, not undefined.
      expect(Object.keys(again)).not.toContain('keputusan');
    });

    it('keeps a step, task and upload of one cycle out of every other cycle', async () => {
      const { step, task, upload, cycle } = scope();
      const next = { cycleId: '2025-tahunan-uji-2' };
      await store().putStepIfAbsent(step(next));
      await store().putTask(task(next));
      await store().putUpload(upload(next));
      expect(await store().listSteps(cycle.agencyId, cycle.cycleId)).toEqual([]);
      expect(await store().listTasks(cycle.agencyId, cycle.cycleId)).toEqual([]);
      expect(await store().listUploads(cycle.agencyId, cycle.cycleId)).toEqual([]);
      expect(await store().listTasks(cycle.agencyId, next.cycleId)).toHaveLength(1);
      expect(await store().getTask(cycle.agencyId, cycle.cycleId, '07.-.1')).toBeUndefined();
    });

    it('keeps the task on a retried invocation, and the newest token apart from it', async () => {
      const { task, cycle, email } = scope();
      const t = task();
      await store().putTaskToken(t, 'token-rahasia');
      expect(await store().putTask(t)).toBe(true);
      const retry = { ...t, dibuat: '2026-01-05T01:05:00.000Z', kegiatan: 'lain' };
      await store().putTaskToken(t, 'token-baru');
      expect(await store().putTask(retry)).toBe(false);
      expect(await store().getTask(t.agencyId, t.cycleId, t.taskId)).toEqual(t);
      expect(await store().getTaskToken(t)).toBe('token-baru');
      expect(await store().getTaskToken({ ...t, taskId: '99.-.1' })).toBeUndefined();
      expect(await store().listTasks(cycle.agencyId, cycle.cycleId)).toHaveLength(1);
      expect(await store().listTasksOf(email.toUpperCase())).toHaveLength(1);
      expect((await store().listOpenTasks()).filter((x) => x.agencyId === t.agencyId)).toHaveLength(1);
    });

    it('keeps a decided task as it is when its wait is opened again', async () => {
      const { task, decision } = scope();
      const t = task();
      await store().putTask(t);
      await store().decideTask(t.agencyId, t.cycleId, t.taskId, decision());
      expect(await store().putTask({ ...t, kegiatan: 'lain' })).toBe(false);
      expect(await store().getTask(t.agencyId, t.cycleId, t.taskId)).toMatchObject({
        kegiatan: t.kegiatan,
        status: 'diputuskan',
      });
    });

    it("lists a person's tasks by creation, whatever the case of the address", async () => {
      const { task, email, tag, decision } = scope();
      await store().putTask(task({ taskId: '09.-.1', dibuat: '2026-01-07T01:00:00.000Z' }));
      await store().putTask(
        task({ taskId: '07.-.1', assignee: { nama: 'R', jabatan: 'S', email: email.toUpperCase() } }),
      );
      await store().putTask(
        task({ taskId: '08.-.1', assignee: { nama: 'L', jabatan: 'L', email: `lain@${tag}.example` } }),
      );
      const mine = await store().listTasksOf(`Sekretaris@${tag}.EXAMPLE`);
      expect(mine.map((t) => t.taskId)).toEqual(['07.-.1', '09.-.1']);
      // The address is kept as given; only the index is case-insensitive.
      expect(mine[0]!.assignee.email).toBe(email.toUpperCase());
      await store().decideTask(mine[0]!.agencyId, mine[0]!.cycleId, '07.-.1', decision());
      expect(await store().listTasksOf(email)).toHaveLength(2);
    });

    it('lists open tasks by deadline, across cycles, and never a finished one', async () => {
      const { task, decision, cycle } = scope();
      await store().putTask(task({ taskId: '02.-.1', tenggat: '2026-01-09T00:00:00.000Z' }));
      await store().putTask(task({ taskId: '03.-.1', tenggat: '2026-01-06T00:00:00.000Z', cycleId: 'zz' }));
      await store().putTask(task({ taskId: '04.-.1', tenggat: '2026-01-07T00:00:00.000Z' }));
      await store().putTask(
        task({ taskId: '05.-.1', tenggat: '2026-01-05T00:00:00.000Z', status: 'selesai' }),
      );
      const open = async () =>
        (await store().listOpenTasks()).filter((t) => t.agencyId === cycle.agencyId).map((t) => t.taskId);
      expect(await open()).toEqual(['03.-.1', '04.-.1', '02.-.1']);
      await store().decideTask(cycle.agencyId, cycle.cycleId, '04.-.1', decision());
      // Decided but not yet handed to the workflow: still in the index, so the sweep can deliver it.
      expect(await open()).toEqual(['03.-.1', '04.-.1', '02.-.1']);
      expect(await store().markDelivered(cycle.agencyId, cycle.cycleId, '04.-.1')).toBe(true);
      expect(await store().markDelivered(cycle.agencyId, cycle.cycleId, '04.-.1')).toBe(false);
      expect(await store().markDelivered(cycle.agencyId, cycle.cycleId, '02.-.1')).toBe(false);
      expect(await open()).toEqual(['03.-.1', '02.-.1']);
    });

    it('records exactly one decision among 50 concurrent ones', async () => {
      const { task, person } = scope();
      const t = task({ taskId: '09.-.1', no: 9 });
      await store().putTask(t);
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          store().decideTask(t.agencyId, t.cycleId, t.taskId, {
            hasil: 'setuju',
            catatan: `#${i}`,
            oleh: person,
            waktu: new Date().toISOString(),
          }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const stored = await store().getTask(t.agencyId, t.cycleId, t.taskId);
      expect(stored!.status).toBe('diputuskan');
      expect(stored!.keputusan!.catatan).toBe(`#${results.indexOf(true)}`);
      // A delivered task leaves the index the reminder sweep reads.
      await store().markDelivered(t.agencyId, t.cycleId, t.taskId);
      expect((await store().listOpenTasks()).filter((x) => x.agencyId === t.agencyId)).toEqual([]);
      expect(await store().decideTask(t.agencyId, t.cycleId, 'tidak-ada', stored!.keputusan!)).toBe(false);
    });

    it('marks each reminder threshold once, and never on a finished or missing task', async () => {
      const { task, decision } = scope();
      const t = task({ taskId: '08.-.1', no: 8 });
      await store().putTask(t);
      const mark = (threshold: string, at: string, taskId = t.taskId) =>
        store().markReminder(t.agencyId, t.cycleId, taskId, threshold, at);
      const marks = await Promise.all(
        Array.from({ length: 10 }, () => mark('pengingat', '2026-01-05T03:00:00Z')),
      );
      expect(marks.filter(Boolean)).toHaveLength(1);
      expect(await mark('terlambat', '2026-01-06T03:00:00Z')).toBe(true);
      expect(await mark('pengingat', '2026-01-06T04:00:00Z')).toBe(false);
      expect((await store().getTask(t.agencyId, t.cycleId, t.taskId))!.pengingat).toEqual({
        pengingat: '2026-01-05T03:00:00Z',
        terlambat: '2026-01-06T03:00:00Z',
      });
      await store().decideTask(t.agencyId, t.cycleId, t.taskId, decision());
      expect(await mark('eskalasi-2', '2026-01-07T03:00:00Z')).toBe(false);
      expect(await mark('pengingat', '2026-01-07T03:00:00Z', '99.-.1')).toBe(false);
      expect(await store().getTask(t.agencyId, t.cycleId, '99.-.1')).toBeUndefined();
    });

    it('stores a link once under its hash', async () => {
      const { cycle, email, tag } = scope();
      const link = {
        hash: `${tag}-hash`,
        agencyId: cycle.agencyId,
        cycleId: cycle.cycleId,
        taskId: '07.-.1',
        email,
        dibuat: '2026-01-05T01:00:00.000Z',
        kedaluwarsa: '2026-02-04T01:00:00.000Z',
      };
      await store().putLink(link);
      await store().putLink({ ...link, taskId: '08.-.1' });
      expect(await store().getLink(link.hash)).toEqual(link);
      expect(await store().getLink(`${tag}-lain`)).toBeUndefined();
    });

    it('creates an upload once, replaces it on update, and lists uploads by id', async () => {
      const { upload, cycle } = scope();
      await store().putUpload(upload({ uploadId: 'b2-y' }));
      await store().putUpload(upload());
      await store().putUpload(upload({ namaBerkas: 'kedua.xlsx' }));
      expect((await store().getUpload(cycle.agencyId, cycle.cycleId, 'a1-x'))!.namaBerkas).toBe('isian.xlsx');
      const accepted = upload({ status: 'diterima', submissionKey: 'siklus/data.json' });
      // Concurrent duplicates of one S3 event: exactly one moves it out of 'menunggu'.
      const moved = await Promise.all(
        [accepted, upload({ status: 'ditolak' }), accepted].map((u) => store().settleUpload(u, 'menunggu')),
      );
      expect(moved.filter(Boolean)).toHaveLength(1);
      const settled = (await store().getUpload(cycle.agencyId, cycle.cycleId, 'a1-x'))!;
      expect(settled.status).not.toBe('menunggu');
      expect(await store().settleUpload(accepted, 'menunggu')).toBe(false);
      expect(await store().settleUpload(accepted, settled.status)).toBe(true);
      expect(await store().getUpload(cycle.agencyId, cycle.cycleId, 'a1-x')).toEqual(accepted);
      expect((await store().listUploads(cycle.agencyId, cycle.cycleId)).map((u) => u.uploadId)).toEqual([
        'a1-x',
        'b2-y',
      ]);
      expect(await store().getUpload(cycle.agencyId, cycle.cycleId, 'zz')).toBeUndefined();
    });

    it('hands out copies: changing what was written or read changes nothing stored', async () => {
      const { task, step, cycle } = scope();
      const c = structuredClone(cycle);
      await store().createCycle(c);
      c.catatanKoreksi.push({ oleh: 'x', waktu: 'x', catatan: 'x', langkah: 1 });
      const t = task();
      await store().putTask(t);
      t.assignee.nama = 'diubah';
      t.berkas.push({ label: 'x', key: 'x', bucket: 'kerja', jenis: 'draf', contentType: CONTENT_TYPE.docx });
      const read = (await store().getTask(t.agencyId, t.cycleId, t.taskId))!;
      read.status = 'selesai';
      read.assignee.email = 'lain@example';
      const r = step();
      await store().putStepIfAbsent(r);
      (await store().listSteps(cycle.agencyId, cycle.cycleId))[0]!.berkas.push({
        label: 'x',
        key: 'x',
        bucket: 'kerja',
        jenis: 'draf',
        contentType: CONTENT_TYPE.docx,
      });
      expect((await store().getCycle(cycle.agencyId, cycle.cycleId))!.catatanKoreksi).toEqual([]);
      expect(await store().getTask(t.agencyId, t.cycleId, t.taskId)).toMatchObject({
        status: 'terbuka',
        assignee: { nama: 'Rahmat Hidayat (contoh)', email: task().assignee.email },
        berkas: [],
      });
      expect((await store().listSteps(cycle.agencyId, cycle.cycleId))[0]!.berkas).toEqual([]);
    });

    it('allocates letter numbers without gaps or duplicates, and the same key always gets the same number', async () => {
      const { cycle } = scope();
      const [a, b] = [cycle.agencyId, scope().cycle.agencyId];
      const keys = Array.from({ length: 25 }, (_, i) => `siklus-${i}/10`);
      const first = await Promise.all(keys.map((k) => store().allocateLetterNumber(a, 2026, k)));
      expect([...first].sort((x, y) => x - y)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      const again = await Promise.all(keys.map((k) => store().allocateLetterNumber(a, 2026, k)));
      expect(again).toEqual(first);
      expect(await store().allocateLetterNumber(a, 2027, 'x')).toBe(1);
      expect(await store().allocateLetterNumber(b, 2026, 'x')).toBe(1);
      expect(await store().allocateLetterNumber(a, 2026, 'x')).toBe(26);
    });
  });
}

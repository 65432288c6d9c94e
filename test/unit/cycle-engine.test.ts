import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { linkTarget } from '../../lib/cycle/access-links.ts';
import {
  completeCycle,
  finishStep,
  openHumanTask,
  runAutomaticStep,
  startStep,
} from '../../lib/cycle/engine.ts';
import { decide } from '../../lib/cycle/people.ts';
import { BALANGAN, CycleRun } from '../helpers/cycle-run.ts';
import { linkIdIn } from '../helpers/memory-ports.ts';

/** The text of a .docx in the working bucket. */
async function docxText(run: CycleRun, key: string): Promise<string> {
  const zip = await JSZip.loadAsync(await run.ports.blobs.get('kerja', key));
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

describe('starting a cycle', () => {
  it('records the cycle and starts its state machine with the units to iterate over', async () => {
    const run = await new CycleRun().start();
    const { workflow } = run.ports;
    expect(workflow.started).toHaveLength(1);
    expect(workflow.started[0]).toMatchObject({
      machine: `${BALANGAN.sopId}@1`,
      executionName: run.siklus.cycleId,
      input: { siklus: run.siklus },
    });
    expect((workflow.started[0]!.input as { units: { id: string }[] }).units.map((u) => u.id)).toEqual([
      'sekretariat',
      'bidang-koperasi',
      'bidang-ukm',
      'bidang-tenaga-kerja',
    ]);
    expect(await run.cycle()).toMatchObject({ status: 'berjalan', executionArn: workflow.started[0]!.arn });
  });
});

describe('an automatic step', () => {
  it('records the system acting for the pelaksana and mails each unit head its format', async () => {
    const run = await new CycleRun().start();
    const result = await runAutomaticStep(run.ports, run.cat, { ...run.payload(3), fase: 'otomatis' });
    expect(result).toMatchObject({ no: 3, unit: '-', putaran: 1 });
    expect(result.berkas.map((b) => b.key)).toHaveLength(4);
    const [record] = await run.steps(3);
    expect(record).toMatchObject({
      pelaksana: 'Kasubbag Perencanaan',
      oleh: { email: BALANGAN.perencanaan, nama: expect.stringContaining('otomatis oleh sistem') },
      mulai: run.ports.clock.now().toISOString(),
      selesai: run.ports.clock.now().toISOString(),
      tepatWaktu: true,
      menitKerja: 0,
    });
    expect(record!.keputusan).toBeUndefined();
    for (const unit of ['sekretariat', 'bidang-koperasi', 'bidang-ukm', 'bidang-tenaga-kerja']) {
      const mail = run.ports.mailer.one(BALANGAN.kabid(unit), 'Format pengumpulan data kinerja');
      // A link that lives as long as the cycle (lib/cycle/access-links.ts), not a presigned URL.
      const url = /Unduh format: (\S+)/.exec(mail.text)![1]!;
      expect(url).toMatch(new RegExp(`^${run.ports.publicUrl}/t/[A-Za-z0-9_-]{22}$`));
      const target = await linkTarget(run.ports, run.cat, linkIdIn(mail));
      if (target.jenis !== 'berkas') throw new Error(`tautan format membuka ${target.jenis}`);
      const { bucket, key } = target.link;
      expect(key).toBe(`siklus/${BALANGAN.agencyId}/${run.siklus.cycleId}/format/${unit}.xlsx`);
      expect(await run.ports.blobs.exists(bucket, key)).toBe(true);
    }
    expect(run.ports.mailer.sent).toHaveLength(4);
    // Steps never talk to Step Functions themselves: the state machine moves on when they return.
    expect(run.ports.workflow.succeeded).toEqual([]);
  });

  it('numbers the cover letter from the agency counter, one number per cycle', async () => {
    const first = await new CycleRun().start();
    // Two cycles of one agency share one counter: both runs use the same table (a repeat of the period).
    const second = await new CycleRun({ store: first.ports.store }).start({ ulang: true });
    const letter = async (run: CycleRun) =>
      (await runAutomaticStep(run.ports, run.cat, { ...run.payload(10), fase: 'otomatis' })).berkas[0]!;
    const a = await letter(first);
    const b = await letter(second);
    expect(a.key).toMatch(/\/final\/surat-pengantar\.docx$/);
    expect(await docxText(first, a.key)).toContain('000.5.2.3/001/DKUKMTK-BLG/2026');
    expect(await docxText(second, b.key)).toContain('000.5.2.3/002/DKUKMTK-BLG/2026');
  });
});

describe('a confirmation step', () => {
  it('mails a link to the person, takes one answer through it, resumes the workflow once and records who', async () => {
    const run = await new CycleRun().start();
    await expect(
      openHumanTask(run.ports, run.cat, { ...run.payload(1), taskToken: 'terlalu-dini' }),
    ).rejects.toThrow(/belum dimulai/);
    const { task, token, mail, linkId } = await run.open(1);
    expect(mail.to).toEqual([BALANGAN.kepala]);
    expect(mail.text).toContain(`${run.ports.publicUrl}/t/${linkId}`);
    expect(mail.text).not.toContain(token);
    expect(task).toMatchObject({
      taskId: '01.-.1',
      jenisTugas: 'konfirmasi',
      status: 'terbuka',
    });
    expect(task).not.toHaveProperty('taskToken');
    expect(await run.ports.store.getTaskToken(task)).toBe(token);
    expect(task.berkas.map((b) => b.key)).toEqual([
      expect.stringMatching(/1-disposisi-1\.docx$/),
      expect.stringMatching(/1-disposisi-1\.pdf$/),
    ]);

    // A retried waiting state: same task, fresh token, no second email.
    const sent = run.ports.mailer.sent.length;
    await openHumanTask(run.ports, run.cat, { ...run.payload(1), taskToken: 'token-ulang' });
    expect(run.ports.mailer.sent).toHaveLength(sent);
    expect(await run.ports.store.listTasks(run.siklus.agencyId, run.siklus.cycleId)).toHaveLength(1);
    expect(await run.ports.store.getTaskToken(task)).toBe('token-ulang');

    expect(await decide(run.ports, run.cat, linkId, { hasil: 'setuju' })).toMatchObject({
      ok: false,
      alasan: 'tidak-sah',
    });
    run.ports.clock.advance({ minutes: 5 });
    const outcome = await decide(run.ports, run.cat, linkId, {
      hasil: 'selesai',
      catatan: '  Segera dilaksanakan. ',
    });
    expect(outcome).toMatchObject({
      ok: true,
      keputusan: { hasil: 'selesai', catatan: 'Segera dilaksanakan.' },
    });
    expect(await decide(run.ports, run.cat, linkId, { hasil: 'selesai' })).toMatchObject({
      ok: false,
      alasan: 'sudah-diproses',
    });
    expect(run.ports.workflow.succeeded).toEqual([
      {
        taskToken: 'token-ulang',
        output: expect.objectContaining({ hasil: 'selesai', oleh: task.assignee }),
      },
    ]);

    const result = await run.finish(1, 'token-ulang');
    expect(result.berkas.map((b) => b.key)).toEqual([
      expect.stringMatching(/1-disposisi-1\.docx$/),
      expect.stringMatching(/1-disposisi-1\.pdf$/),
      expect.stringMatching(/1-disposisi-1-paraf\.docx$/),
      expect.stringMatching(/1-disposisi-1-paraf\.pdf$/),
    ]);
    const [record] = await run.steps(1);
    expect(record).toMatchObject({
      oleh: { email: BALANGAN.kepala, jabatan: 'Kepala Dinas' },
      keputusan: { hasil: 'selesai', catatan: 'Segera dilaksanakan.' },
      menitKerja: 5,
      tepatWaktu: true,
    });
    // A retried selesai state changes nothing.
    expect(
      await finishStep(run.ports, run.cat, {
        ...run.payload(1),
        fase: 'selesai',
        keputusan: run.ports.workflow.outputOf('token-ulang'),
      }),
    ).toEqual(result);
    expect(await run.steps(1)).toEqual([record]);
  });
});

describe('a decision step', () => {
  it('returned with notes records the correction, tells the preparer, and the next pass is approved', async () => {
    const run = await new CycleRun().start();
    await run.act(6, 'selesai', 'Draf siap');
    const first = await run.open(7);
    expect(first.mail.to).toEqual([BALANGAN.sekretaris]);
    expect(first.task.berkas.map((b) => b.key)).toEqual([
      expect.stringMatching(/draf-v1\.docx$/),
      expect.stringMatching(/draf-v1\.pdf$/),
    ]);
    expect(await decide(run.ports, run.cat, first.linkId, { hasil: 'kembali', catatan: ' ' })).toMatchObject({
      ok: false,
      pesan: expect.stringContaining('Catatan wajib diisi'),
    });
    const catatan = 'Perbaiki tabel capaian IKU-1.1';
    expect(await decide(run.ports, run.cat, first.linkId, { hasil: 'kembali', catatan })).toMatchObject({
      ok: true,
    });
    await run.finish(7, first.token);

    expect((await run.cycle()).catatanKoreksi).toEqual([
      {
        oleh: 'Rahmat Hidayat (contoh) (Sekretaris)',
        waktu: run.ports.clock.now().toISOString(),
        catatan,
        langkah: 7,
      },
    ]);
    const returned = run.ports.mailer.one(BALANGAN.perencanaan, 'Dikembalikan dengan catatan: langkah 7');
    expect(returned.text).toContain(catatan);
    expect((await run.steps(7))[0]!.keputusan).toMatchObject({ hasil: 'kembali', catatan });

    // The state machine goes back to step 6: a second pass, a second draft carrying the correction.
    const redo = await run.act(6, 'selesai');
    expect(redo.result.putaran).toBe(2);
    const v2 = redo.result.berkas.find((b) => b.key.endsWith('draf-v2.docx'))!;
    expect(await docxText(run, v2.key)).toContain(catatan);

    const second = await run.act(7, 'setuju', 'Disetujui.');
    expect(second.task).toMatchObject({ taskId: '07.-.2', putaran: 2 });
    expect(second.task.berkas.map((b) => b.key)).toEqual([v2.key, v2.key.replace(/\.docx$/, '.pdf')]);
    expect(run.ports.mailer.one(BALANGAN.perencanaan, 'Disetujui: langkah 7').text).toContain('menyetujui');
    expect((await run.cycle()).catatanKoreksi).toHaveLength(1);
    expect((await run.steps(7)).map((r) => [r.putaran, r.keputusan?.hasil])).toEqual([
      [1, 'kembali'],
      [2, 'setuju'],
    ]);
    expect(run.ports.workflow.succeeded.map((s) => s.taskToken)).toEqual([
      expect.stringMatching(/^token-6-/),
      first.token,
      expect.stringMatching(/^token-6-/),
      second.token,
    ]);
  });
});

describe('completing a cycle', () => {
  it('closes it once and tells the head and the planner, counting late steps', async () => {
    const run = await new CycleRun().start();
    const { token, linkId } = await run.open(1);
    // Step 1 has a mutu baku of 10 minutes: answered an hour later, it is late.
    run.ports.clock.advance({ hours: 1 });
    await decide(run.ports, run.cat, linkId, { hasil: 'selesai' });
    await run.finish(1, token);
    await runAutomaticStep(run.ports, run.cat, { ...run.payload(8), fase: 'otomatis' });
    const before = run.ports.mailer.sent.length;
    expect(await completeCycle(run.ports, run.cat, run.siklus)).toEqual({ status: 'selesai' });
    expect(await run.cycle()).toMatchObject({
      status: 'selesai',
      selesai: run.ports.clock.now().toISOString(),
    });
    // One mail per recipient, each with a timeline link of their own (not a guessable address).
    const done = run.mailsSince(before);
    expect(done.map((m) => m.to)).toEqual([[BALANGAN.kepala], [BALANGAN.perencanaan]]);
    for (const m of done) {
      expect(m.subject).toContain('Selesai:');
      expect(m.text).toContain('2 catatan langkah; 1 melewati mutu baku waktu.');
      expect(m.text).toMatch(new RegExp(`Lini masa: ${run.ports.publicUrl}/t/[A-Za-z0-9_-]{22}/lini-masa`));
      expect((await linkTarget(run.ports, run.cat, linkIdIn(m))).jenis).toBe('lini-masa');
    }
    // The final state retried: no second email.
    await completeCycle(run.ports, run.cat, run.siklus);
    expect(run.ports.mailer.sent).toHaveLength(before + 2);
  });

  it('tells the acting head (Plt.) instead of the absent one when the cycle ends in their range', async () => {
    const run = await new CycleRun().start();
    const plt = 'plt.kepala@dkukmtk.balangan.example';
    await run.actingKepalaToday(plt);
    const before = run.ports.mailer.sent.length;
    await completeCycle(run.ports, run.cat, run.siklus);
    expect(run.mailsSince(before).map((m) => m.to)).toEqual([[plt], [BALANGAN.perencanaan]]);
  });
});

describe('step records', () => {
  it('are refused for a cycle that does not exist', async () => {
    const run = await new CycleRun().start();
    const ghost = { ...run.siklus, cycleId: '2025-tahunan-hantu' };
    await expect(startStep(run.ports, run.cat, { siklus: ghost, no: 1, fase: 'mulai' })).rejects.toThrow(
      /tidak ada/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { runAutomaticStep } from '../../lib/cycle/engine.ts';
import { failCycle } from '../../lib/cycle/failure.ts';
import type { StepRecord } from '../../lib/cycle/model.ts';
import { LANJUT_AKHIR, UNIT_SELESAI } from '../../lib/cycle/payload.ts';
import { decide } from '../../lib/cycle/people.ts';
import { sweep } from '../../lib/cycle/reminders.ts';
import { ResumeRefused, resumeCycle, resumePosition } from '../../lib/cycle/resume.ts';
import { BALANGAN, CycleRun, seedCatalogue } from '../helpers/cycle-run.ts';

const cat = seedCatalogue();
const OPERATOR = 'operator@dkukmtk-balangan.example';

/** A minimal step record: what the position reads (number, unit, pass, times, decision). */
function rec(no: number, unit: string, mulai: number, selesai?: number, kembali = false): StepRecord {
  const t = (m: number) => new Date(Date.UTC(2026, 0, 5, 0, m)).toISOString();
  return {
    agencyId: 'a',
    cycleId: 'c',
    no,
    unit,
    putaran: 1,
    kegiatan: '',
    jenis: 'koreksi',
    tugas: 'keputusan',
    pelaksana: '',
    mulai: t(mulai),
    tenggat: t(999),
    waktu: '1 jam',
    output: '',
    berkas: [],
    ...(selesai !== undefined ? { selesai: t(selesai) } : {}),
    ...(kembali
      ? {
          keputusan: {
            hasil: 'kembali',
            catatan: 'x',
            oleh: { nama: '', jabatan: '', email: '' },
            waktu: t(selesai!),
          },
        }
      : {}),
  } as StepRecord;
}

describe('where a cycle stands (resume position)', () => {
  const balangan = cat.sops.get(BALANGAN.sopId)!;
  const lumajang = cat.sops.get('kominfo-lumajang-data-kinerja')!;

  it('resumes an open step where it is, and a finished one at its successor', () => {
    expect(resumePosition(balangan, [])).toEqual({ units: {} });
    expect(resumePosition(balangan, [rec(1, '-', 0, 1), rec(2, '-', 2)])).toEqual({ no: 2, units: {} });
    expect(resumePosition(balangan, [rec(1, '-', 0, 1), rec(2, '-', 2, 3)])).toEqual({ no: 3, units: {} });
    // A return goes back to the step the SOP names; the last step goes to the closing record.
    expect(resumePosition(balangan, [rec(6, '-', 0, 1), rec(7, '-', 2, 3, true)])).toEqual({
      no: 6,
      units: {},
    });
    expect(resumePosition(balangan, [rec(11, '-', 0, 1)])).toEqual({ no: LANJUT_AKHIR, units: {} });
  });

  it('resumes each unit of a per-unit group at its own step, and skips units that finished it', () => {
    const pos = resumePosition(lumajang, [
      rec(1, '-', 0, 1),
      rec(2, 'sekretariat', 2, 3),
      rec(3, 'sekretariat', 4),
      rec(2, 'bidang-ikp', 2, 3),
      rec(3, 'bidang-ikp', 4, 5),
      rec(4, 'bidang-ikp', 6, 7, true),
      ...[2, 3, 4, 5, 6, 7].map((no, i) => rec(no, 'bidang-aptika', 2 + 2 * i, 3 + 2 * i)),
    ]);
    expect(pos.no).toBe(2);
    expect(pos.units).toEqual({ sekretariat: 3, 'bidang-ikp': 3, 'bidang-aptika': UNIT_SELESAI });
  });
});

describe('a decision is never half-recorded', () => {
  it('keeps the answer when handing it to the workflow fails once, and the sweep delivers it once', async () => {
    const run = await new CycleRun().start();
    const { ports } = run;
    const opened = await run.open(1);
    ports.workflow.failNext('succeed');
    // The person is told it was recorded: it is, and it will reach the workflow.
    expect(await decide(ports, cat, opened.linkId, { hasil: 'selesai' })).toMatchObject({ ok: true });
    expect(
      await ports.store.getTask(run.siklus.agencyId, run.siklus.cycleId, opened.task.taskId),
    ).toMatchObject({
      status: 'diputuskan',
      keputusan: { hasil: 'selesai' },
    });
    expect(ports.workflow.succeeded).toEqual([]);
    // A second click changes nothing.
    expect(await decide(ports, cat, opened.linkId, { hasil: 'selesai' })).toMatchObject({
      alasan: 'sudah-diproses',
    });
    expect(await sweep(ports, cat)).toMatchObject({ diteruskan: 1 });
    expect(await sweep(ports, cat)).toMatchObject({ diteruskan: 0 });
    expect(ports.workflow.succeeded).toHaveLength(1);
    expect(ports.workflow.outputOf(opened.token)).toMatchObject({ hasil: 'selesai' });
    expect(
      (await ports.store.getTask(run.siklus.agencyId, run.siklus.cycleId, opened.task.taskId))!.status,
    ).toBe('selesai');
  });
});

describe('retried step work', () => {
  it('a retried automatic step after a lost result starts no new pass and mails nobody twice', async () => {
    const run = await new CycleRun().start();
    await run.act(1, 'selesai');
    await run.act(2, 'selesai');
    const before = run.ports.mailer.sent.length;
    const first = await runAutomaticStep(run.ports, cat, { ...run.payload(3), fase: 'otomatis' });
    const again = await runAutomaticStep(run.ports, cat, { ...run.payload(3), fase: 'otomatis' });
    expect(again).toEqual(first);
    const records = (await run.ports.store.listSteps(run.siklus.agencyId, run.siklus.cycleId)).filter(
      (r) => r.no === 3,
    );
    expect(records).toHaveLength(1);
    const formats = run.mailsSince(before);
    expect(formats).toHaveLength(cat.agencies.get(BALANGAN.agencyId)!.unit.length);
  });
});

describe('failure and resume', () => {
  it('stops the cycle once with the step and an Indonesian reason, tells the pengelola and the operator', async () => {
    const run = await new CycleRun().start();
    await run.act(1, 'selesai');
    await run.open(2);
    const galat = {
      Error: 'Error',
      Cause: JSON.stringify({ errorMessage: 'objek siklus/x/format/a.xlsx tidak ada', errorType: 'Error' }),
    };
    const stopped = await failCycle(run.ports, cat, { siklus: run.siklus, galat });
    expect(stopped).toMatchObject({ status: 'terhenti', terhenti: { langkah: 2 } });
    expect(stopped.terhenti!.alasan).toMatch(
      /^Sistem gagal menjalankan langkah 2 \(.+\) setelah beberapa kali mencoba: objek siklus\/x\/format\/a.xlsx tidak ada$/,
    );
    expect(await failCycle(run.ports, cat, { siklus: run.siklus, galat })).toEqual({ status: 'diabaikan' });
    const notice = run.ports.mailer.one(BALANGAN.perencanaan, 'Siklus terhenti di langkah 2');
    expect(notice.to).toEqual([BALANGAN.perencanaan, OPERATOR]);
    expect(notice.text).toContain(`lakip siklus lanjutkan ${BALANGAN.agencyId}/${run.siklus.cycleId}`);
    // A stopped cycle reminds nobody.
    run.ports.clock.advance({ days: 30 });
    expect(await sweep(run.ports, cat)).toMatchObject({ diperiksa: 0, eskalasi: 0 });
  });

  it('resumes a stopped cycle once, at its step, and refuses a running or finished one', async () => {
    const run = await new CycleRun().start();
    await run.act(1, 'selesai');
    await run.open(2);
    const { agencyId, cycleId } = run.siklus;
    await expect(resumeCycle(run.ports, cat, agencyId, cycleId)).rejects.toThrow(ResumeRefused);
    await failCycle(run.ports, cat, { siklus: run.siklus, galat: { Error: 'Error', Cause: 'x' } });
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => resumeCycle(run.ports, cat, agencyId, cycleId)),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.message),
    ).toEqual([
      expect.stringMatching(/sedang dilanjutkan|masih berjalan/),
      expect.stringMatching(/sedang dilanjutkan|masih berjalan/),
    ]);
    expect(run.ports.workflow.started.at(-1)).toMatchObject({
      executionName: `${cycleId}-2`,
      input: { lanjut: { no: 2 }, siklus: { cycleId } },
    });
    expect(await run.ports.store.getCycle(agencyId, cycleId)).toMatchObject({
      status: 'berjalan',
      eksekusi: 2,
    });
  });
});

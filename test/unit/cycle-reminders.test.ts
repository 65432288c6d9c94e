import { describe, expect, it } from 'vitest';
import { addWorkingMinutes, workingMinutesBetween } from '../../lib/calendar/working-time.ts';
import { calendarOf, requireAgency } from '../../lib/catalogue.ts';
import { decide, taskByLink } from '../../lib/cycle/people.ts';
import { sweep } from '../../lib/cycle/reminders.ts';
import { BALANGAN, CycleRun } from '../helpers/cycle-run.ts';
import { linkIdIn } from '../helpers/memory-ports.ts';

/** The instant when `share` of the task's mutu baku (in working time) has gone by. */
function atShare(run: CycleRun, task: { dibuat: string; tenggat: string }, share: number): Date {
  const cal = calendarOf(run.cat, requireAgency(run.cat, BALANGAN.agencyId));
  const total = workingMinutesBetween(cal, new Date(task.dibuat), new Date(task.tenggat));
  return addWorkingMinutes(cal, new Date(task.dibuat), total * share);
}

describe('the reminder sweep', () => {
  it('reminds once at a quarter left, then once overdue tells the person and escalates to the superior', async () => {
    const run = await new CycleRun().start();
    const { ports, cat } = run;
    // Step 7 (koreksi, 1 hari) is the Sekretaris's; the Sekretaris answers to the Kepala Dinas.
    const { task, token } = await run.open(7);
    const sent = () => ports.mailer.sent.length;
    const base = sent();

    ports.clock.advance({ minutes: 1 });
    expect(await sweep(ports, cat)).toEqual({ diperiksa: 1, pengingat: 0, eskalasi: 0, diteruskan: 0 });
    ports.clock.set(atShare(run, task, 0.7));
    expect(await sweep(ports, cat)).toEqual({ diperiksa: 1, pengingat: 0, eskalasi: 0, diteruskan: 0 });
    expect(sent()).toBe(base);

    ports.clock.set(atShare(run, task, 0.8));
    expect(await sweep(ports, cat)).toEqual({ diperiksa: 1, pengingat: 1, eskalasi: 0, diteruskan: 0 });
    const reminder = ports.mailer.one(BALANGAN.sekretaris, 'Pengingat langkah 7');
    expect(reminder.text).toContain('Sisa waktu kerja menurut mutu baku');
    expect(await taskByLink(ports, cat, linkIdIn(reminder))).toMatchObject({
      ok: true,
      task: { taskId: task.taskId },
    });
    ports.clock.set(atShare(run, task, 0.9));
    expect(await sweep(ports, cat)).toMatchObject({ pengingat: 0 });
    expect(sent()).toBe(base + 1);

    ports.clock.set(new Date(task.tenggat));
    ports.clock.advance({ minutes: 30 });
    expect(await sweep(ports, cat)).toEqual({ diperiksa: 1, pengingat: 0, eskalasi: 1, diteruskan: 0 });
    const late = ports.mailer.one(BALANGAN.sekretaris, 'Terlambat: langkah 7');
    expect(late.text).toContain('terlambat 30 menit');
    const up = ports.mailer.one(BALANGAN.kepala, 'Eskalasi: langkah 7');
    expect(up.text).toContain('Rahmat Hidayat (contoh) (Sekretaris)');
    // The superior is told, but gets no link: the task stays the assignee's.
    expect(up.text).not.toMatch(/\/t\/[A-Za-z0-9_-]{22}/);
    expect(sent()).toBe(base + 3);

    ports.clock.advance({ days: 1 });
    expect(await sweep(ports, cat)).toEqual({ diperiksa: 1, pengingat: 0, eskalasi: 0, diteruskan: 0 });
    expect(sent()).toBe(base + 3);
    expect((await ports.store.getTask(task.agencyId, task.cycleId, task.taskId))!.pengingat).toEqual({
      pengingat: atShare(run, task, 0.8).toISOString(),
      terlambat: new Date(new Date(task.tenggat).getTime() + 30 * 60_000).toISOString(),
    });

    // The late notice's fresh link works; once answered, the task is no longer swept.
    expect(
      await decide(ports, cat, linkIdIn(late), { hasil: 'setuju', catatan: 'Maaf terlambat' }),
    ).toMatchObject({
      ok: true,
    });
    expect(ports.workflow.succeeded.map((s) => s.taskToken)).toEqual([token]);
    await run.finish(7, token);
    expect((await run.steps(7))[0]).toMatchObject({ tepatWaktu: false });
    expect(await sweep(ports, cat)).toEqual({ diperiksa: 0, pengingat: 0, eskalasi: 0, diteruskan: 0 });
  });

  it("escalates a unit head's late upload to the Sekretaris, once per unit, whatever the number of sweeps", async () => {
    const run = await new CycleRun().start();
    const { ports, cat } = run;
    const units = ['bidang-koperasi', 'bidang-ukm'];
    const tasks = [];
    for (const unit of units) tasks.push((await run.open(4, unit)).task);
    ports.clock.set(new Date(tasks[0]!.tenggat));
    ports.clock.advance({ hours: 1 });
    const results = await Promise.all([sweep(ports, cat), sweep(ports, cat), sweep(ports, cat)]);
    expect(results.reduce((n, r) => n + r.eskalasi, 0)).toBe(2);
    for (const unit of units) {
      expect(ports.mailer.to(BALANGAN.kabid(unit), 'Terlambat: langkah 4')).toHaveLength(1);
    }
    const up = ports.mailer.to(BALANGAN.sekretaris, 'Eskalasi: langkah 4');
    expect(up.map((m) => /Kepala Bidang (Koperasi|Usaha Kecil)/.exec(m.text)?.[0]).sort()).toEqual([
      'Kepala Bidang Koperasi',
      'Kepala Bidang Usaha Kecil',
    ]);
    expect(up).toHaveLength(2);
  });

  it('escalates to the acting official (Plt.) who holds the superior office on the day it is late', async () => {
    const run = await new CycleRun().start();
    const { ports, cat } = run;
    const { task } = await run.open(7);
    ports.clock.set(new Date(task.tenggat));
    ports.clock.advance({ minutes: 30 });
    const plt = 'plt.kepala@dkukmtk.balangan.example';
    await run.actingKepalaToday(plt);
    expect(await sweep(ports, cat)).toMatchObject({ eskalasi: 1 });
    expect(ports.mailer.to(BALANGAN.kepala, 'Eskalasi: langkah 7')).toEqual([]);
    const up = ports.mailer.one(plt, 'Eskalasi: langkah 7');
    expect(up.text).toContain('Yth. Siti Aminah (contoh) (Plt. Kepala Dinas),');
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { officeHolder } from '../../lib/agency/offices.ts';
import { loadCatalogue } from '../../lib/catalogue.ts';
import { issueFileLink } from '../../lib/cycle/access-links.ts';
import { mailCycleCompleted } from '../../lib/cycle/completion-mail.ts';
import { issueLink } from '../../lib/cycle/issue-link.ts';
import { linkHash } from '../../lib/cycle/links.ts';
import type { Cycle, HumanTask } from '../../lib/cycle/model.ts';
import { taskByLink } from '../../lib/cycle/people.ts';
import { sweep } from '../../lib/cycle/reminders.ts';
import { route } from '../../lib/http/api.ts';
import { event } from '../helpers/api-event.ts';
import { cycleFixture } from '../helpers/fixtures.ts';
import { linkIdIn, type MemoryPorts, memoryPorts } from '../helpers/memory-ports.ts';

const DAY = 86_400_000;
const cat = loadCatalogue();
const agency = cat.agencies.get('dkukmtk-balangan')!;
const cycle: Cycle = cycleFixture({
  agencyId: agency.id,
  cycleId: '2025-tahunan-tautan',
  dimulai: '2026-01-05T01:00:00Z',
  executionArn: 'arn:lokal:tautan',
});
const person = {
  nama: 'Siti Aminah',
  jabatan: 'Kasubbag Perencanaan',
  email: 'perencanaan@dkukmtk.balangan.example',
};
const task: HumanTask = {
  agencyId: cycle.agencyId,
  cycleId: cycle.cycleId,
  taskId: '02.-.1',
  no: 2,
  unit: '-',
  putaran: 1,
  jenisTugas: 'konfirmasi',
  kegiatan: 'Menyiapkan format pengumpulan data',
  kelengkapan: 'Perjanjian Kinerja',
  output: 'Format',
  assignee: person,
  tenggat: '2026-01-05T03:00:00Z',
  dibuat: '2026-01-05T01:00:00Z',
  status: 'terbuka',
  jabatan: 'kasubbag-perencanaan',
  berkas: [],
};

let ports: MemoryPorts;
beforeEach(async () => {
  ports = memoryPorts({ now: task.dibuat });
  await ports.store.createCycle(cycle);
  await ports.store.putTask(task);
});

const call = async (method: string, path: string) => {
  const r = await route(event(method, path, { type: 'application/x-www-form-urlencoded', body: '' }), {
    ports: ports,
    cat,
  });
  return { status: r.statusCode, body: String(r.body), location: r.headers?.location };
};
const idOf = (url: string) => linkIdIn({ to: [], subject: '', html: '', text: url });
const about = (subject: string) => ports.mailer.sent.filter((m) => m.subject.includes(subject));

describe('links re-issued while the task is open', () => {
  it('mails a fresh link once when the newest one is about to expire, and again before that one does', async () => {
    // Overdue: the one late notice (with a link) is the last mail the reminders will ever send.
    ports.clock.set('2026-01-05T05:00:00Z');
    await sweep(ports, cat);
    const first = linkIdIn(about('Terlambat: langkah 2')[0]!);
    const expiry = Date.parse(
      (await ports.store.getTask(cycle.agencyId, cycle.cycleId, task.taskId))!.tautanBerakhir!,
    );
    expect(new Date(expiry).toISOString()).toBe('2026-02-04T05:00:00.000Z');
    ports.clock.set(new Date(expiry - 4 * DAY));
    await sweep(ports, cat);
    expect(about('Tautan baru')).toEqual([]);
    ports.clock.set(new Date(expiry - 2 * DAY));
    await Promise.all([sweep(ports, cat), sweep(ports, cat), sweep(ports, cat)]);
    const renewed = about('Tautan baru untuk langkah 2');
    expect(renewed.map((m) => m.to)).toEqual([[person.email]]);
    expect(renewed[0]!.text).toContain('masih terbuka');
    expect(renewed[0]!.text).toMatch(/berlaku sampai 4 Februari 2026 .*berlaku sampai 4 Maret 2026/);
    const fresh = linkIdIn(renewed[0]!);

    // Past the first link's expiry: it is dead, the renewed one works, and no second renewal yet.
    ports.clock.set(new Date(expiry + DAY));
    expect(await taskByLink(ports, cat, first)).toEqual({ ok: false, alasan: 'kedaluwarsa' });
    expect((await taskByLink(ports, cat, fresh)).ok).toBe(true);
    await sweep(ports, cat);
    expect(about('Tautan baru')).toHaveLength(1);
    ports.clock.set(new Date(expiry + 28 * DAY));
    await sweep(ports, cat);
    expect(about('Tautan baru')).toHaveLength(2);
    // A finished task gets nothing more.
    await ports.store.decideTask(cycle.agencyId, cycle.cycleId, task.taskId, {
      hasil: 'selesai',
      catatan: '',
      oleh: person,
      waktu: ports.clock.now().toISOString(),
    });
    ports.clock.set(new Date(expiry + 70 * DAY));
    await sweep(ports, cat);
    expect(about('Tautan baru')).toHaveLength(2);
  });

  it('renews nothing for a cycle that is not running', async () => {
    await issueLink(ports, task);
    await ports.store.finishCycle(cycle.agencyId, cycle.cycleId, task.dibuat);
    ports.clock.set(new Date(Date.parse(task.dibuat) + 29 * DAY));
    await sweep(ports, cat);
    expect(about('Tautan baru')).toEqual([]);
  });
});

describe('"kirim ulang tautan" on a dead link', () => {
  it('offers the form, mails the assignee on file once per few minutes, and answers everyone alike', async () => {
    const id = idOf(await issueLink(ports, task));
    ports.clock.set(new Date(Date.parse(task.dibuat) + 31 * DAY));
    const page = await call('GET', `/t/${id}`);
    expect(page.status).toBe(410);
    expect(page.body).toContain('Tautan kedaluwarsa');
    expect(page.body).toContain(`<form method="post" action="/t/${id}/kirim-ulang">`);
    expect(page.body).toContain('Kirim ulang tautan');

    const unknown = 'B'.repeat(22);
    const answers = await Promise.all([
      ...Array.from({ length: 5 }, () => call('POST', `/t/${id}/kirim-ulang`)),
      call('POST', `/t/${unknown}/kirim-ulang`),
      call('POST', '/t/bukan-tautan/kirim-ulang'),
    ]);
    expect(new Set(answers.map((a) => `${a.status} ${a.body}`)).size).toBe(1);
    expect(answers[0]!.status).toBe(200);
    expect(answers[0]!.body).toContain('Permintaan diterima');
    const sent = about('Tautan baru untuk langkah 2');
    expect(sent.map((m) => m.to)).toEqual([[person.email]]);
    expect(sent[0]!.text).toContain('Bila Anda tidak memintanya, abaikan email ini');
    expect((await call('GET', `/t/${linkIdIn(sent[0]!)}`)).status).toBe(200);

    ports.clock.advance({ ms: 4 * 60_000 });
    await call('POST', `/t/${id}/kirim-ulang`);
    expect(about('Tautan baru')).toHaveLength(1);
    ports.clock.advance({ ms: 2 * 60_000 });
    await call('POST', `/t/${id}/kirim-ulang`);
    expect(about('Tautan baru')).toHaveLength(2);
  });

  it('mails the person the task is assigned to now, and nobody once the task is done', async () => {
    const id = idOf(await issueLink(ports, task));
    const successor = { ...person, nama: 'Pengganti', email: 'pengganti@dkukmtk.balangan.example' };
    await ports.store.putTask({ ...task, taskId: '03.-.1', no: 3, assignee: successor });
    // The old holder's link of a reassigned task: unknown to them, a fresh link to the holder on file.
    const old = 'C'.repeat(22);
    await ports.store.putLink({
      ...(await ports.store.getLink(linkHash(id)))!,
      hash: linkHash(old),
      taskId: '03.-.1',
    });
    expect((await call('GET', `/t/${old}`)).status).toBe(404);
    await call('POST', `/t/${old}/kirim-ulang`);
    expect(about('Tautan baru').map((m) => m.to)).toEqual([[successor.email]]);

    await ports.store.decideTask(cycle.agencyId, cycle.cycleId, task.taskId, {
      hasil: 'selesai',
      catatan: '',
      oleh: person,
      waktu: ports.clock.now().toISOString(),
    });
    ports.clock.advance({ ms: 10 * 60_000 });
    await call('POST', `/t/${id}/kirim-ulang`);
    expect(about('Tautan baru')).toHaveLength(1);
  });
});

describe('the completion mail and the distribution mail', () => {
  it('gives each recipient their own timeline link, which opens the timeline and nothing else', async () => {
    const to = [officeHolder(agency, 'pimpinan')!.email, officeHolder(agency, 'pengelola')!.email];
    await mailCycleCompleted(ports, agency, to, cycle, 'SOP LAKIP', '3 catatan langkah');
    const done = about('Selesai:');
    expect(done.map((m) => m.to)).toEqual(to.map((e) => [e]));
    expect(done[0]!.text).not.toContain(`/siklus/${cycle.agencyId}/${cycle.cycleId}`);
    const [a, b] = done.map(linkIdIn);
    expect(a).not.toBe(b);
    const timeline = await call('GET', `/t/${a}/lini-masa`);
    expect(timeline.status).toBe(200);
    expect(timeline.body).toContain('<h1>Lini masa ');
    expect(timeline.body).toContain(`href="/t/${a}/instansi"`);
    expect(timeline.body).not.toContain('Kembali ke tugas');
    expect((await call('GET', `/t/${a}/instansi`)).status).toBe(200);
    expect(await call('GET', `/t/${a}`)).toMatchObject({ status: 303, location: `/t/${a}/lini-masa` });
    // Not a task link: no decision, no upload, no task JSON.
    expect((await call('POST', `/t/${a}`)).status).toBe(404);
    expect((await call('GET', `/api/tugas/${a}`)).status).toBe(404);
    // The old guessable address shows nothing.
    expect((await call('GET', `/siklus/${cycle.agencyId}/${cycle.cycleId}`)).status).toBe(404);

    ports.clock.advance({ ms: 91 * DAY });
    const expired = await call('GET', `/t/${a}/lini-masa`);
    expect(expired.status).toBe(410);
    await call('POST', `/t/${a}/kirim-ulang`);
    const again = about('Tautan baru lini masa');
    expect(again.map((m) => m.to)).toEqual([[to[0]]]);
    expect((await call('GET', `/t/${linkIdIn(again[0]!)}/lini-masa`)).status).toBe(200);
  });

  it('links the format with a link that outlives presigned URLs and dies with the cycle', async () => {
    const key = `siklus/${cycle.agencyId}/${cycle.cycleId}/format/bidang-koperasi.xlsx`;
    const url = await issueFileLink(ports, cycle, {
      unit: 'bidang-koperasi',
      bucket: 'kerja',
      key,
      namaBerkas: 'format-bidang-koperasi-2025.xlsx',
    });
    const id = idOf(url);
    ports.clock.advance({ ms: 20 * DAY });
    const r = await call('GET', `/t/${id}`);
    expect(r).toMatchObject({
      status: 303,
      location: `https://blob.memori.test/kerja/${key}?unduh=format-bidang-koperasi-2025.xlsx`,
    });
    expect((await call('GET', `/t/${id}/lini-masa`)).status).toBe(404);
    await ports.store.finishCycle(cycle.agencyId, cycle.cycleId, ports.clock.now().toISOString());
    expect((await call('GET', `/t/${id}`)).status).toBe(410);
  });
});

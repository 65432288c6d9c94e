import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCatalogue, getPorts } from '../../functions/commons/runtime.ts';
import type { CaughtMail } from '../../infra/local/mailbox.ts';
import { LINK_PATTERN } from '../../infra/local/people.ts';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.ts';
import { sweep } from '../../lib/cycle/reminders.ts';

let rt: LocalRuntime;
const logged: string[] = [];
const original = { log: console.log, error: console.error, warn: console.warn };

/** The next mail matching `match` (already caught, or the next to arrive). */
function mail(match: (m: CaughtMail) => boolean): Promise<CaughtMail> {
  const found = rt.mailbox.messages.find(match);
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const on = (m: CaughtMail) => {
      if (match(m)) {
        rt.mailbox.off('mail', on);
        resolve(m);
      }
    };
    rt.mailbox.on('mail', on);
  });
}

const linkOf = (m: CaughtMail) => LINK_PATTERN.exec(m.text)![1]!;
const to = (address: string, subject: string) => (m: CaughtMail) =>
  m.to.includes(address) && m.subject.includes(subject);
const post = (linkId: string, body: string) =>
  fetch(`${rt.urls.api}/t/${linkId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });

let cycleId = '';
let executionArn = '';

beforeAll(async () => {
  process.env.LAKIP_LOG = 'verbose';
  for (const k of ['log', 'error', 'warn'] as const)
    console[k] = (...a: unknown[]) => void logged.push(a.map(String).join(' '));
  rt = await startLocalRuntime({ dataDir: mkdtempSync(join(tmpdir(), 'lakip-people-')), persist: false });
  const res = await fetch(`${rt.urls.api}/api/siklus`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ agencyId: 'dkukmtk-balangan', sopId: 'dkukmtk-balangan-lakip', tahun: 2025 }),
  });
  ({ cycleId, executionArn } = (await res.json()) as { cycleId: string; executionArn: string });
}, 120_000);

afterAll(async () => {
  Object.assign(console, original);
  await rt?.stop();
});

describe('a link in an email', () => {
  it('records exactly one decision among 50 concurrent POSTs, and the cycle moves on once', async () => {
    const m = await mail(to('kepala@dkukmtk.balangan.example', 'Tugas langkah 1'));
    const id = linkOf(m);
    // A mail scanner prefetching the link changes nothing.
    expect((await fetch(`${rt.urls.api}/t/${id}`)).status).toBe(200);
    expect((await fetch(`${rt.urls.api}/t/${id}`, { method: 'HEAD' })).status).toBe(200);
    const statuses = await Promise.all(
      Array.from({ length: 50 }, () => post(id, 'hasil=selesai&catatan=Segera').then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    await mail(to('perencanaan@dkukmtk.balangan.example', 'Tugas langkah 2'));
    const steps = await getPorts().store.listSteps('dkukmtk-balangan', cycleId);
    expect(steps.filter((s) => s.no === 1)).toHaveLength(1);
    expect(rt.sfn.describe(executionArn).status).toBe('RUNNING');
  });

  it('answers unknown and tampered links with a page, not a stack trace', async () => {
    const m = await mail(to('perencanaan@dkukmtk.balangan.example', 'Tugas langkah 2'));
    const id = linkOf(m);
    const tampered = `${id.slice(0, 10)}${id[10] === 'x' ? 'y' : 'x'}${id.slice(11)}`;
    for (const bad of [tampered, 'AAAAAAAAAAAAAAAAAAAAAA', 'bukan-tautan', '%2e%2e%2f']) {
      const r = await fetch(`${rt.urls.api}/t/${bad}`);
      expect(r.status).toBe(404);
      const body = await r.text();
      expect(body).toContain('Tautan tidak dikenal');
      expect(body).not.toMatch(/Error|at .*\.ts/);
    }
    expect((await post(tampered, 'hasil=selesai')).status).toBe(404);
  });
});

describe('reminders and escalation', () => {
  it('reminds once before the deadline, escalates once when overdue, and forgets finished tasks', async () => {
    const task = (await getPorts().store.listTasks('dkukmtk-balangan', cycleId)).find((t) => t.no === 2)!;
    const due = new Date(task.tenggat).getTime();
    const at = (ms: number) => ({ ...getPorts(), clock: { now: () => new Date(ms) } });
    const cat = getCatalogue();
    // Step 2 has a mutu baku of 2 jam: nothing at the start, a reminder with 15 minutes left.
    expect(await sweep(at(new Date(task.dibuat).getTime() + 1000), cat)).toMatchObject({
      pengingat: 0,
      eskalasi: 0,
    });
    const before = Promise.all([mail(to('perencanaan@dkukmtk.balangan.example', 'Pengingat langkah 2'))]);
    expect((await sweep(at(due - 15 * 60_000), cat)).pengingat).toBe(1);
    const [reminder] = await before;
    expect(reminder!.text).toMatch(/Sisa waktu kerja menurut mutu baku: 15 menit/);
    expect((await sweep(at(due - 10 * 60_000), cat)).pengingat).toBe(0);

    expect((await sweep(at(due + 30 * 60_000), cat)).eskalasi).toBe(1);
    const late = await mail(to('perencanaan@dkukmtk.balangan.example', 'Terlambat: langkah 2'));
    const up = await mail(to('sekretaris@dkukmtk.balangan.example', 'Eskalasi: langkah 2'));
    expect(up.text).toContain('Kasubbag Perencanaan');
    expect(up.text).not.toMatch(LINK_PATTERN);
    expect((await sweep(at(due + 90 * 60_000), cat)).eskalasi).toBe(0);

    // The overdue notice carries a fresh link that works; finishing the task takes it out of the sweep.
    expect((await post(linkOf(late), 'hasil=selesai')).status).toBe(200);
    await mail(to('bidang-koperasi.kepala@dkukmtk.balangan.example', 'Tugas langkah 4'));
    const aboutStep2 = () =>
      rt.mailbox.messages.filter((m) => /langkah 2\b/.test(m.subject)).map((m) => m.subject);
    expect(aboutStep2()).toHaveLength(4);
    await sweep(at(due + 600 * 60_000), cat);
    expect(aboutStep2()).toHaveLength(4);
  });
});

describe('starting the same cycle again', () => {
  it('is refused with 409 naming the running cycle, unless a repeat is asked for', async () => {
    const start = (body: string) =>
      fetch(`${rt.urls.api}/api/siklus`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const same = JSON.stringify({
      agencyId: 'dkukmtk-balangan',
      sopId: 'dkukmtk-balangan-lakip',
      tahun: 2025,
    });
    const answers = await Promise.all([start(same), start(same), start(same)]);
    for (const r of answers) {
      expect(r.status).toBe(409);
      const body = (await r.json()) as { pesan: string; siklus: { cycleId: string; status: string } };
      expect(body.siklus).toMatchObject({ cycleId, status: 'berjalan' });
      expect(body.pesan).toContain(cycleId);
    }
    const broken = await start('{"agencyId": "dkukmtk-balangan",');
    expect([broken.status, await broken.json()]).toEqual([
      400,
      { pesan: 'badan permintaan bukan JSON yang sah' },
    ]);
    const cycles = await getPorts().store.listCycles('dkukmtk-balangan');
    expect(cycles.map((c) => c.cycleId)).toEqual([cycleId]);
  });
});

describe('tasks for operators', () => {
  it('are queryable per person, per cycle and per agency, without their tokens', async () => {
    const get = async (q: string) =>
      (await (await fetch(`${rt.urls.api}/api/tugas?${q}`)).json()) as {
        taskId: string;
        status: string;
        taskToken?: string;
      }[];
    const mine = await get('email=perencanaan@dkukmtk.balangan.example');
    expect(mine.map((t) => t.taskId)).toContain('02.-.1');
    const cycle = await get(`instansi=dkukmtk-balangan&siklus=${cycleId}`);
    expect(cycle.map((t) => t.taskId).slice(0, 2)).toEqual(['01.-.1', '02.-.1']);
    const open = await get('instansi=dkukmtk-balangan&status=terbuka');
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((t) => t.status === 'terbuka')).toBe(true);
    for (const t of [...mine, ...cycle, ...open]) expect(t.taskToken).toBeUndefined();
  });
});

describe('logs', () => {
  it('never contain a task token or a link id', async () => {
    const tasks = await getPorts().store.listTasks('dkukmtk-balangan', cycleId);
    const tokens = await Promise.all(tasks.map((t) => getPorts().store.getTaskToken(t)));
    const secrets = [
      ...tokens.filter((t) => t !== undefined),
      ...rt.mailbox.messages.flatMap((m) =>
        [...m.text.matchAll(new RegExp(LINK_PATTERN, 'g'))].map((x) => x[1]!),
      ),
    ];
    expect(secrets.length).toBeGreaterThan(3);
    expect(logged.length).toBeGreaterThan(0);
    const all = logged.join('\n');
    for (const s of secrets) expect(all).not.toContain(s);
  });
});

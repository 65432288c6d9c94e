import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eachPorts, getPorts } from '../../functions/commons/runtime.ts';
import type { CaughtMail } from '../../infra/local/mailbox.ts';
import { LINK_PATTERN, ScriptedPeople } from '../../infra/local/people.ts';
import { type LocalRuntime, startLocalRuntime, TABLE_NAME } from '../../infra/local/runtime.ts';
import type { Cycle, StepRecord } from '../../lib/cycle/model.ts';
import { tahun } from '../../lib/format/indonesia.ts';
import type { JenisLangkah } from '../../lib/sop/schema.ts';
import { startCycleVia } from '../helpers/local-api.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** True when nothing listens on the port any more. */
const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(true));
  });

/** Every (step, unit) an SOP's cycle must record once, when nobody returns a document. */
function expectedRecords(rt: LocalRuntime, c: Cycle): string[] {
  const sop = rt.catalogue.sops.get(c.sopId)!;
  const units = rt.catalogue.agencies.get(c.agencyId)!.unit.map((u) => u.id);
  return sop.langkah
    .flatMap((l) => (l.per_unit ? units.map((u) => `${l.no}/${u}/1`) : [`${l.no}/-/1`]))
    .sort();
}
const recordKeys = (steps: StepRecord[]) => steps.map((r) => `${r.no}/${r.unit}/${r.putaran}`).sort();

/** No person got the same mail twice (same recipients, same subject). */
function duplicates(mails: CaughtMail[]): string[] {
  const seen = new Map<string, number>();
  for (const m of mails) {
    const k = `${[...m.to].sort().join(',')} | ${m.subject}`;
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([k, n]) => `${n}× ${k}`);
}

describe('the fault suite: every step kind of every seed SOP fails, stops, resumes and completes', () => {
  let rt: LocalRuntime;
  beforeAll(async () => {
    rt = await startLocalRuntime({ dataDir: mkdtempSync(join(tmpdir(), 'lakip-gangguan-')), persist: false });
  }, 120_000);
  afterAll(() => rt?.stop());

  it('retries, stops with reason and notice, resumes from the step, and doubles nothing', async () => {
    // Every store adapter the handlers build (each function its own, from its own environment): its step
    // writes fail for one step kind at a time, for as long as that kind is not "repaired" (the first
    // failure is retried by the state machine, then it stops).
    const restore: (() => void)[] = [];
    const faults = new Map<
      string,
      { active?: JenisLangkah; healed: Set<JenisLangkah>; attempts: Map<string, number> }
    >();
    const stopFaults = eachPorts(({ store }) => {
      const write = store.updateStep.bind(store);
      store.updateStep = async (r: StepRecord) => {
        const f = faults.get(r.cycleId);
        if (f && !f.healed.has(r.jenis) && (f.active === undefined || f.active === r.jenis)) {
          f.active = r.jenis;
          f.attempts.set(r.jenis, (f.attempts.get(r.jenis) ?? 0) + 1);
          throw new Error(`gangguan uji: penyimpanan menolak catatan langkah ${r.no} (${r.jenis})`);
        }
        return write(r);
      };
      restore.push(() => {
        store.updateStep = write;
      });
    });
    const people = new ScriptedPeople(rt.urls.api, rt.mailbox, rt.catalogue, {});
    try {
      const pairs = [...rt.catalogue.agencies.values()].flatMap((a) => a.sop.map((sopId) => ({ a, sopId })));
      const runs = pairs.map(async ({ a, sopId }) => {
        const sop = rt.catalogue.sops.get(sopId)!;
        const periode = sop.siklus.includes('tahunan') ? 'tahunan' : 'TW4';
        const cycle = await startCycleVia(rt.urls.api, { agencyId: a.id, sopId, tahun: 2025, periode });
        const f = { healed: new Set<JenisLangkah>(), attempts: new Map<string, number>() } as {
          active?: JenisLangkah;
          healed: Set<JenisLangkah>;
          attempts: Map<string, number>;
        };
        faults.set(cycle.cycleId, f);
        people.follow(cycle.cycleId, sopId);
        const stops: { langkah: number; jenis: JenisLangkah; alasan: string }[] = [];
        let arn = cycle.executionArn!;
        for (;;) {
          const exec = await rt.sfn.finished(arn);
          if (exec.status === 'SUCCEEDED') break;
          expect(exec.status).toBe('FAILED');
          const stopped = (await getPorts().store.getCycle(a.id, cycle.cycleId))!;
          expect(stopped.status).toBe('terhenti');
          const jenis = f.active!;
          stops.push({ langkah: stopped.terhenti!.langkah, jenis, alasan: stopped.terhenti!.alasan });
          // The operator repairs the cause, then resumes.
          f.healed.add(jenis);
          f.active = undefined;
          const res = await fetch(`${rt.urls.api}/api/siklus/${a.id}/${cycle.cycleId}/lanjutkan`, {
            method: 'POST',
          });
          expect(res.status, await res.clone().text()).toBe(202);
          arn = ((await res.json()) as { siklus: Cycle }).siklus.executionArn!;
        }
        return { cycle, sop, stops, f };
      });
      const done = await Promise.all(runs);
      await rt.settled();
      await people.idle();
      expect(people.errors).toEqual([]);

      const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
      for (const { cycle, sop, stops, f } of done) {
        const kinds = [...new Set(sop.langkah.map((l) => l.jenis))];
        // Every kind failed, was retried (3 retries after the first attempt), then stopped the cycle once.
        expect(stops.map((s) => s.jenis).sort(), sop.id).toEqual([...kinds].sort());
        for (const k of kinds) expect(f.attempts.get(k), `${sop.id} ${k}`).toBeGreaterThanOrEqual(4);
        for (const s of stops) {
          expect(
            sop.langkah.find((l) => l.no === s.langkah)?.jenis,
            `${sop.id} berhenti di ${s.langkah}`,
          ).toBe(s.jenis);
          expect(s.alasan).toMatch(
            new RegExp(`^Sistem gagal menjalankan langkah ${s.langkah} .*gangguan uji`),
          );
        }
        const final = (await getPorts().store.getCycle(cycle.agencyId, cycle.cycleId))!;
        expect(final).toMatchObject({ status: 'selesai', eksekusi: stops.length + 1 });
        // The step records match the SOP one to one.
        const steps = await getPorts().store.listSteps(cycle.agencyId, cycle.cycleId);
        expect(recordKeys(steps), sop.id).toEqual(expectedRecords(rt, cycle));
        expect(steps.every((r) => r.selesai)).toBe(true);
        // One notice per stop, to the pengelola and the operator.
        const agency = rt.catalogue.agencies.get(cycle.agencyId)!;
        const notices = rt.mailbox.messages.filter(
          (m) => m.subject.includes('Siklus terhenti') && m.subject.includes(`[${agency.singkatan}]`),
        );
        expect(notices, sop.id).toHaveLength(stops.length);
        for (const n of notices) expect(n.to).toContain(agency.kontak_operator!.email);
        // One letter number per cycle, however often its step was retried or resumed.
        if (sop.langkah.some((l) => l.jenis === 'surat-pengantar')) {
          const counter = await doc.send(
            new GetCommand({
              TableName: TABLE_NAME,
              Key: { pk: `AG#${cycle.agencyId}`, sk: `SURAT#${tahun(new Date(), agency.zona_waktu)}` },
            }),
          );
          expect(counter.Item?.n, sop.id).toBe(1);
        }
      }
      expect(duplicates(rt.mailbox.messages)).toEqual([]);
    } finally {
      stopFaults();
      for (const r of restore) r();
      people.stop();
    }
  }, 240_000);
});

describe('the local runtime survives a SIGKILL mid-cycle', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lakip-mulai-ulang-'));
  const base = 20_000 + Math.floor(Math.random() * 20_000);
  let child: ChildProcess | undefined;
  let rt: LocalRuntime | undefined;
  afterAll(async () => {
    child?.kill('SIGKILL');
    await rt?.stop();
  });

  /** The mails the runtime persisted (one JSON file each), read as a person's inbox would be. */
  const inbox = (): CaughtMail[] => {
    const dir = join(dataDir, 'surat');
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
      : [];
  };
  /** Waits for a mail by polling the inbox folder (a file appears when the child catches the mail). */
  async function mailTo(address: string, subject: string): Promise<CaughtMail> {
    for (let i = 0; i < 600; i++) {
      const m = inbox().find((x) => x.to.includes(address) && x.subject.includes(subject));
      if (m) return m;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`tidak ada surat '${subject}' untuk ${address}`);
  }

  it('resumes every open cycle at its open step: old links work, nobody is mailed twice, the cycle ends', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, LAKIP_DATA_DIR: dataDir, LAKIP_PORT_BASE: String(base), LAKIP_LOG: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (d) => {
        out += String(d);
        if (out.includes('lakip-flow berjalan')) resolve();
      });
      child!.on('exit', (code) => reject(new Error(`npm start berhenti (${code}): ${out}`)));
    });
    const api = `http://127.0.0.1:${base}`;
    const cycle = await startCycleVia(api, {
      agencyId: 'dkukmtk-balangan',
      sopId: 'dkukmtk-balangan-lakip',
      tahun: 2025,
    });
    const first = await mailTo('kepala@dkukmtk.balangan.example', 'Tugas langkah 1');
    const post = await fetch(`${api}/t/${LINK_PATTERN.exec(first.text)![1]}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'hasil=selesai',
    });
    expect(post.status).toBe(200);
    await mailTo('perencanaan@dkukmtk.balangan.example', 'Tugas langkah 2');
    // Killed while step 2 waits on a person: no chance to clean up.
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    child = undefined;

    rt = await startLocalRuntime({ dataDir, persist: true, resumeOpen: true });
    expect(rt.resumed.map((c) => c.cycleId)).toEqual([cycle.cycleId]);
    const people = new ScriptedPeople(rt.urls.api, rt.mailbox, rt.catalogue, {});
    people.follow(cycle.cycleId, cycle.sopId);
    people.catchUp();
    const resumed = (await getPorts().store.getCycle(cycle.agencyId, cycle.cycleId))!;
    expect((await rt.sfn.finished(resumed.executionArn!)).status).toBe('SUCCEEDED');
    await rt.settled();
    await people.idle();
    expect(people.errors).toEqual([]);
    expect(people.actions.find((x) => x.no === 2)).toBeDefined();
    const final = (await getPorts().store.getCycle(cycle.agencyId, cycle.cycleId))!;
    expect(final).toMatchObject({ status: 'selesai', eksekusi: 2 });
    const steps = await getPorts().store.listSteps(cycle.agencyId, cycle.cycleId);
    expect(recordKeys(steps)).toEqual(expectedRecords(rt, cycle));
    expect(rt.mailbox.messages.filter((m) => m.subject.includes('Tugas langkah 2'))).toHaveLength(1);
    expect(duplicates(rt.mailbox.messages)).toEqual([]);
  }, 240_000);

  it('stops every server it started on SIGTERM', async () => {
    const port = base + 100;
    const p = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        LAKIP_DATA_DIR: mkdtempSync(join(tmpdir(), 'lakip-term-')),
        LAKIP_PORT_BASE: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve) => {
      let out = '';
      p.stdout!.on('data', (d) => {
        out += String(d);
        if (out.includes('lakip-flow berjalan')) resolve();
      });
    });
    expect((await fetch(`http://127.0.0.1:${port}/_lokal/surat`)).status).toBe(200);
    const code = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    expect(await code).toBe(0);
    for (const q of [port, port + 1, port + 2, port + 3, port + 25])
      expect(await refused(q), `port ${q}`).toBe(true);
  }, 120_000);
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getPorts, resetRuntime } from '../../functions/commons/runtime.ts';
import { ScriptedPeople } from '../../infra/local/people.ts';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.ts';
import { loadCatalogue } from '../../lib/catalogue.ts';
import type { Cycle } from '../../lib/cycle/model.ts';
import { BALANGAN } from '../helpers/cycle-run.ts';
import { startCycleVia } from '../helpers/local-api.ts';
import { addVersion, BALANGAN_V2, configCopy } from '../helpers/versions.ts';

const ID = BALANGAN.sopId;

describe('a new SOP version is deployed while a cycle runs (issue 12, part 6)', () => {
  let rt: LocalRuntime | undefined;
  afterAll(async () => {
    await rt?.stop();
    resetRuntime();
  });

  it('finishes the running cycle on v1 while a new cycle starts and finishes on v2', async () => {
    const config = configCopy();
    const dataDir = mkdtempSync(join(tmpdir(), 'lakip-versi-e2e-'));
    rt = await startLocalRuntime({ dataDir, persist: true, catalogue: loadCatalogue(config) });
    const old = await startCycleVia(rt.urls.api, { agencyId: BALANGAN.agencyId, sopId: ID, tahun: 2025 });
    expect(old).toMatchObject({ sopVersi: 1 });
    // Stopped while step 1 waits on its person (the assignment mail is out).
    const mailbox = rt.mailbox;
    await new Promise<void>((resolve) => {
      const check = () => {
        if (mailbox.messages.some((m) => m.subject.includes('Tugas langkah 1'))) resolve();
      };
      mailbox.on('mail', check);
      check();
    });
    await rt.settled();
    await rt.stop();
    rt = undefined;

    // v2: step 1 reworded and longer, step 2 longer; v1 kept in sop/arsip/. Then the runtime restarts
    // (a new process: nothing loaded before is kept) with both versions deployed.
    addVersion(config, ID, (t) => BALANGAN_V2.edit(t).replace('waktu: 2 Jam', 'waktu: 3 Jam'));
    resetRuntime();
    rt = await startLocalRuntime({
      dataDir,
      persist: true,
      resumeOpen: true,
      catalogue: loadCatalogue(config),
    });
    expect(rt.resumed.map((c) => c.cycleId)).toEqual([old.cycleId]);
    const resumed = (await getPorts().store.getCycle(old.agencyId, old.cycleId))!;
    expect(resumed).toMatchObject({ sopVersi: 1, eksekusi: 2 });
    expect(resumed.executionArn).toContain(`:execution:LakipFlow-${ID}:`);

    const fresh = await startCycleVia(rt.urls.api, {
      agencyId: BALANGAN.agencyId,
      sopId: ID,
      tahun: 2025,
      ulang: true,
    });
    expect(fresh).toMatchObject({ sopVersi: 2 });
    expect(fresh.executionArn).toContain(`:execution:LakipFlow-${ID}-v2:`);

    const people = new ScriptedPeople(rt.urls.api, rt.mailbox, rt.catalogue, {});
    people.follow(old.cycleId, ID);
    people.follow(fresh.cycleId, ID);
    people.catchUp();
    for (const arn of [resumed.executionArn!, fresh.executionArn!])
      expect((await rt.sfn.finished(arn)).status).toBe('SUCCEEDED');
    await rt.settled();
    await people.idle();
    expect(people.errors).toEqual([]);

    const steps = async (c: Cycle, no: number) =>
      (await getPorts().store.listSteps(c.agencyId, c.cycleId)).find((r) => r.no === no)!;
    // Step 1 of the old cycle was opened before the restart, step 2 after it: both on v1.
    expect(await steps(old, 1)).toMatchObject({
      kegiatan: 'Memerintahkan penyusunan LAKIP',
      waktu: '10 Menit',
    });
    expect(await steps(old, 2)).toMatchObject({ waktu: '2 Jam' });
    expect(await steps(fresh, 1)).toMatchObject({ kegiatan: BALANGAN_V2.kegiatan, waktu: BALANGAN_V2.waktu });
    expect(await steps(fresh, 2)).toMatchObject({ waktu: '3 Jam' });
    for (const c of [old, fresh])
      expect(await getPorts().store.getCycle(c.agencyId, c.cycleId)).toMatchObject({
        status: 'selesai',
        sopVersi: c.sopVersi,
      });
  }, 300_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestUpload } from '../../lib/cycle/people.ts';
import { receiveUpload } from '../../lib/cycle/receive-upload.ts';
import { fillWorkbook } from '../../lib/workbook/fill.ts';
import { BALANGAN, CycleRun } from '../helpers/cycle-run.ts';
import { startDynamo } from '../helpers/dynamo.ts';
import { GOOD_TENAGA_KERJA } from '../helpers/isian.ts';
import type { MemoryCycleStore } from '../helpers/memory-ports.ts';

const UNIT = 'bidang-tenaga-kerja';
const GOOD = GOOD_TENAGA_KERJA;

let db: Awaited<ReturnType<typeof startDynamo>>;
beforeAll(async () => {
  db = await startDynamo();
});
afterAll(() => db.stop());

/** A Balangan cycle whose state lives in DynamoDB (dynalite, real SDK); files, mail and workflow in memory. */
async function uploadTask() {
  // Each case starts its own cycle of the same period on the shared table: a repeat, on purpose.
  const run = await new CycleRun({ store: db.store as unknown as MemoryCycleStore }).start({ ulang: true });
  const opened = await run.open(4, UNIT);
  const blank = await run.ports.blobs.get('kerja', opened.task.berkas.find((b) => b.jenis === 'format')!.key);
  const upload = async (bytes: Uint8Array) => {
    const r = await requestUpload(run.ports, run.cat, opened.linkId, 'isian.xlsx');
    if (!r.ok) throw new Error(r.pesan);
    return run.ports.blobs.post(r.form, bytes);
  };
  return { run, opened, blank, upload };
}

describe('S3 delivers an upload event at least once: three concurrent deliveries, one outcome', () => {
  it('accepts a good workbook once: one closed task, one hand-over to the workflow, no mail', async () => {
    const { run, opened, blank, upload } = await uploadTask();
    const key = await upload(await fillWorkbook(blank, GOOD));
    const before = run.ports.mailer.sent.length;
    const outcomes = await Promise.all([1, 2, 3].map(() => receiveUpload(run.ports, run.cat, key)));
    expect(outcomes.map((o) => o.status).sort()).toEqual(['diabaikan', 'diabaikan', 'diterima']);
    expect(run.ports.workflow.succeeded).toHaveLength(1);
    expect(run.ports.mailer.sent.length).toBe(before);
    const task = await db.store.getTask(run.siklus.agencyId, run.siklus.cycleId, opened.task.taskId);
    expect(task).toMatchObject({ status: 'selesai', keputusan: { hasil: 'selesai' } });
    const uploads = await db.store.listUploads(run.siklus.agencyId, run.siklus.cycleId);
    expect(uploads.map((u) => u.status)).toEqual(['diterima']);
  });

  it('rejects a wrong workbook once: one rejection mail, the task stays open', async () => {
    const { run, opened, blank, upload } = await uploadTask();
    const key = await upload(
      await fillWorkbook(blank, { ...GOOD, realisasi: { ...GOOD.realisasi, 'IKU-2.1': 'x' } }),
    );
    const outcomes = await Promise.all([1, 2, 3].map(() => receiveUpload(run.ports, run.cat, key)));
    expect(outcomes.map((o) => o.status).sort()).toEqual(['diabaikan', 'diabaikan', 'ditolak']);
    expect(run.ports.mailer.sent.filter((m) => m.subject.includes('Unggahan ditolak'))).toHaveLength(1);
    expect(run.ports.mailer.sent.at(-1)!.to).toEqual([BALANGAN.kabid(UNIT)]);
    const task = await db.store.getTask(run.siklus.agencyId, run.siklus.cycleId, opened.task.taskId);
    expect(task!.status).toBe('terbuka');
    expect(run.ports.workflow.succeeded).toEqual([]);
  });
});

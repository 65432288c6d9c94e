import { describe, expect, it } from 'vitest';
import { startStep } from '../../lib/cycle/engine.ts';
import { COLLECTION_CLOSED, decide, requestUpload, taskByLink } from '../../lib/cycle/people.ts';
import { receiveUpload } from '../../lib/cycle/receive-upload.ts';
import { acceptedSubmissions, replacementOpen } from '../../lib/cycle/submissions.ts';
import { fillWorkbook } from '../../lib/workbook/fill.ts';
import { BALANGAN, CycleRun } from '../helpers/cycle-run.ts';
import { GOOD_TENAGA_KERJA } from '../helpers/isian.ts';
import { linkIdIn } from '../helpers/memory-ports.ts';

const UNIT = 'bidang-tenaga-kerja';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const GOOD = GOOD_TENAGA_KERJA;

describe('an upload task', () => {
  it('rejects a wrong workbook with its problems, accepts a good one, and completes the unit once', async () => {
    const run = await new CycleRun().start();
    const { ports, cat } = run;
    const { task, token, mail, linkId } = await run.open(4, UNIT);
    expect(mail.to).toEqual([BALANGAN.kabid(UNIT)]);
    expect(task).toMatchObject({ taskId: `04.${UNIT}.1`, jenisTugas: 'unggah', unit: UNIT });
    const format = task.berkas.find((b) => b.key.endsWith(`/format/${UNIT}.xlsx`))!;
    expect(ports.blobs.contentTypeOf('kerja', format.key)).toBe(XLSX);
    const blank = await ports.blobs.get('kerja', format.key);

    expect(await decide(ports, cat, linkId, { hasil: 'selesai' })).toMatchObject({
      ok: false,
      pesan: expect.stringContaining('mengunggah berkas'),
    });
    expect(await requestUpload(ports, cat, linkId, 'laporan.pdf')).toMatchObject({
      ok: false,
      pesan: expect.stringContaining('.xlsx'),
    });

    /** The upload page: ask for a form, then the browser posts the file to the bucket, which fires the event. */
    const upload = async (name: string, bytes: Uint8Array) => {
      const r = await requestUpload(ports, cat, linkId, name);
      if (!r.ok) throw new Error(r.pesan);
      expect(r.form.fields['Content-Type']).toBe(XLSX);
      return receiveUpload(ports, cat, await ports.blobs.post(r.form, bytes));
    };

    const bad = await fillWorkbook(blank, {
      ...GOOD,
      realisasi: { ...GOOD.realisasi, 'IKU-2.1': 'sepuluh persen' },
    });
    const rejected = await upload('isian salah.xlsx', bad);
    expect(rejected).toMatchObject({
      status: 'ditolak',
      upload: { namaBerkas: 'isian salah.xlsx', status: 'ditolak' },
    });
    const notice = ports.mailer.one(BALANGAN.kabid(UNIT), 'Unggahan ditolak');
    expect(notice.text).toMatch(/baris \d+, kolom H \(Realisasi\): bukan angka.*'sepuluh persen'/);
    // The notice carries a fresh link back to the same, still open task.
    const again = linkIdIn(notice);
    expect(again).not.toBe(linkId);
    expect(await taskByLink(ports, cat, again)).toMatchObject({
      ok: true,
      task: { taskId: task.taskId, status: 'terbuka' },
    });
    expect(ports.workflow.succeeded).toEqual([]);

    run.ports.clock.advance({ minutes: 30 });
    const good = await fillWorkbook(blank, GOOD);
    const accepted = await upload('isian.xlsx', good);
    if (accepted.status !== 'diterima') throw new Error(JSON.stringify(accepted));
    const { uploadId, submissionKey } = accepted.upload;
    const submission = JSON.parse(
      Buffer.from(await ports.blobs.get('kerja', submissionKey!)).toString('utf8'),
    );
    expect(submission).toMatchObject({ unit: UNIT });
    expect(ports.workflow.succeeded).toEqual([
      {
        taskToken: token,
        output: expect.objectContaining({ hasil: 'selesai', submissionId: uploadId, oleh: task.assignee }),
      },
    ]);
    expect(
      (await ports.store.listUploads(run.siklus.agencyId, run.siklus.cycleId)).map((u) => u.status).sort(),
    ).toEqual(['diterima', 'ditolak']);

    // The same S3 event delivered twice changes nothing.
    expect(await receiveUpload(ports, cat, accepted.upload.key)).toEqual({
      status: 'diabaikan',
      alasan: 'sudah diproses',
    });
    expect(ports.workflow.succeeded).toHaveLength(1);

    await run.finish(4, token, UNIT);
    const [record] = await run.steps(4, UNIT);
    expect(record).toMatchObject({
      oleh: { email: BALANGAN.kabid(UNIT) },
      keputusan: { submissionId: uploadId },
      menitKerja: 30,
      tepatWaktu: true,
    });
  });

  it('lets the unit replace its accepted data until the next step starts; the latest accepted counts', async () => {
    const run = await new CycleRun().start();
    const { ports, cat } = run;
    const { task, linkId } = await run.open(4, UNIT);
    const format = task.berkas.find((b) => b.key.endsWith(`/format/${UNIT}.xlsx`))!;
    const blank = await ports.blobs.get('kerja', format.key);
    const upload = async (name: string, bytes: Uint8Array) => {
      const r = await requestUpload(ports, cat, linkId, name);
      if (!r.ok) throw new Error(r.pesan);
      return receiveUpload(ports, cat, await ports.blobs.post(r.form, bytes));
    };
    const first = await upload('pertama.xlsx', await fillWorkbook(blank, GOOD));
    expect(first.status).toBe('diterima');
    run.ports.clock.advance({ minutes: 5 });

    // A corrected file after acceptance: accepted, kept, and it is the data that counts now.
    const fixed = { ...GOOD, realisasi: { ...GOOD.realisasi, 'IKU-2.1': 77 } };
    const second = await upload('perbaikan.xlsx', await fillWorkbook(blank, fixed));
    expect(second.status).toBe('diterima');
    let subs = await acceptedSubmissions(ports, run.siklus, UNIT);
    expect(subs).toHaveLength(1);
    const realisasi = () => subs[0]!.indikator.find((i) => i.kode === 'IKU-2.1')?.realisasi;
    expect(realisasi()).toBe(77);
    // The task was closed once, by the first file; the workflow is not resumed again.
    expect(ports.workflow.succeeded).toHaveLength(1);

    // A broken replacement is rejected and never replaces the accepted one.
    run.ports.clock.advance({ minutes: 5 });
    const bad = await fillWorkbook(blank, {
      ...GOOD,
      realisasi: { ...GOOD.realisasi, 'IKU-2.1': 'sepuluh' },
    });
    expect((await upload('salah.xlsx', bad)).status).toBe('ditolak');
    subs = await acceptedSubmissions(ports, run.siklus, UNIT);
    expect(realisasi()).toBe(77);
    const uploads = await ports.store.listUploads(run.siklus.agencyId, run.siklus.cycleId);
    expect(uploads.map((u) => u.status).sort()).toEqual(['diterima', 'diterima', 'ditolak']);

    // Once the next step has started, the data is read: no more replacements.
    expect(await replacementOpen(ports, task)).toBe(true);
    await startStep(ports, cat, { siklus: run.siklus, no: 5, fase: 'mulai' });
    expect(await replacementOpen(ports, task)).toBe(false);
    expect(await requestUpload(ports, cat, linkId, 'lagi.xlsx')).toEqual({
      ok: false,
      pesan: COLLECTION_CLOSED,
    });
  });

  it('refuses a file bigger than the limit without reading it, even when the bucket let it through', async () => {
    const run = await new CycleRun().start();
    const { linkId, task } = await run.open(4, UNIT);
    const r = await requestUpload(run.ports, run.cat, linkId, 'isian.xlsx');
    if (!r.ok) throw new Error(r.pesan);
    // The local S3 emulator ignores the POST policy's size range: the object lands anyway.
    const key = r.form.fields.key!;
    await run.ports.blobs.put('kerja', key, new Uint8Array(r.maxBytes + 1), XLSX);
    expect(await receiveUpload(run.ports, run.cat, key)).toMatchObject({
      status: 'ditolak',
      masalah: [{ pesan: expect.stringContaining('melebihi batas') }],
    });
    // Refused on its size alone, without downloading it.
    expect(run.ports.blobs.reads).not.toContain(`kerja/${key}`);
    await expect(run.ports.blobs.post(r.form, new Uint8Array(r.maxBytes + 1))).rejects.toThrow();
    expect((await run.ports.store.getTask(task.agencyId, task.cycleId, task.taskId))!.status).toBe('terbuka');
  });

  it('ignores objects that are not uploads it asked for', async () => {
    const run = await new CycleRun().start();
    const { task } = await run.open(4, UNIT);
    const forged = ['unggahan', task.agencyId, task.cycleId, task.taskId, 'zzz-tidakada.xlsx'].join('/');
    expect(await receiveUpload(run.ports, run.cat, forged)).toEqual({
      status: 'diabaikan',
      alasan: 'unggahan tidak dikenal',
    });
    expect(await receiveUpload(run.ports, run.cat, 'siklus/lain/format.xlsx')).toMatchObject({
      status: 'diabaikan',
    });
    expect(run.ports.workflow.succeeded).toEqual([]);
  });
});

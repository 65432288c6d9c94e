import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../lib/catalogue.ts';
import type { Cycle, HumanTask, UploadRecord } from '../../lib/cycle/model.ts';
import { markUploadFailed, receiveUpload, UPLOAD_FAILED } from '../../lib/cycle/receive-upload.ts';
import { taskPage } from '../../lib/pages/task-page.ts';
import { buildFormatWorkbook } from '../../lib/workbook/build.ts';
import { fillWorkbook } from '../../lib/workbook/fill.ts';
import { cycleFixture } from '../helpers/fixtures.ts';
import { type MemoryPorts, memoryPorts } from '../helpers/memory-ports.ts';
import { deflatedZeros, xlsxSkeleton, zipOf } from '../helpers/zip-bomb.ts';

const MiB = 1024 * 1024;
const cat = loadCatalogue();
const agency = cat.agencies.get('dkukmtk-balangan')!;
const unit = agency.unit.find((u) => u.id === 'bidang-tenaga-kerja')!;
const head = unit.pejabat[unit.kepala]!;

const cycle: Cycle = cycleFixture({
  agencyId: agency.id,
  cycleId: '2025-tahunan-unggah',
  dimulai: '2026-01-05T01:00:00Z',
  executionArn: 'arn:lokal:unggah',
});
const task: HumanTask = {
  agencyId: cycle.agencyId,
  cycleId: cycle.cycleId,
  taskId: `04.${unit.id}.1`,
  no: 4,
  unit: unit.id,
  putaran: 1,
  jenisTugas: 'unggah',
  kegiatan: 'Menghimpun data kinerja',
  kelengkapan: 'Format',
  output: 'Data kinerja unit',
  assignee: { nama: head.nama, jabatan: head.jabatan, email: head.email },
  tenggat: '2026-01-20T08:00:00Z',
  dibuat: '2026-01-06T01:00:00Z',
  status: 'terbuka',
  jabatan: unit.kepala,
  berkas: [],
};

let ports: MemoryPorts;
let bomb: Buffer;
let liar: Buffer;
beforeAll(async () => {
  ports = memoryPorts({ now: '2026-01-07T02:00:00Z' });
  await ports.store.createCycle(cycle);
  await ports.store.putTaskToken(task, 'token-unggah');
  await ports.store.putTask(task);
  const zeros = await deflatedZeros(300 * MiB);
  const sheet = { name: 'xl/worksheets/sheet1.xml', data: zeros };
  bomb = zipOf([...xlsxSkeleton(), { ...sheet, size: 300 * MiB }]);
  liar = zipOf([...xlsxSkeleton(), { ...sheet, size: 900 * 1024 }]);
}, 120_000);

let n = 0;
/** An upload record waiting for its file, and the file put where the S3 event says it is. */
async function uploaded(bytes: Uint8Array): Promise<UploadRecord> {
  const uploadId = `u${++n}`;
  const u: UploadRecord = {
    agencyId: cycle.agencyId,
    cycleId: cycle.cycleId,
    taskId: task.taskId,
    uploadId,
    unit: unit.id,
    namaBerkas: 'isian.xlsx',
    key: `unggahan/${cycle.agencyId}/${cycle.cycleId}/${task.taskId}/${uploadId}.xlsx`,
    dibuat: ports.clock.now().toISOString(),
    status: 'menunggu',
  };
  await ports.store.putUpload(u);
  await ports.blobs.put('kerja', u.key, bytes, 'application/octet-stream');
  return u;
}

describe('an upload that would exhaust memory', () => {
  it('is refused from its zip directory, told to the unit with a fresh link, with memory flat', async () => {
    for (const [bytes, said] of [
      [bomb, 'berukuran 300 MB setelah dibuka, melebihi batas 25 MB per bagian'],
      [liar, 'tidak sesuai dengan daftar isi arsip'],
    ] as const) {
      const u = await uploaded(bytes);
      const mails = ports.mailer.sent.length;
      const before = { rss: process.memoryUsage().rss, peak: process.resourceUsage().maxRSS * 1024 };
      const out = await receiveUpload(ports, cat, u.key);
      const after = { rss: process.memoryUsage().rss, peak: process.resourceUsage().maxRSS * 1024 };
      expect(out.status).toBe('ditolak');
      expect(after.rss - before.rss).toBeLessThan(64 * MiB);
      expect(after.peak - before.peak).toBeLessThan(64 * MiB);
      const stored = (await ports.store.getUpload(cycle.agencyId, cycle.cycleId, u.uploadId))!;
      expect(stored.status).toBe('ditolak');
      expect(stored.masalah![0]!.pesan).toContain(said);
      const mail = ports.mailer.sent.slice(mails);
      expect(mail.map((m) => [m.to, m.subject])).toEqual([
        [[head.email], '[DKUKMTK] Unggahan ditolak: isian.xlsx'],
      ]);
      expect(mail[0]!.text).toContain(said);
      expect(mail[0]!.text).toMatch(/Buka tugas: https:\/\/lakip\.memori\.test\/t\/[A-Za-z0-9_-]{22}/);
    }
    // A rejection, like any other: the task stays open for a good file; nothing resumed the workflow.
    expect((await ports.store.getTask(cycle.agencyId, cycle.cycleId, task.taskId))!.status).toBe('terbuka');
    expect(ports.workflow.succeeded).toEqual([]);
  });
});

describe('an upload whose processing breaks', () => {
  it('is marked gagal for the page to show, and a retried event still accepts it', async () => {
    const pk = cat.kinerja.get('dkukmtk-balangan/2025')!;
    const blank = await buildFormatWorkbook({ agency, unit, pk, periode: 'tahunan' });
    const good = await fillWorkbook(blank, {
      realisasi: { 'IKU-2.1': 3.9, 'IKU-2.2': 36.5, 'IKU-2.3': 1 },
      anggaran: { '2.07.03': 800_000_000, '2.07.04': 300_000_000, '2.07.05': 140_000_000 },
    });
    const u = await uploaded(good);
    const get = ports.blobs.get.bind(ports.blobs);
    ports.blobs.get = async () => {
      throw Object.assign(new Error('S3 sedang sibuk'), { name: 'SlowDown' });
    };
    await expect(receiveUpload(ports, cat, u.key)).rejects.toThrow('S3 sedang sibuk');
    ports.blobs.get = get;
    const failed = (await ports.store.getUpload(cycle.agencyId, cycle.cycleId, u.uploadId))!;
    expect(failed).toMatchObject({ status: 'gagal', gagal: { alasan: UPLOAD_FAILED } });
    const page = taskPage(
      {
        task,
        zona: agency.zona_waktu,
        sopNama: 'SOP',
        agencyNama: agency.nama,
        downloads: [],
        uploads: [failed],
        action: '/t/x',
        uploadEndpoint: '/api/tugas/x/unggahan',
        nav: { lini: '/t/x/lini-masa', instansi: '/t/x/instansi' },
      },
      'nonce',
    );
    expect(page).toContain('<h2 class="tolak">Gagal diproses</h2>');
    expect(page).toContain('gangguan pada sistem, bukan karena isinya');

    const out = await receiveUpload(ports, cat, u.key);
    expect(out.status).toBe('diterima');
    expect(ports.workflow.succeeded.map((r) => r.taskToken)).toEqual(['token-unggah']);
    // Once decided, a late failure notice (the failure destination) changes nothing.
    expect(await markUploadFailed(ports, u.key)).toBe(false);
    expect((await ports.store.getUpload(cycle.agencyId, cycle.cycleId, u.uploadId))!.status).toBe('diterima');
  });
});

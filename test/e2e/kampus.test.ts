import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoResult, runDemo } from '../../infra/local/demo.ts';
import { type LocalRuntime, startLocalRuntime, WORK_BUCKET } from '../../infra/local/runtime.ts';
import { deadline } from '../../lib/calendar/working-time.ts';
import { calendarOf, loadCatalogue } from '../../lib/catalogue.ts';
import { configWithKampus, KAMPUS } from '../helpers/kampus.ts';
import { localS3 } from '../helpers/local-clients.ts';
import { pdfText } from '../helpers/pdf.ts';

/**
 * A sixth agency nobody wrote code for (issue 12, part 4): a campus directorate whose offices are
 * direktur / kabag-umum / fungsional-perencana, whose units are a bagian, a unit and a declared kind,
 * and whose SOP has two pelaksana on a step and no waktu column. Its cycle runs end to end on the
 * local runtime from data alone.
 */
let rt: LocalRuntime;
let result: DemoResult;
let s3: S3Client;

beforeAll(async () => {
  rt = await startLocalRuntime({
    dataDir: mkdtempSync(join(tmpdir(), 'lakip-kampus-e2e-')),
    persist: false,
    catalogue: loadCatalogue(configWithKampus()),
  });
  s3 = localS3(rt);
  result = await runDemo(rt, { only: [KAMPUS], script: {}, log: () => undefined });
}, 240_000);
afterAll(async () => {
  s3?.destroy();
  await rt?.stop();
});

async function docxText(key: string): Promise<string> {
  const body = await (
    await s3.send(new GetObjectCommand({ Bucket: WORK_BUCKET, Key: key }))
  ).Body!.transformToByteArray();
  return (await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string'))
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('a synthetic campus agency runs its SOP as written', () => {
  it('reaches the end of its cycle with every step recorded once per scope', () => {
    const [c] = result.cycles;
    expect(c?.status, c?.error).toBe('SUCCEEDED');
    expect(c!.cycle.status).toBe('selesai');
    expect(result.people.errors).toEqual([]);
    const sop = rt.catalogue.sops.get(KAMPUS.sopId)!;
    const units = rt.catalogue.agencies
      .get(KAMPUS.agencyId)!
      .unit.map((u) => u.id)
      .sort();
    for (const l of sop.langkah) {
      const mine = c!.steps.filter((s) => s.no === l.no && s.putaran === 1);
      if (l.per_unit) expect(mine.map((s) => s.unit).sort(), `langkah ${l.no}`).toEqual(units);
      else
        expect(
          mine.map((s) => s.unit),
          `langkah ${l.no}`,
        ).toEqual(['-']);
      for (const s of mine) expect(s.selesai, `langkah ${l.no}`).toBeDefined();
    }
  });

  it("gives steps without waktu the agency's working time, shown as such, never as a mutu baku", () => {
    const [c] = result.cycles;
    const agency = rt.catalogue.agencies.get(KAMPUS.agencyId)!;
    const cal = calendarOf(rt.catalogue, agency);
    for (const s of c!.steps) {
      expect(s.waktu).toBe('tidak ditentukan (batas kerja: 5 hari, ketetapan instansi)');
      expect(s.tenggat).toBe(deadline(cal, new Date(s.mulai), { jumlah: 5, satuan: 'hari' }).toISOString());
    }
    const mail = rt.mailbox.messages.find((m) => m.subject.includes('Tugas langkah 2'))!;
    expect(mail.text).toContain('Batas waktu (mutu baku tidak ditentukan; batas kerja ketetapan instansi)');
  });

  it('sends tasks to the offices the agency names, and signs in its own city as its Direktur', async () => {
    const [c] = result.cycles;
    const byNo = (no: number) => c!.steps.find((s) => s.no === no && s.putaran === 1)!;
    expect(byNo(2).pelaksana).toBe('Fungsional Perencana');
    expect(byNo(2).oleh?.nama).toBe('Intan Permata (contoh)');
    expect(byNo(7).oleh?.nama).toBe('Budi Santoso (contoh)');
    expect(byNo(8).oleh?.nama).toBe('Rahmawati Siregar (contoh)');
    const base = `siklus/${KAMPUS.agencyId}/${c!.cycle.cycleId}/final/`;
    const r = await s3.send(new ListObjectsV2Command({ Bucket: WORK_BUCKET, Prefix: base }));
    const finals = (r.Contents ?? []).map((o) => o.Key!);
    const report = finals.find((k) => /-ditandatangani-[a-z2-7]{10}\.pdf$/.test(k));
    expect(report, finals.join(', ')).toBeDefined();
    const pdf = (
      await s3.send(new GetObjectCommand({ Bucket: WORK_BUCKET, Key: report! }))
    ).Body!.transformToByteArray();
    const signed = pdfText(await pdf);
    expect(signed).toContain('Ditandatangani secara elektronik oleh');
    expect(signed).toContain('Direktur selaku KPA');
    expect(signed).toMatch(/Pontianak, \d+ \w+ 20\d\d/);
    expect(signed).not.toContain('DRAF VERSI');
    expect(signed).not.toContain('perangkat daerah');
    const letter = await docxText(`${base}surat-pengantar.docx`);
    expect(letter).toMatch(/Pontianak, \d+ \w+ 20\d\d/);
    expect(letter).toContain('di Jakarta');
  });
});

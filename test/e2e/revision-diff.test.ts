import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCRIPT, type DemoResult, runDemo } from '../../infra/local/demo.ts';
import { type LocalRuntime, startLocalRuntime, WORK_BUCKET } from '../../infra/local/runtime.ts';
import type { PerubahanVersi } from '../../lib/cycle/version-diff.ts';
import { CHROMIUM } from '../../vitest.config.ts';
import { checkPage, SHOTS } from '../browser/page-checks.ts';
import { localS3 } from '../helpers/local-clients.ts';

/**
 * What changed between versions, on the local runtime: the Sekretaris returns the draft with notes, the
 * Kasubbag changes a sentence in Word and uploads it; the document function compares it with the returned
 * version when it registers it, and the Sekretaris's page for pass 2 shows the sentence with the deleted and
 * added words, read by the pages function under its own IAM grant.
 */
const BALANGAN = { agencyId: 'dkukmtk-balangan', sopId: 'dkukmtk-balangan-lakip' };
const DARI = 'bahan evaluasi dan perbaikan kinerja';
// A long unbroken token (a URL) too: the page must wrap it at 390 px.
const URL_PANJANG =
  'https://ppid.balangankab.go.id/dokumen/lakip-dinas-koperasi-usaha-kecil-menengah-tenaga-kerja-2025';
const MENJADI = `bahan evaluasi dan perbaikan layanan publik (${URL_PANJANG})`;

let rt: LocalRuntime;
let result: DemoResult;
let s3: S3Client;

beforeAll(async () => {
  rt = await startLocalRuntime({ dataDir: mkdtempSync(join(tmpdir(), 'lakip-beda-')), persist: false });
  s3 = localS3(rt);
  result = await runDemo(rt, {
    only: [BALANGAN],
    script: {
      ...DEFAULT_SCRIPT,
      invalidFirst: [],
      reviseOnce: [{ sopId: BALANGAN.sopId, no: 6, ganti: { dari: DARI, menjadi: MENJADI } }],
    },
    log: () => undefined,
  });
}, 180_000);
afterAll(async () => {
  s3?.destroy();
  await rt?.stop();
});

/** The Sekretaris's link for the draft's second pass (step 7's second assignment mail). */
function reviewLink(): string {
  const mails = rt.mailbox.messages.filter((m) => m.subject.includes('Tugas langkah 7:'));
  expect(mails).toHaveLength(2);
  return /\/t\/([A-Za-z0-9_-]{22})/.exec(mails[1]!.text)![1]!;
}

async function summary(key: string): Promise<PerubahanVersi> {
  const body = (await s3.send(new GetObjectCommand({ Bucket: WORK_BUCKET, Key: key }))).Body!;
  return JSON.parse(await body.transformToString('utf8'));
}

describe('a revised Word file compared with the version returned', () => {
  it('stores each later version a summary of its own, outside the versions folder', async () => {
    const c = result.cycles[0]!;
    expect(c.status, c.error).toBe('SUCCEEDED');
    expect(result.people.errors).toEqual([]);
    expect(rt.denied).toEqual([]);
    const base = `siklus/${c.cycle.agencyId}/${c.cycle.cycleId}/`;
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: WORK_BUCKET, Prefix: `${base}perubahan/` }),
    );
    expect((listed.Contents ?? []).map((o) => o.Key!.split('/').at(-1))).toEqual([
      'LAKIP-2025-draf-v2-revisi.docx.json',
      'LAKIP-2025-draf-v2.docx.json',
    ]);
    const revised = await summary(`${base}perubahan/LAKIP-2025-draf-v2-revisi.docx.json`);
    // Against v1: the person's sentence, plus what regeneration changed (version mark, notes appendix).
    expect(revised).toMatchObject({ dari: 1, ke: 2, lainnya: 0 });
    expect(revised.jumlah.diubah).toBeGreaterThanOrEqual(2);
    const sentence = revised.rincian.find((r) => r.potongan.some((p) => p.teks.includes('layanan publik')));
    expect(sentence).toMatchObject({ jenis: 'diubah', bagian: 'KATA PENGANTAR' });
    const changed = sentence!.potongan.filter((p) => p.ubah);
    expect(changed[0]).toEqual({ teks: 'kinerja', ubah: 'hapus' });
    expect(
      changed
        .slice(1)
        .map((p) => p.teks)
        .join(''),
    ).toBe(`layanan publik (${URL_PANJANG})`);
    expect(changed.slice(1).every((p) => p.ubah === 'tambah')).toBe(true);
  });

  it("shows the Sekretaris's second-pass page the counts and the changed words", async () => {
    const c = result.cycles[0]!;
    const base = `siklus/${c.cycle.agencyId}/${c.cycle.cycleId}/`;
    const { jumlah } = await summary(`${base}perubahan/LAKIP-2025-draf-v2-revisi.docx.json`);
    const r = await fetch(`${rt.urls.api}/t/${reviewLink()}`);
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain(
      `Perubahan dari v1 ke v2:</b> ${jumlah.diubah} paragraf diubah, ${jumlah.ditambah} ditambah, ${jumlah.dihapus} dihapus.`,
    );
    expect(html).toMatch(
      /<del><span class="sr">\[dihapus: <\/span>kinerja<span class="sr">\]<\/span><\/del>/,
    );
    expect(html).toMatch(/<ins><span class="sr">\[ditambah: <\/span>layanan publik/);
    expect(html).toContain(URL_PANJANG);
    expect(rt.denied).toEqual([]);
  });
});

// The look of it needs Chromium (scripts/siapkan-peramban.sh); without it this part is not collected.
if (existsSync(CHROMIUM))
  describe('the changes on a phone and a desktop', () => {
    let browser: Browser;
    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
      });
    });
    afterAll(() => browser?.close());

    it('fit 390 px without sideways scrolling, pass axe, and unfold to the marked words', async () => {
      const page = await browser.newPage();
      await page.goto(`${rt.urls.api}/t/${reviewLink()}`);
      await page.locator('summary', { hasText: 'Lihat paragraf yang berubah' }).first().click();
      expect(await page.locator('ol.perubahan del', { hasText: 'kinerja' }).first().isVisible()).toBe(true);
      await checkPage(page, 'perubahan-versi');
      // The card alone, to look at on a phone.
      await page
        .locator('.kartu', { has: page.locator('h2', { hasText: 'Perubahan antarversi' }) })
        .screenshot({ path: join(SHOTS, 'perubahan-versi-kartu-390.png') });
      await page.close();
    });
  });

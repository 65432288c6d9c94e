import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCRIPT, type DemoResult, runDemo } from '../../infra/local/demo.ts';
import {
  ARCHIVE_BUCKET,
  type LocalRuntime,
  startLocalRuntime,
  WORK_BUCKET,
} from '../../infra/local/runtime.ts';
import type { PerubahanVersi } from '../../lib/cycle/version-diff.ts';
import { sha256Hex } from '../../lib/signing/verification.ts';
import { CHROMIUM } from '../../vitest.config.ts';
import { checkPage, launchChromium, SHOTS } from '../browser/page-checks.ts';
import { localS3 } from '../helpers/local-clients.ts';
import { pdfsig, pdfText } from '../helpers/pdf.ts';

/**
 * The report's way to a signature on the local runtime, through the same pages and APIs people use:
 * the Sekretaris returns the draft with notes, the Kasubbag uploads a revised Word file, it is approved,
 * the Kepala uploads the PDF exported from it and signs; the signed PDF verifies (pdfsig) and its
 * verification page tells a true copy from a changed one. The Kasubbag's change in Word is compared with
 * the returned version, and the Sekretaris's second-pass page shows it word by word.
 */
const BALANGAN = { agencyId: 'dkukmtk-balangan', sopId: 'dkukmtk-balangan-lakip' };
// The Kasubbag's change in Word, which the review pages show word by word; a long unbroken token (a URL)
// too: the page must wrap it at 390 px.
const DARI = 'bahan evaluasi dan perbaikan kinerja';
const URL_PANJANG =
  'https://ppid.balangankab.go.id/dokumen/lakip-dinas-koperasi-usaha-kecil-menengah-tenaga-kerja-2025';
const MENJADI = `bahan evaluasi dan perbaikan layanan publik (${URL_PANJANG})`;

let rt: LocalRuntime;
let result: DemoResult;
let s3: S3Client;

beforeAll(async () => {
  rt = await startLocalRuntime({ dataDir: mkdtempSync(join(tmpdir(), 'lakip-ttd-')), persist: false });
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

async function keys(bucket: string, prefix: string): Promise<string[]> {
  const r = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (r.Contents ?? []).map((o) => o.Key!);
}
const bytesOf = async (bucket: string, key: string) =>
  (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray();

/** The signed report of the cycle, and its verification id (printed in the signature's contact info). */
async function signedReport() {
  const c = result.cycles[0]!;
  const base = `siklus/${c.cycle.agencyId}/${c.cycle.cycleId}/`;
  const key = (await keys(WORK_BUCKET, `${base}final/`)).find((k) =>
    /-ditandatangani-[a-z2-7]{10}\.pdf$/.test(k),
  )!;
  const pdf = await bytesOf(WORK_BUCKET, key);
  const id = /\/verifikasi\/([A-Z2-7]{26})/.exec(Buffer.from(pdf).toString('latin1'))![1]!;
  return { c, base, key, pdf, id };
}

describe('a returned draft, revised in Word, approved, exported to PDF and signed', () => {
  it('runs to its end, the revision and its PDF taken through the pages', async () => {
    const c = result.cycles[0]!;
    expect(c.status, c.error).toBe('SUCCEEDED');
    expect(result.people.errors).toEqual([]);
    expect(rt.denied).toEqual([]);
    const did = result.people.actions.map((a) => `${a.no} ${a.did}`);
    expect(did).toContain('7 mengembalikan dengan catatan: ' + DEFAULT_SCRIPT.returnOnce![0]!.catatan);
    expect(did).toContain('6 mengunggah laporan-revisi.docx');
    expect(did).toContain('9 mengunggah laporan-ekspor-word.pdf');
  });

  it('keeps every version under its own key and signs the exported PDF with a valid PAdES signature', async () => {
    const { base, pdf, id } = await signedReport();
    const drafts = (await keys(WORK_BUCKET, `${base}draf/`)).map((k) => k.split('/').at(-1));
    expect(drafts).toEqual([
      'LAKIP-2025-draf-v1.docx',
      'LAKIP-2025-draf-v1.pdf',
      'LAKIP-2025-draf-v2-revisi.docx',
      'LAKIP-2025-draf-v2.docx',
      'LAKIP-2025-draf-v2.pdf',
    ]);
    const check = pdfsig(pdf);
    expect(check.out).toContain('Signature is Valid');
    expect(check.out).toContain('Total document signed');
    expect(pdfText(pdf)).toContain('Ditandatangani secara elektronik oleh');
    const tampered = new Uint8Array(pdf);
    tampered[11] = tampered[11]! ^ 1;
    expect(pdfsig(tampered).out).not.toContain('Signature is Valid');
    // The verification page, public: what the document prints and the signed file's hash.
    const page = await fetch(`${rt.urls.api}/verifikasi/${id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(sha256Hex(pdf));
    expect(html).toContain('LAKIP Tahun 2025');
    expect((await fetch(`${rt.urls.api}/verifikasi/${'A'.repeat(26)}`)).status).toBe(404);
  });

  it('archives the signed PDF beside a readable table of contents', async () => {
    const { c, key, pdf } = await signedReport();
    const prefix = `arsip/${c.cycle.agencyId}/2025/${c.cycle.cycleId}/`;
    const archived = await keys(ARCHIVE_BUCKET, prefix);
    expect(archived).toContain(`${prefix}${key.split('/').at(-1)}`);
    const toc = Buffer.from(await bytesOf(ARCHIVE_BUCKET, `${prefix}daftar-isi-arsip.txt`)).toString('utf8');
    expect(toc).toContain(`SHA-256     : ${sha256Hex(pdf)}`);
  });
});

// The in-browser check needs Chromium (scripts/siapkan-peramban.sh); without it this part is not collected.
if (existsSync(CHROMIUM))
  describe('the verification page in a browser', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(() => browser?.close());

    it('says "sesuai" for the signed file and "tidak sesuai" for a changed copy, uploading nothing', async () => {
      const { pdf, id } = await signedReport();
      const page = await browser.newPage();
      const posts: string[] = [];
      page.on('request', (r) => {
        if (r.method() !== 'GET') posts.push(r.url());
      });
      await page.goto(`${rt.urls.api}/verifikasi/${id}`);
      await page.setInputFiles('#berkas', {
        name: 'laporan.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(pdf),
      });
      await page.waitForSelector('#hasil[data-hasil]');
      expect(await page.getAttribute('#hasil', 'data-hasil')).toBe('sesuai');
      expect(await page.textContent('#hasil')).toContain('Sesuai');
      const changed = Buffer.from(pdf);
      changed[changed.length - 10] = changed[changed.length - 10]! ^ 1;
      await page.setInputFiles('#berkas', {
        name: 'salinan.pdf',
        mimeType: 'application/pdf',
        buffer: changed,
      });
      await page.waitForFunction(
        () => document.querySelector('#hasil')?.getAttribute('data-hasil') === 'tidak-sesuai',
      );
      expect(await page.textContent('#hasil')).toContain('Tidak sesuai');
      await page.screenshot({ path: join(tmpdir(), 'lakip-verifikasi.png'), fullPage: true });
      expect(posts).toEqual([]);
    });
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
    // Against v1: the person's sentence (in the clean file they edited; the draft's mark and notes are
    // not the report's text), and the final form's signature line.
    expect(revised).toMatchObject({
      dari: 1,
      ke: 2,
      lainnya: 0,
      jumlah: { diubah: 1, ditambah: 1, dihapus: 0 },
    });
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
      browser = await launchChromium();
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

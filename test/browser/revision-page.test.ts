import { mkdirSync } from 'node:fs';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveUpload } from '../../lib/cycle/receive-upload.ts';
import { API_ROUTES } from '../../lib/http/api.ts';
import { router } from '../../lib/http/router.ts';
import { event } from '../helpers/api-event.ts';
import { CycleRun } from '../helpers/cycle-run.ts';
import { MemoryBlobs } from '../helpers/memory-ports.ts';
import { checkPage, launchChromium, PHONE, SHOTS } from './page-checks.ts';

/**
 * The revised-file page in a real browser, served from the memory ports through the router: the upload
 * is sent, checked, and the page shows its verdict by itself; a failed request says so in words.
 */
const ORIGIN = 'http://lakip.test';
const DRAFT = 6;
const REVIEW = 7;
const route = router(API_ROUTES);
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // The pages' CSP admits the S3 endpoint the browser posts to: here the memory blobs' host.
  process.env.S3_PUBLIC_ENDPOINT = MemoryBlobs.HOST;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** Serves the app from the router; `dokumen` replaces the presign route when a test wants it to fail. */
async function serve(run: CycleRun, page: Page, dokumen?: (r: Route) => Promise<void>) {
  const presigned: { form?: { url: string; fields: Record<string, string> } } = {};
  await page.route(`${ORIGIN}/**`, async (r) => {
    const req = r.request();
    const path = new URL(req.url()).pathname;
    if (dokumen && path.endsWith('/dokumen')) return dokumen(r);
    const body = req.postData() ?? undefined;
    const res = await route(event(req.method(), path, { body, type: req.headers()['content-type'] }), {
      ports: run.ports,
      cat: run.cat,
    });
    if (path.endsWith('/dokumen') && res.statusCode === 200) presigned.form = JSON.parse(res.body!).form;
    await r.fulfill({
      status: res.statusCode,
      headers: res.headers as Record<string, string>,
      body: res.body ?? '',
    });
  });
  // The presigned POST: the file goes to the memory bucket, and the S3 event's check runs.
  await page.route(`${MemoryBlobs.HOST}/**`, async (r) => {
    const bytes = new Uint8Array(r.request().postDataBuffer() ?? []);
    const file = extractFile(bytes);
    await receiveUpload(run.ports, run.cat, await run.ports.blobs.post(presigned.form!, file));
    await r.fulfill({ status: 204, headers: { 'access-control-allow-origin': '*' }, body: '' });
  });
}

/** The file part of a multipart body (the last part, as the script appends it last). */
function extractFile(body: Uint8Array): Uint8Array {
  const buf = Buffer.from(body);
  const boundary = buf.subarray(0, buf.indexOf('\r\n'));
  const last = buf.lastIndexOf(Buffer.concat([Buffer.from('\r\n'), boundary]));
  // The part's headers end at the first blank line after its own boundary (the file may hold CRLFCRLF).
  const part = buf.lastIndexOf(boundary, last - 1);
  const start = buf.indexOf(Buffer.from('\r\n\r\n'), part) + 4;
  return new Uint8Array(buf.subarray(start, last));
}

describe('the revised-file page in a browser', () => {
  it('shows the verdict by itself after an upload, and the task page names the accepted file', async () => {
    const run = await new CycleRun().start();
    await run.act(DRAFT, 'selesai');
    await run.act(REVIEW, 'kembali', 'Lengkapi penjelasan kendala pada Sasaran 2.');
    const again = await run.open(DRAFT);
    const draft = await run.ports.blobs.get(
      'kerja',
      again.task.berkas.find((b) => b.jenis === 'naskah-sunting')!.key,
    );
    const page = await browser.newPage({ viewport: PHONE });
    await serve(run, page);
    await page.goto(`${ORIGIN}/t/${again.linkId}/revisi`);
    await page.setInputFiles('#berkas-revisi', {
      name: 'bukan-word.docx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('{\\rtf1 dokumen lama}'),
    });
    await page.click('#revisi button');
    await page.waitForSelector('h2.tolak', { timeout: 15_000 });
    expect(await page.locator('[role=status]').textContent()).toContain('Ditolak: 1 masalah');

    // A minute later (uploads are ordered by time; the test clock otherwise stands still).
    run.ports.clock.advance({ minutes: 1 });
    await page.setInputFiles('#berkas-revisi', {
      name: 'LAKIP revisi.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(draft),
    });
    await page.click('#revisi button');
    await page.waitForSelector('h2.ok', { timeout: 15_000 });
    expect(await page.locator('[role=status]').textContent()).toContain('LAKIP revisi.docx');
    expect(await page.locator('.lencana', { hasText: 'dipakai' }).count()).toBe(1);
    await checkPage(page, 'r1-revisi-diterima', { first: /^Langkah 6: unggah dokumen revisi/ });

    await page.goto(`${ORIGIN}/t/${again.linkId}`);
    expect(await page.locator('text=Revisi yang akan diteruskan').textContent()).toContain(
      'LAKIP revisi.docx',
    );
    await checkPage(page, 'r2-tugas-revisi-diteruskan');
    await page.close();
  });

  it('says in words when the request fails or the answer is not JSON', async () => {
    const run = await new CycleRun().start();
    const opened = await run.open(DRAFT);
    const file = { name: 'revisi.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') };
    const status = '#status-revisi';

    const offline = await browser.newPage({ viewport: PHONE });
    await serve(run, offline, (r) => r.abort('internetdisconnected'));
    await offline.goto(`${ORIGIN}/t/${opened.linkId}/revisi`);
    await offline.setInputFiles('#berkas-revisi', file);
    await offline.click('#revisi button');
    await offline.waitForFunction(
      `!document.querySelector('${status}').textContent.startsWith('Mengunggah')`,
    );
    expect(await offline.locator(status).textContent()).toContain('tidak dapat menghubungi server');
    expect(await offline.locator('#revisi button').isEnabled()).toBe(true);
    await offline.close();

    const gateway = await browser.newPage({ viewport: PHONE });
    await serve(run, gateway, (r) =>
      r.fulfill({ status: 502, contentType: 'text/html', body: '<h1>Bad Gateway</h1>' }),
    );
    await gateway.goto(`${ORIGIN}/t/${opened.linkId}/revisi`);
    await gateway.setInputFiles('#berkas-revisi', file);
    await gateway.click('#revisi button');
    await gateway.waitForFunction(
      `!document.querySelector('${status}').textContent.startsWith('Mengunggah')`,
    );
    expect(await gateway.locator(status).textContent()).toContain('jawaban server tidak dapat dibaca');
    await gateway.close();
  });

  it('the timeline labels each round of the review', async () => {
    const run = await new CycleRun().start();
    await run.act(DRAFT, 'selesai');
    await run.act(REVIEW, 'kembali', 'Lengkapi penjelasan kendala pada Sasaran 2.');
    await run.act(DRAFT, 'selesai', 'Sudah dilengkapi.');
    const { linkId } = await run.act(REVIEW, 'setuju', 'Sudah sesuai catatan.');
    const page = await browser.newPage({ viewport: PHONE });
    await serve(run, page);
    await page.goto(`${ORIGIN}/t/${linkId}/lini-masa`);
    const step7 = await page.locator('ol.langkah > li', { hasText: '7. ' }).first().textContent();
    expect(step7).toContain('Putaran 2 — disetujui oleh Rahmat Hidayat (contoh)');
    await checkPage(page, 'r3-lini-masa-putaran');
    await page.close();
  });
});

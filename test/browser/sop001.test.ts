import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaughtMail } from '../../infra/local/mailbox.ts';
import { sampleRealisasi } from '../../infra/local/people.ts';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.ts';
import { requireKinerja } from '../../lib/catalogue.ts';
import { fillWorkbook } from '../../lib/workbook/fill.ts';
import { CHROMIUM } from '../../vitest.config.ts';

/**
 * One whole SOP-001 cycle in a real browser, the way people would: open each email in the local inbox,
 * follow its link, upload a filled workbook, return the draft once with notes, approve, sign.
 * Screenshots of the main pages go to test-artifacts/screenshots/.
 */
const SHOTS = join('test-artifacts', 'screenshots');
let rt: LocalRuntime;
let browser: Browser;
let executionArn = '';
/** Resolves once when the cycle's execution ends (one listener for the whole test). */
let ended: Promise<unknown>;
const work = mkdtempSync(join(tmpdir(), 'lakip-browser-'));

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  rt = await startLocalRuntime({ dataDir: join(work, 'data'), persist: false });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const res = await fetch(`${rt.urls.api}/api/siklus`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ agencyId: 'dkukmtk-balangan', sopId: 'dkukmtk-balangan-lakip', tahun: 2025 }),
  });
  executionArn = ((await res.json()) as { executionArn: string }).executionArn;
  ended = rt.sfn.finished(executionArn);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await rt?.stop();
});

/** Resolves when a mail arrives (or at once if one already waits unread). */
function nextMail(seen: Set<string>): Promise<unknown> {
  if (rt.mailbox.messages.some((m) => m.subject.includes('Tugas langkah') && !seen.has(m.id)))
    return Promise.resolve();
  // ...or the cycle has ended (the last mail may arrive before the execution leaves RUNNING).
  return Promise.race([new Promise((resolve) => rt.mailbox.once('mail', resolve)), ended]);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

async function upload(page: Page) {
  // Download the unit's format from the task page, fill it as the unit would in Excel, upload it back.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('a', { hasText: 'Format pengumpulan data' }).first().click(),
  ]);
  const blank = readFileSync((await download.path())!);
  const unitText = (await page.locator('p.kecil').first().textContent()) ?? '';
  const agency = rt.catalogue.agencies.get('dkukmtk-balangan')!;
  const unit = agency.unit.find((u) => unitText.includes(u.nama))!;
  const pk = requireKinerja(rt.catalogue, agency.id, 2025);
  const inds = pk.sasaran.flatMap((s) => s.indikator).filter((i) => i.unit === unit.id);
  const filled = await fillWorkbook(blank, {
    realisasi: Object.fromEntries(
      inds.map((i) => [i.kode, sampleRealisasi(i.kode, i.target, Object.keys(i.nilai_kualitatif ?? {}))]),
    ),
    penjelasan: Object.fromEntries(
      inds.map((i) => [
        i.kode,
        {
          penyebab: 'Sesuai rencana aksi.',
          kendala: 'Anggaran terbatas.',
          solusi: 'Koordinasi lintas bidang.',
        },
      ]),
    ),
    anggaran: Object.fromEntries(
      pk.program.filter((p) => p.unit === unit.id).map((p) => [p.kode, Math.round(p.pagu * 0.9)]),
    ),
  });
  const file = join(work, `isian-${unit.id}.xlsx`);
  writeFileSync(file, filled);
  await page.setInputFiles('input[type=file]', file);
  await page.getByRole('button', { name: 'Unggah' }).click();
  await expect
    .poll(() => page.locator('#status').textContent(), { timeout: 15_000 })
    .toContain('Berkas terkirim');
  // The person reloads the page until the check is done.
  for (let i = 0; i < 100; i++) {
    await page.reload();
    if ((await page.locator('td.ok', { hasText: 'diterima' }).count()) > 0) return unit.id;
    await page.waitForTimeout(100);
  }
  throw new Error(`unggahan ${unit.id} tidak pernah diterima`);
}

describe('a whole SOP-001 cycle in the browser', () => {
  it('runs from the inbox to SELESAI: upload, return once with notes, approve, sign', async () => {
    const page = await browser.newPage({ viewport: { width: 412, height: 915 } });
    const seen = new Set<string>();
    const did: string[] = [];
    let returned = false;
    for (let round = 0; round < 80 && rt.sfn.describe(executionArn).status === 'RUNNING'; round++) {
      await nextMail(seen);
      const mail: CaughtMail | undefined = rt.mailbox.messages.find(
        (m) => m.subject.includes('Tugas langkah') && !seen.has(m.id),
      );
      if (!mail) continue;
      seen.add(mail.id);
      await page.goto(`${rt.urls.inbox}`);
      if (round === 0) await shot(page, '01-kotak-surat');
      await page.locator(`a[href="/_lokal/surat/${mail.id}"]`).click();
      await page.waitForURL(`**/_lokal/surat/${mail.id}`);
      await page.waitForLoadState('load');
      await page.locator('a.tautan-surat').first().click();
      await page.waitForURL(/\/t\/[A-Za-z0-9_-]{22}$/);
      const step = Number(/Langkah (\d+)/.exec((await page.locator('h1').textContent()) ?? '')?.[1]);
      if (await page.locator('input[type=file]').count()) {
        did.push(`${step}: unggah ${await upload(page)}`);
        if (!did.some((d) => d.startsWith('shot-unggah'))) {
          await shot(page, '03-halaman-unggah');
          did.push('shot-unggah');
        }
      } else if (await page.locator('button[value=kembali]').count()) {
        if (step === 7 && !returned) {
          // The Sekretaris downloads the draft under review from the page.
          const [draft] = await Promise.all([
            page.waitForEvent('download'),
            page.locator('a', { hasText: 'Draf LAKIP versi 1 (DOCX)' }).click(),
          ]);
          expect(draft.suggestedFilename()).toBe('LAKIP-2025-draf-v1.docx');
          await shot(page, '04-halaman-periksa');
          expect(await page.locator('table').first().textContent()).toContain('Sasaran');
          await page.fill('#catatan', 'Lengkapi penjelasan kendala pada Sasaran 2.');
          await page.getByRole('button', { name: 'Kembalikan dengan catatan' }).click();
          returned = true;
          did.push(`${step}: kembali`);
        } else {
          await page.getByRole('button', { name: 'Setujui' }).click();
          did.push(`${step}: setuju`);
        }
        await expect.poll(() => page.locator('h1').textContent()).toBe('Terima kasih');
      } else {
        if (step === 1) await shot(page, '02-halaman-tugas');
        await page.fill('#catatan', 'Sudah sesuai.');
        await page.getByRole('button', { name: 'Konfirmasi selesai' }).click();
        await expect.poll(() => page.locator('h1').textContent()).toBe('Terima kasih');
        did.push(`${step}: konfirmasi`);
      }
    }
    expect((await rt.sfn.finished(executionArn)).status).toBe('SUCCEEDED');
    expect(did).toContain('7: kembali');
    expect(did).toContain('7: setuju');
    expect(did.filter((d) => d.startsWith('4: unggah'))).toHaveLength(4);
    expect(did).toContain('9: konfirmasi');

    // The timeline and the agency overview, through the last link followed.
    await page.goBack();
    await page.goto(page.url().replace(/\/t\/([^/]+).*$/, '/t/$1/lini-masa'));
    await expect.poll(() => page.locator('h1').textContent()).toContain('Penyusunan Laporan Akuntabilitas');
    expect(await page.locator('tr').count()).toBeGreaterThan(14);
    await shot(page, '05-lini-masa');
    await page.goto(page.url().replace('/lini-masa', '/instansi'));
    expect(await page.locator('td', { hasText: 'selesai' }).count()).toBeGreaterThan(0);
    await shot(page, '06-ikhtisar-instansi');
  }, 240_000);
});

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaughtMail } from '../../infra/local/mailbox.ts';
import { sampleRealisasi } from '../../infra/local/people.ts';
import { type LocalRuntime, startLocalRuntime, TABLE_NAME } from '../../infra/local/runtime.ts';
import { LOCAL_REGION } from '../../infra/local/template.ts';
import { DynamoCycleStore } from '../../lib/adapters/dynamodb-store.ts';
import { operatorApi } from '../../lib/adapters/operator-api.ts';
import { requireKinerja } from '../../lib/catalogue.ts';
import { pejabatCommand } from '../../lib/cli/pejabat.ts';
import { linkHash, newLinkId } from '../../lib/cycle/links.ts';
import { fillWorkbook } from '../../lib/workbook/fill.ts';
import { CHROMIUM } from '../../vitest.config.ts';
import { checkPage, PHONE, SHOTS } from './page-checks.ts';

/**
 * One whole SOP-001 cycle in a real browser on a phone-sized screen, the way people would: open each
 * email in the local inbox, follow its link, upload a filled workbook (one unit first sends a wrong
 * one), return the draft once with notes, approve, sign. Every kind of page is checked at 390 px and
 * 1280 px on the way (page-checks.ts) and screenshotted to test-artifacts/screenshots/.
 */
let rt: LocalRuntime;
let browser: Browser;
let executionArn = '';
/** Resolves once when the cycle's execution ends (one listener for the whole test). */
let ended: Promise<unknown>;
const work = mkdtempSync(join(tmpdir(), 'lakip-browser-'));
const AGENCY = 'dkukmtk-balangan';

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
    body: JSON.stringify({ agencyId: AGENCY, sopId: 'dkukmtk-balangan-lakip', tahun: 2025 }),
  });
  executionArn = ((await res.json()) as { executionArn: string }).executionArn;
  ended = rt.sfn.finished(executionArn);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await rt?.stop();
});

/** A mail that gives someone a task: the assignment, or a task handed on to them. */
const isTask = (m: CaughtMail) =>
  m.subject.includes('Tugas langkah') || m.subject.includes('Tugas dialihkan');

/** Resolves when a mail arrives (or at once if one already waits unread). */
function nextMail(seen: Set<string>): Promise<unknown> {
  if (rt.mailbox.messages.some((m) => isTask(m) && !seen.has(m.id))) return Promise.resolve();
  // ...or the cycle has ended (the last mail may arrive before the execution leaves RUNNING).
  return Promise.race([new Promise((resolve) => rt.mailbox.once('mail', resolve)), ended]);
}

/** The unit's workbook from the task page, filled as the unit would in Excel (`salah`: one wrong cell). */
async function filledWorkbook(page: Page, salah = false): Promise<{ file: string; unit: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('a', { hasText: 'Format pengumpulan data' }).first().click(),
  ]);
  const blank = readFileSync((await download.path())!);
  const where = (await page.locator('p.kecil').first().textContent()) ?? '';
  const agency = rt.catalogue.agencies.get(AGENCY)!;
  const unit = agency.unit.find((u) => where.includes(u.nama))!;
  const pk = requireKinerja(rt.catalogue, agency.id, 2025);
  const inds = pk.sasaran.flatMap((s) => s.indikator).filter((i) => i.unit === unit.id);
  const filled = await fillWorkbook(blank, {
    realisasi: Object.fromEntries(
      inds.map((i, n) => [
        i.kode,
        salah && n === 0
          ? 'sepuluh persen'
          : sampleRealisasi(i.kode, i.target, Object.keys(i.nilai_kualitatif ?? {})),
      ]),
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
  const file = join(work, `isian-${unit.id}${salah ? '-salah' : ''}.xlsx`);
  writeFileSync(file, filled);
  return { file, unit: unit.id };
}

/** Chooses the file and presses the button; the page watches the check and reloads with the verdict. */
async function sendFile(page: Page, file: string, verdict: 'Diterima' | RegExp) {
  await page.setInputFiles('#unggah input[type=file]', file);
  await page.locator('#unggah button[type=submit]').click();
  await page.locator('h2', { hasText: verdict }).first().waitFor({ timeout: 30_000 });
}

const STEP = /^Langkah (\d+)/;
const stepOf = async (page: Page) =>
  Number(STEP.exec((await page.locator('p.kecil').first().textContent()) ?? '')?.[1]);

describe('a whole SOP-001 cycle in the browser, every page at 390 and 1280 px', () => {
  it('runs from the inbox to SELESAI, each page saying first what to do', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    const seen = new Set<string>();
    const did: string[] = [];
    let lastTaskUrl = '';
    for (let round = 0; round < 80 && rt.sfn.describe(executionArn).status === 'RUNNING'; round++) {
      await nextMail(seen);
      const mail: CaughtMail | undefined = rt.mailbox.messages.find((m) => isTask(m) && !seen.has(m.id));
      if (!mail) continue;
      seen.add(mail.id);
      await page.goto(`${rt.urls.inbox}`);
      if (round === 0) {
        await checkPage(page, '00-kotak-surat', { header: false });
        // Times in the agency's zone, not UTC.
        expect(await page.locator('tbody td').first().textContent()).toMatch(/\d{2}\.\d{2} WITA$/);
      }
      await page.locator(`a[href="/_lokal/surat/${mail.id}"]`).click();
      await page.waitForURL(`**/_lokal/surat/${mail.id}`);
      await page.locator('a.tautan-surat').first().click();
      await page.waitForURL(/\/t\/[A-Za-z0-9_-]{22}$/);
      lastTaskUrl = page.url();
      const step = await stepOf(page);
      // A unit's workbook upload (the preparer's page also has a file input: the revised report).
      if (await page.locator('#unggah input[type=file]').count()) {
        if (!did.some((d) => d.startsWith('4:'))) {
          await checkPage(page, '03-unggah', {
            first: /^Unggah data kinerja .+ 2025 sebelum \w+, \d+ \w+ \d{4} pukul \d{2}\.\d{2} WITA\.$/,
          });
          expect(await page.locator('details', { hasText: 'Cara mengisi' }).textContent()).toContain('5 MB');
          // A wrong workbook: the verdict is at the top, with the cell to fix.
          const wrong = await filledWorkbook(page, true);
          await sendFile(page, wrong.file, /^Ditolak: \d+ masalah$/);
          expect(await page.locator('.kartu').nth(1).textContent()).toContain('baris 9, kolom H (Realisasi)');
          await checkPage(page, '03b-unggah-ditolak');
        }
        const { file, unit } = await filledWorkbook(page);
        await sendFile(page, file, 'Diterima');
        if (!did.some((d) => d.startsWith('4:'))) {
          // Accepted, and replaceable until the collection closes: every version listed.
          await checkPage(page, '03c-unggah-diterima', { first: /^Data Anda sudah diterima/ });
          expect(await page.locator('#unggah button').textContent()).toBe('Unggah pengganti');
          expect(await page.locator('.lencana', { hasText: 'dipakai' }).count()).toBe(1);
        }
        did.push(`${step}: unggah ${unit}`);
      } else if (await page.locator('button[value=kembali]').count()) {
        if (step === 7 && !did.includes('7: kembali')) {
          const [draft] = await Promise.all([
            page.waitForEvent('download'),
            page.locator('a', { hasText: 'Draf LAKIP versi 1 (DOCX)' }).first().click(),
          ]);
          expect(draft.suggestedFilename()).toBe('LAKIP-2025-draf-v1.docx');
          // The draft's key tables are readable in the page (besides the versions table).
          expect(await page.locator('table.tumpuk', { hasText: 'Sasaran' }).count()).toBeGreaterThan(0);
          await checkPage(page, '04-periksa', {
            first: /^Periksa draf LAKIP 2025, lalu setujui atau kembalikan dengan catatan sebelum /,
          });
          // A return without notes is stopped in the page, before the server sees it.
          await page.locator('summary', { hasText: 'Kembalikan dengan catatan' }).click();
          await page.locator('button[value=kembali]').click();
          expect(await page.locator('#catatan:invalid').count()).toBe(1);
          expect(await page.evaluate("document.querySelector('#catatan').validationMessage")).toBe(
            'Tulis apa yang harus diperbaiki (minimal 3 huruf) sebelum mengembalikan.',
          );
          expect(page.url()).toBe(lastTaskUrl);
          await page.fill('#catatan', 'Lengkapi penjelasan kendala pada Sasaran 2.');
          await page.locator('button[value=kembali]').click();
          await expect.poll(() => page.locator('h1').textContent()).toBe('Terima kasih');
          await checkPage(page, '05-terima-kasih');
          did.push(`${step}: kembali`);
        } else {
          if (step === 7) {
            // The report's rounds: every version with who, when, the notes and the preparer's reply.
            expect(await page.locator('h2', { hasText: 'Versi laporan dan koreksi' }).count()).toBe(1);
            expect(
              await page.locator('td', { hasText: 'Lengkapi penjelasan kendala' }).count(),
            ).toBeGreaterThan(0);
            await checkPage(page, '06-periksa-putaran-2');
          }
          // The same page open in a second tab answers "already processed", with the way back.
          const other = await browser.newPage({ viewport: PHONE });
          await other.goto(lastTaskUrl);
          await page.getByRole('button', { name: 'Setujui' }).click();
          await expect.poll(() => page.locator('h1').textContent()).toBe('Terima kasih');
          if (step === 7) {
            await other.getByRole('button', { name: 'Setujui' }).click();
            await expect.poll(() => other.locator('h1').textContent()).toBe('Sudah diproses');
            expect(await other.locator('a', { hasText: 'Kembali ke tugas' }).count()).toBe(1);
            await checkPage(other, '07-sudah-diproses');
          }
          await other.close();
          did.push(`${step}: setuju`);
        }
      } else {
        const button = page.locator('button[name=hasil][value=selesai]');
        if (step === 11 && !did.includes('11: dialihkan')) {
          // The staff member is away: the task goes to the Kasubbag, with a reason; a reason is required.
          await page.locator('summary', { hasText: 'Alihkan tugas ini' }).click();
          await page.selectOption('#kepada', { label: 'Ratna Setiawan (contoh) — Kasubbag Perencanaan' });
          await page.locator('button', { hasText: 'Alihkan' }).click();
          expect(await page.locator('#alasan:invalid').count()).toBe(1);
          expect(await page.evaluate("document.querySelector('#alasan').validationMessage")).toContain(
            'Tulis alasan pengalihan',
          );
          await checkPage(page, '09a-alihkan');
          await page.fill('#alasan', 'Sedang dinas luar sampai Jumat.');
          await page.locator('button', { hasText: 'Alihkan' }).click();
          await expect.poll(() => page.locator('h1').textContent()).toBe('Tugas dialihkan');
          await page.goto(lastTaskUrl);
          expect(await page.locator('h1').textContent()).toMatch(
            /^Tugas ini sudah Anda alihkan kepada Ratna Setiawan/,
          );
          expect(await page.locator('button[name=hasil]').count()).toBe(0);
          await checkPage(page, '09b-dialihkan-hanya-lihat');
          did.push('11: dialihkan');
          continue;
        }
        if (step === 1)
          await checkPage(page, '02-tugas', {
            first:
              /^Perintahkan penyusunan LAKIP 2025 kepada pengelola laporan, lalu tandai selesai sebelum /,
          });
        if (step === 9) {
          expect(await button.textContent()).toBe('Tandatangani');
          await checkPage(page, '08-tanda-tangan', {
            first: /^Tandatangani LAKIP 2025, lalu tandai selesai sebelum /,
          });
        }
        await page.fill('#catatan', 'Sudah sesuai.');
        await button.click();
        await expect.poll(() => page.locator('h1').textContent()).toBe('Terima kasih');
        did.push(`${step}: konfirmasi`);
      }
    }
    expect((await rt.sfn.finished(executionArn)).status).toBe('SUCCEEDED');
    expect(did).toContain('7: kembali');
    expect(did).toContain('7: setuju');
    expect(did.filter((d) => d.startsWith('4: unggah'))).toHaveLength(4);
    expect(did).toContain('9: konfirmasi');
    expect(did).toEqual(expect.arrayContaining(['11: dialihkan', '11: konfirmasi']));

    // The timeline and the agency overview, through the last link followed.
    await page.goto(`${lastTaskUrl}/lini-masa`);
    expect(await page.locator('h1').textContent()).toBe('Lini masa LAKIP 2025');
    expect(await page.locator('text=4 dari 4 unit sudah mengirim').count()).toBe(1);
    expect(await page.locator('ol.langkah > li').count()).toBe(11);
    // Per-unit rows name the unit's head, as the agency file spells the office; documents are linked.
    expect(await page.locator('td', { hasText: 'Kepala Bidang Koperasi' }).count()).toBeGreaterThan(0);
    expect(await page.content()).not.toContain('Fongsiol');
    expect(await page.locator('a', { hasText: 'Draf LAKIP versi 2' }).count()).toBeGreaterThan(0);
    // The hand-over shows on the timeline: who did it, from whom, why.
    expect(await page.locator('li', { hasText: '11. Mengantar surat' }).textContent()).toContain(
      'dialihkan dari Fajar Firmansyah (contoh)',
    );
    await checkPage(page, '09-lini-masa');
    // The signed report's QR code leads to the public verification page, which checks a copy in the page.
    const [signedPdf] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a', { hasText: 'LAKIP ditandatangani secara elektronik (PDF)' }).first().click(),
    ]);
    const signedBytes = readFileSync((await signedPdf.path())!);
    const verificationId = /\/verifikasi\/([A-Z2-7]{26})/.exec(signedBytes.toString('latin1'))?.[1];
    expect(verificationId).toBeDefined();
    await page.goto(`${rt.urls.api}/verifikasi/${verificationId}`);
    await checkPage(page, '09c-verifikasi', { header: false, first: /^Verifikasi dokumen bertanda tangan/ });
    await page.setInputFiles('#berkas', {
      name: 'salinan.pdf',
      mimeType: 'application/pdf',
      buffer: signedBytes,
    });
    await page.waitForFunction(
      () => document.querySelector('#hasil')?.getAttribute('data-hasil') === 'sesuai',
    );
    await page.goto(`${lastTaskUrl}/instansi`);
    expect(await page.locator('h2 a', { hasText: 'LAKIP 2025' }).count()).toBe(1);
    expect(await page.content()).not.toMatch(/2025-tahunan-[a-z0-9]{8}</);
    await checkPage(page, '10-ikhtisar-instansi');

    // Dead links: unknown, and expired (a link whose date has passed), each offering a fresh one.
    await page.goto(`${rt.urls.api}/t/${'A'.repeat(22)}`);
    expect(await page.locator('button', { hasText: 'Kirim ulang tautan' }).count()).toBe(1);
    await checkPage(page, '11-tautan-tidak-dikenal', { header: false });
    const client = new DynamoDBClient({
      endpoint: rt.urls.dynamodb,
      region: LOCAL_REGION,
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    const store = new DynamoCycleStore(TABLE_NAME, client);
    const [cycle] = await store.listCycles(AGENCY);
    const [task] = await store.listTasks(AGENCY, cycle!.cycleId);
    const expired = newLinkId();
    await store.putLink({
      hash: linkHash(expired),
      agencyId: AGENCY,
      cycleId: cycle!.cycleId,
      taskId: task!.taskId,
      email: task!.assignee.email,
      dibuat: '2025-01-01T00:00:00.000Z',
      kedaluwarsa: '2025-01-31T00:00:00.000Z',
    });
    client.destroy();
    const gone = await page.goto(`${rt.urls.api}/t/${expired}`);
    expect(gone?.status()).toBe(410);
    expect(await page.locator('h1').textContent()).toBe('Tautan kedaluwarsa');
    await checkPage(page, '12-tautan-kedaluwarsa', { header: false });
    await page.locator('button', { hasText: 'Kirim ulang tautan' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Permintaan diterima');
    await checkPage(page, '13-kirim-ulang', { header: false });
    // An operator names a Plt. through the CLI and the operators' API of the running system.
    const said: string[] = [];
    const io = { out: (x: string) => said.push(x), err: (x: string) => said.push(`ERR ${x}`) };
    const plt = {
      jabatan: 'kepala',
      jenis: 'Plt.',
      nama: 'Rahmat Hidayat (contoh)',
      email: 'sekretaris@dkukmtk.balangan.example',
      mulai: '2020-01-01',
      selesai: '2020-01-31',
    };
    expect(await pejabatCommand(['plt', AGENCY], operatorApi(rt.urls.api), io, plt)).toBe(0);
    expect(await pejabatCommand(['daftar', AGENCY], operatorApi(rt.urls.api), io, {})).toBe(0);
    expect(said.join('\n')).toContain('Plt. kepala: Rahmat Hidayat (contoh), 2020-01-01 s.d. 2020-01-31');
    // Every function stayed within its IAM policy (delegation and acting officials included).
    expect(rt.denied).toEqual([]);
  }, 300_000);
});

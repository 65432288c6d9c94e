import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCRIPT, type DemoResult, runDemo } from '../../infra/local/demo.ts';
import { type LocalRuntime, startLocalRuntime, TABLE_NAME, WORK_BUCKET } from '../../infra/local/runtime.ts';
import { loadCatalogue } from '../../lib/catalogue.ts';
import { sha256Hex } from '../../lib/signing/verification.ts';
import { CHROMIUM } from '../../vitest.config.ts';
import { checkPage, launchChromium, PHONE } from '../browser/page-checks.ts';
import { BSRE_NIK, configWithBsre } from '../helpers/bsre-config.ts';
import { type BsreFake, startBsreFake } from '../helpers/bsre-fake.ts';
import { localDynamo, localS3 } from '../helpers/local-clients.ts';
import { pdfsig } from '../helpers/pdf.ts';

/**
 * Signing through a PSrE on the local runtime: Balangan's agency file names a BSrE service (the fake the
 * test starts) and the variable holding the application's credentials; the stack's secret carries them
 * to the signing function, which reads it under its own IAM policy. The Kepala types a wrong passphrase,
 * reads the refusal, then the right one; the PSrE signs the final PDF and its QR code opens the
 * verification page. The passphrase is kept nowhere.
 */
const BALANGAN = { agencyId: 'dkukmtk-balangan', sopId: 'dkukmtk-balangan-lakip' };
const PASSPHRASE = 'sandi-ttd-kepala-7Q';
const WRONG = 'bukan-sandinya';
const VARIABLE = 'BSRE_BALANGAN_E2E';

let fake: BsreFake;
let rt: LocalRuntime;
let result: DemoResult;
let s3: S3Client;
let browser: Browser | undefined;

/**
 * The Kepala at the signing page, in Chromium when it is installed (scripts/siapkan-peramban.sh): reads
 * the page, types a wrong passphrase, reads the refusal, goes back and signs; each page checked at 390 and
 * 1280 px. Without Chromium the scripted signer posts the same form.
 */
async function signInBrowser(taskUrl: string) {
  const page = await browser!.newPage({ viewport: PHONE });
  try {
    await page.goto(taskUrl);
    await checkPage(page, '30-tanda-tangan-bsre', { first: /^Tandatangani/ });
    await page.fill('#passphrase', WRONG);
    await page.getByRole('button', { name: 'Tandatangani secara elektronik' }).click();
    await page.waitForLoadState();
    expect(await page.locator('main').textContent()).toContain('Passphrase anda salah');
    await checkPage(page, '31-tanda-tangan-bsre-ditolak', { first: /^Belum ditandatangani/ });
    await page.getByRole('link', { name: 'Kembali ke tugas' }).click();
    await page.fill('#passphrase', PASSPHRASE);
    await page.getByRole('button', { name: 'Tandatangani secara elektronik' }).click();
    await page.waitForLoadState();
    expect(await page.locator('main').textContent()).toContain('Laporan sudah ditandatangani');
    await checkPage(page, '32-tanda-tangan-bsre-selesai', { first: /^Terima kasih/ });
  } finally {
    await page.close();
  }
}

beforeAll(async () => {
  fake = await startBsreFake({
    username: 'lakip-prov',
    password: 'rahasia-klien',
    signers: { [BSRE_NIK]: PASSPHRASE },
  });
  // As provincial IT would start it: `BSRE_BALANGAN_E2E=lakip-prov:rahasia-klien npm start`.
  process.env[VARIABLE] = 'lakip-prov:rahasia-klien';
  rt = await startLocalRuntime({
    dataDir: mkdtempSync(join(tmpdir(), 'lakip-bsre-e2e-')),
    persist: false,
    catalogue: loadCatalogue(configWithBsre(fake.url, VARIABLE)),
  });
  delete process.env[VARIABLE];
  if (existsSync(CHROMIUM)) browser = await launchChromium();
  s3 = localS3(rt);
  result = await runDemo(rt, {
    only: [BALANGAN],
    script: {
      ...DEFAULT_SCRIPT,
      invalidFirst: [],
      returnOnce: [],
      passphrase: [
        {
          sopId: BALANGAN.sopId,
          benar: PASSPHRASE,
          salahDulu: WRONG,
          ...(browser ? { peramban: signInBrowser } : {}),
        },
      ],
    },
    log: () => undefined,
  });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  s3?.destroy();
  await rt?.stop();
  await fake?.close();
});

describe('a report signed through BSrE with the passphrase typed on the signing page', () => {
  it('runs to its end; the wrong passphrase is refused with the provider’s message and the task stays open', () => {
    const c = result.cycles[0]!;
    expect(c.status, c.error).toBe('SUCCEEDED');
    expect(result.people.errors).toEqual([]);
    // The signing function read its agency's secret under its own policy: nothing was denied.
    expect(rt.denied).toEqual([]);
    const did = result.people.actions.filter((a) => a.no === 9).map((a) => a.did);
    expect(did).toEqual(
      browser
        ? ['menandatangani dengan passphrase BSrE di peramban']
        : [
            'passphrase ditolak: Layanan TTE BSrE menolak penandatanganan: Passphrase anda salah',
            'menandatangani dengan passphrase BSrE',
          ],
    );
  });

  it('sends the final PDF to the PSrE once, with the head’s NIK and the verification link for its QR code', async () => {
    expect(fake.calls).toHaveLength(1);
    const call = fake.calls[0]!;
    expect(call.nik).toBe(BSRE_NIK);
    expect(call.tampilan).toBe('visible');
    expect(call.linkQR).toMatch(new RegExp(`^${rt.urls.api}/verifikasi/[A-Z2-7]{26}$`));
  });

  it('keeps the PSrE’s signed PDF, which pdfsig validates and the verification page names', async () => {
    const c = result.cycles[0]!;
    const base = `siklus/${c.cycle.agencyId}/${c.cycle.cycleId}/final/`;
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: WORK_BUCKET, Prefix: base }));
    const key = (listed.Contents ?? []).map((o) => o.Key!).find((k) => /-ditandatangani-/.test(k))!;
    expect(key).toBeDefined();
    const pdf = await (
      await s3.send(new GetObjectCommand({ Bucket: WORK_BUCKET, Key: key }))
    ).Body!.transformToByteArray();
    expect(pdfsig(pdf).out).toContain('Signature is Valid');
    const id = fake.calls[0]!.linkQR.split('/').at(-1)!;
    const page = await (await fetch(`${rt.urls.api}/verifikasi/${id}`)).text();
    expect(page).toContain(sha256Hex(pdf));
  });

  it('keeps the passphrase nowhere: not in the table, the mails or the stored objects’ names', async () => {
    const ddb = localDynamo(rt);
    const items = await ddb.send(new ScanCommand({ TableName: TABLE_NAME }));
    ddb.destroy();
    const dump = JSON.stringify(items.Items);
    expect(dump.length).toBeGreaterThan(1000);
    for (const secret of [PASSPHRASE, WRONG, 'rahasia-klien']) {
      expect(dump).not.toContain(secret);
      expect(JSON.stringify(rt.mailbox.messages)).not.toContain(secret);
    }
  });
});

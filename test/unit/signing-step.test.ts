import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../lib/catalogue.ts';
import { startStep } from '../../lib/cycle/engine.ts';
import { API_ROUTES } from '../../lib/http/api.ts';
import { router } from '../../lib/http/router.ts';
import { bsreSigner } from '../../lib/signing/bsre.ts';
import { keySigner } from '../../lib/signing/key-signer.ts';
import { newRsaKey, rsaKey } from '../../lib/signing/local-key.ts';
import { tteOf } from '../../lib/signing/tte.ts';
import { sha256Hex } from '../../lib/signing/verification.ts';
import { event } from '../helpers/api-event.ts';
import { type BsreFake, startBsreFake } from '../helpers/bsre-fake.ts';
import { BALANGAN, CycleRun, seedCatalogue } from '../helpers/cycle-run.ts';
import { memoryCertificates, pdfsig } from '../helpers/pdf.ts';

/** Step 9 of the Balangan SOP: the head signs the report (tanda-tangan, konfirmasi). */
const SIGN = 9;
const ARCHIVE = 11;
const route = router(API_ROUTES);

async function get(run: CycleRun, path: string) {
  return route(event('GET', path), { ports: run.ports, cat: run.cat });
}
async function post(run: CycleRun, path: string, body: Record<string, string>) {
  return route(event('POST', path, { body: new URLSearchParams(body).toString() }), {
    ports: run.ports,
    cat: run.cat,
  });
}
const verificationIdIn = (html: string) => /\/verifikasi\/([A-Z2-7]{26})/.exec(html)?.[1];

describe('the signing step with the system key', () => {
  it('prepares the PDF, signs it after "Tandatangani" and registers it for the verification page', async () => {
    const run = await new CycleRun().start();
    const { task, token, linkId } = await run.open(SIGN);
    const naskah = task.berkas.find((b) => b.jenis === 'naskah-final');
    expect(naskah?.contentType).toBe('application/pdf');

    const pageHtml = (await get(run, `/t/${linkId}`)).body!;
    // With the system key the step's own answer is the signature, and the page says so.
    expect(pageHtml).toContain('Anda menandatangani naskah tersebut secara elektronik');
    expect(pageHtml).toMatch(/<button[^>]*>Tandatangani<\/button>/);
    expect(pageHtml).not.toContain('name="passphrase"');

    // A mail scanner following the link signs nothing: only the POST does.
    expect(run.ports.workflow.outputOf(token)).toBeUndefined();
    const signedPage = await post(run, `/t/${linkId}/tanda-tangan`, {});
    expect(signedPage.statusCode).toBe(200);
    expect(signedPage.body).toContain('Persetujuan Anda dicatat');
    const again = await post(run, `/t/${linkId}/tanda-tangan`, {});
    expect(again.statusCode).toBe(409);

    await run.finish(SIGN, token);
    const [record] = await run.steps(SIGN);
    const final = record!.berkas.find((b) => b.jenis === 'laporan-final')!;
    expect(final.contentType).toBe('application/pdf');
    const signed = await run.ports.blobs.get('kerja', final.key);
    expect(pdfsig(signed).out).toContain('Signature is Valid');

    const id = verificationIdIn(Buffer.from(signed).toString('latin1'));
    expect(id).toBeDefined();
    const v = (await run.ports.store.getVerification(id!))!;
    expect(v).toMatchObject({
      key: final.key,
      sha256: sha256Hex(signed),
      tahun: 2025,
      judul: 'LAKIP Tahun 2025',
    });
    expect(v.penandatangan.jabatan).toMatch(/^Kepala Dinas/);

    const verifyPage = await get(run, `/verifikasi/${id}`);
    expect(verifyPage.statusCode).toBe(200);
    expect(verifyPage.body).toContain(sha256Hex(signed));
    expect(verifyPage.body).toContain(v.penandatangan.nama);
    expect(verifyPage.body).toContain('crypto.subtle.digest');
    // Nothing of the cycle beyond what the document prints: no link, no step, no e-mail address.
    // Nothing beyond what the document prints: no address, no task link, no storage key (the page's own
    // stylesheet aside, whose media queries carry an '@').
    expect((verifyPage.body ?? '').replace(/<style>[\s\S]*?<\/style>/, '')).not.toMatch(/@|\/t\/|siklus\//);
    const unknown = await get(run, '/verifikasi/AAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Dokumen tidak dikenal');
    expect((await get(run, '/verifikasi/bukan-kode')).statusCode).toBe(404);

    // The archive step (11) copies the signed PDF and writes a table of contents a person can read.
    await startStep(run.ports, run.cat, { ...run.payload(ARCHIVE), fase: 'mulai' });
    const [archived] = await run.steps(ARCHIVE);
    const copy = archived!.berkas.find((b) => b.jenis === 'laporan-final' && b.bucket === 'arsip')!;
    expect(sha256Hex(await run.ports.blobs.get('arsip', copy.key))).toBe(v.sha256);
    const toc = archived!.berkas.find((b) => b.jenis === 'manifest-arsip')!;
    expect(toc.bucket).toBe('arsip');
    const text = Buffer.from(await run.ports.blobs.get('arsip', toc.key)).toString('utf8');
    expect(text).toContain('DAFTAR ISI ARSIP LAPORAN KINERJA');
    expect(text).toContain(`SHA-256     : ${v.sha256}`);
    expect(text).toContain(`Verifikasi  : ${run.ports.publicUrl}/verifikasi/${id}`);
    expect(text).not.toContain('naskah');
  });
});

describe('the signing step through BSrE', () => {
  let fake: BsreFake;
  let cat: Catalogue;
  const NIK = '6308010101700001';
  beforeAll(async () => {
    fake = await startBsreFake({ username: 'lakip', password: 'klien', signers: { [NIK]: 'sandi-ttd' } });
    const seed = seedCatalogue();
    const agency = seed.agencies.get(BALANGAN.agencyId)!;
    const kepala = agency.pejabat[agency.pimpinan]!;
    const agencies = new Map(seed.agencies);
    agencies.set(agency.id, {
      ...agency,
      pejabat: { ...agency.pejabat, [agency.pimpinan]: { ...kepala, nik: NIK } },
      tte: { penyedia: 'bsre', url: fake.url, kredensial: 'BSRE_UJI' },
    });
    cat = { ...seed, agencies };
  });
  afterAll(() => fake.close());

  async function opened() {
    const run = await new CycleRun({ cat }).start();
    const own = keySigner(rsaKey(newRsaKey()), memoryCertificates());
    run.ports.tte = tteOf((a) =>
      a.tte
        ? bsreSigner({ url: a.tte.url, credentials: async () => ({ username: 'lakip', password: 'klien' }) })
        : own,
    );
    return { run, ...(await run.open(SIGN)) };
  }

  it('asks for the passphrase, signs synchronously and never keeps the passphrase', async () => {
    const { run, token, linkId } = await opened();
    const pageHtml = (await get(run, `/t/${linkId}`)).body!;
    expect(pageHtml).toContain('name="passphrase"');
    expect(pageHtml).toContain('type="password"');

    const wrong = await post(run, `/t/${linkId}/tanda-tangan`, { passphrase: 'keliru-sekali' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Passphrase anda salah');
    expect((await run.ports.store.getTask(run.siklus.agencyId, run.siklus.cycleId, `09.-.1`))?.status).toBe(
      'terbuka',
    );
    // The plain answer cannot bypass the passphrase.
    const plain = await post(run, `/t/${linkId}`, { hasil: 'selesai' });
    expect(plain.statusCode).toBe(400);
    expect(plain.body).toContain('passphrase');

    const ok = await post(run, `/t/${linkId}/tanda-tangan`, { passphrase: 'sandi-ttd' });
    expect(ok.statusCode).toBe(200);
    const id = verificationIdIn(ok.body!)!;
    expect(fake.calls.at(-1)).toMatchObject({ nik: NIK, linkQR: `${run.ports.publicUrl}/verifikasi/${id}` });
    await run.finish(SIGN, token);
    const [record] = await run.steps(SIGN);
    const final = record!.berkas.find((b) => b.jenis === 'laporan-final')!;
    const signed = await run.ports.blobs.get('kerja', final.key);
    expect(pdfsig(signed).out).toContain('Signature is Valid');
    expect((await run.ports.store.getVerification(id))?.sha256).toBe(sha256Hex(signed));
    // Kept nowhere: not in the decision, the task, the step record, the table or a mail.
    const everything = JSON.stringify([
      await run.ports.store.listTasks(run.siklus.agencyId, run.siklus.cycleId),
      await run.ports.store.listSteps(run.siklus.agencyId, run.siklus.cycleId),
      run.ports.workflow.outputOf(token),
      run.ports.mailer.sent,
    ]);
    expect(everything).not.toContain('sandi-ttd');
    expect(everything).not.toContain('keliru-sekali');
  });
});

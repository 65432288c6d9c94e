import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kmsSigningKey } from '../../lib/adapters/kms-signer.ts';
import { bsreSigner } from '../../lib/signing/bsre.ts';
import { keySigner } from '../../lib/signing/key-signer.ts';
import { newRsaKey, rsaKey } from '../../lib/signing/local-key.ts';
import { signPdf } from '../../lib/signing/pades.ts';
import { type SigningRequest, TandaTanganGagal } from '../../lib/signing/port.ts';
import { sha256Hex } from '../../lib/signing/verification.ts';
import { type BsreFake, startBsreFake } from '../helpers/bsre-fake.ts';
import { memoryCertificates, pdfsig, smallPdf } from '../helpers/pdf.ts';

const request = (over: Partial<SigningRequest> = {}): SigningRequest => ({
  agencyId: 'kominfo-lumajang',
  agencyNama: 'Dinas Komunikasi dan Informatika',
  penandatangan: { nama: 'Ir. Budi Santoso', jabatan: 'Kepala Dinas', nip: '19700101 199503 1 001' },
  waktu: new Date('2026-03-10T03:15:00Z'),
  verifikasiUrl: 'http://127.0.0.1:4500/verifikasi/ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...over,
});

/** A copy with one byte of the signed range changed (the binary comment on the header's second line). */
function tampered(pdf: Uint8Array): Uint8Array {
  const copy = new Uint8Array(pdf);
  copy[11] = copy[11]! ^ 0x01;
  return copy;
}

describe('PAdES signature with a key behind the Signer port', () => {
  const key = newRsaKey();
  const certs = memoryCertificates();
  const signer = keySigner(rsaKey(key), certs);

  it("names a long agency by its short name in the certificate, not cut at X.509's 64 characters", async () => {
    const nama = 'Dinas Koperasi Usaha Kecil Menengah dan Tenaga Kerja Kabupaten Balangan';
    expect(nama.length).toBeGreaterThan(64);
    const own = keySigner(rsaKey(key), memoryCertificates());
    const signed = await signPdf(
      await smallPdf(),
      request({
        agencyId: 'dkukmtk-balangan',
        agencyNama: nama,
        agencySingkat: 'DKUKMTK Kabupaten Balangan',
      }),
      own,
      'WITA',
    );
    const out = pdfsig(signed).out;
    expect(out).toContain('CN=DKUKMTK Kabupaten Balangan');
    expect(out).not.toContain('Kabupaten B\n');
  });

  it('pdfsig validates the signature over the whole document; a changed byte fails it', async () => {
    const signed = await signPdf(await smallPdf(), request(), signer, 'WIB');
    const check = pdfsig(signed);
    expect(check.out).toContain('Signature is Valid');
    expect(check.out).toContain('adbe.pkcs7.detached');
    expect(check.out).toContain('Total document signed');
    expect(check.out).toContain('CN=Dinas Komunikasi dan Informatika');
    const bad = pdfsig(tampered(signed));
    expect(bad.out).not.toContain('Signature is Valid');
    expect(bad.out).toMatch(/Digest Mismatch|Invalid/);
  });

  it('issues the agency certificate once and signs later documents with the same one', async () => {
    await signPdf(await smallPdf('Satu'), request(), signer, 'WIB');
    const first = certs.map.get('kominfo-lumajang');
    await signPdf(await smallPdf('Dua'), request(), signer, 'WIB');
    expect(first).toMatch(/BEGIN CERTIFICATE/);
    expect(certs.map.get('kominfo-lumajang')).toBe(first);
    expect(certs.map.size).toBe(1);
  });

  it('the KMS adapter asks KMS to sign the digest (RSASSA_PKCS1_V1_5_SHA_256, DIGEST) and the result verifies', async () => {
    const local = rsaKey(newRsaKey());
    const seen: Record<string, unknown>[] = [];
    // Stands in for KMSClient: the same commands, answered by a local key (no KMS emulator exists).
    const client = {
      async send(cmd: { constructor: { name: string }; input: Record<string, unknown> }) {
        seen.push({ command: cmd.constructor.name, ...cmd.input });
        if (cmd.constructor.name === 'GetPublicKeyCommand') return { PublicKey: await local.publicKeyDer() };
        return { Signature: await local.signDigest(cmd.input.Message as Uint8Array) };
      },
    };
    const kms = kmsSigningKey('alias/lakip-tte', client as never);
    const signed = await signPdf(await smallPdf(), request(), keySigner(kms, memoryCertificates()), 'WITA');
    expect(pdfsig(signed).out).toContain('Signature is Valid');
    const signs = seen.filter((s) => s.command === 'SignCommand');
    // One for the certificate, one for the document.
    expect(signs).toHaveLength(2);
    for (const s of signs) {
      expect(s).toMatchObject({
        KeyId: 'alias/lakip-tte',
        MessageType: 'DIGEST',
        SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
      });
      expect((s.Message as Uint8Array).length).toBe(32);
    }
    expect(seen.filter((s) => s.command === 'GetPublicKeyCommand')).toHaveLength(1);
  });

  it('hashes what the verification page compares', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('BSrE signer against a local fake of the PSrE API', () => {
  let fake: BsreFake;
  beforeAll(async () => {
    fake = await startBsreFake({
      username: 'lakip',
      password: 'rahasia-klien',
      signers: { '3508010101700001': 'kata-sandi-ttd' },
    });
  });
  afterAll(() => fake.close());
  const withNik = (passphrase?: string) =>
    request({
      penandatangan: { ...request().penandatangan, nik: '3508010101700001' },
      passphrase,
    });

  it('sends the PDF with NIK, passphrase and the QR link and gets back a signed PDF', async () => {
    const signer = bsreSigner({
      url: fake.url,
      credentials: async () => ({ username: 'lakip', password: 'rahasia-klien' }),
    });
    const pdf = await smallPdf();
    const signed = await signPdf(pdf, withNik('kata-sandi-ttd'), signer, 'WIB');
    expect(pdfsig(signed).out).toContain('Signature is Valid');
    expect(fake.calls.at(-1)).toEqual({
      nik: '3508010101700001',
      tampilan: 'visible',
      linkQR: request().verifikasiUrl,
      bytes: pdf.length,
    });
  });

  it('a wrong passphrase gets the provider message, without the passphrase in it', async () => {
    const signer = bsreSigner({
      url: fake.url,
      credentials: async () => ({ username: 'lakip', password: 'rahasia-klien' }),
    });
    const err = await signPdf(await smallPdf(), withNik('salah-ketik'), signer, 'WIB').catch((e) => e);
    expect(err).toBeInstanceOf(TandaTanganGagal);
    expect(err.message).toBe('Layanan TTE BSrE menolak penandatanganan: Passphrase anda salah');
    expect(JSON.stringify(err)).not.toContain('salah-ketik');
  });

  it('wrong client credentials, a missing NIK or passphrase, an unreachable service: clear messages', async () => {
    const wrongClient = bsreSigner({
      url: fake.url,
      credentials: async () => ({ username: 'lakip', password: 'keliru' }),
    });
    await expect(signPdf(await smallPdf(), withNik('kata-sandi-ttd'), wrongClient, 'WIB')).rejects.toThrow(
      'Layanan TTE BSrE menolak penandatanganan: Unauthorized client',
    );
    const ok = bsreSigner({
      url: fake.url,
      credentials: async () => ({ username: 'lakip', password: 'rahasia-klien' }),
    });
    await expect(signPdf(await smallPdf(), request({ passphrase: 'x' }), ok, 'WIB')).rejects.toThrow(
      /NIK Ir\. Budi Santoso belum tercatat/,
    );
    await expect(signPdf(await smallPdf(), withNik(), ok, 'WIB')).rejects.toThrow(/Passphrase TTE wajib/);
    const down = bsreSigner({
      url: 'http://127.0.0.1:9',
      credentials: async () => ({ username: 'a', password: 'b' }),
    });
    await expect(signPdf(await smallPdf(), withNik('x'), down, 'WIB')).rejects.toThrow(
      /tidak dapat dihubungi/,
    );
  });
});

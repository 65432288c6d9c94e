import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { keySigner } from '../../lib/signing/key-signer.ts';
import { newRsaKey, rsaKey } from '../../lib/signing/local-key.ts';
import { signPdf } from '../../lib/signing/pades.ts';
import { memoryCertificates } from './pdf.ts';

/**
 * A stand-in for the BSrE signing API (POST /api/sign/pdf, multipart, basic auth), started by the tests:
 * it checks the client credentials and the signer's NIK and passphrase like the real service, and signs
 * with a local key. `calls` records what it received, without the passphrase.
 */
export interface BsreFake {
  url: string;
  calls: { nik: string; tampilan: string; linkQR: string; bytes: number }[];
  close(): Promise<void>;
}

export async function startBsreFake(opts: {
  username: string;
  password: string;
  /** NIK → passphrase of the registered signers. */
  signers: Record<string, string>;
}): Promise<BsreFake> {
  const signer = keySigner(rsaKey(newRsaKey()), memoryCertificates());
  const calls: BsreFake['calls'] = [];
  const expectedAuth = `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString('base64')}`;
  const server: Server = createServer(async (req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    try {
      if (req.method !== 'POST' || req.url !== '/api/sign/pdf') return reply(404, { error: 'Not found' });
      if (req.headers.authorization !== expectedAuth) return reply(401, { error: 'Unauthorized client' });
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const form = await new Request('http://fake/', {
        method: 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? '' },
        body: Buffer.concat(chunks),
      }).formData();
      const nik = String(form.get('nik') ?? '');
      const file = form.get('file');
      if (!(file instanceof Blob)) return reply(400, { error: 'File PDF wajib dikirim' });
      if (!(nik in opts.signers)) return reply(400, { error: 'NIK tidak terdaftar' });
      if (form.get('passphrase') !== opts.signers[nik]) return reply(400, { error: 'Passphrase anda salah' });
      const linkQR = String(form.get('linkQR') ?? '');
      const bytes = new Uint8Array(await file.arrayBuffer());
      calls.push({ nik, tampilan: String(form.get('tampilan') ?? ''), linkQR, bytes: bytes.length });
      const signed = await signPdf(
        bytes,
        {
          agencyId: 'bsre',
          agencyNama: 'Balai Sertifikasi Elektronik (tiruan)',
          penandatangan: { nama: `Pemilik NIK ${nik}`, jabatan: 'Penandatangan' },
          waktu: new Date(),
          verifikasiUrl: linkQR,
        },
        signer,
        'WIB',
      );
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(Buffer.from(signed));
    } catch (e) {
      reply(500, { error: (e as Error).message });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

import type { PdfSigner, SigningRequest } from './port.ts';
import { TandaTanganGagal } from './port.ts';
import type { PsreCredentials } from './psre-credentials.ts';

/**
 * The PSrE signing API that Indonesian government systems use for BSrE (Balai Sertifikasi Elektronik):
 * `POST {url}/api/sign/pdf`, multipart with the signer's `nik` and `passphrase`, the `file`, the stamp
 * (`tampilan` visible, `image` false: the provider draws its own text and the QR code from `linkQR`),
 * the application's own basic-auth credentials; the answer is the signed PDF, or JSON with an `error`.
 * The passphrase is sent once, in the body, and appears in no message, log or record.
 */
export interface BsreConfig {
  url: string;
  /**
   * The application's client credentials, read when a signature is asked for (from a secret, never from
   * the agency file); a refusal here (not set yet) reaches the signer as is.
   */
  credentials: () => Promise<PsreCredentials>;
  /** Seconds before giving up on the provider. */
  timeoutDetik?: number;
}

export function bsreSigner(cfg: BsreConfig, fetchImpl: typeof fetch = fetch): PdfSigner {
  const endpoint = `${cfg.url.replace(/\/$/, '')}/api/sign/pdf`;
  return {
    jenis: 'pdf',
    async signPdf(pdf: Uint8Array, req: SigningRequest) {
      const nik = req.penandatangan.nik;
      if (!nik)
        throw new TandaTanganGagal(
          `NIK ${req.penandatangan.nama} belum tercatat di berkas instansi (pejabat → nik); TTE BSrE memerlukannya.`,
        );
      if (!req.passphrase)
        throw new TandaTanganGagal('Passphrase TTE wajib diisi untuk menandatangani melalui BSrE.');
      const form = new FormData();
      form.set('nik', nik);
      form.set('passphrase', req.passphrase);
      form.set('tampilan', 'visible');
      form.set('image', 'false');
      form.set('linkQR', req.verifikasiUrl);
      form.set('halaman', 'terakhir');
      form.set('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'laporan.pdf');
      const { username, password } = await cfg.credentials();
      const auth = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
      let res: Response;
      try {
        res = await fetchImpl(endpoint, {
          method: 'POST',
          headers: { authorization: auth },
          body: form,
          signal: AbortSignal.timeout((cfg.timeoutDetik ?? 60) * 1000),
        });
      } catch {
        throw new TandaTanganGagal(
          'Layanan TTE BSrE tidak dapat dihubungi. Coba lagi beberapa saat lagi; laporan belum ditandatangani.',
        );
      }
      const body = new Uint8Array(await res.arrayBuffer());
      if (res.ok && Buffer.from(body.subarray(0, 5)).toString('latin1') === '%PDF-') return body;
      throw new TandaTanganGagal(refusal(res.status, body));
    },
  };
}

/** The provider's own error message when it gives one (it is for the signer), otherwise by status. */
function refusal(status: number, body: Uint8Array): string {
  let pesan = '';
  try {
    const j = JSON.parse(Buffer.from(body).toString('utf8')) as { error?: unknown; message?: unknown };
    pesan = String(j.error ?? j.message ?? '').slice(0, 300);
  } catch {
    // not JSON: fall back on the status
  }
  if (status === 401 && !pesan)
    return 'Layanan TTE BSrE menolak kredensial aplikasi ini; hubungi pengelola TI provinsi.';
  return pesan
    ? `Layanan TTE BSrE menolak penandatanganan: ${pesan}`
    : `Layanan TTE BSrE menjawab dengan galat (status ${status}); laporan belum ditandatangani.`;
}

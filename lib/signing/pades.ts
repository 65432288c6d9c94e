import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer as SignpdfSigner, SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import { PDFDocument } from 'pdf-lib';
import type { ZonaWaktu } from '../calendar/working-time.ts';
import type { CmsSigner, Signer, SigningRequest } from './port.ts';
import { drawStamp } from './stamp.ts';

/** Room for the CMS in the placeholder: RSA-2048 SignedData with one certificate is about 2 KB. */
const SIGNATURE_LENGTH = 8192;

/** @signpdf asks its signer for the CMS over the byte range; ours comes from the port. */
class PortSigner extends SignpdfSigner {
  constructor(
    private readonly signer: CmsSigner,
    private readonly req: SigningRequest,
  ) {
    super();
  }
  override async sign(pdf: Buffer): Promise<Buffer> {
    return Buffer.from(await this.signer.signCms(pdf, this.req));
  }
}

/**
 * Signs a PDF (PAdES basic, adbe.pkcs7.detached): with a CMS signer the stamp with the QR code is drawn on
 * the last page, the signature field placed over it and the CMS from the port put in; a PDF signer (BSrE)
 * does all of that itself.
 */
export async function signPdf(
  pdf: Uint8Array,
  req: SigningRequest,
  signer: Signer,
  zona: ZonaWaktu,
): Promise<Uint8Array> {
  if (signer.jenis === 'pdf') return signer.signPdf(pdf, req);
  const doc = await PDFDocument.load(pdf);
  const rect = await drawStamp(doc, req, zona);
  pdflibAddPlaceholder({
    pdfDoc: doc,
    pdfPage: doc.getPages().at(-1)!,
    reason: 'Pengesahan laporan kinerja',
    // Readers show it in the signature panel; it also names the record the QR code opens.
    contactInfo: req.verifikasiUrl,
    name: req.penandatangan.nama,
    location: req.agencyNama,
    signingTime: req.waktu,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    widgetRect: rect,
    appName: 'lakip-flow',
  });
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new Uint8Array(await new SignPdf().sign(prepared, new PortSigner(signer, req), req.waktu));
}

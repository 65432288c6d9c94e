/**
 * Electronic signatures (TTE) of the final report, behind one port with two shapes:
 * - `cms`: the project places the visible stamp and the signature placeholder itself and asks only for
 *   the CMS SignedData (adbe.pkcs7.detached) over the PDF's byte range: the KMS key in the cloud, a local
 *   key under the data dir in `npm start`, any RSA key in tests.
 * - `pdf`: a PSrE (BSrE) signs the whole PDF through its API and draws its own stamp and QR code; the
 *   signer's passphrase goes through once and is never stored.
 */

/** The person signing, as printed in the stamp (an acting official: jabatan "Plt. Kepala Dinas …"). */
export interface Penandatangan {
  nama: string;
  jabatan: string;
  nip?: string;
  /** NIK registered with the PSrE (BSrE only). */
  nik?: string;
}

/** What identifies a signature on a document: who, for which agency, when, and where to verify it. */
export interface SigningRequest {
  agencyId: string;
  agencyNama: string;
  /** A short name ("DKUKMTK Kabupaten Balangan") for where the full one does not fit (a certificate's CN). */
  agencySingkat?: string;
  penandatangan: Penandatangan;
  waktu: Date;
  /** The public verification page the QR code opens. */
  verifikasiUrl: string;
  /** BSrE only: typed by the signer on the signing page; never stored, never logged. */
  passphrase?: string;
}

/** The raw key: a public key and a signature over a SHA-256 digest (PKCS#1 v1.5), like KMS `Sign`. */
export interface SigningKey {
  /** DER SubjectPublicKeyInfo. */
  publicKeyDer(): Promise<Uint8Array>;
  /** RSASSA-PKCS1-v1_5 over a SHA-256 digest the caller computed (KMS MessageType DIGEST). */
  signDigest(digest: Uint8Array): Promise<Uint8Array>;
}

/** Where an agency's self-issued certificate is kept once issued (the table in the cloud). */
export interface CertificateStore {
  getCertificate(agencyId: string): Promise<string | undefined>;
  /** Stores the PEM unless one is there already; false when another issuer won (then read it back). */
  putCertificateIfAbsent(agencyId: string, pem: string): Promise<boolean>;
}

export interface CmsSigner {
  jenis: 'cms';
  /** The CMS SignedData (DER) over `content` (the PDF's signed byte range), detached. */
  signCms(content: Uint8Array, req: SigningRequest): Promise<Uint8Array>;
}

export interface PdfSigner {
  jenis: 'pdf';
  /** The whole signed PDF, stamp and QR code drawn by the provider. */
  signPdf(pdf: Uint8Array, req: SigningRequest): Promise<Uint8Array>;
}

export type Signer = CmsSigner | PdfSigner;

/** What an agency file says about its signatures (lib/agency/schema.ts `tte`). */
export interface AgencyTte {
  id: string;
  tte?: { penyedia: 'bsre'; url: string; kredensial: string };
}

/**
 * Signing as a port of the functions that sign (lib/signing/tte.ts builds it), so that the PDF and CMS
 * libraries load only there: the agency's signer applied to a PDF.
 */
export interface Tte {
  signPdf(
    pdf: Uint8Array,
    req: SigningRequest,
    agency: AgencyTte,
    zona: 'WIB' | 'WITA' | 'WIT',
  ): Promise<Uint8Array>;
}

/** A refusal the signer must read (wrong passphrase, NIK not registered, provider down), in Indonesian. */
export class TandaTanganGagal extends Error {
  constructor(pesan: string) {
    super(pesan);
    this.name = 'TandaTanganGagal';
  }
}

import { randomBytes } from 'node:crypto';
import forge from 'node-forge';
import type { SigningKey } from './port.ts';

/**
 * CMS SignedData and X.509 certificates whose RSA signature comes from a `SigningKey` (KMS `Sign` in the
 * cloud: the private key never leaves it). node-forge assembles both but signs synchronously with a key
 * object it holds, so each is built in two passes: forge runs once with a stand-in key that records the
 * digest it would sign, the real key signs that digest, and the signature is put in its place.
 */

const { asn1, pki } = forge;

// forge works on binary strings; Buffer converts large PDFs without forge's argument-list limit.
const bin = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('binary');
const bytes = (s: string) => Buffer.from(s, 'binary');

/** A forge "private key" that records the digest handed to it and signs nothing. */
function recorder() {
  const seen: { digest?: Uint8Array } = {};
  return {
    seen,
    key: {
      sign(md: forge.md.MessageDigest) {
        seen.digest = bytes(md.digest().getBytes());
        return '';
      },
    } as unknown as forge.pki.rsa.PrivateKey,
  };
}

export interface Subjek {
  /** Common name: the agency signing (its documents are signed in its name). */
  nama: string;
  /** Organization: the government it belongs to. */
  organisasi: string;
}

/** A self-issued certificate for the key (digitalSignature, nonRepudiation), valid `tahun` years. */
export async function issueCertificate(
  key: SigningKey,
  subjek: Subjek,
  now: Date,
  tahun = 5,
): Promise<string> {
  const cert = pki.createCertificate();
  cert.publicKey = pki.publicKeyFromAsn1(asn1.fromDer(bin(await key.publicKeyDer())));
  // Positive serial: a leading 0 nibble-free byte keeps the INTEGER unsigned.
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + tahun * 365 * 86_400_000);
  const attrs = [
    { name: 'commonName', value: subjek.nama.slice(0, 64) },
    { name: 'organizationName', value: subjek.organisasi.slice(0, 64) },
    { name: 'countryName', value: 'ID' },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  const r = recorder();
  cert.sign(r.key, forge.md.sha256.create());
  cert.signature = bin(await key.signDigest(r.seen.digest!));
  return pki.certificateToPem(cert);
}

/**
 * A detached CMS SignedData over `content` (PDF byte range) with contentType, messageDigest and
 * signingTime as signed attributes, RSA/SHA-256, the certificate included.
 */
export async function detachedCms(
  content: Uint8Array,
  certificatePem: string,
  key: SigningKey,
  signingTime: Date,
): Promise<Uint8Array> {
  const cert = pki.certificateFromPem(certificatePem);
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(bin(content));
  p7.addCertificate(cert);
  const r = recorder();
  p7.addSigner({
    key: r.key,
    certificate: cert,
    digestAlgorithm: pki.oids.sha256!,
    authenticatedAttributes: [
      { type: pki.oids.contentType!, value: pki.oids.data },
      { type: pki.oids.messageDigest! },
      { type: pki.oids.signingTime!, value: signingTime as unknown as string },
    ],
  });
  p7.sign({ detached: true });
  const signature = await key.signDigest(r.seen.digest!);
  // The SignerInfo's encryptedDigest: the OCTET STRING after the digestEncryptionAlgorithm.
  const info = (p7 as unknown as { signerInfos: forge.asn1.Asn1[] }).signerInfos[0]!;
  const parts = info.value as forge.asn1.Asn1[];
  const slot = parts.findIndex(
    (v, i) => i > 3 && v.tagClass === asn1.Class.UNIVERSAL && v.type === asn1.Type.OCTETSTRING,
  );
  if (slot < 0) throw new Error('struktur SignerInfo tidak dikenali');
  parts[slot] = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bin(signature));
  return bytes(asn1.toDer(p7.toAsn1()).getBytes());
}

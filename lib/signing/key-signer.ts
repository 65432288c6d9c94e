import { detachedCms, issueCertificate } from './cms.ts';
import type { CertificateStore, CmsSigner, SigningKey, SigningRequest } from './port.ts';

/**
 * A CMS signer over one key (KMS or local) with a certificate per agency, issued from that key the first
 * time the agency signs and kept in `certs` afterwards, so every document of an agency carries the same
 * certificate.
 */
export function keySigner(
  key: SigningKey,
  certs: CertificateStore,
  pemerintahOf = (_id: string) => '',
): CmsSigner {
  async function certificateOf(req: SigningRequest): Promise<string> {
    const known = await certs.getCertificate(req.agencyId);
    if (known) return known;
    const pem = await issueCertificate(
      key,
      {
        // X.509 caps the common name at 64 characters: a long agency name is not cut mid-word.
        nama: req.agencyNama.length <= 64 || !req.agencySingkat ? req.agencyNama : req.agencySingkat,
        organisasi: pemerintahOf(req.agencyId) || req.agencyNama,
      },
      req.waktu,
    );
    if (await certs.putCertificateIfAbsent(req.agencyId, pem)) return pem;
    return (await certs.getCertificate(req.agencyId))!;
  }
  return {
    jenis: 'cms',
    async signCms(content, req) {
      return detachedCms(content, await certificateOf(req), key, req.waktu);
    },
  };
}

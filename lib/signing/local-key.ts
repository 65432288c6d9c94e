import {
  constants,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  privateEncrypt,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CertificateStore, SigningKey } from './port.ts';

/** DigestInfo prefix of SHA-256 (RFC 8017 §9.2): what KMS adds to a DIGEST before PKCS#1 v1.5 padding. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/** An RSA private key in this process standing in for KMS: the same contract, the signature made here. */
export function rsaKey(privateKey: KeyObject): SigningKey {
  return {
    async publicKeyDer() {
      return createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
    },
    async signDigest(digest) {
      if (digest.length !== 32) throw new Error('digest SHA-256 harus 32 bita');
      return privateEncrypt(
        { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
        Buffer.concat([SHA256_DIGEST_INFO, digest]),
      );
    },
  };
}

export function newRsaKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

/**
 * `npm start`'s signing key: made on the first run under the data dir (tte/kunci.pem, readable by the
 * owner only) and reused afterwards, with the agencies' certificates beside it.
 */
export function localSigningKey(dataDir: string): { key: SigningKey; certs: CertificateStore } {
  const dir = join(dataDir, 'tte');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'kunci.pem');
  if (!existsSync(file))
    writeFileSync(file, newRsaKey().export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  const key = rsaKey(createPrivateKey(readFileSync(file, 'utf8')));
  const certFile = (agencyId: string) => join(dir, `sertifikat-${agencyId.replace(/[^a-z0-9-]/g, '')}.pem`);
  return {
    key,
    certs: {
      async getCertificate(agencyId) {
        return existsSync(certFile(agencyId)) ? readFileSync(certFile(agencyId), 'utf8') : undefined;
      },
      async putCertificateIfAbsent(agencyId, pem) {
        try {
          writeFileSync(certFile(agencyId), pem, { flag: 'wx' });
          return true;
        } catch {
          return false;
        }
      },
    },
  };
}

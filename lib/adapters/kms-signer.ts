import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import type { SigningKey } from '../signing/port.ts';

/**
 * The cloud signing key: an asymmetric KMS key (RSA_2048, SIGN_VERIFY). The private key never leaves KMS;
 * `Sign` gets the digest of the CMS signed attributes (MessageType DIGEST) and returns the PKCS#1 v1.5
 * signature. The public key is read once per process.
 */
export function kmsSigningKey(keyId: string, client = new KMSClient({})): SigningKey {
  let publicKey: Promise<Uint8Array> | undefined;
  return {
    publicKeyDer() {
      publicKey ??= client.send(new GetPublicKeyCommand({ KeyId: keyId })).then(
        (r) => {
          if (!r.PublicKey) throw new Error(`kunci KMS ${keyId} tidak mengembalikan kunci publik`);
          return r.PublicKey;
        },
        (e) => {
          // A failed read is not remembered: the next signature asks KMS again.
          publicKey = undefined;
          throw e;
        },
      );
      return publicKey;
    },
    async signDigest(digest) {
      const r = await client.send(
        new SignCommand({
          KeyId: keyId,
          Message: digest,
          MessageType: 'DIGEST',
          SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
        }),
      );
      if (!r.Signature) throw new Error(`kunci KMS ${keyId} tidak mengembalikan tanda tangan`);
      return r.Signature;
    },
  };
}

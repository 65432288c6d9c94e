import { createHash, randomBytes } from 'node:crypto';

/**
 * Verification ids: 130 random bits in RFC 4648 base32 (26 characters, A–Z and 2–7), printed in the QR code
 * of a signed document. Unguessable, so the public page shows a record only to someone holding the
 * document (or its id); safe in a URL and readable aloud.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const VERIFICATION_ID = /^[A-Z2-7]{26}$/;

export function newVerificationId(): string {
  const bytes = randomBytes(17);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < 26) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

export const isVerificationId = (s: string): boolean => VERIFICATION_ID.test(s);

export const verificationPath = (id: string): string => `/verifikasi/${id}`;

/** SHA-256 of bytes, hex (what the verification page compares). */
export const sha256Hex = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

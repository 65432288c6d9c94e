import { createHash, randomBytes } from 'node:crypto';

/**
 * Task links carry an opaque random id (128 bits), never the Step Functions task token.
 * Only the SHA-256 of the id is stored, so a leaked table cannot be turned into working links.
 */
export function newLinkId(): string {
  return randomBytes(16).toString('base64url');
}

export function linkHash(linkId: string): string {
  return createHash('sha256').update(linkId).digest('hex');
}

/** A well-formed link id: 22 base64url characters (16 bytes). Anything else is refused before a lookup. */
export function isLinkId(s: string): boolean {
  return /^[A-Za-z0-9_-]{22}$/.test(s);
}

export function shortId(): string {
  return randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').toLowerCase();
}

/** How long a link in an email stays valid. Reminders send fresh links. */
export const LINK_VALID_DAYS = 30;

/** How long the timeline link of the completion mail stays valid ("kirim ulang tautan" gives a new one). */
export const VIEW_LINK_VALID_DAYS = 90;

/**
 * The longest a file link (the format in the distribution mail) stays valid; it dies earlier, when its
 * cycle ends. The unit's task page always offers the same file with a fresh link.
 */
export const FILE_LINK_VALID_DAYS = 180;

export const DAY_MS = 86_400_000;

import type { Catalogue } from '../data/catalogue.ts';
import {
  DAY_MS,
  FILE_LINK_VALID_DAYS,
  isLinkId,
  linkHash,
  newLinkId,
  VIEW_LINK_VALID_DAYS,
} from './links.ts';
import type { AccessLink, Cycle, CycleViewLink, FileLink, SiklusRef } from './model.ts';
import { type TaskLookup, taskByLink } from './people.ts';
import type { Ports } from './ports.ts';

/** Cycles in these states are over: a file link of theirs no longer opens. */
const ENDED: readonly string[] = ['selesai', 'dihentikan'];

type Stamp = Pick<AccessLink, 'hash' | 'dibuat' | 'kedaluwarsa'>;

/** Stores a fresh link (only the hash of its id) valid for `days`; returns the id. */
async function issue(ports: Ports, days: number, link: (stamp: Stamp) => AccessLink): Promise<string> {
  const id = newLinkId();
  const now = ports.clock.now();
  await ports.store.putAccessLink(
    link({
      hash: linkHash(id),
      dibuat: now.toISOString(),
      kedaluwarsa: new Date(now.getTime() + days * DAY_MS).toISOString(),
    }),
  );
  return id;
}

/**
 * A link that opens a cycle's timeline (and its agency's overview) for one person, e.g. the head of
 * the agency in the completion mail. Returns the URL; its id exists only there.
 */
export async function issueViewLink(
  ports: Ports,
  s: Pick<SiklusRef, 'agencyId' | 'cycleId'>,
  email: string,
): Promise<string> {
  const id = await issue(ports, VIEW_LINK_VALID_DAYS, (stamp) => ({
    ...stamp,
    jenis: 'lini-masa',
    agencyId: s.agencyId,
    cycleId: s.cycleId,
    email: email.toLowerCase(),
  }));
  return `${ports.publicUrl}/t/${id}/lini-masa`;
}

/**
 * A link to one file of a cycle that works for as long as the cycle runs (unlike a presigned URL, which
 * dies within hours): each click gets a fresh short-lived download URL.
 */
export async function issueFileLink(
  ports: Ports,
  s: Pick<SiklusRef, 'agencyId' | 'cycleId'>,
  file: { unit: string; bucket: 'kerja' | 'arsip'; key: string; namaBerkas: string },
): Promise<string> {
  const id = await issue(ports, FILE_LINK_VALID_DAYS, (stamp) => ({
    ...stamp,
    jenis: 'berkas',
    agencyId: s.agencyId,
    cycleId: s.cycleId,
    ...file,
  }));
  return `${ports.publicUrl}/t/${id}`;
}

export type LinkTarget =
  | { jenis: 'tugas'; found: Extract<TaskLookup, { ok: true }> }
  | { jenis: 'lini-masa'; link: CycleViewLink; cycle: Cycle }
  | { jenis: 'berkas'; link: FileLink; cycle: Cycle }
  | { jenis: 'ditolak'; alasan: 'tidak-dikenal' | 'kedaluwarsa' };

/**
 * What a link id opens: a task (lib/cycle/people.ts), a cycle's timeline or a file. Unknown, tampered
 * and malformed ids get the same answer, whichever kind they imitate.
 */
export async function linkTarget(ports: Ports, cat: Catalogue, linkId: string): Promise<LinkTarget> {
  const task = await taskByLink(ports, cat, linkId);
  if (task.ok) return { jenis: 'tugas', found: task };
  if (task.alasan === 'kedaluwarsa' || !isLinkId(linkId)) return { jenis: 'ditolak', alasan: task.alasan };
  const link = await ports.store.getAccessLink(linkHash(linkId));
  if (!link) return { jenis: 'ditolak', alasan: 'tidak-dikenal' };
  const cycle = await ports.store.getCycle(link.agencyId, link.cycleId);
  if (!cycle || !cat.agencies.has(cycle.agencyId)) return { jenis: 'ditolak', alasan: 'tidak-dikenal' };
  const expired =
    new Date(link.kedaluwarsa).getTime() <= ports.clock.now().getTime() ||
    (link.jenis === 'berkas' && ENDED.includes(cycle.status));
  if (expired) return { jenis: 'ditolak', alasan: 'kedaluwarsa' };
  return link.jenis === 'berkas' ? { jenis: 'berkas', link, cycle } : { jenis: 'lini-masa', link, cycle };
}

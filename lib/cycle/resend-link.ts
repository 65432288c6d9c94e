import { type Catalogue, sopNamaOf } from '../data/catalogue.ts';
import { linkResentMail, viewLinkResentMail } from '../mail/link-messages.ts';
import { issueViewLink } from './access-links.ts';
import { officeHolderNow } from './acting.ts';
import { issueTaskLink } from './issue-link.ts';
import { isLinkId, linkHash } from './links.ts';
import type { CycleViewLink, TaskLink } from './model.ts';
import type { Ports } from './ports.ts';

/** At most one resend per task (or per timeline recipient) in this many minutes. */
export const RESEND_EVERY_MINUTES = 5;

/** What happened; for tests and logs only: the person who clicked is told the same whatever it is. */
export type ResendOutcome = 'dikirim' | 'dibatasi' | 'tidak-ada';

/**
 * "Kirim ulang tautan" on the page of an expired or unknown link: mails a fresh link for the same task to
 * the person the task is assigned to now (never to whoever clicked, who learns nothing), while the task
 * and its cycle are open. A timeline link gets a fresh timeline link for its recipient, while they still
 * hold the office the completion mail went to. Throttled per task by a conditional write.
 */
export async function resendLink(ports: Ports, cat: Catalogue, linkId: string): Promise<ResendOutcome> {
  if (!isLinkId(linkId)) return 'tidak-ada';
  const hash = linkHash(linkId);
  const link = await ports.store.getLink(hash);
  if (link) return resendTaskLink(ports, cat, link);
  const access = await ports.store.getAccessLink(hash);
  return access?.jenis === 'lini-masa' ? resendViewLink(ports, cat, access) : 'tidak-ada';
}

async function throttled(ports: Ports, agencyId: string, cycleId: string, subject: string) {
  const now = ports.clock.now();
  const notBefore = new Date(now.getTime() - RESEND_EVERY_MINUTES * 60_000).toISOString();
  return !(await ports.store.markResend(agencyId, cycleId, subject, now.toISOString(), notBefore));
}

async function resendTaskLink(ports: Ports, cat: Catalogue, link: TaskLink): Promise<ResendOutcome> {
  const task = await ports.store.getTask(link.agencyId, link.cycleId, link.taskId);
  const cycle = task && (await ports.store.getCycle(task.agencyId, task.cycleId));
  const agency = cat.agencies.get(link.agencyId);
  if (!task || task.status !== 'terbuka' || cycle?.status !== 'berjalan' || !agency) return 'tidak-ada';
  if (await throttled(ports, task.agencyId, task.cycleId, `tugas:${task.taskId}`)) return 'dibatasi';
  const { url, kedaluwarsa } = await issueTaskLink(ports, task);
  await ports.mailer.send(linkResentMail(agency, task, url, kedaluwarsa));
  return 'dikirim';
}

async function resendViewLink(ports: Ports, cat: Catalogue, link: CycleViewLink): Promise<ResendOutcome> {
  const cycle = await ports.store.getCycle(link.agencyId, link.cycleId);
  const agency = cat.agencies.get(link.agencyId);
  if (!cycle || !agency) return 'tidak-ada';
  // Only while the recipient still holds an office the completion mail goes to.
  const holder = [
    await officeHolderNow(ports, agency, 'pimpinan'),
    await officeHolderNow(ports, agency, 'pengelola'),
  ].find((p) => p?.email.toLowerCase() === link.email);
  if (!holder) return 'tidak-ada';
  if (await throttled(ports, cycle.agencyId, cycle.cycleId, `lini-masa:${link.email}`)) return 'dibatasi';
  const url = await issueViewLink(ports, cycle, holder.email);
  const sopNama = sopNamaOf(cat, cycle);
  await ports.mailer.send(viewLinkResentMail(agency, holder, sopNama, cycle.tahun, url));
  return 'dikirim';
}

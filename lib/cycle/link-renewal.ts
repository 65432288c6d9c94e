import type { Agency } from '../agency/schema.ts';
import { linkRenewedMail } from '../mail/link-messages.ts';
import { issueTaskLink } from './issue-link.ts';
import { DAY_MS, LINK_VALID_DAYS } from './links.ts';
import type { HumanTask } from './model.ts';
import type { Ports } from './ports.ts';

/** A task still open this close to its newest link's expiry gets a fresh link. */
export const RENEW_BEFORE_DAYS = 3;

/** When the newest link of a task expires (tasks from before this was recorded: their first link's). */
export function newestLinkExpiry(task: Pick<HumanTask, 'tautanBerakhir' | 'dibuat'>): string {
  return (
    task.tautanBerakhir ?? new Date(new Date(task.dibuat).getTime() + LINK_VALID_DAYS * DAY_MS).toISOString()
  );
}

/**
 * Part of the reminder sweep: once the reminders are spent, a long-open task would otherwise be left
 * with dead links. Mails the assignee a fresh link when the newest one expires within RENEW_BEFORE_DAYS
 * (or already has). The mark is keyed by the expiry being renewed and written before anything is sent,
 * so concurrent or repeated sweeps renew each expiry once. True when a link was sent.
 */
export async function renewExpiringLink(
  ports: Ports,
  agency: Agency,
  task: HumanTask,
  now: Date,
): Promise<boolean> {
  if (task.status !== 'terbuka') return false;
  const lama = newestLinkExpiry(task);
  if (new Date(lama).getTime() - now.getTime() > RENEW_BEFORE_DAYS * DAY_MS) return false;
  // A stopped or finished cycle's task cannot be acted on; once it runs again, the next sweep renews.
  if ((await ports.store.getCycle(task.agencyId, task.cycleId))?.status !== 'berjalan') return false;
  const mark = `tautan-baru:${lama}`;
  if (!(await ports.store.markReminder(task.agencyId, task.cycleId, task.taskId, mark, now.toISOString())))
    return false;
  const { url, kedaluwarsa } = await issueTaskLink(ports, task);
  await ports.mailer.send(linkRenewedMail(agency, task, url, lama, kedaluwarsa));
  return true;
}

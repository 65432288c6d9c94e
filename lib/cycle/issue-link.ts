import { DAY_MS, LINK_VALID_DAYS, linkHash, newLinkId } from './links.ts';
import type { HumanTask } from './model.ts';
import type { Ports } from './ports.ts';

/**
 * Issues a fresh link for a task's assignee and returns its URL. The id exists only in the returned URL
 * (that is, in the email); the table keeps its hash, the task, the person and the expiry.
 */
export async function issueLink(
  ports: Ports,
  task: Pick<HumanTask, 'agencyId' | 'cycleId' | 'taskId' | 'assignee'>,
): Promise<string> {
  return (await issueTaskLink(ports, task)).url;
}

/**
 * issueLink, also telling when the link expires. The task remembers its newest link's expiry, so the
 * reminder sweep can send a fresh one before the last one dies (lib/cycle/link-renewal.ts).
 */
export async function issueTaskLink(
  ports: Ports,
  task: Pick<HumanTask, 'agencyId' | 'cycleId' | 'taskId' | 'assignee'>,
): Promise<{ url: string; kedaluwarsa: string }> {
  const id = newLinkId();
  const now = ports.clock.now();
  const kedaluwarsa = new Date(now.getTime() + LINK_VALID_DAYS * DAY_MS).toISOString();
  await ports.store.putLink({
    hash: linkHash(id),
    agencyId: task.agencyId,
    cycleId: task.cycleId,
    taskId: task.taskId,
    email: task.assignee.email.toLowerCase(),
    dibuat: now.toISOString(),
    kedaluwarsa,
  });
  await ports.store.noteLinkExpiry(task.agencyId, task.cycleId, task.taskId, kedaluwarsa);
  return { url: `${ports.publicUrl}/t/${id}`, kedaluwarsa };
}

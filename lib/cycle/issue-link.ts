import { LINK_VALID_DAYS, linkHash, newLinkId } from './links.ts';
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
  const id = newLinkId();
  const now = ports.clock.now();
  await ports.store.putLink({
    hash: linkHash(id),
    agencyId: task.agencyId,
    cycleId: task.cycleId,
    taskId: task.taskId,
    email: task.assignee.email.toLowerCase(),
    dibuat: now.toISOString(),
    kedaluwarsa: new Date(now.getTime() + LINK_VALID_DAYS * 86_400_000).toISOString(),
  });
  return `${ports.publicUrl}/t/${id}`;
}

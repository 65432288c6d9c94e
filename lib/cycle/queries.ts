import type { HumanTask } from './model.ts';
import type { Ports } from './ports.ts';

/** A task as operators may see it: everything but the Step Functions token. */
export type TaskView = Omit<HumanTask, 'taskToken'>;

/** Strips the Step Functions token: the one way a task leaves the system (operator API, task JSON). */
export const taskView = ({ taskToken: _secret, ...t }: HumanTask): TaskView => t;

/** Tasks of one person (by email), newest first. */
export async function tasksOfPerson(ports: Ports, email: string): Promise<TaskView[]> {
  return (await ports.store.listTasksOf(email))
    .sort((a, b) => b.dibuat.localeCompare(a.dibuat))
    .map(taskView);
}

/** Tasks of one cycle, in SOP order. */
export async function tasksOfCycle(ports: Ports, agencyId: string, cycleId: string): Promise<TaskView[]> {
  return (await ports.store.listTasks(agencyId, cycleId))
    .sort((a, b) => a.taskId.localeCompare(b.taskId))
    .map(taskView);
}

/** Tasks of every cycle of one agency; `terbuka` keeps only the open ones. */
export async function tasksOfAgency(
  ports: Ports,
  agencyId: string,
  opts: { terbuka?: boolean } = {},
): Promise<TaskView[]> {
  const cycles = await ports.store.listCycles(agencyId);
  const all = (await Promise.all(cycles.map((c) => tasksOfCycle(ports, agencyId, c.cycleId)))).flat();
  return opts.terbuka ? all.filter((t) => t.status === 'terbuka') : all;
}

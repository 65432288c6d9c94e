import type { HumanTask } from './model.ts';
import type { Ports } from './ports.ts';

/** A task as operators and pages see it (the Step Functions token is not part of it: putTaskToken). */
export type TaskView = HumanTask;

/** A task as it leaves the system (operator API, task JSON, pages). */
export const taskView = (t: HumanTask): TaskView => t;

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

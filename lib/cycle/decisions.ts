import type { Keputusan } from './model.ts';
import type { Ports, TaskRef } from './ports.ts';

/**
 * Hands a recorded answer to the workflow, then marks it delivered. The answer was already written
 * (`diputuskan`) by a conditional update, so whatever happens here nothing is lost or doubled: when the
 * workflow call fails, the task stays `diputuskan` and the sweep (or the task's next opening, after a
 * resume) delivers it. Returns whether it was delivered now.
 */
export async function deliverDecision(
  ports: Ports,
  task: TaskRef,
  keputusan: Keputusan,
  taskToken?: string,
): Promise<boolean> {
  if (ports.resumesWorkflow === false) return false;
  try {
    // Read here, not carried by the task: only the functions that resume executions may read tokens.
    const token = taskToken ?? (await ports.store.getTaskToken(task));
    if (!token) return false;
    await ports.workflow.succeed(token, keputusan);
  } catch {
    return false;
  }
  await ports.store.markDelivered(task.agencyId, task.cycleId, task.taskId);
  return true;
}

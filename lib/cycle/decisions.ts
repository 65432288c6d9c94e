import type { HumanTask, Keputusan } from './model.ts';
import type { Ports } from './ports.ts';

/**
 * Hands a recorded answer to the workflow, then marks it delivered. The answer was already written
 * (`diputuskan`) by a conditional update, so whatever happens here nothing is lost or doubled: when the
 * workflow call fails, the task stays `diputuskan` and the sweep (or the task's next opening, after a
 * resume) delivers it. Returns whether it was delivered now.
 */
export async function deliverDecision(
  ports: Ports,
  task: Pick<HumanTask, 'agencyId' | 'cycleId' | 'taskId' | 'taskToken'>,
  keputusan: Keputusan,
  taskToken = task.taskToken,
): Promise<boolean> {
  try {
    await ports.workflow.succeed(taskToken, keputusan);
  } catch {
    return false;
  }
  await ports.store.markDelivered(task.agencyId, task.cycleId, task.taskId);
  return true;
}

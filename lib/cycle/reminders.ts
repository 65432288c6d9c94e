import { sebutanJabatan, superiorAt } from '../agency/offices.ts';
import type { PelaksanaTugas } from '../agency/schema.ts';
import { formatDurasi, workingMinutesBetween } from '../calendar/working-time.ts';
import { type Catalogue, calendarOf, sopNamaOf } from '../data/catalogue.ts';
import { escalationMail, overdueMail, reminderMail } from '../mail/messages.ts';
import { actingOf } from './acting.ts';
import { deliverDecision } from './decisions.ts';
import { issueLink } from './issue-link.ts';
import { renewExpiringLink } from './link-renewal.ts';
import type { Ports } from './ports.ts';

/** Share of the mutu baku left (in working time) at which the assignee gets one reminder. */
export const REMINDER_AT = 0.25;

export interface SweepResult {
  diperiksa: number;
  pengingat: number;
  eskalasi: number;
  /** Answers recorded but not yet taken by the workflow, handed over again. */
  diteruskan: number;
}

/**
 * Runs over every open task: one reminder when a quarter of the mutu baku is left, and once overdue a late
 * notice to the assignee plus an escalation to the superior. Each threshold is marked with a conditional
 * write before anything is sent, so concurrent or repeated sweeps never send it twice; finished tasks are
 * not in the index it reads. It also hands over any answer whose first hand-over to the workflow failed.
 */
export async function sweep(ports: Ports, cat: Catalogue): Promise<SweepResult> {
  const now = ports.clock.now();
  const result: SweepResult = { diperiksa: 0, pengingat: 0, eskalasi: 0, diteruskan: 0 };
  const running = new Map<string, Promise<boolean>>();
  const acting = new Map<string, Promise<PelaksanaTugas[]>>();
  const actingIn = (agencyId: string) => {
    if (!acting.has(agencyId)) acting.set(agencyId, actingOf(ports, agencyId));
    return acting.get(agencyId)!;
  };
  const isRunning = (agencyId: string, cycleId: string) => {
    const key = `${agencyId}/${cycleId}`;
    if (!running.has(key))
      running.set(
        key,
        ports.store.getCycle(agencyId, cycleId).then((c) => c?.status === 'berjalan'),
      );
    return running.get(key)!;
  };
  for (const task of await ports.store.listOpenTasks()) {
    const agency = cat.agencies.get(task.agencyId);
    // A stopped cycle reminds nobody until an operator resumes it.
    if (!agency || !(await isRunning(task.agencyId, task.cycleId))) continue;
    if (task.status === 'diputuskan' && task.keputusan) {
      if (await deliverDecision(ports, task, task.keputusan)) result.diteruskan++;
      continue;
    }
    if (task.status !== 'terbuka') continue;
    result.diperiksa++;
    await renewExpiringLink(ports, agency, task, now);
    const cal = calendarOf(cat, agency);
    const due = new Date(task.tenggat);
    const at = now.toISOString();
    if (now.getTime() < due.getTime()) {
      const total = workingMinutesBetween(cal, new Date(task.dibuat), due);
      const left = workingMinutesBetween(cal, now, due);
      if (
        total > 0 &&
        left <= total * REMINDER_AT &&
        (await ports.store.markReminder(task.agencyId, task.cycleId, task.taskId, 'pengingat', at))
      ) {
        await ports.mailer.send(reminderMail(agency, task, await issueLink(ports, task), formatDurasi(left)));
        result.pengingat++;
      }
      continue;
    }
    if (await ports.store.markReminder(task.agencyId, task.cycleId, task.taskId, 'terlambat', at)) {
      const late = formatDurasi(workingMinutesBetween(cal, due, now));
      await ports.mailer.send(overdueMail(agency, task, await issueLink(ports, task), late));
      const atasan = superiorAt(agency, task.jabatan, task.unit, now, await actingIn(task.agencyId));
      const cycle = await ports.store.getCycle(task.agencyId, task.cycleId);
      if (atasan && cycle)
        await ports.mailer.send(
          escalationMail(
            agency,
            task,
            { ...atasan.orang, jabatan: sebutanJabatan(atasan) },
            late,
            sopNamaOf(cat, cycle),
          ),
        );
      result.eskalasi++;
    }
  }
  return result;
}

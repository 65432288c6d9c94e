import type { Agency } from '../agency/schema.ts';
import { cycleCompletedMail } from '../mail/messages.ts';
import { issueViewLink } from './access-links.ts';
import type { SiklusRef } from './model.ts';
import type { Ports } from './ports.ts';

/**
 * The completion notice: one mail per recipient, each with their own timeline link (a guessable
 * /siklus/<agency>/<cycle> address would show the cycle to anyone; a link opens it for one person).
 */
export async function mailCycleCompleted(
  ports: Ports,
  agency: Agency,
  to: string[],
  s: SiklusRef,
  sopNama: string,
  ringkasan: string,
): Promise<void> {
  for (const email of to) {
    const url = await issueViewLink(ports, s, email);
    await ports.mailer.send(cycleCompletedMail(agency, [email], sopNama, s.tahun, ringkasan, url));
  }
}

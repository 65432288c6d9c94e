import type { Agency } from '../agency/schema.ts';
import type { Catalogue } from '../data/catalogue.ts';
import { delegationMail, delegationReceiptMail } from '../mail/delegation-mail.ts';
import { person } from './context.ts';
import { issueLink } from './issue-link.ts';
import type { Delegasi, HumanTask, Person } from './model.ts';
import { LINK_MESSAGES, taskByLink } from './people.ts';
import type { Ports } from './ports.ts';

/**
 * A person hands an open task to someone else in the agency, with a reason (a busy Kepala to the
 * Sekretaris). The delegate gets the task and a link by mail; the delegator's links keep a read-only
 * view; the task (and, once answered, the step record through `keputusan.atasNama`) shows both.
 */

/** Everyone in the agency a task may go to: its officials and every unit's, by email, once each. */
export function agencyPeople(agency: Agency): Person[] {
  const all = [...Object.values(agency.pejabat), ...agency.unit.flatMap((u) => Object.values(u.pejabat))].map(
    person,
  );
  return [...new Map(all.map((p) => [p.email.toLowerCase(), p])).values()];
}

export type DelegationOutcome = { ok: true; delegasi: Delegasi } | { ok: false; pesan: string };

export async function delegateTask(
  ports: Ports,
  cat: Catalogue,
  linkId: string,
  input: { kepada: string; alasan?: string },
): Promise<DelegationOutcome> {
  const found = await taskByLink(ports, cat, linkId);
  if (!found.ok) return { ok: false, pesan: LINK_MESSAGES[found.alasan] };
  if (found.hanyaLihat)
    return {
      ok: false,
      pesan: 'Tugas ini sudah Anda alihkan; hanya penerima pengalihan yang dapat bertindak.',
    };
  const { task, ctx } = found;
  if (task.status !== 'terbuka')
    return { ok: false, pesan: 'Tugas ini sudah diproses; tidak dapat dialihkan lagi.' };
  const alasan = (input.alasan ?? '').trim().slice(0, 1000);
  if (!alasan)
    return { ok: false, pesan: 'Alasan pengalihan wajib diisi, misalnya "sedang dinas luar sampai Jumat".' };
  const email = input.kepada.trim().toLowerCase();
  if (email === task.assignee.email.toLowerCase())
    return { ok: false, pesan: 'Tugas tidak dapat dialihkan kepada diri sendiri; pilih pejabat lain.' };
  const kepada = agencyPeople(ctx.agency).find((p) => p.email.toLowerCase() === email);
  if (!kepada)
    return {
      ok: false,
      pesan: `Penerima '${input.kepada.slice(0, 80)}' bukan pejabat ${ctx.agency.nama}; tugas hanya dapat dialihkan kepada pejabat di instansi ini.`,
    };
  const delegasi: Delegasi = { dari: task.assignee, kepada, alasan, waktu: ports.clock.now().toISOString() };
  const won = await ports.store.delegateTask(
    task.agencyId,
    task.cycleId,
    task.taskId,
    task.assignee.email,
    delegasi,
  );
  if (!won) return { ok: false, pesan: 'Tugas ini baru saja diproses atau dialihkan; muat ulang halaman.' };
  const moved: HumanTask = { ...task, assignee: kepada, delegasi: [...(task.delegasi ?? []), delegasi] };
  // Once per hand-over, even if this call is retried after the write.
  if (
    await ports.store.markOnce(
      task.agencyId,
      task.cycleId,
      `delegasi/${task.taskId}/${moved.delegasi!.length}`,
    )
  ) {
    await ports.mailer.send(
      delegationMail(ctx.agency, moved, delegasi, await issueLink(ports, moved), ctx.sop.identitas.nama),
    );
    await ports.mailer.send(delegationReceiptMail(ctx.agency, moved, delegasi, ctx.sop.identitas.nama));
  }
  return { ok: true, delegasi };
}

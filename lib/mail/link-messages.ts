import type { Agency } from '../agency/schema.ts';
import { tanggalJam } from '../format/indonesia.ts';
import { esc } from '../html.ts';
import type { Mail, MailTask } from './mail.ts';
import { layout, taskNotice } from './messages.ts';

/** Mails that carry a fresh link so that a person can always act: renewed, or sent again on request. */

/** The sweep's notice before a task's newest link expires: the task is still open, here is a new link. */
export function linkRenewedMail(
  agency: Agency,
  task: MailTask,
  link: string,
  lama: string,
  baru: string,
): Mail {
  const z = agency.zona_waktu;
  const [until, next] = [tanggalJam(new Date(lama), z), tanggalJam(new Date(baru), z)];
  const said = (k: string) =>
    `Tugas langkah ${task.no} (${k}) masih terbuka. Tautan yang dikirim sebelumnya berlaku sampai ${until}; gunakan tautan baru ini, yang berlaku sampai ${next}.`;
  return taskNotice(task, link, `[${agency.singkatan}] Tautan baru untuk langkah ${task.no}`, {
    text: said(task.kegiatan),
    html: said(`<b>${esc(task.kegiatan)}</b>`),
  });
}

const NOT_YOU =
  'Bila Anda tidak memintanya, abaikan email ini: tautan ini hanya dikirim ke alamat Anda, dan tautan lain tidak berubah.';

/** Asked for on an expired or unknown link's page ("kirim ulang tautan"); mailed to the assignee on file. */
export function linkResentMail(agency: Agency, task: MailTask, link: string, baru: string): Mail {
  const next = tanggalJam(new Date(baru), agency.zona_waktu);
  const said = (k: string) =>
    `Tautan baru untuk tugas langkah ${task.no} (${k}) diminta melalui halaman tautan yang sudah tidak berlaku. Tautan ini berlaku sampai ${next}. ${NOT_YOU}`;
  return taskNotice(task, link, `[${agency.singkatan}] Tautan baru untuk langkah ${task.no}`, {
    text: said(task.kegiatan),
    html: said(`<b>${esc(task.kegiatan)}</b>`),
  });
}

/** A fresh timeline link for someone who got the completion mail (asked for on the expired link's page). */
export function viewLinkResentMail(
  agency: Agency,
  to: { nama: string; email: string },
  sopNama: string,
  tahun: number,
  link: string,
): Mail {
  const subject = `[${agency.singkatan}] Tautan baru lini masa: ${sopNama} tahun ${tahun}`;
  const what = `Berikut tautan baru untuk melihat lini masa SOP "${sopNama}" tahun ${tahun}.`;
  const text = [`Yth. ${to.nama},`, '', what, NOT_YOU, '', `Lini masa: ${link}`].join('\n');
  const html = layout(subject, [`Yth. ${esc(to.nama)},`, esc(what), esc(NOT_YOU)], {
    href: link,
    label: 'Lihat lini masa',
  });
  return { to: [to.email], subject, text, html };
}

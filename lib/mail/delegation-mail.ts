import type { Agency } from '../agency/schema.ts';
import { tanggalJam } from '../format/indonesia.ts';
import { esc } from '../html.ts';
import { judulLangkah } from '../sop/judul.ts';
import type { Mail, MailTask } from './mail.ts';
import { layout } from './messages.ts';

/** The delegate's mail: who handed them which task, why, by when, and their own link. */
export function delegationMail(
  agency: Agency,
  task: MailTask,
  d: { dari: { nama: string; jabatan: string }; alasan: string },
  link: string,
  sopNama: string,
): Mail {
  const due = tanggalJam(new Date(task.tenggat), agency.zona_waktu);
  const subject = `[${agency.singkatan}] Tugas dialihkan kepada Anda: langkah ${task.no} ${judulLangkah({ kegiatan: task.kegiatan }, 60)}`;
  const greeting = `Yth. ${task.assignee.nama} (${task.assignee.jabatan}),`;
  const said = `${d.dari.nama} (${d.dari.jabatan}) mengalihkan tugas langkah ${task.no} (${task.kegiatan}) dalam ${sopNama} kepada Anda, dengan alasan: "${d.alasan}". Batas waktu: ${due}.`;
  const text = [greeting, '', said, '', `Buka tugas: ${link}`].join('\n');
  const html = layout(subject, [esc(greeting), esc(said)], { href: link, label: 'Buka tugas' });
  return { to: [task.assignee.email], subject, text, html };
}

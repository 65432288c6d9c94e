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

/**
 * The delegator's receipt: the hand-over is on record, to whom and why; their own link now shows the task
 * read-only (no new link: nothing here for them to act on).
 */
export function delegationReceiptMail(
  agency: Agency,
  task: MailTask,
  d: { dari: { nama: string; jabatan: string; email: string }; alasan: string; waktu: string },
  sopNama: string,
): Mail {
  const kepada = task.assignee;
  const subject = `[${agency.singkatan}] Tugas sudah dialihkan: langkah ${task.no} kepada ${kepada.jabatan}`;
  const greeting = `Yth. ${d.dari.nama} (${d.dari.jabatan}),`;
  const said = `Tugas langkah ${task.no} (${task.kegiatan}) dalam ${sopNama} sudah Anda alihkan kepada ${kepada.nama} (${kepada.jabatan}) pada ${tanggalJam(new Date(d.waktu), agency.zona_waktu)}, dengan alasan: "${d.alasan}".`;
  const then = `Tautan yang Anda terima sebelumnya tetap dapat dibuka untuk melihat perkembangan tugas ini (hanya baca). Bila pengalihan ini keliru, hubungi ${kepada.nama} atau pengelola laporan kinerja.`;
  const text = [greeting, '', said, '', then].join('\n');
  const html = layout(subject, [esc(greeting), esc(said), esc(then)]);
  return { to: [d.dari.email], subject, text, html };
}

import type { Agency } from '../agency/schema.ts';
import { tanggalJam } from '../format/indonesia.ts';
import { esc } from '../html.ts';
import { judulLangkah } from '../sop/judul.ts';
import { TIDAK_DITENTUKAN } from '../sop/waktu.ts';
import type { MasalahBerkas } from '../workbook/errors.ts';
import { formatMasalah } from '../workbook/errors.ts';
import type { Mail, MailTask } from './mail.ts';

/** Every email the system sends, in Bahasa Indonesia, as plain text and HTML. */

/**
 * A text from the SOP file closed with a full stop, unless it already ends a sentence: SOP cells are
 * written either way ("… Tahunan." or "… Tahunan"), and the mail must not print "Tahunan..".
 */
export function kalimat(text: string, wrap: (t: string) => string = (t) => t): string {
  const t = text.trimEnd();
  return /[.!?…]$/.test(t) ? wrap(t) : `${wrap(t)}.`;
}

export function layout(
  title: string,
  paragraphs: string[],
  action?: { href: string; label: string },
): string {
  const body = paragraphs.map((x) => `<p>${x}</p>`).join('\n');
  const button = action
    ? `<p><a href="${esc(action.href)}" style="display:inline-block;padding:10px 16px;background:#1f4e79;color:#fff;text-decoration:none;border-radius:4px">${esc(action.label)}</a></p>`
    : '';
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body style="font-family:Arial,sans-serif;font-size:15px;line-height:1.5;color:#222;max-width:640px">${body}${button}<p style="color:#666;font-size:12px">Pesan ini dikirim otomatis oleh lakip-flow. Tautan hanya berlaku untuk Anda; jangan diteruskan.</p></body></html>`;
}

const ACTION: Record<MailTask['jenisTugas'], string> = {
  otomatis: 'Lihat tugas',
  konfirmasi: 'Buka dan konfirmasi',
  unggah: 'Unggah data',
  keputusan: 'Periksa dan putuskan',
};

/** Whose time the deadline is: the SOP's mutu baku, or the agency's working time when the SOP sets none. */
function dasarBatas(task: MailTask): string {
  return task.waktu?.startsWith(TIDAK_DITENTUKAN)
    ? 'mutu baku tidak ditentukan; batas kerja ketetapan instansi'
    : 'mutu baku';
}

export function assignmentMail(agency: Agency, task: MailTask, link: string, sopNama: string): Mail {
  const z = agency.zona_waktu;
  const due = tanggalJam(new Date(task.tenggat), z);
  const dasar = dasarBatas(task);
  const subject = `[${agency.singkatan}] Tugas langkah ${task.no}: ${judulLangkah({ kegiatan: task.kegiatan }, 70)} — batas ${due}`;
  const what =
    task.jenisTugas === 'unggah'
      ? 'Unduh format pengumpulan data dari halaman tugas, isi, lalu unggah kembali.'
      : task.jenisTugas === 'keputusan'
        ? 'Periksa dokumen pada halaman tugas, lalu setujui atau kembalikan dengan catatan.'
        : 'Periksa hasil langkah ini pada halaman tugas, lalu konfirmasi bila sudah sesuai.';
  // Another pass after a return: say so first, the notes are on the page.
  const lagi =
    (task.putaran ?? 1) > 1
      ? `Ini putaran ke-${task.putaran}: dokumen sebelumnya dikembalikan dengan catatan, yang dapat dibaca pada halaman tugas.`
      : '';
  const text = [
    `Yth. ${task.assignee.nama} (${task.assignee.jabatan}),`,
    '',
    `Sesuai SOP "${sopNama}", Anda mendapat tugas langkah ${task.no}: ${kalimat(task.kegiatan)}`,
    ...(lagi ? [lagi] : []),
    `Kelengkapan: ${kalimat(task.kelengkapan)} Output: ${kalimat(task.output)}`,
    `Batas waktu (${dasar}): ${due}.`,
    what,
    '',
    `Buka tugas: ${link}`,
    '',
    'Tautan ini hanya untuk Anda; jangan diteruskan.',
  ].join('\n');
  const html = layout(
    subject,
    [
      `Yth. ${esc(task.assignee.nama)} (${esc(task.assignee.jabatan)}),`,
      `Sesuai SOP <b>${esc(sopNama)}</b>, Anda mendapat tugas langkah ${task.no}: ${kalimat(task.kegiatan, (t) => `<b>${esc(t)}</b>`)}`,
      ...(lagi ? [`<b>${esc(lagi)}</b>`] : []),
      `Kelengkapan: ${kalimat(task.kelengkapan, esc)}<br>Output: ${kalimat(task.output, esc)}<br>Batas waktu (${esc(dasar)}): <b>${esc(due)}</b>.`,
      esc(what),
    ],
    { href: link, label: ACTION[task.jenisTugas] },
  );
  return { to: [task.assignee.email], subject, text, html };
}

export function uploadRejectedMail(
  agency: Agency,
  task: MailTask,
  link: string | undefined,
  namaBerkas: string,
  masalah: MasalahBerkas[],
): Mail {
  const subject = `[${agency.singkatan}] Unggahan ditolak: ${namaBerkas.slice(0, 60)}`;
  const lines = masalah.map(formatMasalah);
  const next = link
    ? 'Perbaiki lalu unggah kembali melalui tautan di bawah. Unggahan yang sudah diterima sebelumnya tetap tersimpan.'
    : 'Tugas ini sudah selesai; data yang sudah diterima sebelumnya tetap dipakai.';
  const text = [
    `Yth. ${task.assignee.nama},`,
    '',
    `Berkas "${namaBerkas}" untuk langkah ${task.no} belum dapat diterima:`,
    ...lines.map((l) => `- ${l}`),
    '',
    next,
    ...(link ? [`Buka tugas: ${link}`] : []),
  ].join('\n');
  const html = layout(
    subject,
    [
      `Yth. ${esc(task.assignee.nama)},`,
      `Berkas <b>${esc(namaBerkas)}</b> untuk langkah ${task.no} belum dapat diterima:`,
      `<ul>${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`,
      esc(next),
    ],
    link ? { href: link, label: 'Unggah ulang' } : undefined,
  );
  return { to: [task.assignee.email], subject, text, html };
}

export function formatDistributedMail(
  agency: Agency,
  to: { nama: string; email: string },
  unitNama: string,
  sopNama: string,
  downloadUrl: string,
): Mail {
  const subject = `[${agency.singkatan}] Format pengumpulan data kinerja — ${unitNama}`;
  const text = [
    `Yth. ${to.nama},`,
    '',
    `Sesuai SOP "${sopNama}", terlampir tautan format pengumpulan data dan informasi kinerja untuk ${unitNama}.`,
    `Unduh format: ${downloadUrl}`,
    'Tautan untuk mengunggah format yang sudah diisi akan dikirim dalam email tugas terpisah.',
  ].join('\n');
  const html = layout(
    subject,
    [
      `Yth. ${esc(to.nama)},`,
      `Sesuai SOP <b>${esc(sopNama)}</b>, berikut format pengumpulan data dan informasi kinerja untuk <b>${esc(unitNama)}</b>.`,
      'Tautan untuk mengunggah format yang sudah diisi akan dikirim dalam email tugas terpisah.',
    ],
    { href: downloadUrl, label: 'Unduh format' },
  );
  return { to: [to.email], subject, text, html };
}

export function cycleCompletedMail(
  agency: Agency,
  to: string[],
  sopNama: string,
  tahun: number,
  ringkasan: string,
  timelineUrl: string,
): Mail {
  const subject = `[${agency.singkatan}] Selesai: ${sopNama} tahun ${tahun}`;
  const text = [
    `Seluruh langkah SOP "${sopNama}" tahun ${tahun} telah selesai.`,
    ringkasan,
    '',
    `Lini masa: ${timelineUrl}`,
  ].join('\n');
  const html = layout(
    subject,
    [`Seluruh langkah SOP <b>${esc(sopNama)}</b> tahun ${tahun} telah selesai.`, esc(ringkasan)],
    { href: timelineUrl, label: 'Lihat lini masa' },
  );
  return { to, subject, text, html };
}

/** A notice to the assignee about their open task, with a fresh link. */
export function taskNotice(
  task: MailTask,
  link: string,
  subject: string,
  sentence: { text: string; html: string },
): Mail {
  const greeting = `Yth. ${task.assignee.nama} (${task.assignee.jabatan}),`;
  const text = [greeting, '', sentence.text, '', `Buka tugas: ${link}`].join('\n');
  const html = layout(subject, [esc(greeting), sentence.html], {
    href: link,
    label: ACTION[task.jenisTugas],
  });
  return { to: [task.assignee.email], subject, text, html };
}

export function reminderMail(agency: Agency, task: MailTask, link: string, sisa: string): Mail {
  const due = tanggalJam(new Date(task.tenggat), agency.zona_waktu);
  const said = (k: string, s: string, d: string) =>
    `Tugas langkah ${task.no} (${k}) belum selesai. Sisa waktu kerja menurut mutu baku: ${s} (batas ${d}).`;
  return taskNotice(task, link, `[${agency.singkatan}] Pengingat langkah ${task.no}: batas ${due}`, {
    text: said(task.kegiatan, sisa, due),
    html: said(`<b>${esc(task.kegiatan)}</b>`, `<b>${esc(sisa)}</b>`, esc(due)),
  });
}

export function overdueMail(agency: Agency, task: MailTask, link: string, terlambat: string): Mail {
  const due = tanggalJam(new Date(task.tenggat), agency.zona_waktu);
  const said = (k: string, d: string, t: string) =>
    `Tugas langkah ${task.no} (${k}) melewati mutu baku waktu sejak ${d} (terlambat ${t} waktu kerja). Atasan Anda telah diberi tahu.`;
  return taskNotice(task, link, `[${agency.singkatan}] Terlambat: langkah ${task.no} melewati batas ${due}`, {
    text: said(task.kegiatan, due, terlambat),
    html: said(`<b>${esc(task.kegiatan)}</b>`, esc(due), esc(terlambat)),
  });
}

export function escalationMail(
  agency: Agency,
  task: MailTask,
  atasan: { nama: string; jabatan: string; email: string },
  terlambat: string,
  sopNama: string,
): Mail {
  const due = tanggalJam(new Date(task.tenggat), agency.zona_waktu);
  const subject = `[${agency.singkatan}] Eskalasi: langkah ${task.no} oleh ${task.assignee.jabatan} terlambat ${terlambat}`;
  const text = [
    `Yth. ${atasan.nama} (${atasan.jabatan}),`,
    '',
    `Dalam SOP "${sopNama}", langkah ${task.no} (${task.kegiatan}) yang menjadi tugas ${task.assignee.nama} (${task.assignee.jabatan}) melewati mutu baku waktu sejak ${due}, terlambat ${terlambat} waktu kerja.`,
    'Mohon arahan agar langkah ini segera diselesaikan. Email ini untuk diketahui; tautan tugas hanya dikirim kepada pelaksananya.',
  ].join('\n');
  const html = layout(subject, [
    `Yth. ${esc(atasan.nama)} (${esc(atasan.jabatan)}),`,
    `Dalam SOP <b>${esc(sopNama)}</b>, langkah ${task.no} (<b>${esc(task.kegiatan)}</b>) yang menjadi tugas ${esc(task.assignee.nama)} (${esc(task.assignee.jabatan)}) melewati mutu baku waktu sejak ${esc(due)}, terlambat <b>${esc(terlambat)}</b> waktu kerja.`,
    'Mohon arahan agar langkah ini segera diselesaikan. Email ini untuk diketahui; tautan tugas hanya dikirim kepada pelaksananya.',
  ]);
  return { to: [atasan.email], subject, text, html };
}

/** To the person who prepared the document: returned with notes, or approved. */
export function decisionMail(
  agency: Agency,
  to: { nama: string; email: string },
  no: number,
  kegiatan: string,
  keputusan: { hasil: string; catatan: string; oleh: { nama: string; jabatan: string } },
  kembaliKe: number,
): Mail {
  const returned = keputusan.hasil === 'kembali';
  const subject = returned
    ? `[${agency.singkatan}] Dikembalikan dengan catatan: langkah ${no}`
    : `[${agency.singkatan}] Disetujui: langkah ${no}`;
  const what = returned
    ? `${keputusan.oleh.nama} (${keputusan.oleh.jabatan}) mengembalikan dokumen pada langkah ${no} (${kegiatan}) dengan catatan berikut. Langkah ${kembaliKe} dikerjakan ulang; tugasnya dikirim dalam email terpisah.`
    : `${keputusan.oleh.nama} (${keputusan.oleh.jabatan}) menyetujui dokumen pada langkah ${no} (${kegiatan}).`;
  const text = [
    `Yth. ${to.nama},`,
    '',
    what,
    ...(keputusan.catatan ? ['', `Catatan: ${keputusan.catatan}`] : []),
  ].join('\n');
  const html = layout(subject, [
    `Yth. ${esc(to.nama)},`,
    esc(what),
    ...(keputusan.catatan ? [`<b>Catatan:</b> ${esc(keputusan.catatan)}`] : []),
  ]);
  return { to: [to.email], subject, text, html };
}

/** To the report's pengelola and the agency's operator: a step failed and the cycle stopped. */
export function cycleStoppedMail(
  agency: Agency,
  to: string[],
  s: { sopNama: string; tahun: number; langkah: number; kegiatan: string; alasan: string; cycleId: string },
): Mail {
  const subject = `[${agency.singkatan}] Siklus terhenti di langkah ${s.langkah}: ${s.sopNama} ${s.tahun}`;
  const lines = [
    `Siklus "${s.sopNama}" tahun ${s.tahun} (${s.cycleId}) terhenti di langkah ${s.langkah} (${s.kegiatan}).`,
    `Penyebab: ${s.alasan}`,
    'Tidak ada data yang hilang: tugas yang terbuka dan tautannya tetap berlaku, jawaban yang masuk tetap dicatat.',
    `Setelah penyebabnya diperbaiki, operator melanjutkan siklus dari langkah ini dengan perintah: lakip siklus lanjutkan ${agency.id}/${s.cycleId}`,
  ];
  return { to, subject, text: lines.join('\n\n'), html: layout(subject, lines.map(esc)) };
}

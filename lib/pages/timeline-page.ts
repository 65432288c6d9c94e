import type { Agency } from '../agency/schema.ts';
import { formatDurasi } from '../calendar/working-time.ts';
import type { Cycle, HumanTask } from '../cycle/model.ts';
import type { TimelineRow } from '../cycle/timeline.ts';
import { tanggalJam } from '../format/indonesia.ts';
import { esc } from '../html.ts';
import { page } from './layout.ts';

const STATUS: Record<Cycle['status'], string> = {
  berjalan: 'berjalan',
  selesai: 'selesai',
  dihentikan: 'dihentikan',
  terhenti: 'terhenti',
};

/** Where the page's back link goes: the task (a string), or somewhere else with its own label. */
export type Back = string | { href: string; label: string };

function backLink(back: Back): string {
  const b = typeof back === 'string' ? { href: back, label: 'Kembali ke tugas' } : back;
  return `<p><a href="${esc(b.href)}">← ${esc(b.label)}</a></p>`;
}

/** Where and why a stopped cycle stopped, in plain words at the top of the page. */
function stopNotice(cycle: Cycle, agency: Agency): string {
  if (cycle.status !== 'terhenti' || !cycle.terhenti) return '';
  const t = cycle.terhenti;
  const units = t.unit?.length
    ? ` (${t.unit.map((u) => esc(agency.unit.find((x) => x.id === u)?.nama ?? u)).join(', ')})`
    : '';
  return `<div class="kartu peringatan"><p><b>Siklus terhenti di langkah ${t.langkah}${units}</b> sejak ${esc(
    tanggalJam(new Date(t.waktu), agency.zona_waktu),
  )}.</p><p>${esc(t.alasan)}</p><p class="kecil">Operator melanjutkan siklus dari langkah ini setelah penyebabnya diperbaiki; tautan tugas yang sudah dikirim tetap berlaku.</p></div>`;
}

/** The cycle timeline: every step with pelaksana, mutu baku, start, finish, working time taken, on time or late. */
export function timelinePage(
  agency: Agency,
  sopNama: string,
  cycle: Cycle,
  rows: TimelineRow[],
  back: Back,
): string {
  const z = agency.zona_waktu;
  const body = rows
    .map((r) => {
      const state = !r.selesai
        ? r.terlambat
          ? '<span class="tolak">terbuka, terlambat</span>'
          : 'terbuka'
        : r.tepatWaktu
          ? '<span class="ok">tepat waktu</span>'
          : '<span class="tolak">terlambat</span>';
      const note =
        r.keputusan?.hasil === 'kembali'
          ? `<br><span class="kecil">dikembalikan: ${esc(r.keputusan.catatan)}</span>`
          : '';
      return `<tr><td>${r.no}${r.putaran > 1 ? ` <span class="kecil">(putaran ${r.putaran})</span>` : ''}</td><td>${esc(r.kegiatan)}${r.unit !== '-' ? `<br><span class="kecil">${esc(agency.unit.find((u) => u.id === r.unit)?.nama ?? r.unit)}</span>` : ''}${note}</td><td>${esc(r.pelaksana)}${r.oleh ? `<br><span class="kecil">${esc(r.oleh.nama)}</span>` : ''}</td><td>${esc(r.waktu)}</td><td class="kecil">${esc(tanggalJam(new Date(r.mulai), z))}</td><td class="kecil">${r.selesai ? esc(tanggalJam(new Date(r.selesai), z)) : '-'}</td><td>${esc(formatDurasi(r.menitKerjaSekarang))}</td><td>${state}</td></tr>`;
    })
    .join('');
  const late = rows.filter((r) => r.terlambat).length;
  return page(
    'Lini masa siklus',
    `${backLink(back)}<div class="kartu"><p class="kecil">${esc(agency.nama)} ${esc(agency.pemerintah)}</p>
<h1>${esc(sopNama)} — ${cycle.tahun}${cycle.periode === 'tahunan' ? '' : ` ${esc(cycle.periode)}`}</h1>
<p>Status: <b>${STATUS[cycle.status]}</b> · dimulai ${esc(tanggalJam(new Date(cycle.dimulai), z))}${cycle.selesai ? ` · selesai ${esc(tanggalJam(new Date(cycle.selesai), z))}` : ''} · ${rows.length} catatan langkah, ${late} melewati mutu baku</p></div>${stopNotice(cycle, agency)}
<div class="kartu gulir"><table><tr><th>No</th><th>Kegiatan</th><th>Pelaksana</th><th>Mutu baku</th><th>Mulai</th><th>Selesai</th><th>Waktu kerja</th><th>Status</th></tr>${body}</table></div>`,
  );
}

/** An agency's cycles at a glance: status, progress, late steps and who holds the open tasks. */
export function agencyPage(
  agency: Agency,
  cycles: { cycle: Cycle; sopNama: string; rows: TimelineRow[]; open: HumanTask[] }[],
  back: Back,
): string {
  const z = agency.zona_waktu;
  const body = cycles
    .sort((a, b) => b.cycle.dimulai.localeCompare(a.cycle.dimulai))
    .map(({ cycle, sopNama, rows, open }) => {
      const late = rows.filter((r) => r.terlambat).length;
      const who = open.map((t) => `${esc(t.assignee.nama)} (langkah ${t.no})`).join('<br>') || '-';
      return `<tr><td>${esc(sopNama)}<br><span class="kecil">${esc(cycle.cycleId)}</span></td><td>${cycle.tahun}${cycle.periode === 'tahunan' ? '' : ` ${esc(cycle.periode)}`}</td><td>${cycle.status === 'terhenti' ? `<span class="tolak">terhenti di langkah ${cycle.terhenti?.langkah ?? '?'}</span>` : esc(STATUS[cycle.status])}</td><td class="kecil">${esc(tanggalJam(new Date(cycle.dimulai), z))}</td><td>${rows.length}</td><td>${late > 0 ? `<span class="tolak">${late}</span>` : '0'}</td><td class="kecil">${who}</td></tr>`;
    })
    .join('');
  return page(
    'Ikhtisar instansi',
    `${backLink(back)}<div class="kartu"><h1>${esc(agency.nama)} ${esc(agency.pemerintah)}</h1><p class="kecil">Semua siklus SOP kinerja instansi ini.</p></div>
<div class="kartu gulir"><table><tr><th>SOP</th><th>Periode</th><th>Status</th><th>Dimulai</th><th>Langkah</th><th>Terlambat</th><th>Menunggu</th></tr>${body}</table></div>`,
  );
}

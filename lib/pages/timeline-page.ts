import type { Agency } from '../agency/schema.ts';
import { formatDurasi } from '../calendar/working-time.ts';
import type { Cycle, HumanTask } from '../cycle/model.ts';
import type { CycleSummary, TimelineRow, TimelineStep } from '../cycle/timeline.ts';
import { tanggalPendek } from '../format/tanggal-pendek.ts';
import { esc } from '../html.ts';
import { namaSiklus } from '../sop/judul.ts';
import { cardTable } from './cards.ts';
import { kopOf, page } from './layout.ts';

const STATUS: Record<Cycle['status'], string> = {
  berjalan: 'berjalan',
  selesai: 'selesai',
  dihentikan: 'dihentikan',
  terhenti: 'terhenti',
};

/** Where the page's back link goes: the task (a string), or somewhere else with its own label. */
export type Back = string | { href: string; label: string };

/** A download link for a stored file, when the page has one (signed by the caller). */
export type LinkOf = (key: string) => string | undefined;

function backLink(back: Back): string {
  const b = typeof back === 'string' ? { href: back, label: 'Kembali ke tugas' } : back;
  return `<nav><a href="${esc(b.href)}">← ${esc(b.label)}</a></nav>`;
}

/** Where and why a stopped cycle stopped, in plain words at the top of the page. */
function stopNotice(cycle: Cycle, agency: Agency): string {
  if (cycle.status !== 'terhenti' || !cycle.terhenti) return '';
  const t = cycle.terhenti;
  const units = t.unit?.length
    ? ` (${t.unit.map((u) => esc(agency.unit.find((x) => x.id === u)?.nama ?? u)).join(', ')})`
    : '';
  return `<div class="kartu peringatan"><p><b>Siklus terhenti di langkah ${t.langkah}${units}</b> sejak ${esc(
    tanggalPendek(new Date(t.waktu), agency.zona_waktu),
  )}.</p><p>${esc(t.alasan)}</p><p class="kecil">Operator melanjutkan siklus dari langkah ini setelah penyebabnya diperbaiki; tautan tugas yang sudah dikirim tetap berlaku.</p></div>`;
}

type Badge = 'selesai' | 'terbuka' | 'terlambat' | 'belum';
const BADGE_TEXT: Record<Badge, string> = {
  selesai: 'selesai',
  terbuka: 'terbuka',
  terlambat: 'terlambat',
  belum: 'belum dimulai',
};
const badge = (b: Badge) => `<span class="lencana ${b === 'belum' ? '' : b}">${BADGE_TEXT[b]}</span>`;

function rowBadge(r: TimelineRow): Badge {
  if (!r.selesai) return r.terlambat ? 'terlambat' : 'terbuka';
  return r.tepatWaktu === false ? 'terlambat' : 'selesai';
}

/** The latest pass of each scope (unit) of a step. */
function latestPerUnit(rows: TimelineRow[]): TimelineRow[] {
  const m = new Map<string, TimelineRow>();
  for (const r of rows) if ((m.get(r.unit)?.putaran ?? 0) <= r.putaran) m.set(r.unit, r);
  return [...m.values()];
}

/** Who acted, as the agency spells the office; with the hand-over when the task was delegated. */
const who = (r: TimelineRow) => {
  const base = r.pelaku ? `${esc(r.pelaku.jabatan)} · ${esc(r.pelaku.nama)}` : esc(r.pelaksana);
  const d = r.delegasi?.at(-1);
  const first = r.delegasi?.[0];
  return d && first
    ? `${base} <span class="kecil">(dialihkan dari ${esc(first.dari.nama)}, ${esc(first.dari.jabatan)}: <q>${esc(d.alasan)}</q>)</span>`
    : base;
};

function files(r: TimelineRow, linkOf: LinkOf): string {
  const list = r.berkas
    .map((b) => ({ b, url: linkOf(b.key) }))
    .filter((x) => x.url)
    .map((x) => `<a href="${esc(x.url)}">${esc(x.b.label)}</a>`);
  return list.length ? `<p class="kecil">Berkas: ${list.join(' · ')}</p>` : '';
}

function times(r: TimelineRow, z: Agency['zona_waktu']): string {
  return `mulai ${esc(tanggalPendek(new Date(r.mulai), z))}${r.selesai ? ` · selesai ${esc(tanggalPendek(new Date(r.selesai), z))}` : ` · batas ${esc(tanggalPendek(new Date(r.tenggat), z))}`} · ${esc(formatDurasi(r.menitKerjaSekarang))} kerja (mutu baku ${esc(r.waktu)})`;
}

/**
 * A row's own decision: a review's return or approval, by whom, with its note; a confirmation only when
 * it carries a note. `putaran` labels it when the step ran more than once, so a round-1 return is never
 * read as the outcome of the round that approved it.
 */
function note(r: TimelineRow, putaran = false): string {
  const k = r.keputusan;
  if (!k) return '';
  const nama = esc(k.oleh?.nama ?? r.pelaku?.nama ?? '');
  const catatan = k.catatan.trim() ? `: <q>${esc(k.catatan.trim())}</q>` : '';
  const what =
    k.hasil === 'kembali'
      ? `dikembalikan oleh ${nama}${catatan}`
      : k.hasil === 'setuju'
        ? `disetujui oleh ${nama}${catatan}`
        : catatan
          ? `dikonfirmasi oleh ${nama}${catatan}`
          : '';
  if (!what) return '';
  const text = putaran ? `Putaran ${r.putaran} — ${what}` : `${what[0]!.toUpperCase()}${what.slice(1)}`;
  return `<p class="kecil">${text}</p>`;
}

/** One SOP step in the list: its badge, who, when, its documents; per-unit steps with their progress. */
function stepItem(
  s: TimelineStep,
  rows: TimelineRow[],
  agency: Agency,
  linkOf: LinkOf,
  perubahan = '',
): string {
  const z = agency.zona_waktu;
  const mine = rows.filter((r) => r.no === s.no);
  const title = `<b>${s.no}. ${esc(s.judul)}</b>`;
  if (mine.length === 0) return `<li>${badge('belum')} ${title}</li>`;
  if (!s.perUnit) {
    const last = mine.reduce((a, b) => (b.putaran >= a.putaran ? b : a));
    // Every pass with its own decision, oldest first, each labelled with its round.
    const decisions = [...mine]
      .sort((a, b) => a.putaran - b.putaran)
      .map((r) => note(r, mine.length > 1))
      .join('');
    return `<li>${badge(rowBadge(last))} ${title}${last.putaran > 1 ? ` <span class="kecil">(putaran ${last.putaran})</span>` : ''}
<p class="kecil">${who(last)} · ${times(last, z)}</p>${decisions}${files({ ...last, berkas: [...new Map(mine.flatMap((r) => r.berkas).map((b) => [b.key, b])).values()] }, linkOf)}${perubahan}</li>`;
  }
  const units = latestPerUnit(mine);
  const done = units.filter((r) => r.selesai).length;
  const all = Math.max(units.length, agency.unit.length);
  const state: Badge =
    done === all
      ? units.some((r) => r.tepatWaktu === false)
        ? 'terlambat'
        : 'selesai'
      : units.some((r) => r.terlambat)
        ? 'terlambat'
        : 'terbuka';
  const verb = s.tugas === 'unggah' ? 'sudah mengirim' : 'sudah selesai';
  const table = cardTable(
    [{ label: 'Unit' }, { label: 'Pelaksana' }, { label: 'Status' }, { label: 'Waktu' }],
    units.map((r) => [
      `${esc(agency.unit.find((u) => u.id === r.unit)?.nama ?? r.unit)}${r.putaran > 1 ? ` <span class="kecil">(putaran ${r.putaran})</span>` : ''}`,
      who(r),
      `${badge(rowBadge(r))}${note(r)}`,
      `<span class="kecil">${times(r, z)}</span>${files(r, linkOf)}`,
    ]),
  );
  return `<li>${badge(state)} ${title}
<p>${done} dari ${all} unit ${verb}</p><progress max="${all}" value="${done}" aria-label="${done} dari ${all} unit ${verb}">${done}/${all}</progress>${table}</li>`;
}

/** Steps finished (every scope of the latest pass) out of the SOP's steps. */
export function progressOf(langkah: TimelineStep[], rows: TimelineRow[]): { selesai: number; semua: number } {
  const done = langkah.filter((s) => {
    const mine = latestPerUnit(rows.filter((r) => r.no === s.no));
    return mine.length > 0 && mine.every((r) => r.selesai);
  }).length;
  return { selesai: done, semua: langkah.length };
}

/** The cycle timeline: every SOP step with its badge, who acts, when, documents and per-unit progress. */
export function timelinePage(
  agency: Agency,
  sopNama: string,
  cycle: Cycle,
  rows: TimelineRow[],
  back: Back,
  opts: { langkah?: TimelineStep[]; linkOf?: LinkOf; bagan?: string; perubahan?: Map<number, string> } = {},
): string {
  const z = agency.zona_waktu;
  const langkah =
    opts.langkah ??
    [...new Map(rows.map((r) => [r.no, r])).values()].map((r) => ({
      no: r.no,
      judul: r.judul ?? r.kegiatan,
      jenis: r.jenis,
      tugas: r.tugas,
      perUnit: r.unit !== '-',
    }));
  const linkOf = opts.linkOf ?? (() => undefined);
  const late = rows.filter((r) => r.terlambat).length;
  const p = progressOf(langkah, rows);
  const nama = namaSiklus(sopNama, cycle.tahun, cycle.periode);
  return page(
    `Lini masa ${nama}`,
    `${backLink(back)}<div class="kartu"><p class="kecil">${esc(sopNama)}</p>
<h1>Lini masa ${esc(nama)}</h1>
<p>Status: <b>${STATUS[cycle.status]}</b> · dimulai ${esc(tanggalPendek(new Date(cycle.dimulai), z))}${cycle.selesai ? ` · selesai ${esc(tanggalPendek(new Date(cycle.selesai), z))}` : ''}</p>
<p>${p.selesai} dari ${p.semua} langkah selesai${late ? ` · <span class="tolak">${late} melewati mutu baku</span>` : ''}</p>
<progress max="${p.semua}" value="${p.selesai}" aria-label="${p.selesai} dari ${p.semua} langkah selesai">${p.selesai}/${p.semua}</progress></div>${stopNotice(cycle, agency)}
<div class="slot-bagan" id="bagan-alur">${opts.bagan ? `<details class="kartu bagan" open><summary>Bagan alir SOP dengan keadaan siklus ini</summary><div class="gulir" tabindex="0" role="region" aria-label="Bagan alir SOP, dapat digeser">${opts.bagan}</div></details>` : ''}</div>
<div class="kartu"><h2>Langkah</h2><ol class="langkah">${langkah.map((s) => stepItem(s, rows, agency, linkOf, opts.perubahan?.get(s.no))).join('')}</ol></div>`,
    undefined,
    kopOf(agency),
  );
}

/** Who holds the open tasks: "Rahmat Hidayat (Sekretaris), langkah 7, batas 24 Nov, 15.00 WITA". */
function waiting(open: HumanTask[], agency: Agency): string {
  if (!open.length) return '';
  return `<p>Menunggu:</p><ul>${open
    .map(
      (t) =>
        `<li>${esc(t.assignee.nama)} (${esc(t.assignee.jabatan)}), langkah ${t.no}${t.unit !== '-' ? ` · ${esc(agency.unit.find((u) => u.id === t.unit)?.nama ?? t.unit)}` : ''} · batas ${esc(tanggalPendek(new Date(t.tenggat), agency.zona_waktu))}</li>`,
    )
    .join('')}</ul>`;
}

/** An agency's cycles at a glance, by name: status, progress, late steps, who is waiting, the timeline. */
export function agencyPage(
  agency: Agency,
  cycles: (Omit<CycleSummary, 'langkah'> & { langkah?: TimelineStep[]; lini?: string })[],
  back: Back,
): string {
  const z = agency.zona_waktu;
  const body = cycles
    .sort((a, b) => b.cycle.dimulai.localeCompare(a.cycle.dimulai))
    .map(({ cycle, sopNama, rows, open, langkah, lini }) => {
      const late = rows.filter((r) => r.terlambat).length;
      const p = langkah ? progressOf(langkah, rows) : undefined;
      const nama = namaSiklus(sopNama, cycle.tahun, cycle.periode);
      const status =
        cycle.status === 'terhenti'
          ? `<span class="tolak">terhenti di langkah ${cycle.terhenti?.langkah ?? '?'}</span>`
          : esc(STATUS[cycle.status]);
      return `<div class="kartu"><h2>${lini ? `<a href="${esc(lini)}">${esc(nama)}</a>` : esc(nama)}</h2>
<p class="kecil">${esc(sopNama)} · dimulai ${esc(tanggalPendek(new Date(cycle.dimulai), z))}</p>
<p>Status: <b>${status}</b>${p ? ` · ${p.selesai} dari ${p.semua} langkah selesai` : ''}${late ? ` · <span class="tolak">${late} terlambat</span>` : ''}</p>
${p ? `<progress max="${p.semua}" value="${p.selesai}" aria-label="${esc(nama)}: ${p.selesai} dari ${p.semua} langkah selesai">${p.selesai}/${p.semua}</progress>` : ''}
${waiting(open, agency)}${lini ? `<p><a href="${esc(lini)}">Lihat lini masa ${esc(nama)}</a></p>` : ''}</div>`;
    })
    .join('');
  return page(
    'Ikhtisar instansi',
    `${backLink(back)}<div class="kartu"><h1>Ikhtisar siklus</h1><p class="kecil">Semua siklus SOP kinerja ${esc(agency.nama)}.</p></div>${body || '<div class="kartu"><p>Belum ada siklus.</p></div>'}`,
    undefined,
    kopOf(agency),
  );
}

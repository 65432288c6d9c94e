import type { Agency } from '../agency/schema.ts';
import type { StepContext } from '../cycle/context.ts';
import { singkatanLaporan } from '../cycle/context.ts';
import { agencyPeople } from '../cycle/delegation.ts';
import type { Berkas, CycleViewLink, HumanTask, StepRecord, UploadRecord } from '../cycle/model.ts';
import type { Ports } from '../cycle/ports.ts';
import { type TaskView, taskView } from '../cycle/queries.ts';
import { reviewSummary } from '../cycle/review.ts';
import { acceptedRevision } from '../cycle/revisions.ts';
import { reviewLoopOf, reviewRounds } from '../cycle/rounds.ts';
import { nextAction, tombol } from '../cycle/steps/next-action.ts';
import { replacementOpen } from '../cycle/submissions.ts';
import { agencyOverview, type TimelineRow, timeline } from '../cycle/timeline.ts';
import { type Catalogue, sopNamaOf, sopOf } from '../data/catalogue.ts';
import { flowchartSvg, keadaanDariRiwayat } from '../documents/flowchart.ts';
import { hariTanggalJam } from '../format/tanggal-pendek.ts';
import { judulLangkah } from '../sop/judul.ts';
import { kopOf } from './layout.ts';
import { revisionSection } from './revision-section.ts';
import { roundsSection } from './rounds.ts';
import { signingViewOf } from './signing-page.ts';
import { analysisTables } from './tables.ts';
import { taskPage } from './task-page.ts';
import { agencyPage, type Back, timelinePage } from './timeline-page.ts';
import { versionChangeLine, versionChanges } from './version-changes.ts';

/**
 * What the pages behind a task link show, assembled from storage. Each takes a task already found by
 * its link (lib/cycle/people.ts taskByLink); the link id only builds the page's own addresses.
 */
export interface LinkedTask {
  task: HumanTask;
  ctx: StepContext;
  /** The link's person handed the task on (lib/cycle/delegation.ts). */
  hanyaLihat?: boolean;
}

/** The addresses of one link's pages (the routes in lib/http/public-routes.ts). */
export const linkPaths = (linkId: string) => ({
  tugas: `/t/${linkId}`,
  lini: `/t/${linkId}/lini-masa`,
  /** Another cycle of the same agency (from the overview). */
  siklus: (cycleId: string) => `/t/${linkId}/lini-masa/${cycleId}`,
  instansi: `/t/${linkId}/instansi`,
  unggahan: `/api/tugas/${linkId}/unggahan`,
  alihkan: `/t/${linkId}/alihkan`,
});

/** The task's files, each with a short-lived download link. */
export function signedFiles(ports: Ports, task: HumanTask): Promise<(Berkas & { url: string })[]> {
  return Promise.all(
    task.berkas.map(async (b) => ({
      ...b,
      url: await ports.blobs.downloadUrl(b.bucket, b.key, b.key.split('/').at(-1)!),
    })),
  );
}

/** The uploads made for this task (every pass), in storage order. */
export async function uploadsOf(ports: Ports, task: HumanTask): Promise<UploadRecord[]> {
  return (await ports.store.listUploads(task.agencyId, task.cycleId)).filter((u) => u.taskId === task.taskId);
}

/** The first sentence of a task's page: what its person does now, by when. */
export function taskAction(task: HumanTask, ctx: StepContext): string {
  return nextAction({
    jenis: ctx.step.jenis,
    tugas: task.jenisTugas,
    laporan: singkatanLaporan(ctx.sop),
    tahun: ctx.siklus.tahun,
    periode: ctx.siklus.periode,
    unit: ctx.unit?.nama,
    tenggat: hariTanggalJam(new Date(task.tenggat), ctx.agency.zona_waktu),
    putaran: task.putaran,
  });
}

/** The task page: what to do now, inputs to download, uploads newest first, the figures and rounds under review. */
export async function taskPageHtml(
  ports: Ports,
  { task, ctx, hanyaLihat }: LinkedTask,
  linkId: string,
  nonce: string,
) {
  const loop = reviewLoopOf(ctx.sop, task.no);
  const [files, uploads, summary, records, bisaGanti, revisi] = await Promise.all([
    signedFiles(ports, task),
    uploadsOf(ports, task),
    reviewSummary(ports, ctx),
    loop ? ports.store.listSteps(task.agencyId, task.cycleId) : Promise.resolve([]),
    task.status === 'terbuka' ? Promise.resolve(false) : replacementOpen(ports, task),
    revisionSection(ports, ctx, task, linkId),
  ]);
  const paths = linkPaths(linkId);
  const urls = new Map(files.map((f) => [f.key, f.url]));
  // Earlier versions in the rounds get their own download links.
  const roundLinks = loop ? await recordLinks(ports, records) : () => undefined;
  return taskPage(
    {
      task,
      zona: ctx.agency.zona_waktu,
      sopNama: ctx.sop.identitas.nama,
      agencyNama: `${ctx.agency.nama} ${ctx.agency.pemerintah}`,
      kop: kopOf(ctx.agency),
      aksi: taskAction(task, ctx),
      judul: judulLangkah(ctx.step),
      tombol: tombol(ctx.step.jenis),
      bisaGanti,
      unitNama: ctx.unit?.nama,
      downloads: [
        ...(await signedReportOf(ports, ctx, task)),
        ...files.map((f) => ({ label: f.label, url: f.url })),
      ],
      uploads: uploads.sort((a, b) => b.dibuat.localeCompare(a.dibuat)),
      action: paths.tugas,
      uploadEndpoint: paths.unggahan,
      ringkasan: summary ? analysisTables(summary.analisis, { title: summary.judul }) : undefined,
      putaran: loop
        ? roundsSection(
            reviewRounds(records, loop, task.unit),
            ctx.agency.zona_waktu,
            (k) => urls.get(k) ?? roundLinks(k),
          )
        : undefined,
      nav: { lini: paths.lini, instansi: paths.instansi },
      penandatanganan: signingViewOf(ctx, task, files, paths.tugas, await uploadedNaskah(ports, ctx, task)),
      revisi,
      hanyaLihat,
      alihkan: { action: paths.alihkan, orang: agencyPeople(ctx.agency) },
    },
    nonce,
  );
}

/** Once signed, the signing task's page offers the signed report itself (its QR code opens the check). */
async function signedReportOf(ports: Ports, ctx: StepContext, task: HumanTask) {
  if (ctx.step.jenis !== 'tanda-tangan' || task.status === 'terbuka') return [];
  const record = (await ports.store.listSteps(task.agencyId, task.cycleId)).find(
    (r) => r.no === task.no && r.unit === '-' && r.putaran === task.putaran,
  );
  const signed = record?.berkas.find((b) => b.jenis === 'laporan-final');
  if (!signed) return [];
  const url = await ports.blobs.downloadUrl(signed.bucket, signed.key, signed.key.split('/').at(-1)!);
  return [{ label: `${signed.label} — sudah ditandatangani`, url }];
}

/** At a signing step: the PDF the signer uploaded (exported from the approved Word file), to read and sign. */
async function uploadedNaskah(ports: Ports, ctx: StepContext, task: HumanTask) {
  if (ctx.step.jenis !== 'tanda-tangan') return undefined;
  const up = await acceptedRevision(ports, task, task.taskId);
  if (!up || !up.key.endsWith('.pdf')) return undefined;
  return { url: await ports.blobs.downloadUrl('kerja', up.key, up.namaBerkas), nama: up.namaBerkas };
}

/** The task as JSON: no token, files with download links, and its uploads. */
export async function taskJson(
  ports: Ports,
  task: HumanTask,
): Promise<TaskView & { berkas: (Berkas & { url: string })[]; unggahan: UploadRecord[] }> {
  const [berkas, unggahan] = await Promise.all([signedFiles(ports, task), uploadsOf(ports, task)]);
  return { ...taskView(task), berkas, unggahan };
}

/** Download links for the files of a cycle's records, each signed once (the timeline's documents). */
async function recordLinks(
  ports: Ports,
  rows: readonly StepRecord[],
): Promise<(key: string) => string | undefined> {
  const files = new Map(rows.flatMap((r) => r.berkas).map((b) => [b.key, b]));
  const urls = new Map(
    await Promise.all(
      [...files.values()].map(
        async (b) =>
          [b.key, await ports.blobs.downloadUrl(b.bucket, b.key, b.key.split('/').at(-1)!)] as const,
      ),
    ),
  );
  return (k) => urls.get(k);
}

/** Per draft step, a line for each later version saying what changed (lib/pages/version-changes.ts). */
async function draftChanges(ports: Ports, rows: TimelineRow[]): Promise<Map<number, string>> {
  const drafts = rows.filter((r) => r.jenis === 'susun-draf' && r.unit === '-');
  const out = new Map<number, string>();
  for (const no of new Set(drafts.map((r) => r.no))) {
    const passes = drafts.filter((r) => r.no === no).sort((a, b) => a.putaran - b.putaran);
    const lines = (await versionChanges(ports, passes)).map(
      (p) => `<p class="kecil">${versionChangeLine(p)}</p>`,
    );
    if (lines.length) out.set(no, lines.join(''));
  }
  return out;
}

/** A cycle's timeline page, or undefined when the agency has no such cycle. */
async function timelineHtml(
  ports: Ports,
  cat: Catalogue,
  agency: Agency,
  cycleId: string,
  back: Back,
): Promise<string | undefined> {
  const t = await timeline(ports, cat, agency.id, cycleId);
  if (!t) return undefined;
  // The SOP's own flowchart (the one its SOP sheet prints) with this cycle's state on every symbol.
  // Column headers as the agency file names its offices, as every other line of the page does (the
  // printed SOP sheet keeps the SOP's own wording).
  const sop = sopOf(cat, t.cycle);
  const pelaksana = sop.pelaksana.map((r) => {
    const office = r.lingkup === 'instansi' ? agency.pejabat[r.jabatan] : undefined;
    return office ? { ...r, nama: office.jabatan } : r;
  });
  const bagan = flowchartSvg(
    { ...sop, pelaksana },
    {
      keadaan: keadaanDariRiwayat(t.rows),
      agency,
    },
  );
  return timelinePage(agency, sopNamaOf(cat, t.cycle), t.cycle, t.rows, back, {
    langkah: t.langkah,
    linkOf: await recordLinks(ports, t.rows),
    bagan,
    perubahan: await draftChanges(ports, t.rows),
  });
}

/** The overview, each cycle linking to its own timeline through the same link. */
async function overviewHtml(ports: Ports, cat: Catalogue, agency: Agency, linkId: string, back: Back) {
  const cycles = await agencyOverview(ports, cat, agency.id);
  return agencyPage(
    agency,
    cycles.map((c) => ({ ...c, lini: linkPaths(linkId).siklus(c.cycle.cycleId) })),
    back,
  );
}

/** The timeline of the task's cycle, or of another cycle of the same agency. */
export function cycleTimelineHtml(
  ports: Ports,
  cat: Catalogue,
  { task, ctx }: LinkedTask,
  linkId: string,
  cycleId = task.cycleId,
): Promise<string | undefined> {
  return timelineHtml(ports, cat, ctx.agency, cycleId, linkPaths(linkId).tugas);
}

/** The overview of every cycle of the task's agency. */
export function agencyOverviewHtml(ports: Ports, cat: Catalogue, { ctx }: LinkedTask, linkId: string) {
  return overviewHtml(ports, cat, ctx.agency, linkId, linkPaths(linkId).tugas);
}

/**
 * The pages behind a timeline link (the completion mail's): the cycle's timeline and its agency's
 * overview, each pointing to the other; there is no task to go back to.
 */
export async function viewLinkHtml(
  ports: Ports,
  cat: Catalogue,
  link: CycleViewLink,
  linkId: string,
  which: 'lini' | 'instansi',
  cycleId = link.cycleId,
): Promise<string | undefined> {
  const paths = linkPaths(linkId);
  const agency = cat.agencies.get(link.agencyId)!;
  if (which === 'instansi')
    return overviewHtml(ports, cat, agency, linkId, { href: paths.lini, label: 'Lini masa siklus' });
  return timelineHtml(ports, cat, agency, cycleId, { href: paths.instansi, label: 'Ikhtisar instansi' });
}

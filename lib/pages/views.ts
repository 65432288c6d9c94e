import type { StepContext } from '../cycle/context.ts';
import type { Berkas, CycleViewLink, HumanTask, UploadRecord } from '../cycle/model.ts';
import type { Ports } from '../cycle/ports.ts';
import { type TaskView, taskView } from '../cycle/queries.ts';
import { reviewSummary } from '../cycle/review.ts';
import { agencyOverview, timeline } from '../cycle/timeline.ts';
import { type Catalogue, sopNamaOf } from '../data/catalogue.ts';
import { revisionSection } from './revision-section.ts';
import { signingViewOf } from './signing-page.ts';
import { analysisTables } from './tables.ts';
import { taskPage } from './task-page.ts';
import { agencyPage, timelinePage } from './timeline-page.ts';

/**
 * What the pages behind a task link show, assembled from storage. Each takes a task already found by
 * its link (lib/cycle/people.ts taskByLink); the link id only builds the page's own addresses.
 */
export interface LinkedTask {
  task: HumanTask;
  ctx: StepContext;
}

/** The addresses of one link's pages (the routes in lib/http/public-routes.ts). */
export const linkPaths = (linkId: string) => ({
  tugas: `/t/${linkId}`,
  lini: `/t/${linkId}/lini-masa`,
  instansi: `/t/${linkId}/instansi`,
  unggahan: `/api/tugas/${linkId}/unggahan`,
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

/** The task page: inputs to download, uploads newest first, and the figures under review. */
export async function taskPageHtml(ports: Ports, { task, ctx }: LinkedTask, linkId: string, nonce: string) {
  const [files, uploads, summary, revisi] = await Promise.all([
    signedFiles(ports, task),
    uploadsOf(ports, task),
    reviewSummary(ports, ctx),
    revisionSection(ports, ctx, task, linkId),
  ]);
  const paths = linkPaths(linkId);
  return taskPage(
    {
      task,
      zona: ctx.agency.zona_waktu,
      sopNama: ctx.sop.identitas.nama,
      agencyNama: `${ctx.agency.nama} ${ctx.agency.pemerintah}`,
      unitNama: ctx.unit?.nama,
      downloads: files.map((f) => ({ label: f.label, url: f.url })),
      uploads: uploads.sort((a, b) => b.dibuat.localeCompare(a.dibuat)),
      action: paths.tugas,
      uploadEndpoint: paths.unggahan,
      ringkasan: summary ? analysisTables(summary.analisis, { title: summary.judul }) : undefined,
      nav: { lini: paths.lini, instansi: paths.instansi },
      penandatanganan: signingViewOf(ctx, task, files, paths.tugas),
      revisi,
    },
    nonce,
  );
}

/** The task as JSON: no token, files with download links, and its uploads. */
export async function taskJson(
  ports: Ports,
  task: HumanTask,
): Promise<TaskView & { berkas: (Berkas & { url: string })[]; unggahan: UploadRecord[] }> {
  const [berkas, unggahan] = await Promise.all([signedFiles(ports, task), uploadsOf(ports, task)]);
  return { ...taskView(task), berkas, unggahan };
}

/** The timeline of the task's cycle. */
export async function cycleTimelineHtml(
  ports: Ports,
  cat: Catalogue,
  { task, ctx }: LinkedTask,
  linkId: string,
) {
  const t = (await timeline(ports, cat, task.agencyId, task.cycleId))!;
  return timelinePage(ctx.agency, ctx.sop.identitas.nama, t.cycle, t.rows, linkPaths(linkId).tugas);
}

/** The overview of every cycle of the task's agency. */
export async function agencyOverviewHtml(ports: Ports, cat: Catalogue, { ctx }: LinkedTask, linkId: string) {
  return agencyPage(ctx.agency, await agencyOverview(ports, cat, ctx.agency.id), linkPaths(linkId).tugas);
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
): Promise<string> {
  const paths = linkPaths(linkId);
  const agency = cat.agencies.get(link.agencyId)!;
  if (which === 'instansi')
    return agencyPage(agency, await agencyOverview(ports, cat, agency.id), {
      href: paths.lini,
      label: 'Lini masa siklus',
    });
  const t = (await timeline(ports, cat, link.agencyId, link.cycleId))!;
  const sopNama = sopNamaOf(cat, t.cycle);
  return timelinePage(agency, sopNama, t.cycle, t.rows, { href: paths.instansi, label: 'Ikhtisar instansi' });
}

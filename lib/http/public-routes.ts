import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { type LinkTarget, linkTarget } from '../cycle/access-links.ts';
import { isLinkId } from '../cycle/links.ts';
import type { CycleViewLink, FileLink } from '../cycle/model.ts';
import { type DecisionOutcome, decide, LINK_MESSAGES, requestUpload, taskByLink } from '../cycle/people.ts';
import { resendLink } from '../cycle/resend-link.ts';
import { messagePage } from '../pages/layout.ts';
import { deadLinkPage, resendRequestedPage } from '../pages/link-pages.ts';
import {
  agencyOverviewHtml,
  cycleTimelineHtml,
  type LinkedTask,
  taskJson,
  taskPageHtml,
  viewLinkHtml,
} from '../pages/views.ts';
import { readFields } from './body.ts';
import { badRequest, type HttpResponse, html, json, redirect } from './response.ts';
import type { Deps, Route, RouteHandler } from './router.ts';
import { revisionPageRoute, revisionUploadRoute, signRoute, verificationRoute } from './signing-routes.ts';

/**
 * The routes behind the links mailed to people: public, guarded only by the unguessable link id (the
 * first path segment after /t/ or /api/tugas/), which opens one task for one person until it expires.
 */

const LINK_STATUS = {
  'tidak-dikenal': 404,
  kedaluwarsa: 410,
  'sudah-diproses': 409,
  'tidak-sah': 400,
} as const;

type Refusal = keyof typeof LINK_MESSAGES;

/**
 * The page for a link that cannot be used: unknown, tampered, someone else's, or expired. A well-formed
 * id gets the "kirim ulang tautan" form whether or not it exists, so the page tells nothing.
 */
const refusedPage = (alasan: Refusal, linkId: string): HttpResponse =>
  html(
    LINK_STATUS[alasan],
    alasan === 'kedaluwarsa' || alasan === 'tidak-dikenal'
      ? deadLinkPage(alasan, isLinkId(linkId) ? `/t/${linkId}/kirim-ulang` : undefined)
      : messagePage('Tautan tidak dapat dipakai', LINK_MESSAGES['tidak-dikenal']),
  );

const refusedJson = (alasan: Refusal): HttpResponse =>
  json(LINK_STATUS[alasan], { pesan: LINK_MESSAGES[alasan] });

type Run<T> = (target: T, linkId: string, deps: Deps) => Promise<HttpResponse>;

/**
 * A page route over what the link opens: its task, or for the kinds that have one here, a timeline
 * link's cycle or a file link's file. Anything else is refused like an unknown link.
 */
function onLink(run: {
  tugas: Run<LinkedTask>;
  'lini-masa'?: Run<CycleViewLink>;
  berkas?: Run<FileLink>;
}): RouteHandler {
  return async ({ params: [linkId = ''] }, deps) => {
    const t: LinkTarget = await linkTarget(deps.ports, deps.cat, linkId);
    if (t.jenis === 'tugas') return run.tugas(t.found, linkId, deps);
    if (t.jenis === 'ditolak') return refusedPage(t.alasan, linkId);
    const other = run[t.jenis] as Run<typeof t.link> | undefined;
    return other ? other(t.link, linkId, deps) : refusedPage('tidak-dikenal', linkId);
  };
}

/** A JSON route over the task behind the link; a link that cannot be used gets its JSON refusal. */
function onTask(run: Run<LinkedTask>): RouteHandler {
  return async ({ params: [linkId = ''] }, deps) => {
    const found = await taskByLink(deps.ports, deps.cat, linkId);
    return found.ok ? run(found, linkId, deps) : refusedJson(found.alasan);
  };
}

const taskPageRoute = onLink({
  async tugas(found, linkId, { ports }) {
    const nonce = randomBytes(12).toString('base64');
    return html(200, await taskPageHtml(ports, found, linkId, nonce), nonce);
  },
  // The completion mail points at the timeline; its bare link goes there too.
  'lini-masa': async (_link, linkId) => redirect(`/t/${linkId}/lini-masa`),
  // A file link (the format in the distribution mail): a fresh short-lived download on every click.
  berkas: async (link, _linkId, { ports }) =>
    redirect(await ports.blobs.downloadUrl(link.bucket, link.key, link.namaBerkas)),
});

const timelineRoute = onLink({
  tugas: async (found, linkId, { ports, cat }) =>
    html(200, await cycleTimelineHtml(ports, cat, found, linkId)),
  'lini-masa': async (link, linkId, { ports, cat }) =>
    html(200, await viewLinkHtml(ports, cat, link, linkId, 'lini')),
});

const agencyRoute = onLink({
  tugas: async (found, linkId, { ports, cat }) =>
    html(200, await agencyOverviewHtml(ports, cat, found, linkId)),
  'lini-masa': async (link, linkId, { ports, cat }) =>
    html(200, await viewLinkHtml(ports, cat, link, linkId, 'instansi')),
});

/**
 * "Kirim ulang tautan": the same answer whatever happened (sent, throttled, unknown link, or a failure,
 * which is logged), so that nobody learns from it whether a link exists.
 */
const resendRoute: RouteHandler = async ({ params: [linkId = ''] }, { ports, cat, log }) => {
  try {
    await resendLink(ports, cat, linkId);
  } catch (err) {
    (log ?? console.error)('kirim ulang tautan gagal', { error: (err as Error).message });
  }
  return html(200, resendRequestedPage());
};

const taskJsonRoute = onTask(async ({ task }, _linkId, { ports }) => json(200, await taskJson(ports, task)));

const DecisionBody = z.object({
  hasil: z.optional(z.string({ error: 'hasil harus berupa teks: setuju, kembali atau selesai' })),
  catatan: z.optional(z.string({ error: 'catatan harus berupa teks' })),
});

/** A person's answer, from the page's form or from JSON: recorded once (decide), told back as `render` says. */
function decisionRoute(
  render: (out: DecisionOutcome, linkId: string) => HttpResponse,
  path: string,
): RouteHandler {
  return async ({ params: [linkId = ''], fields }, { ports, cat }) => {
    const body = readFields(DecisionBody, fields);
    if (!body.ok) return badRequest(path, body.pesan);
    return render(
      await decide(ports, cat, linkId, { hasil: body.value.hasil ?? '', catatan: body.value.catatan }),
      linkId,
    );
  };
}

const DECISION_TITLE = {
  'sudah-diproses': 'Sudah diproses',
  kedaluwarsa: 'Tautan kedaluwarsa',
  'tidak-dikenal': 'Tautan tidak dikenal',
  'tidak-sah': 'Belum dapat diproses',
} as const;

const decisionPage = (out: DecisionOutcome, linkId: string): HttpResponse =>
  out.ok
    ? html(
        200,
        messagePage(
          'Terima kasih',
          out.keputusan.hasil === 'kembali'
            ? 'Dokumen dikembalikan dengan catatan Anda.'
            : 'Jawaban Anda sudah dicatat.',
        ),
      )
    : out.alasan === 'kedaluwarsa' || out.alasan === 'tidak-dikenal'
      ? refusedPage(out.alasan, linkId)
      : html(LINK_STATUS[out.alasan], messagePage(DECISION_TITLE[out.alasan], out.pesan));

const decisionJson = (out: DecisionOutcome): HttpResponse =>
  out.ok ? json(200, out.keputusan) : json(LINK_STATUS[out.alasan], out);

const UploadBody = z.object({
  namaBerkas: z.string({ error: 'namaBerkas wajib diisi berupa teks, misalnya "isian.xlsx"' }),
});

const uploadRoute: RouteHandler = async ({ params: [linkId = ''], fields }, { ports, cat }) => {
  const body = readFields(UploadBody, fields);
  if (!body.ok) return json(400, { ok: false, pesan: body.pesan });
  const out = await requestUpload(ports, cat, linkId, body.value.namaBerkas);
  return json(out.ok ? 200 : 400, out);
};

export const PUBLIC_ROUTES: readonly Route[] = [
  { methods: ['GET'], path: /^\/t\/([^/]+)\/lini-masa$/, run: timelineRoute },
  { methods: ['GET'], path: /^\/t\/([^/]+)\/instansi$/, run: agencyRoute },
  { methods: ['POST'], path: /^\/t\/([^/]+)\/kirim-ulang$/, run: resendRoute },
  { methods: ['GET', 'HEAD'], path: /^\/t\/([^/]+)$/, run: taskPageRoute },
  { methods: ['POST'], path: /^\/t\/([^/]+)$/, run: decisionRoute(decisionPage, '/t/') },
  { methods: ['POST'], path: /^\/t\/([^/]+)\/tanda-tangan$/, run: signRoute },
  { methods: ['GET'], path: /^\/t\/([^/]+)\/revisi$/, run: revisionPageRoute },
  { methods: ['GET'], path: /^\/api\/tugas\/([^/]+)$/, run: taskJsonRoute },
  {
    methods: ['POST'],
    path: /^\/api\/tugas\/([^/]+)\/keputusan$/,
    run: decisionRoute(decisionJson, '/api/'),
  },
  { methods: ['POST'], path: /^\/api\/tugas\/([^/]+)\/unggahan$/, run: uploadRoute },
  { methods: ['POST'], path: /^\/api\/tugas\/([^/]+)\/dokumen$/, run: revisionUploadRoute },
  { methods: ['GET', 'HEAD'], path: /^\/verifikasi\/([^/]+)$/, run: verificationRoute },
];

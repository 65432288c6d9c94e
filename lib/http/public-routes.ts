import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { type LinkTarget, linkTarget } from '../cycle/access-links.ts';
import { delegateTask } from '../cycle/delegation.ts';
import { isLinkId } from '../cycle/links.ts';
import type { CycleViewLink, FileLink } from '../cycle/model.ts';
import { type DecisionOutcome, decide, LINK_MESSAGES, requestUpload, taskByLink } from '../cycle/people.ts';
import { resendLink } from '../cycle/resend-link.ts';
import { kopOf, messagePage, type Onward } from '../pages/layout.ts';
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
import { revisionPageRoute, revisionUploadRoute, verificationRoute } from './signing-routes.ts';

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

/** `rest`: the path's captures after the link id (a cycle id on the timeline). */
type Run<T> = (target: T, linkId: string, deps: Deps, rest: string[]) => Promise<HttpResponse>;

/**
 * A page route over what the link opens: its task, or for the kinds that have one here, a timeline
 * link's cycle or a file link's file. Anything else is refused like an unknown link.
 */
function onLink(run: {
  tugas: Run<LinkedTask>;
  'lini-masa'?: Run<CycleViewLink>;
  berkas?: Run<FileLink>;
}): RouteHandler {
  return async ({ params: [linkId = '', ...rest] }, deps) => {
    const t: LinkTarget = await linkTarget(deps.ports, deps.cat, linkId);
    if (t.jenis === 'tugas') return run.tugas(t.found, linkId, deps, rest);
    if (t.jenis === 'ditolak') return refusedPage(t.alasan, linkId);
    const other = run[t.jenis] as Run<typeof t.link> | undefined;
    return other ? other(t.link, linkId, deps, rest) : refusedPage('tidak-dikenal', linkId);
  };
}

/** A JSON route over the task behind the link; a link that cannot be used gets its JSON refusal. */
function onTask(run: Run<LinkedTask>): RouteHandler {
  return async ({ params: [linkId = ''] }, deps) => {
    const found = await taskByLink(deps.ports, deps.cat, linkId);
    return found.ok ? run(found, linkId, deps, []) : refusedJson(found.alasan);
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

/** A page, or "not found" with the way back when the link's agency has no such cycle. */
const pageOr = (body: string | undefined, linkId: string): HttpResponse =>
  body
    ? html(200, body)
    : html(
        404,
        messagePage('Siklus tidak ditemukan', 'Siklus ini tidak ada di instansi Anda.', [
          { href: `/t/${linkId}`, label: 'Kembali' },
        ]),
      );

const timelineRoute = onLink({
  tugas: async (found, linkId, { ports, cat }, [cycleId]) =>
    pageOr(await cycleTimelineHtml(ports, cat, found, linkId, cycleId), linkId),
  'lini-masa': async (link, linkId, { ports, cat }, [cycleId]) =>
    pageOr(await viewLinkHtml(ports, cat, link, linkId, 'lini', cycleId), linkId),
});

const agencyRoute = onLink({
  tugas: async (found, linkId, { ports, cat }) =>
    html(200, await agencyOverviewHtml(ports, cat, found, linkId)),
  'lini-masa': async (link, linkId, { ports, cat }) =>
    pageOr(await viewLinkHtml(ports, cat, link, linkId, 'instansi'), linkId),
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
  render: (out: DecisionOutcome, linkId: string, deps: Deps) => Promise<HttpResponse>,
  path: string,
): RouteHandler {
  return async ({ params: [linkId = ''], fields }, deps) => {
    const body = readFields(DecisionBody, fields);
    if (!body.ok)
      return path === '/t/'
        ? html(400, messagePage('Permintaan tidak dapat diproses', body.pesan, backToTask(linkId)))
        : badRequest(path, body.pesan);
    const { ports, cat } = deps;
    return render(
      await decide(ports, cat, linkId, { hasil: body.value.hasil ?? '', catatan: body.value.catatan }),
      linkId,
      deps,
    );
  };
}

const DECISION_TITLE = {
  'sudah-diproses': 'Sudah diproses',
  kedaluwarsa: 'Tautan kedaluwarsa',
  'tidak-dikenal': 'Tautan tidak dikenal',
  'tidak-sah': 'Belum dapat diproses',
} as const;

/** The way onward from an answer's page: the task (its state, or the form again) and the cycle. */
const backToTask = (linkId: string): Onward[] => [
  { href: `/t/${linkId}`, label: 'Kembali ke tugas' },
  { href: `/t/${linkId}/lini-masa`, label: 'Lini masa siklus' },
];

/** After an answer: thanks or what was wrong, under the agency's header, with the way back to the task. */
async function decisionPage(
  out: DecisionOutcome,
  linkId: string,
  { ports, cat }: Deps,
): Promise<HttpResponse> {
  if (!out.ok && (out.alasan === 'kedaluwarsa' || out.alasan === 'tidak-dikenal'))
    return refusedPage(out.alasan, linkId);
  const found = await taskByLink(ports, cat, linkId);
  const kop = found.ok ? kopOf(found.ctx.agency) : undefined;
  if (!out.ok)
    return html(
      LINK_STATUS[out.alasan],
      messagePage(DECISION_TITLE[out.alasan], out.pesan, backToTask(linkId), kop),
    );
  return html(
    200,
    messagePage(
      'Terima kasih',
      out.keputusan.hasil === 'kembali'
        ? 'Dokumen dikembalikan dengan catatan Anda. Penyusun menerima email berisi catatan itu.'
        : found.ok && found.ctx.step.jenis === 'tanda-tangan'
          ? 'Persetujuan Anda dicatat sebagai tanda tangan. Sistem membubuhkan tanda tangan elektronik dalam beberapa saat; laporan bertanda tangan (dengan kode QR verifikasi) lalu dapat diunduh dari halaman tugas ini dan dari lini masa siklus.'
          : 'Jawaban Anda sudah dicatat; alur berlanjut ke langkah berikutnya.',
      backToTask(linkId),
      kop,
    ),
  );
}

const decisionJson = async (out: DecisionOutcome): Promise<HttpResponse> =>
  out.ok ? json(200, out.keputusan) : json(LINK_STATUS[out.alasan], out);

const DelegationBody = z.object({
  kepada: z.string({ error: 'kepada wajib diisi: alamat email pejabat penerima' }),
  alasan: z.optional(z.string({ error: 'alasan harus berupa teks' })),
});

/** "Alihkan tugas": the page's form; the answer says what happened and leads back to the task. */
const delegationRoute: RouteHandler = async ({ params: [linkId = ''], fields }, { ports, cat }) => {
  const body = readFields(DelegationBody, fields);
  if (!body.ok) return html(400, messagePage('Belum dapat dialihkan', body.pesan, backToTask(linkId)));
  const out = await delegateTask(ports, cat, linkId, body.value);
  const found = await taskByLink(ports, cat, linkId);
  const kop = found.ok ? kopOf(found.ctx.agency) : undefined;
  return out.ok
    ? html(
        200,
        messagePage(
          'Tugas dialihkan',
          `Tugas ini sekarang dikerjakan oleh ${out.delegasi.kepada.nama} (${out.delegasi.kepada.jabatan}), yang menerima tautannya lewat email. Anda tetap dapat melihat perkembangannya.`,
          backToTask(linkId),
          kop,
        ),
      )
    : html(400, messagePage('Belum dapat dialihkan', out.pesan, backToTask(linkId), kop));
};

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
  { methods: ['GET'], path: /^\/t\/([^/]+)\/lini-masa\/([a-z0-9-]+)$/, run: timelineRoute },
  { methods: ['GET'], path: /^\/t\/([^/]+)\/instansi$/, run: agencyRoute },
  { methods: ['POST'], path: /^\/t\/([^/]+)\/kirim-ulang$/, run: resendRoute },
  { methods: ['POST'], path: /^\/t\/([^/]+)\/alihkan$/, run: delegationRoute },
  { methods: ['GET', 'HEAD'], path: /^\/t\/([^/]+)$/, run: taskPageRoute },
  { methods: ['POST'], path: /^\/t\/([^/]+)$/, run: decisionRoute(decisionPage, '/t/') },
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

import { randomBytes } from 'node:crypto';
import { type DecisionOutcome, decide, LINK_MESSAGES, requestUpload, taskByLink } from '../cycle/people.ts';
import { messagePage } from '../pages/layout.ts';
import {
  agencyOverviewHtml,
  cycleTimelineHtml,
  type LinkedTask,
  taskJson,
  taskPageHtml,
} from '../pages/views.ts';
import { type HttpResponse, html, json } from './response.ts';
import type { Deps, Route, RouteHandler } from './router.ts';

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

/** The page for a link that cannot be used: unknown, tampered, someone else's, or expired. */
const refusedPage = (alasan: Refusal): HttpResponse =>
  html(
    LINK_STATUS[alasan],
    messagePage(
      alasan === 'kedaluwarsa' ? 'Tautan kedaluwarsa' : 'Tautan tidak dikenal',
      LINK_MESSAGES[alasan],
    ),
  );

const refusedJson = (alasan: Refusal): HttpResponse =>
  json(LINK_STATUS[alasan], { pesan: LINK_MESSAGES[alasan] });

/** A route over the task behind the link; a link that cannot be used gets `refused` instead. */
function onTask(
  run: (found: LinkedTask, linkId: string, deps: Deps) => Promise<HttpResponse>,
  refused: (alasan: Refusal) => HttpResponse = refusedPage,
): RouteHandler {
  return async ({ params: [linkId = ''] }, deps) => {
    const found = await taskByLink(deps.ports, deps.cat, linkId);
    return found.ok ? run(found, linkId, deps) : refused(found.alasan);
  };
}

const taskPageRoute = onTask(async (found, linkId, { ports }) => {
  const nonce = randomBytes(12).toString('base64');
  return html(200, await taskPageHtml(ports, found, linkId, nonce), nonce);
});

const timelineRoute = onTask(async (found, linkId, { ports, cat }) =>
  html(200, await cycleTimelineHtml(ports, cat, found, linkId)),
);

const agencyRoute = onTask(async (found, linkId, { ports, cat }) =>
  html(200, await agencyOverviewHtml(ports, cat, found, linkId)),
);

const taskJsonRoute = onTask(
  async ({ task }, _linkId, { ports }) => json(200, await taskJson(ports, task)),
  refusedJson,
);

/** A person's answer, from the page's form or from JSON: recorded once (decide), told back as `render` says. */
function decisionRoute(render: (out: DecisionOutcome) => HttpResponse): RouteHandler {
  return async ({ params: [linkId = ''], fields }, { ports, cat }) =>
    render(await decide(ports, cat, linkId, { hasil: fields.hasil ?? '', catatan: fields.catatan }));
}

const DECISION_TITLE = {
  'sudah-diproses': 'Sudah diproses',
  kedaluwarsa: 'Tautan kedaluwarsa',
  'tidak-dikenal': 'Tautan tidak dikenal',
  'tidak-sah': 'Belum dapat diproses',
} as const;

const decisionPage = (out: DecisionOutcome): HttpResponse =>
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
    : html(LINK_STATUS[out.alasan], messagePage(DECISION_TITLE[out.alasan], out.pesan));

const decisionJson = (out: DecisionOutcome): HttpResponse =>
  out.ok ? json(200, out.keputusan) : json(LINK_STATUS[out.alasan], out);

const uploadRoute: RouteHandler = async ({ params: [linkId = ''], fields }, { ports, cat }) => {
  const out = await requestUpload(ports, cat, linkId, fields.namaBerkas ?? '');
  return json(out.ok ? 200 : 400, out);
};

export const PUBLIC_ROUTES: readonly Route[] = [
  { methods: ['GET'], path: /^\/t\/([^/]+)\/lini-masa$/, run: timelineRoute },
  { methods: ['GET'], path: /^\/t\/([^/]+)\/instansi$/, run: agencyRoute },
  { methods: ['GET', 'HEAD'], path: /^\/t\/([^/]+)$/, run: taskPageRoute },
  { methods: ['POST'], path: /^\/t\/([^/]+)$/, run: decisionRoute(decisionPage) },
  { methods: ['GET'], path: /^\/api\/tugas\/([^/]+)$/, run: taskJsonRoute },
  { methods: ['POST'], path: /^\/api\/tugas\/([^/]+)\/keputusan$/, run: decisionRoute(decisionJson) },
  { methods: ['POST'], path: /^\/api\/tugas\/([^/]+)\/unggahan$/, run: uploadRoute },
];

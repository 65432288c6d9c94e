import { randomBytes } from 'node:crypto';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { decide, LINK_MESSAGES, requestUpload, taskByLink } from '#lib/cycle/people.ts';
import { tasksOfAgency, tasksOfCycle, tasksOfPerson } from '#lib/cycle/queries.ts';
import { reviewSummary } from '#lib/cycle/review.ts';
import { StartRefused, startCycle } from '#lib/cycle/start.ts';
import { agencyOverview, timeline } from '#lib/cycle/timeline.ts';
import { messagePage } from '#lib/pages/layout.ts';
import { analysisTables } from '#lib/pages/tables.ts';
import { taskPage } from '#lib/pages/task-page.ts';
import { agencyPage, timelinePage } from '#lib/pages/timeline-page.ts';
import { log, observe } from '../commons/log.ts';
import { getCatalogue, getPorts } from '../commons/runtime.ts';

type Res = APIGatewayProxyStructuredResultV2;

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

function html(status: number, body: string, nonce?: string): Res {
  const s3 = process.env.S3_PUBLIC_ENDPOINT ?? 'https://*.amazonaws.com';
  return {
    statusCode: status,
    headers: {
      ...SECURITY_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; connect-src 'self' ${s3}${nonce ? `; script-src 'nonce-${nonce}'` : ''}`,
    },
    body,
  };
}

const LINK_STATUS = {
  'tidak-dikenal': 404,
  kedaluwarsa: 410,
  'sudah-diproses': 409,
  'tidak-sah': 400,
} as const;

/** The page for a link that cannot be used: unknown, tampered, someone else's, or expired. */
function linkRefused(alasan: 'tidak-dikenal' | 'kedaluwarsa'): Res {
  return html(
    LINK_STATUS[alasan],
    messagePage(
      alasan === 'kedaluwarsa' ? 'Tautan kedaluwarsa' : 'Tautan tidak dikenal',
      LINK_MESSAGES[alasan],
    ),
  );
}

function json(status: number, body: unknown): Res {
  return {
    statusCode: status,
    headers: { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

function bodyText(e: APIGatewayProxyEventV2): string {
  if (!e.body) return '';
  return e.isBase64Encoded ? Buffer.from(e.body, 'base64').toString('utf8') : e.body;
}

function formOrJson(e: APIGatewayProxyEventV2): Record<string, string> {
  const text = bodyText(e);
  const type = (e.headers['content-type'] ?? '').toLowerCase();
  if (type.includes('application/json')) {
    try {
      const v = JSON.parse(text);
      return v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]))
        : {};
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

async function taskView(linkId: string, nonce: string): Promise<Res> {
  const ports = getPorts();
  const cat = getCatalogue();
  const found = await taskByLink(ports, cat, linkId);
  if (!found.ok) return linkRefused(found.alasan);
  const { task, ctx } = found;
  const downloads = await Promise.all(
    task.berkas.map(async (b) => ({
      label: b.label,
      url: await ports.blobs.downloadUrl(b.bucket, b.key, b.key.split('/').at(-1)!),
    })),
  );
  const uploads = (await ports.store.listUploads(task.agencyId, task.cycleId))
    .filter((u) => u.taskId === task.taskId)
    .sort((a, b) => b.dibuat.localeCompare(a.dibuat));
  const summary = await reviewSummary(ports, ctx);
  return html(
    200,
    taskPage(
      {
        task,
        zona: ctx.agency.zona_waktu,
        sopNama: ctx.sop.identitas.nama,
        agencyNama: `${ctx.agency.nama} ${ctx.agency.pemerintah}`,
        unitNama: ctx.unit?.nama,
        downloads,
        uploads,
        action: `/t/${linkId}`,
        uploadEndpoint: `/api/tugas/${linkId}/unggahan`,
        ringkasan: summary ? analysisTables(summary.analisis, { title: summary.judul }) : undefined,
        nav: { lini: `/t/${linkId}/lini-masa`, instansi: `/t/${linkId}/instansi` },
      },
      nonce,
    ),
    nonce,
  );
}

type Route = {
  methods: string[];
  path: RegExp;
  run: (m: string[], e: APIGatewayProxyEventV2) => Promise<Res>;
};

const ROUTES: Route[] = [
  {
    methods: ['GET'],
    path: /^\/t\/([^/]+)\/lini-masa$/,
    run: async ([linkId]) => {
      const ports = getPorts();
      const cat = getCatalogue();
      const found = await taskByLink(ports, cat, linkId!);
      if (!found.ok) return linkRefused(found.alasan);
      const t = (await timeline(ports, cat, found.task.agencyId, found.task.cycleId))!;
      return html(
        200,
        timelinePage(found.ctx.agency, found.ctx.sop.identitas.nama, t.cycle, t.rows, `/t/${linkId}`),
      );
    },
  },
  {
    methods: ['GET'],
    path: /^\/t\/([^/]+)\/instansi$/,
    run: async ([linkId]) => {
      const ports = getPorts();
      const cat = getCatalogue();
      const found = await taskByLink(ports, cat, linkId!);
      if (!found.ok) return linkRefused(found.alasan);
      const agency = found.ctx.agency;
      return html(200, agencyPage(agency, await agencyOverview(ports, cat, agency.id), `/t/${linkId}`));
    },
  },
  {
    methods: ['GET', 'HEAD'],
    path: /^\/t\/([^/]+)$/,
    run: ([linkId]) => taskView(linkId!, randomBytes(12).toString('base64')),
  },
  {
    methods: ['POST'],
    path: /^\/t\/([^/]+)$/,
    run: async ([linkId], e) => {
      const input = formOrJson(e);
      const out = await decide(getPorts(), getCatalogue(), linkId!, {
        hasil: input.hasil ?? '',
        catatan: input.catatan,
      });
      if (out.ok) {
        return html(
          200,
          messagePage(
            'Terima kasih',
            out.keputusan.hasil === 'kembali'
              ? 'Dokumen dikembalikan dengan catatan Anda.'
              : 'Jawaban Anda sudah dicatat.',
          ),
        );
      }
      const status = LINK_STATUS[out.alasan];
      return html(
        status,
        messagePage(
          {
            'sudah-diproses': 'Sudah diproses',
            kedaluwarsa: 'Tautan kedaluwarsa',
            'tidak-dikenal': 'Tautan tidak dikenal',
            'tidak-sah': 'Belum dapat diproses',
          }[out.alasan],
          out.pesan,
        ),
      );
    },
  },
  {
    methods: ['GET'],
    path: /^\/api\/tugas\/([^/]+)$/,
    run: async ([linkId]) => {
      const ports = getPorts();
      const found = await taskByLink(ports, getCatalogue(), linkId!);
      if (!found.ok) return json(LINK_STATUS[found.alasan], { pesan: LINK_MESSAGES[found.alasan] });
      const { taskToken: _secret, ...task } = found.task;
      const uploads = (await ports.store.listUploads(task.agencyId, task.cycleId)).filter(
        (u) => u.taskId === task.taskId,
      );
      const berkas = await Promise.all(
        task.berkas.map(async (b) => ({
          ...b,
          url: await ports.blobs.downloadUrl(b.bucket, b.key, b.key.split('/').at(-1)!),
        })),
      );
      return json(200, { ...task, berkas, unggahan: uploads });
    },
  },
  {
    methods: ['POST'],
    path: /^\/api\/tugas\/([^/]+)\/keputusan$/,
    run: async ([linkId], e) => {
      const input = formOrJson(e);
      const out = await decide(getPorts(), getCatalogue(), linkId!, {
        hasil: input.hasil ?? '',
        catatan: input.catatan,
      });
      if (out.ok) return json(200, out.keputusan);
      return json(LINK_STATUS[out.alasan], out);
    },
  },
  {
    methods: ['POST'],
    path: /^\/api\/tugas\/([^/]+)\/unggahan$/,
    run: async ([linkId], e) => {
      const out = await requestUpload(getPorts(), getCatalogue(), linkId!, formOrJson(e).namaBerkas ?? '');
      return out.ok ? json(200, out) : json(400, out);
    },
  },
  // Operator routes (IAM-authorised in the cloud; see infra/lakip-stack.ts).
  {
    methods: ['POST'],
    path: /^\/api\/siklus$/,
    run: async (_m, e) => {
      const input = formOrJson(e);
      try {
        const cycle = await startCycle(getPorts(), getCatalogue(), {
          agencyId: input.agencyId ?? '',
          sopId: input.sopId ?? '',
          tahun: Number(input.tahun),
          periode: (input.periode as never) ?? 'tahunan',
        });
        return json(201, cycle);
      } catch (err) {
        if (err instanceof StartRefused) return json(400, { pesan: err.message });
        throw err;
      }
    },
  },
  {
    methods: ['GET'],
    path: /^\/api\/tugas$/,
    run: async (_m, e) => {
      const q = e.queryStringParameters ?? {};
      const ports = getPorts();
      if (q.email) return json(200, await tasksOfPerson(ports, q.email));
      if (q.instansi && q.siklus) return json(200, await tasksOfCycle(ports, q.instansi, q.siklus));
      if (q.instansi)
        return json(200, await tasksOfAgency(ports, q.instansi, { terbuka: q.status === 'terbuka' }));
      return json(400, { pesan: 'Sebutkan email, instansi, atau instansi dan siklus.' });
    },
  },
  {
    methods: ['GET'],
    path: /^\/api\/siklus\/([a-z0-9-]+)\/([a-z0-9-]+)$/,
    run: async ([agencyId, cycleId]) => {
      const t = await timeline(getPorts(), getCatalogue(), agencyId!, cycleId!);
      return t ? json(200, t) : json(404, { pesan: 'Siklus tidak ditemukan.' });
    },
  },
];

/** The API Gateway (HTTP API) routes; the same handler serves the local HTTP server of `npm start`. */
export async function route(e: APIGatewayProxyEventV2): Promise<Res> {
  const method = e.requestContext.http.method;
  for (const r of ROUTES) {
    const m = r.path.exec(e.rawPath);
    if (m && r.methods.includes(method)) return r.run(m.slice(1), e);
  }
  return e.rawPath.startsWith('/api/')
    ? json(404, { pesan: 'Alamat tidak dikenal.' })
    : html(404, messagePage('Halaman tidak ditemukan', 'Alamat ini tidak dikenal.'));
}

export const handler = middy<APIGatewayProxyEventV2, Res>()
  .use(observe('api'))
  .handler(async (e) => {
    try {
      return await route(e);
    } catch (err) {
      log('error', 'permintaan gagal', {
        path: e.rawPath
          .replace(/\/t\/[^/]+/, '/t/[disamarkan]')
          .replace(/tugas\/[^/]+/, 'tugas/[disamarkan]'),
        error: (err as Error).message,
      });
      return e.rawPath.startsWith('/api/')
        ? json(500, { pesan: 'Terjadi kesalahan pada sistem; silakan coba lagi beberapa saat lagi.' })
        : html(
            500,
            messagePage(
              'Terjadi kesalahan',
              'Terjadi kesalahan pada sistem; silakan coba lagi beberapa saat lagi.',
            ),
          );
    }
  });

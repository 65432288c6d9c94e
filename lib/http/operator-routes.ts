import { tasksOfAgency, tasksOfCycle, tasksOfPerson } from '../cycle/queries.ts';
import { ResumeRefused, resumeCycle } from '../cycle/resume.ts';
import { StartRefused, startCycle } from '../cycle/start.ts';
import { timeline } from '../cycle/timeline.ts';
import type { Periode } from '../performance/submission.ts';
import { json } from './response.ts';
import type { Route, RouteHandler } from './router.ts';

/**
 * The operators' API: start and resume cycles, list tasks, read a cycle's timeline. In the cloud API Gateway lets
 * these through only with IAM-signed requests (infra/lakip-stack.ts); locally they are open.
 */

const startRoute: RouteHandler = async ({ fields }, { ports, cat }) => {
  try {
    const cycle = await startCycle(ports, cat, {
      agencyId: fields.agencyId ?? '',
      sopId: fields.sopId ?? '',
      tahun: Number(fields.tahun),
      periode: (fields.periode as Periode | undefined) ?? 'tahunan',
    });
    return json(201, cycle);
  } catch (err) {
    if (err instanceof StartRefused) return json(400, { pesan: err.message });
    throw err;
  }
};

/** Resumes a stopped cycle from the step it stopped at (after the operator fixed the cause). */
const resumeRoute: RouteHandler = async ({ params: [agencyId = '', cycleId = ''] }, { ports, cat }) => {
  try {
    const { cycle, input } = await resumeCycle(ports, cat, agencyId, cycleId);
    return json(202, {
      pesan: `Siklus ${cycleId} dilanjutkan${input.lanjut ? ` dari langkah ${input.lanjut.no}` : ''}.`,
      siklus: cycle,
      lanjut: input.lanjut ?? null,
    });
  } catch (err) {
    if (err instanceof ResumeRefused) return json(409, { pesan: err.message });
    throw err;
  }
};

const tasksRoute: RouteHandler = async ({ query: q }, { ports }) => {
  if (q.email) return json(200, await tasksOfPerson(ports, q.email));
  if (q.instansi && q.siklus) return json(200, await tasksOfCycle(ports, q.instansi, q.siklus));
  if (q.instansi)
    return json(200, await tasksOfAgency(ports, q.instansi, { terbuka: q.status === 'terbuka' }));
  return json(400, { pesan: 'Sebutkan email, instansi, atau instansi dan siklus.' });
};

const timelineRoute: RouteHandler = async ({ params: [agencyId = '', cycleId = ''] }, { ports, cat }) => {
  const t = await timeline(ports, cat, agencyId, cycleId);
  return t ? json(200, t) : json(404, { pesan: 'Siklus tidak ditemukan.' });
};

export const OPERATOR_ROUTES: readonly Route[] = [
  { methods: ['POST'], path: /^\/api\/siklus$/, run: startRoute },
  { methods: ['GET'], path: /^\/api\/tugas$/, run: tasksRoute },
  { methods: ['GET'], path: /^\/api\/siklus\/([a-z0-9-]+)\/([a-z0-9-]+)$/, run: timelineRoute },
  { methods: ['POST'], path: /^\/api\/siklus\/([a-z0-9-]+)\/([a-z0-9-]+)\/lanjutkan$/, run: resumeRoute },
];

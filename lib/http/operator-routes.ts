// zod's small build (zod/mini): the route schemas are all the operator function needs of it.
import * as z from 'zod/mini';
import { ActingRefused, setActing } from '../cycle/acting.ts';
import { moveCycle } from '../cycle/move.ts';
import { tasksOfAgency, tasksOfCycle, tasksOfPerson } from '../cycle/queries.ts';
import { ResumeRefused, resumeCycle } from '../cycle/resume.ts';
import { CycleExists, StartRefused, startCycle } from '../cycle/start.ts';
import { timeline } from '../cycle/timeline.ts';
import { PERIODE, type Periode } from '../performance/submission.ts';
import { readFields, shown } from './body.ts';
import { json } from './response.ts';
import type { Route, RouteHandler } from './router.ts';

/**
 * The operators' API: start, resume and move cycles, list tasks, read a cycle's timeline. In the cloud API Gateway lets
 * these through only with IAM-signed requests (infra/lakip-stack.ts); locally they are open.
 */

const id = (nama: string, contoh: string) =>
  z.string({ error: (i) => `${nama} wajib diisi berupa teks, misalnya '${contoh}'${given(i.input)}` }).check(
    z.regex(/^[a-z0-9-]{1,80}$/, {
      error: (i) => `${nama} tidak sah: huruf kecil, angka dan '-' saja${given(i.input)}`,
    }),
  );

const given = (v: unknown) => (v === undefined ? '' : ` (diterima: ${shown(v)})`);

/** From JSON a number; from a form (or a script quoting it) four digits. */
const tahun = z.pipe(
  z.unknown(),
  z.transform((v, ctx) => {
    const n =
      typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{4}\s*$/.test(v) ? Number(v) : Number.NaN;
    if (Number.isInteger(n) && n >= 2000 && n <= 2100) return n;
    ctx.issues.push({
      code: 'custom',
      input: v,
      message:
        v === undefined
          ? 'tahun wajib diisi, misalnya 2025'
          : `tahun harus berupa angka tahun empat digit antara 2000 dan 2100, misalnya 2025${given(v)}`,
    });
    return z.NEVER;
  }),
);

/** From JSON a boolean; from a form 'true' or 'false'. */
const ulang = z.pipe(
  z.unknown(),
  z.transform((v, ctx) => {
    if (v === undefined || v === false || v === 'false') return false;
    if (v === true || v === 'true') return true;
    ctx.issues.push({ code: 'custom', input: v, message: `ulang harus true atau false${given(v)}` });
    return z.NEVER;
  }),
);

const StartBody = z.strictObject({
  agencyId: id('agencyId', 'dkukmtk-balangan'),
  sopId: id('sopId', 'dkukmtk-balangan-lakip'),
  tahun,
  periode: z.optional(
    z.enum(PERIODE as [Periode, ...Periode[]], {
      error: (i) => `periode harus salah satu dari ${PERIODE.join(', ')}${given(i.input)}`,
    }),
  ),
  ulang,
});

const startRoute: RouteHandler = async ({ fields }, { ports, cat }) => {
  const body = readFields(StartBody, fields);
  if (!body.ok) return json(400, { pesan: body.pesan });
  try {
    return json(201, await startCycle(ports, cat, body.value));
  } catch (err) {
    if (err instanceof StartRefused) return json(400, { pesan: err.message });
    if (err instanceof CycleExists) return json(409, { pesan: err.message, siklus: err.siklus });
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

const MoveBody = z.strictObject({
  versi: z.pipe(
    z.unknown(),
    z.transform((v, ctx) => {
      const n =
        typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
      if (Number.isInteger(n) && n >= 1) return n;
      ctx.issues.push({
        code: 'custom',
        input: v,
        message:
          v === undefined
            ? 'versi wajib diisi: versi SOP tujuan, misalnya 2'
            : `versi harus bilangan bulat positif, misalnya 2${given(v)}`,
      });
      return z.NEVER;
    }),
  ),
});

/** Moves a cycle to another version of its SOP (stopping its execution if it runs), from where it stands. */
const moveRoute: RouteHandler = async ({ params: [agencyId = '', cycleId = ''], fields }, { ports, cat }) => {
  const body = readFields(MoveBody, fields);
  if (!body.ok) return json(400, { pesan: body.pesan });
  try {
    const { cycle, input } = await moveCycle(ports, cat, agencyId, cycleId, body.value.versi);
    return json(202, {
      pesan: `Siklus ${cycleId} dipindahkan ke SOP ${cycle.sopId} versi ${cycle.sopVersi}${input.lanjut?.no ? ` dan dilanjutkan dari langkah ${input.lanjut.no}` : ''}.`,
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

const tanggalField = (nama: string) =>
  z
    .string({ error: (i) => `${nama} wajib diisi berupa tanggal YYYY-MM-DD${given(i.input)}` })
    .check(
      z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: (i) => `${nama} harus berformat YYYY-MM-DD${given(i.input)}` }),
    );
const teksField = (nama: string, contoh: string) =>
  z
    .string({ error: (i) => `${nama} wajib diisi berupa teks, misalnya '${contoh}'${given(i.input)}` })
    .check(z.minLength(1, { error: `${nama} tidak boleh kosong` }));

const ActingBody = z.strictObject({
  jabatan: id('jabatan', 'kepala'),
  unit: z.optional(id('unit', 'bidang-koperasi')),
  jenis: z.enum(['Plt.', 'Plh.'], { error: (i) => `jenis harus 'Plt.' atau 'Plh.'${given(i.input)}` }),
  nama: teksField('nama', 'Drs. Ahmad Fauzi'),
  nip: z.optional(teksField('nip', '19700101 199503 1 001')),
  pangkat: z.optional(teksField('pangkat', 'Pembina (IV/a)')),
  email: z.email({ error: (i) => `email bukan alamat email yang sah${given(i.input)}` }),
  mulai: tanggalField('mulai'),
  selesai: tanggalField('selesai'),
});

/** Names an acting official (Plt./Plh.) for an office over a date range, without redeploying. */
const setActingRoute: RouteHandler = async ({ params: [agencyId = ''], fields }, { ports, cat }) => {
  const agency = cat.agencies.get(agencyId);
  if (!agency) return json(404, { pesan: `Instansi '${agencyId}' tidak dikenal.` });
  const body = readFields(ActingBody, fields);
  if (!body.ok) return json(400, { pesan: body.pesan });
  if (body.value.selesai < body.value.mulai)
    return json(400, {
      pesan: `selesai (${body.value.selesai}) tidak boleh sebelum mulai (${body.value.mulai})`,
    });
  try {
    const r = await setActing(ports, agency, body.value);
    return json(201, {
      pesan: `${r.jenis} untuk jabatan ${r.jabatan}${r.unit ? ` unit ${r.unit}` : ''}: ${r.nama}, ${r.mulai} s.d. ${r.selesai}. Tugas yang dibuka dalam rentang itu diberikan kepadanya.`,
      pelaksanaTugas: r,
    });
  } catch (err) {
    if (err instanceof ActingRefused) return json(400, { pesan: err.message });
    throw err;
  }
};

/** The acting officials of an agency: the agency file's, then those written by operators. */
const listActingRoute: RouteHandler = async ({ params: [agencyId = ''] }, { ports, cat }) => {
  const agency = cat.agencies.get(agencyId);
  if (!agency) return json(404, { pesan: `Instansi '${agencyId}' tidak dikenal.` });
  return json(200, {
    berkas: agency.pelaksana_tugas,
    tercatat: await ports.store.listActing(agencyId),
  });
};

export const OPERATOR_ROUTES: readonly Route[] = [
  { methods: ['POST'], path: /^\/api\/instansi\/([a-z0-9-]+)\/pelaksana-tugas$/, run: setActingRoute },
  { methods: ['GET'], path: /^\/api\/instansi\/([a-z0-9-]+)\/pelaksana-tugas$/, run: listActingRoute },
  { methods: ['POST'], path: /^\/api\/siklus$/, run: startRoute },
  { methods: ['GET'], path: /^\/api\/tugas$/, run: tasksRoute },
  { methods: ['GET'], path: /^\/api\/siklus\/([a-z0-9-]+)\/([a-z0-9-]+)$/, run: timelineRoute },
  { methods: ['POST'], path: /^\/api\/siklus\/([a-z0-9-]+)\/([a-z0-9-]+)\/lanjutkan$/, run: resumeRoute },
  { methods: ['POST'], path: /^\/api\/siklus\/([a-z0-9-]+)\/([a-z0-9-]+)\/pindahkan$/, run: moveRoute },
];

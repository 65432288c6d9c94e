import { createHash } from 'node:crypto';
import { renderLakip } from '../documents/lakip.ts';
import { renderDisposisi, renderSuratPengantar } from '../documents/letters.ts';
import { bulanRomawi, tahun as tahunOf } from '../format/indonesia.ts';
import { formatNomorSurat } from '../letters/nomor-surat.ts';
import { formatDistributedMail } from '../mail/messages.ts';
import { analisis } from '../performance/analysis.ts';
import type { PerjanjianKinerja } from '../performance/model.ts';
import type { Submission } from '../performance/submission.ts';
import type { JenisLangkah } from '../sop/schema.ts';
import { buildFormatWorkbook } from '../workbook/build.ts';
import { actorOf, cycleKey, pelaksanaOf, type StepContext, singkatanLaporan } from './context.ts';
import type { Berkas, Cycle, Keputusan } from './model.ts';
import type { Ports } from './ports.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const JSON_TYPE = 'application/json';

export interface ActionInput {
  ports: Ports;
  ctx: StepContext;
  cycle: Cycle;
  putaran: number;
  keputusan?: Keputusan;
}

/** The system's part of one kind of step: before the person acts (mulai) and after (selesai). */
export interface StepAction {
  mulai?(a: ActionInput): Promise<Berkas[]>;
  selesai?(a: ActionInput): Promise<Berkas[]>;
}

async function putDoc(
  a: ActionInput,
  key: string,
  label: string,
  body: Uint8Array,
  type = DOCX,
  bucket: 'kerja' | 'arsip' = 'kerja',
): Promise<Berkas> {
  await a.ports.blobs.put(bucket, key, body, type);
  return { label, key, bucket };
}

/** The latest accepted submission of every unit in the cycle (a rejected upload never replaces it). */
export async function acceptedSubmissions(
  a: Pick<ActionInput, 'ports' | 'ctx'>,
  unitId?: string,
): Promise<Submission[]> {
  const uploads = await a.ports.store.listUploads(a.ctx.siklus.agencyId, a.ctx.siklus.cycleId);
  const latest = new Map<string, string>();
  for (const u of uploads.sort((x, y) => x.dibuat.localeCompare(y.dibuat))) {
    if (u.status === 'diterima' && u.submissionKey && (!unitId || u.unit === unitId))
      latest.set(u.unit, u.submissionKey);
  }
  const out: Submission[] = [];
  for (const key of latest.values())
    out.push(JSON.parse(Buffer.from(await a.ports.blobs.get('kerja', key)).toString('utf8')));
  return out;
}

/** The Perjanjian Kinerja restricted to one unit's indicators and programs (for unit reports). */
function pkOfUnit(pk: PerjanjianKinerja, unitId: string): PerjanjianKinerja {
  return {
    ...pk,
    sasaran: pk.sasaran
      .map((s) => ({ ...s, indikator: s.indikator.filter((i) => i.unit === unitId) }))
      .filter((s) => s.indikator.length > 0),
    program: pk.program.filter((p) => p.unit === unitId),
  };
}

async function ensureFormat(a: ActionInput, unitId: string): Promise<Berkas> {
  const { ctx } = a;
  const key = cycleKey(ctx.siklus, 'format', `${unitId}.xlsx`);
  const unit = ctx.agency.unit.find((u) => u.id === unitId)!;
  if (!(await a.ports.blobs.exists('kerja', key))) {
    const bytes = await buildFormatWorkbook({
      agency: ctx.agency,
      unit,
      pk: ctx.pk,
      periode: ctx.siklus.periode,
    });
    await a.ports.blobs.put('kerja', key, bytes, XLSX);
  }
  return { label: `Format pengumpulan data ${unit.nama}`, key, bucket: 'kerja' };
}

async function renderReport(
  a: ActionInput,
  opts: { unitId?: string; final?: { sidik: string } },
): Promise<Buffer> {
  const { ctx, cycle } = a;
  const subs = await acceptedSubmissions(a, opts.unitId);
  const pk = opts.unitId ? pkOfUnit(ctx.pk, opts.unitId) : ctx.pk;
  const kepala = ctx.agency.pejabat['kepala'];
  return renderLakip({
    agency: ctx.agency,
    pk,
    analisis: analisis(pk, subs, ctx.siklus.periode),
    singkatan: singkatanLaporan(ctx.sop),
    dibuat: a.ports.clock.now(),
    versi: a.putaran,
    catatanKoreksi: cycle.catatanKoreksi.map((c) => ({
      oleh: c.oleh,
      waktu: new Date(c.waktu),
      catatan: c.catatan,
    })),
    tandaTangan:
      opts.final && kepala
        ? {
            nama: kepala.nama,
            jabatan: `${kepala.jabatan} ${ctx.agency.singkatan}`,
            nip: kepala.nip,
            waktu: a.keputusan ? new Date(a.keputusan.waktu) : a.ports.clock.now(),
            sidik: opts.final.sidik,
          }
        : undefined,
  });
}

function latestDraftKey(a: ActionInput): Promise<string | undefined> {
  return a.ports.store.listSteps(a.ctx.siklus.agencyId, a.ctx.siklus.cycleId).then(
    (steps) =>
      steps
        .filter((s) => s.jenis === 'susun-draf' && s.unit === '-' && s.selesai)
        .sort((x, y) => x.putaran - y.putaran)
        .at(-1)
        ?.berkas.find((b) => b.label.startsWith('Draf'))?.key,
  );
}

export const ACTIONS: Record<JenisLangkah, StepAction> = {
  disposisi: {
    async mulai(a) {
      const { ctx } = a;
      const kepala = ctx.agency.pejabat['kepala']!;
      const kepada = ctx.agency.pejabat['perencanaan'] ?? kepala;
      const body = await renderDisposisi({
        agency: ctx.agency,
        dari: kepala,
        kepada: [kepada],
        perihal: `${ctx.sop.identitas.nama} tahun ${ctx.siklus.tahun}${ctx.siklus.periode === 'tahunan' ? '' : ` (${ctx.siklus.periode})`}`,
        instruksi: ['proses lebih lanjut', 'koordinasi'],
        sifat: 'segera',
        catatan: `Laksanakan sesuai SOP ${ctx.sop.identitas.nomor}.`,
        waktu: a.ports.clock.now(),
      });
      return [
        await putDoc(
          a,
          cycleKey(ctx.siklus, `${a.ctx.step.no}-disposisi-${a.putaran}.docx`),
          'Lembar disposisi',
          body,
        ),
      ];
    },
    async selesai(a) {
      const { ctx } = a;
      const kepala = ctx.agency.pejabat['kepala']!;
      const body = await renderDisposisi({
        agency: ctx.agency,
        dari: kepala,
        kepada: [ctx.agency.pejabat['perencanaan'] ?? kepala],
        perihal: `${ctx.sop.identitas.nama} tahun ${ctx.siklus.tahun}`,
        instruksi: ['proses lebih lanjut', 'koordinasi'],
        sifat: 'segera',
        catatan: a.keputusan?.catatan || `Laksanakan sesuai SOP ${ctx.sop.identitas.nomor}.`,
        waktu: a.ports.clock.now(),
        paraf: { waktu: a.keputusan ? new Date(a.keputusan.waktu) : a.ports.clock.now() },
      });
      return [
        await putDoc(
          a,
          cycleKey(ctx.siklus, `${a.ctx.step.no}-disposisi-${a.putaran}-paraf.docx`),
          'Lembar disposisi (diparaf)',
          body,
        ),
      ];
    },
  },
  'buat-format': {
    async mulai(a) {
      return Promise.all(a.ctx.agency.unit.map((u) => ensureFormat(a, u.id)));
    },
  },
  distribusi: {
    async selesai(a) {
      const { ctx } = a;
      const out: Berkas[] = [];
      for (const unit of ctx.agency.unit) {
        const f = await ensureFormat(a, unit.id);
        const head = Object.values(unit.pejabat)[0]!;
        const url = await a.ports.blobs.downloadUrl(
          'kerja',
          f.key,
          `format-${ctx.agency.id}-${unit.id}-${ctx.siklus.tahun}.xlsx`,
        );
        await a.ports.mailer.send(
          formatDistributedMail(ctx.agency, head, unit.nama, ctx.sop.identitas.nama, url),
        );
        out.push(f);
      }
      return out;
    },
  },
  himpun: {
    async mulai(a) {
      return [await ensureFormat(a, a.ctx.unit!.id)];
    },
  },
  serahkan: {
    async mulai(a) {
      return [await ensureFormat(a, a.ctx.unit!.id)];
    },
  },
  analisis: {
    async mulai(a) {
      const result = analisis(a.ctx.pk, await acceptedSubmissions(a), a.ctx.siklus.periode);
      const body = Buffer.from(JSON.stringify(result, null, 2));
      return [
        await putDoc(
          a,
          cycleKey(a.ctx.siklus, `analisis-${a.putaran}.json`),
          'Hasil analisis capaian kinerja',
          body,
          JSON_TYPE,
        ),
      ];
    },
  },
  'susun-draf': {
    async mulai(a) {
      const body = await renderReport(a, {});
      const name = `${singkatanLaporan(a.ctx.sop)}-${a.ctx.siklus.tahun}-draf-v${a.putaran}.docx`;
      return [
        await putDoc(
          a,
          cycleKey(a.ctx.siklus, 'draf', name),
          `Draf ${singkatanLaporan(a.ctx.sop)} versi ${a.putaran}`,
          body,
        ),
      ];
    },
  },
  'susun-laporan': {
    async mulai(a) {
      const unit = a.ctx.unit!;
      const body = await renderReport(a, { unitId: unit.id });
      return [
        await putDoc(
          a,
          cycleKey(a.ctx.siklus, 'unit', unit.id, `laporan-langkah-${a.ctx.step.no}-v${a.putaran}.docx`),
          `Laporan data kinerja ${unit.nama}`,
          body,
        ),
      ];
    },
  },
  koreksi: {},
  arahkan: {},
  periksa: {},
  ajukan: {},
  'tanda-tangan': {
    async selesai(a) {
      if (a.keputusan?.hasil === 'kembali') return [];
      const draft = await latestDraftKey(a);
      const sidik = draft
        ? createHash('sha256')
            .update(await a.ports.blobs.get('kerja', draft))
            .digest('hex')
        : '-';
      const body = await renderReport(a, { final: { sidik } });
      const name = `${singkatanLaporan(a.ctx.sop)}-${a.ctx.siklus.tahun}-final.docx`;
      return [
        await putDoc(
          a,
          cycleKey(a.ctx.siklus, 'final', name),
          `${singkatanLaporan(a.ctx.sop)} ditandatangani`,
          body,
        ),
      ];
    },
  },
  'surat-pengantar': {
    async selesai(a) {
      const { ctx } = a;
      const now = a.ports.clock.now();
      const year = tahunOf(now, ctx.agency.zona_waktu);
      const serial = await a.ports.store.allocateLetterNumber(
        ctx.agency.id,
        year,
        `${ctx.siklus.cycleId}/${ctx.step.no}`,
      );
      const nomor = formatNomorSurat(ctx.agency.nomor_surat.pola, {
        klasifikasi: ctx.agency.nomor_surat.klasifikasi['surat-pengantar'] ?? '000',
        nomor: serial,
        kode: ctx.agency.nomor_surat.kode,
        tahun: year,
        bulanRomawi: bulanRomawi(now, ctx.agency.zona_waktu),
      });
      const singkatan = singkatanLaporan(ctx.sop);
      const body = await renderSuratPengantar({
        agency: ctx.agency,
        nomor,
        waktu: now,
        perihal: `Penyampaian ${singkatan} Tahun ${ctx.siklus.tahun}`,
        lampiran: '1 (satu) berkas',
        isi: `Bersama ini kami sampaikan Laporan Kinerja Instansi Pemerintah (${singkatan}) ${ctx.agency.nama} ${ctx.agency.pemerintah} Tahun ${ctx.siklus.tahun} untuk dipergunakan sebagaimana mestinya.`,
        penandatangan: ctx.agency.pejabat['kepala']!,
      });
      const b = await putDoc(
        a,
        cycleKey(ctx.siklus, 'final', 'surat-pengantar.docx'),
        `Surat pengantar nomor ${nomor}`,
        body,
      );
      return [b];
    },
  },
  arsip: {
    async mulai(a) {
      const { ctx } = a;
      const steps = await a.ports.store.listSteps(ctx.siklus.agencyId, ctx.siklus.cycleId);
      const finals = steps.flatMap((s) => s.berkas).filter((b) => b.key.includes('/final/'));
      const out: Berkas[] = [];
      for (const f of finals) {
        const name = f.key.split('/').at(-1)!;
        const key = ['arsip', ctx.agency.id, String(ctx.siklus.tahun), ctx.siklus.cycleId, name].join('/');
        if (!(await a.ports.blobs.exists('arsip', key)))
          await a.ports.blobs.put('arsip', key, await a.ports.blobs.get('kerja', f.key), DOCX);
        out.push({ label: `Arsip: ${f.label}`, key, bucket: 'arsip' });
      }
      const manifest = {
        tujuan: 'e-SAKIP Reviu KemenPAN-RB',
        instansi: ctx.agency.nama,
        pemerintah: ctx.agency.pemerintah,
        tahun: ctx.siklus.tahun,
        dokumen: out.map((o) => ({ label: o.label, key: o.key })),
        catatan: 'Unggah berkas ini ke e-SAKIP Reviu lalu konfirmasi pada halaman tugas.',
      };
      const key = [
        'arsip',
        ctx.agency.id,
        String(ctx.siklus.tahun),
        ctx.siklus.cycleId,
        'manifest-esakip.json',
      ].join('/');
      await a.ports.blobs.put('arsip', key, Buffer.from(JSON.stringify(manifest, null, 2)), JSON_TYPE);
      out.push({ label: 'Daftar unggah e-SAKIP Reviu', key, bucket: 'arsip' });
      return out;
    },
  },
};

/** Who the system acts for on an automatic step (recorded as the actor). */
export function automaticActor(ctx: StepContext) {
  return { ...actorOf(ctx), nama: `${actorOf(ctx).nama} (otomatis oleh sistem)` };
}

export { pelaksanaOf };

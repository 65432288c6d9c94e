import { holderAt, sebutanJabatan } from '../../agency/offices.ts';
import type { Renderer } from '../../documents/port.ts';
import { analisis } from '../../performance/analysis.ts';
import { pkOfUnit } from '../../performance/scope.ts';
import { actingOf } from '../acting.ts';
import { cycleKey, singkatanLaporan } from '../context.ts';
import { CONTENT_TYPE, type ContentType, JENIS_DOKUMEN, type JenisDokumen } from '../documents.ts';
import type { Berkas, StepRecord } from '../model.ts';
import { quarterlyPrefill } from '../prefill.ts';
import { acceptedSubmissions } from '../submissions.ts';
import type { StepWork } from './kind.ts';

/** The document renderer of this function; a kind served by a function without one is a wiring error. */
export function renderer(w: StepWork): Renderer {
  if (!w.ports.renderer)
    throw new Error(
      `langkah ${w.ctx.step.no} (${w.ctx.step.jenis}) merender dokumen, tetapi dijalankan oleh fungsi tanpa perender`,
    );
  return w.ports.renderer;
}

/** Stores a file the step produced and returns its record. */
export async function putBerkas(
  w: StepWork,
  f: { key: string; jenis: JenisDokumen; label?: string; body: Uint8Array; contentType?: ContentType },
  bucket: 'kerja' | 'arsip' = 'kerja',
): Promise<Berkas> {
  const contentType = f.contentType ?? CONTENT_TYPE.docx;
  await w.ports.blobs.put(bucket, f.key, f.body, contentType);
  return { label: f.label ?? JENIS_DOKUMEN[f.jenis].nama, key: f.key, bucket, jenis: f.jenis, contentType };
}

/** The unit's data-collection workbook of this cycle, built once. */
export async function ensureFormat(w: StepWork, unitId: string): Promise<Berkas> {
  const { ctx } = w;
  const key = cycleKey(ctx.siklus, 'format', `${unitId}.xlsx`);
  const unit = ctx.agency.unit.find((u) => u.id === unitId)!;
  if (!(await w.ports.blobs.exists('kerja', key))) {
    const bytes = await renderer(w).formatWorkbook({
      agency: ctx.agency,
      unit,
      pk: ctx.pk,
      periode: ctx.siklus.periode,
      isian: await quarterlyPrefill(w.ports, ctx.siklus, ctx.pk, unitId),
    });
    await w.ports.blobs.put('kerja', key, bytes, CONTENT_TYPE.xlsx);
  }
  return {
    label: `Format pengumpulan data ${unit.nama}`,
    key,
    bucket: 'kerja',
    jenis: 'format',
    contentType: CONTENT_TYPE.xlsx,
  };
}

/** The report (the agency's, or one unit's) from the data accepted so far; signed when `final` is given. */
export async function renderReport(
  w: StepWork,
  opts: { unitId?: string; final?: { sidik: string } },
): Promise<Uint8Array> {
  const { ctx, cycle } = w;
  const subs = await acceptedSubmissions(w.ports, ctx.siklus, opts.unitId);
  const pk = opts.unitId ? pkOfUnit(ctx.pk, opts.unitId) : ctx.pk;
  // Whoever holds the office when signing signs: an acting head prints as "Plt. Kepala Dinas".
  const signedAt = w.keputusan ? new Date(w.keputusan.waktu) : w.ports.clock.now();
  const pimpinan = opts.final
    ? holderAt(ctx.agency, ctx.agency.pimpinan, signedAt, await actingOf(w.ports, ctx.agency.id))
    : undefined;
  return renderer(w).lakip({
    agency: ctx.agency,
    pk,
    analisis: analisis(pk, subs, ctx.siklus.periode),
    singkatan: singkatanLaporan(ctx.sop),
    dibuat: w.ports.clock.now(),
    versi: w.putaran,
    catatanKoreksi: cycle.catatanKoreksi.map((c) => ({
      oleh: c.oleh,
      waktu: new Date(c.waktu),
      catatan: c.catatan,
    })),
    tandaTangan:
      opts.final && pimpinan
        ? {
            nama: pimpinan.orang.nama,
            jabatan: `${sebutanJabatan(pimpinan)} ${ctx.agency.singkatan}`,
            nip: pimpinan.orang.nip,
            waktu: signedAt,
            sidik: opts.final.sidik,
          }
        : undefined,
  });
}

/**
 * The latest document of the given kinds written by a finished step before this one, in the same scope
 * (the unit's, in a per-unit step; the cycle's otherwise).
 */
export function latestDocuments(
  records: StepRecord[],
  before: number,
  unit: string,
  kinds: readonly JenisDokumen[],
): Berkas[] {
  const last = records
    .filter((r) => r.selesai && r.no < before && r.unit === unit)
    .filter((r) => r.berkas.some((b) => kinds.includes(b.jenis)))
    .sort((a, b) => a.selesai!.localeCompare(b.selesai!))
    .at(-1);
  return last?.berkas.filter((b) => kinds.includes(b.jenis)) ?? [];
}

/** The cycle's step records (for kinds that look back at earlier steps' documents). */
export function cycleRecords(w: Pick<StepWork, 'ports' | 'ctx'>): Promise<StepRecord[]> {
  return w.ports.store.listSteps(w.ctx.siklus.agencyId, w.ctx.siklus.cycleId);
}

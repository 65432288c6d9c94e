import { holderAt, unitHead } from '../../agency/offices.ts';
import type { LakipInput } from '../../documents/lakip/common.ts';
import type { Renderer } from '../../documents/port.ts';
import { analisis } from '../../performance/analysis.ts';
import { pkOfUnit } from '../../performance/scope.ts';
import { actingOf } from '../acting.ts';
import { cycleKey, singkatanLaporan } from '../context.ts';
import { CONTENT_TYPE, type ContentType, JENIS_DOKUMEN, type JenisDokumen } from '../documents.ts';
import type { Berkas, StepRecord } from '../model.ts';
import { quarterlyPrefill } from '../prefill.ts';
import { reportData } from '../report-data.ts';
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

/**
 * The report's input (the agency's, or one unit's) from the data accepted so far; signed when `final` is
 * given. The same input renders the DOCX and the PDF.
 */
export async function reportInput(
  w: StepWork,
  opts: { unitId?: string; final?: { sidik: string } },
): Promise<LakipInput> {
  const { ctx, cycle } = w;
  const data = await reportData(w.ports, ctx, opts.unitId);
  const pk = opts.unitId ? pkOfUnit(ctx.pk, opts.unitId) : ctx.pk;
  // Whoever holds the office when signing signs: an acting head prints as "Plt. Kepala Dinas".
  const signedAt = w.keputusan ? new Date(w.keputusan.waktu) : w.ports.clock.now();
  const pimpinan = opts.final
    ? holderAt(ctx.agency, ctx.agency.pimpinan, signedAt, await actingOf(w.ports, ctx.agency.id))
    : undefined;
  const unit = opts.unitId ? ctx.agency.unit.find((u) => u.id === opts.unitId) : undefined;
  return {
    agency: ctx.agency,
    pk,
    analisis: analisis(pk, data.submissions, data.periode),
    singkatan: singkatanLaporan(ctx.sop),
    dibuat: w.ports.clock.now(),
    versi: w.putaran,
    periode: data.periode,
    gabunganTriwulan: data.gabunganTriwulan,
    unit: unit ? { id: unit.id, nama: unit.nama, kepala: unitHead(unit) } : undefined,
    catatanKoreksi: cycle.catatanKoreksi.map((c) => ({
      oleh: c.oleh,
      waktu: new Date(c.waktu),
      catatan: c.catatan,
    })),
    tandaTangan:
      opts.final && pimpinan
        ? {
            nama: pimpinan.orang.nama,
            jabatan: `${pimpinan.orang.jabatan} ${ctx.agency.singkatan}`,
            nip: pimpinan.orang.nip,
            pangkat: pimpinan.orang.pangkat,
            waktu: signedAt,
            sidik: opts.final.sidik,
            plt: pimpinan.sebutan !== undefined,
            sebutan: pimpinan.sebutan,
          }
        : undefined,
  };
}

/** The report as DOCX (see reportInput). */
export async function renderReport(
  w: StepWork,
  opts: { unitId?: string; final?: { sidik: string } },
): Promise<Uint8Array> {
  return renderer(w).lakip(await reportInput(w, opts));
}

/** Stores a document as DOCX (to edit) and as PDF (to read and print) under the same kind. */
export async function putDocxPdf(
  w: StepWork,
  f: { key: string; jenis: JenisDokumen; label: string; docx: Uint8Array; pdf: Uint8Array },
): Promise<Berkas[]> {
  return [
    await putBerkas(w, { key: `${f.key}.docx`, jenis: f.jenis, label: `${f.label} (DOCX)`, body: f.docx }),
    await putBerkas(w, {
      key: `${f.key}.pdf`,
      jenis: f.jenis,
      label: `${f.label} (PDF)`,
      body: f.pdf,
      contentType: CONTENT_TYPE.pdf,
    }),
  ];
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

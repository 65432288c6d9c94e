import { holderAt, type Pemegang, requireOfficeHolder, sebutanJabatan } from '../../agency/offices.ts';
import type { Orang, PelaksanaTugas } from '../../agency/schema.ts';
import { roleOf } from '../../data/catalogue.ts';
import { actingOf } from '../acting.ts';
import { cycleKey, type StepContext } from '../context.ts';
import type { StepKind, StepWork } from './kind.ts';
import { putDocxPdf, renderer } from './shared.ts';

/**
 * Who the disposisi goes to: the pelaksana the SOP names for the step after it (Lumajang's step 2 is the
 * Kabid/Sekretaris of every unit; Balangan's, the Kasubbag Perencanaan), as held on the day it is written:
 * an acting official (Plt./Plh.) in their range receives it under their title.
 */
export function penerimaDisposisi(
  ctx: Pick<StepContext, 'sop' | 'step' | 'agency'>,
  at: Date,
  extra: readonly PelaksanaTugas[] = [],
): Orang[] {
  const order = ctx.sop.langkah.findIndex((l) => l.no === ctx.step.no);
  const next = ctx.sop.langkah[order + 1];
  const held = (key: string, unitId?: string) => asOrang(holderAt(ctx.agency, key, at, extra, unitId));
  // A disposisi closing the SOP goes to the report's pengelola, the office that runs the cycle.
  if (!next) {
    requireOfficeHolder(ctx.agency, 'pengelola');
    return [held(ctx.agency.pengelola!)];
  }
  const role = roleOf(ctx.sop, next.pelaksana);
  if (role.lingkup !== 'unit') return [held(role.jabatan)];
  return ctx.agency.unit.filter((u) => u.pejabat[role.jabatan]).map((u) => held(role.jabatan, u.id));
}

/** An office holder as a letter names them: "Plt. Kepala Dinas" for an acting official. */
const asOrang = (h: Pemegang): Orang => ({ ...h.orang, jabatan: sebutanJabatan(h) });

/** The head's written order to start the SOP: from the step's pelaksana to the next step's. */
async function lembar(w: StepWork, paraf: boolean) {
  const { ctx } = w;
  const now = w.ports.clock.now();
  const extra = await actingOf(w.ports, ctx.agency.id);
  const role = roleOf(ctx.sop, ctx.step.pelaksana);
  const dari = asOrang(
    holderAt(ctx.agency, role.jabatan, now, extra, role.lingkup === 'unit' ? ctx.unit?.id : undefined),
  );
  const periode = ctx.siklus.periode === 'tahunan' || paraf ? '' : ` (${ctx.siklus.periode})`;
  const input = {
    agency: ctx.agency,
    dari,
    kepada: penerimaDisposisi(ctx, now, extra),
    perihal: `${ctx.sop.identitas.nama} tahun ${ctx.siklus.tahun}${periode}`,
    instruksi: ['proses lebih lanjut', 'koordinasi'],
    sifat: 'segera' as const,
    catatan: (paraf && w.keputusan?.catatan) || `Laksanakan sesuai SOP ${ctx.sop.identitas.nomor}.`,
    waktu: now,
    agenda: { diterima: now },
    ...(paraf ? { paraf: { waktu: w.keputusan ? new Date(w.keputusan.waktu) : now } } : {}),
  };
  return putDocxPdf(w, {
    key: cycleKey(ctx.siklus, `${ctx.step.no}-disposisi-${w.putaran}${paraf ? '-paraf' : ''}`),
    jenis: 'disposisi',
    label: paraf ? 'Lembar disposisi (diparaf)' : 'Lembar disposisi',
    docx: await renderer(w).disposisi(input),
    pdf: await renderer(w).disposisiPdf(input),
  });
}

export const disposisi: StepKind = {
  uraian: {
    sistem:
      'Menyiapkan lembar disposisi dari pelaksana langkah kepada pelaksana langkah berikutnya menurut SOP.',
    orang: 'Memeriksa lalu mengonfirmasi disposisi; catatan yang diisi tercetak pada lembar yang diparaf.',
  },
  fungsi: 'dokumen',
  menghasilkan: ['disposisi'],
  ringkasan: false,
  kantor: ['pengelola'],
  mulai: (w) => lembar(w, false),
  selesai: (w) => lembar(w, true),
};

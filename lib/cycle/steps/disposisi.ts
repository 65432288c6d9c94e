import { requireOfficeHolder } from '../../agency/offices.ts';
import type { Orang } from '../../agency/schema.ts';
import { holderOf, roleOf } from '../../data/catalogue.ts';
import { cycleKey, pelaksanaHolder, type StepContext } from '../context.ts';
import type { StepKind, StepWork } from './kind.ts';
import { putDocxPdf, renderer } from './shared.ts';

/**
 * Who the disposisi goes to: the pelaksana the SOP names for the step after it (Lumajang's step 2 is the
 * Kabid/Sekretaris of every unit; Balangan's, the Kasubbag Perencanaan).
 */
export function penerimaDisposisi(ctx: Pick<StepContext, 'sop' | 'step' | 'agency'>): Orang[] {
  const order = ctx.sop.langkah.findIndex((l) => l.no === ctx.step.no);
  const next = ctx.sop.langkah[order + 1];
  // A disposisi closing the SOP goes to the report's pengelola, the office that runs the cycle.
  if (!next) return [requireOfficeHolder(ctx.agency, 'pengelola')];
  const role = roleOf(ctx.sop, next.pelaksana);
  if (role.lingkup !== 'unit') return [holderOf(ctx.agency, role)];
  return ctx.agency.unit.filter((u) => u.pejabat[role.jabatan]).map((u) => holderOf(ctx.agency, role, u.id));
}

/** The head's written order to start the SOP: from the step's pelaksana to the next step's. */
async function lembar(w: StepWork, paraf: boolean) {
  const { ctx } = w;
  const dari = pelaksanaHolder(ctx);
  const periode = ctx.siklus.periode === 'tahunan' || paraf ? '' : ` (${ctx.siklus.periode})`;
  const now = w.ports.clock.now();
  const input = {
    agency: ctx.agency,
    dari,
    kepada: penerimaDisposisi(ctx),
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

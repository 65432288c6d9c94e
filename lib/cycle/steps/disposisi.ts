import { requireOfficeHolder } from '../../agency/offices.ts';
import { cycleKey, pelaksanaHolder } from '../context.ts';
import type { StepKind, StepWork } from './kind.ts';
import { putBerkas, renderer } from './shared.ts';

/** The head's written order to start the SOP: from the step's pelaksana to the report's pengelola. */
async function lembar(w: StepWork, paraf: boolean) {
  const { ctx } = w;
  const dari = pelaksanaHolder(ctx);
  const periode = ctx.siklus.periode === 'tahunan' || paraf ? '' : ` (${ctx.siklus.periode})`;
  const now = w.ports.clock.now();
  const body = await renderer(w).disposisi({
    agency: ctx.agency,
    dari,
    kepada: [requireOfficeHolder(ctx.agency, 'pengelola')],
    perihal: `${ctx.sop.identitas.nama} tahun ${ctx.siklus.tahun}${periode}`,
    instruksi: ['proses lebih lanjut', 'koordinasi'],
    sifat: 'segera',
    catatan: (paraf && w.keputusan?.catatan) || `Laksanakan sesuai SOP ${ctx.sop.identitas.nomor}.`,
    waktu: now,
    ...(paraf ? { paraf: { waktu: w.keputusan ? new Date(w.keputusan.waktu) : now } } : {}),
  });
  return putBerkas(w, {
    key: cycleKey(ctx.siklus, `${ctx.step.no}-disposisi-${w.putaran}${paraf ? '-paraf' : ''}.docx`),
    jenis: 'disposisi',
    label: paraf ? 'Lembar disposisi (diparaf)' : 'Lembar disposisi',
    body,
  });
}

export const disposisi: StepKind = {
  uraian: {
    sistem: 'Menyiapkan lembar disposisi dari pelaksana langkah kepada pengelola laporan kinerja.',
    orang: 'Memeriksa lalu mengonfirmasi disposisi; catatan yang diisi tercetak pada lembar yang diparaf.',
  },
  fungsi: 'dokumen',
  menghasilkan: ['disposisi'],
  ringkasan: false,
  kantor: ['pengelola'],
  mulai: async (w) => [await lembar(w, false)],
  selesai: async (w) => [await lembar(w, true)],
};

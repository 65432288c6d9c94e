import { createHash } from 'node:crypto';
import { cycleKey, singkatanLaporan } from '../context.ts';
import { HASIL_KEMBALI } from '../payload.ts';
import type { StepKind } from './kind.ts';
import { cycleRecords, latestDocuments, putBerkas, renderReport } from './shared.ts';

export const tandaTangan: StepKind = {
  uraian: {
    sistem:
      'Setelah disetujui, menyusun laporan final dengan tanda tangan pimpinan dan sidik draf yang disetujui.',
    orang: 'Menandatangani laporan, atau mengembalikannya dengan catatan.',
  },
  fungsi: 'dokumen',
  menghasilkan: ['laporan-final'],
  meninjau: ['draf'],
  ringkasan: true,
  kantor: ['pimpinan'],
  async selesai(w) {
    if (w.keputusan?.hasil === HASIL_KEMBALI) return [];
    const { ctx } = w;
    const [draft] = latestDocuments(await cycleRecords(w), ctx.step.no, '-', ['draf']);
    const sidik = draft
      ? createHash('sha256')
          .update(await w.ports.blobs.get('kerja', draft.key))
          .digest('hex')
      : '-';
    const singkatan = singkatanLaporan(ctx.sop);
    return [
      await putBerkas(w, {
        key: cycleKey(ctx.siklus, 'final', `${singkatan}-${ctx.siklus.tahun}-final.docx`),
        jenis: 'laporan-final',
        label: `${singkatan} ditandatangani`,
        body: await renderReport(w, { final: { sidik } }),
      }),
    ];
  },
};

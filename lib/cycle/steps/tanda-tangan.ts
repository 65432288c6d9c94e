import { signedBerkas, signReport } from '../../signing/sign-report.ts';
import { cycleKey, singkatanLaporan } from '../context.ts';
import { CONTENT_TYPE } from '../documents.ts';
import type { Berkas } from '../model.ts';
import { HASIL_KEMBALI } from '../payload.ts';
import type { StepKind, StepWork } from './kind.ts';
import { cycleRecords, putBerkas, renderer, reportInput } from './shared.ts';

/** The renderer's PDF of the report, where the renderer has one (lib/documents, H-DOCS). */
type PdfRenderer = { lakipPdf?: (input: Awaited<ReturnType<typeof reportInput>>) => Promise<Uint8Array> };

/**
 * The approved version as the PDF to sign: rendered from the same content as the draft, with no
 * correction history (that stays in the drafts and the step records).
 */
async function naskahFinal(w: StepWork): Promise<Berkas[]> {
  const pdf = (renderer(w) as PdfRenderer).lakipPdf;
  if (!pdf) return [];
  const input = await reportInput(w, {});
  const singkatan = singkatanLaporan(w.ctx.sop);
  return [
    await putBerkas(w, {
      key: cycleKey(w.ctx.siklus, 'final', `${singkatan}-${w.ctx.siklus.tahun}-naskah-p${w.putaran}.pdf`),
      jenis: 'naskah-final',
      label: `Naskah ${singkatan} untuk ditandatangani (PDF)`,
      body: await pdf.call(renderer(w), { ...input, catatanKoreksi: [] }),
      contentType: CONTENT_TYPE.pdf,
    }),
  ];
}

export const tandaTangan: StepKind = {
  uraian: {
    sistem:
      'Menyiapkan naskah final (PDF) dari versi yang disetujui; setelah pimpinan menyetujui, membubuhkan tanda tangan elektronik (PAdES) dengan kode QR verifikasi.',
    orang: 'Menandatangani laporan secara elektronik, atau mengembalikannya dengan catatan.',
  },
  fungsi: 'dokumen',
  menghasilkan: ['naskah-final', 'laporan-final'],
  meninjau: ['draf'],
  ringkasan: true,
  kantor: ['pimpinan'],
  mulai: naskahFinal,
  async selesai(w) {
    const k = w.keputusan;
    if (!k || k.hasil === HASIL_KEMBALI) return [];
    // Signed on the signing page already (a PSrE, with the signer's passphrase).
    if (k.ttd) return [signedBerkas(w.ctx, k.ttd.key)];
    const { ctx } = w;
    const mine = (await cycleRecords(w)).find(
      (r) => r.no === ctx.step.no && r.unit === '-' && r.putaran === w.putaran,
    );
    const naskah = mine?.berkas.find((b) => b.jenis === 'naskah-final');
    if (!naskah)
      throw new Error(
        `langkah ${ctx.step.no}: tidak ada naskah PDF untuk ditandatangani (perender tanpa PDF, dan tidak ada PDF yang diunggah)`,
      );
    const signed = await signReport(w.ports, ctx, await w.ports.blobs.get('kerja', naskah.key), {
      waktu: new Date(k.waktu),
    });
    return [signed.berkas];
  },
};

import { cycleKey, singkatanLaporan, taskIdOf } from '../context.ts';
import { CONTENT_TYPE } from '../documents.ts';
import type { Berkas, SiklusRef } from '../model.ts';
import { HASIL_KEMBALI } from '../payload.ts';
import type { Ports } from '../ports.ts';
import { acceptedRevision, REVISED } from '../revisions.ts';
import { signedBerkas, signReport } from '../sign-report.ts';
import { finalReportInput } from './final-input.ts';
import type { StepKind, StepWork } from './kind.ts';
import { cycleRecords, latestDocuments, putBerkas, renderer } from './shared.ts';

/**
 * The approved version as the PDF to sign, with no correction history (that stays in the drafts and the
 * step records): the preparer's revised PDF when that was the version approved; none when it was a Word
 * file (the PDF exported from Word is uploaded on the signing page); otherwise rendered from the same
 * content as the draft.
 */
async function naskahFinal(w: StepWork): Promise<Berkas[]> {
  const { ctx } = w;
  const singkatan = singkatanLaporan(ctx.sop);
  const key = cycleKey(ctx.siklus, 'final', `${singkatan}-${ctx.siklus.tahun}-naskah-p${w.putaran}.pdf`);
  const naskah = (body: Uint8Array) =>
    putBerkas(w, {
      key,
      jenis: 'naskah-final',
      label: `Naskah ${singkatan} untuk ditandatangani (PDF)`,
      body,
      contentType: CONTENT_TYPE.pdf,
    });
  const approved = latestDocuments(await cycleRecords(w), ctx.step.no, '-', ['draf']);
  const revised = approved.find((b) => REVISED.test(b.key));
  if (revised)
    return revised.key.endsWith('.pdf') ? [await naskah(await w.ports.blobs.get('kerja', revised.key))] : [];
  return [await naskah(await renderer(w).lakipPdf(await finalReportInput(w, ctx)))];
}

/** The PDF the signer signs: one uploaded on the signing page (exported from Word), else the prepared one. */
export async function naskahToSign(
  ports: Ports,
  s: Pick<SiklusRef, 'agencyId' | 'cycleId'>,
  taskId: string,
  berkas: Berkas[],
): Promise<string | undefined> {
  const uploaded = await acceptedRevision(ports, s, taskId);
  return uploaded?.key ?? berkas.find((b) => b.jenis === 'naskah-final')?.key;
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
    const naskah = await naskahToSign(
      w.ports,
      ctx.siklus,
      taskIdOf(ctx.step.no, '-', w.putaran),
      mine?.berkas ?? [],
    );
    if (!naskah)
      throw new Error(
        `langkah ${ctx.step.no}: tidak ada naskah PDF untuk ditandatangani (perender tanpa PDF, dan tidak ada PDF yang diunggah)`,
      );
    const signed = await signReport(w.ports, ctx, await w.ports.blobs.get('kerja', naskah), {
      waktu: new Date(k.waktu),
    });
    return [signed.berkas];
  },
};

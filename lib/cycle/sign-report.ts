import { newVerificationId, sha256Hex, verificationPath } from '../signing/verification.ts';
import { actingOf } from './acting.ts';
import { cycleKey, type StepContext, singkatanLaporan } from './context.ts';
import { CONTENT_TYPE } from './documents.ts';
import type { Berkas, Verifikasi } from './model.ts';
import type { Ports } from './ports.ts';
import { signerOf } from './signer-of.ts';

export interface SignedReport {
  berkas: Berkas;
  verifikasi: Verifikasi;
}

/** The title printed on the report's cover, as the verification page repeats it. */
export function reportTitle(ctx: StepContext): string {
  const periode = ctx.siklus.periode === 'tahunan' ? '' : ` ${ctx.siklus.periode}`;
  return `${singkatanLaporan(ctx.sop)} Tahun ${ctx.siklus.tahun}${periode}`;
}

/** The signed report's file record (the archive takes it: `laporan-final` is final). */
export function signedBerkas(ctx: StepContext, key: string): Berkas {
  return {
    label: `${singkatanLaporan(ctx.sop)} ditandatangani secara elektronik (PDF)`,
    key,
    bucket: 'kerja',
    jenis: 'laporan-final',
    contentType: CONTENT_TYPE.pdf,
  };
}

/**
 * Signs the approved PDF in the name of the step's signer: a fresh verification id (its URL in the QR
 * code), the signature through the agency's signer, the signed PDF under a key of its own (a signature
 * is never overwritten: two attempts leave two files, and only the one whose decision was recorded is
 * used) and the verification record with the signed file's SHA-256.
 */
export async function signReport(
  ports: Ports,
  ctx: StepContext,
  naskah: Uint8Array,
  opts: { waktu: Date; passphrase?: string },
): Promise<SignedReport> {
  if (!ports.tte)
    throw new Error(
      `langkah ${ctx.step.no} menandatangani laporan, tetapi fungsi ini tidak punya penanda tangan`,
    );
  const id = newVerificationId();
  const {
    sebutan: _s,
    pangkat: _p,
    ...penandatangan
  } = signerOf(ctx, opts.waktu, await actingOf(ports, ctx.agency.id));
  const signed = await ports.tte.signPdf(
    naskah,
    {
      agencyId: ctx.agency.id,
      agencyNama: `${ctx.agency.nama} ${ctx.agency.pemerintah}`,
      agencySingkat: `${ctx.agency.singkatan} ${ctx.agency.pemerintah}`,
      penandatangan,
      waktu: opts.waktu,
      verifikasiUrl: `${ports.publicUrl}${verificationPath(id)}`,
      passphrase: opts.passphrase,
    },
    ctx.agency,
    ctx.agency.zona_waktu,
  );
  const key = cycleKey(
    ctx.siklus,
    'final',
    `${singkatanLaporan(ctx.sop)}-${ctx.siklus.tahun}-ditandatangani-${id.slice(0, 10).toLowerCase()}.pdf`,
  );
  await ports.blobs.put('kerja', key, signed, CONTENT_TYPE.pdf);
  const verifikasi: Verifikasi = {
    id,
    agencyId: ctx.agency.id,
    cycleId: ctx.siklus.cycleId,
    judul: reportTitle(ctx),
    instansi: `${ctx.agency.nama} ${ctx.agency.pemerintah}`,
    tahun: ctx.siklus.tahun,
    penandatangan: {
      nama: penandatangan.nama,
      jabatan: penandatangan.jabatan,
      ...(penandatangan.nip ? { nip: penandatangan.nip } : {}),
    },
    waktu: opts.waktu.toISOString(),
    sha256: sha256Hex(signed),
    key,
  };
  await ports.store.putVerification(verifikasi);
  return { berkas: signedBerkas(ctx, key), verifikasi };
}

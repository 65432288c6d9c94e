import type { Catalogue } from '../data/catalogue.ts';
import { TandaTanganGagal } from '../signing/port.ts';
import { deliverDecision } from './decisions.ts';
import type { Keputusan, Verifikasi } from './model.ts';
import { allowedAnswers, HANDED_ON, LINK_MESSAGES, taskByLink } from './people.ts';
import type { Ports } from './ports.ts';
import { signReport } from './sign-report.ts';
import { naskahToSign } from './steps/tanda-tangan.ts';

export type SignOutcome =
  | { ok: true; keputusan: Keputusan; verifikasi?: Verifikasi }
  | { ok: false; alasan: 'tidak-dikenal' | 'kedaluwarsa' | 'sudah-diproses' | 'tidak-sah'; pesan: string };

const DONE = 'Tugas ini sudah diproses sebelumnya; tidak ada yang diubah.';

/** Whether the agency signs through a PSrE, which needs the signer's passphrase on the signing page. */
export const signsWithPsre = (agency: { tte?: { penyedia: string } }): boolean =>
  agency.tte?.penyedia === 'bsre';

/**
 * The signer's "Tandatangani" on the signing page (POST only). With the system's key the approval is
 * recorded and the signature applied by the step's closing part; with a PSrE the PDF is signed here and
 * now with the passphrase typed on the page, which goes to the PSrE once and is kept nowhere: not in the
 * decision, the task, the step record or any log. A refused passphrase leaves the task open.
 */
export async function signByLink(
  ports: Ports,
  cat: Catalogue,
  linkId: string,
  input: { passphrase?: string },
): Promise<SignOutcome> {
  const found = await taskByLink(ports, cat, linkId);
  if (!found.ok) return { ok: false, alasan: found.alasan, pesan: LINK_MESSAGES[found.alasan] };
  // A delegator's old link shows the task; only the delegate signs.
  if (found.hanyaLihat) return { ok: false, alasan: 'tidak-sah', pesan: HANDED_ON };
  const { task, ctx } = found;
  if (ctx.step.jenis !== 'tanda-tangan')
    return { ok: false, alasan: 'tidak-sah', pesan: 'Tugas ini bukan penandatanganan laporan.' };
  if (task.status !== 'terbuka') return { ok: false, alasan: 'sudah-diproses', pesan: DONE };
  const hasil = allowedAnswers(task).includes('setuju') ? 'setuju' : 'selesai';
  const waktu = ports.clock.now();
  let keputusan: Keputusan = {
    hasil,
    catatan: 'Disetujui dan ditandatangani secara elektronik.',
    oleh: task.assignee,
    waktu: waktu.toISOString(),
  };
  let verifikasi: Verifikasi | undefined;
  if (signsWithPsre(ctx.agency)) {
    const naskah = await naskahToSign(ports, task, task.taskId, task.berkas);
    if (!naskah)
      return {
        ok: false,
        alasan: 'tidak-sah',
        pesan: 'Naskah PDF laporan belum tersedia untuk ditandatangani; hubungi Kasubbag Perencanaan.',
      };
    const passphrase = (input.passphrase ?? '').trim();
    if (!passphrase)
      return { ok: false, alasan: 'tidak-sah', pesan: 'Passphrase TTE wajib diisi untuk menandatangani.' };
    try {
      const signed = await signReport(ports, ctx, await ports.blobs.get('kerja', naskah), {
        waktu,
        passphrase,
      });
      verifikasi = signed.verifikasi;
      keputusan = { ...keputusan, ttd: { key: signed.berkas.key, verifikasi: signed.verifikasi.id } };
    } catch (e) {
      if (e instanceof TandaTanganGagal) return { ok: false, alasan: 'tidak-sah', pesan: e.message };
      throw e;
    }
  }
  if (!(await ports.store.decideTask(task.agencyId, task.cycleId, task.taskId, keputusan)))
    return { ok: false, alasan: 'sudah-diproses', pesan: DONE };
  await deliverDecision(ports, task, keputusan);
  return { ok: true, keputusan, ...(verifikasi ? { verifikasi } : {}) };
}

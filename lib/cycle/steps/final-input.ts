import type { LakipInput } from '../../documents/lakip/common.ts';
import { actingOf } from '../acting.ts';
import type { StepContext } from '../context.ts';
import { signerOf } from '../signer-of.ts';
import type { StepWork } from './kind.ts';
import { reportInput } from './shared.ts';

/**
 * The report as it will be signed: no "DRAF" mark, no correction history, the signature block of whoever
 * holds the signing role (`signing`: the SOP's tanda-tangan step) that day; the PAdES stamp itself is the
 * signature (sidik ''). The same content gives the PDF to sign and the Word file a preparer edits.
 */
export async function finalReportInput(w: StepWork, signing: StepContext): Promise<LakipInput> {
  const input = await reportInput(w, { final: { sidik: '' } });
  const signer = signerOf(signing, w.ports.clock.now(), await actingOf(w.ports, signing.agency.id));
  const tandaTangan = input.tandaTangan && {
    ...input.tandaTangan,
    nama: signer.nama,
    nip: signer.nip,
    pangkat: signer.pangkat,
    plt: signer.sebutan !== undefined,
    sebutan: signer.sebutan,
  };
  return { ...input, catatanKoreksi: [], tandaTangan };
}

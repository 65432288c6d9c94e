import type { Penandatangan } from '../signing/port.ts';
import { pelaksanaHolder, type StepContext } from './context.ts';

/**
 * Who signs at a signing step: the holder of the role the SOP names as the step's pelaksana (the head by
 * default; a Sekretaris where the SOP says so), with the office as printed under the signature.
 *
 * The one seam for acting officials: `pelaksanaHolder` gives today's holder. When lib/agency/offices.ts
 * has `holderAt(agency, officeKey, at)` (an acting Plt./Plh. in their period, `sebutan` "Plt."), this call
 * becomes `holderAt(ctx.agency, roleOf(ctx.sop, ctx.step.pelaksana).jabatan, at)` and the jabatan is
 * prefixed with its `sebutan`.
 */
export function signerOf(ctx: StepContext, _at: Date): Penandatangan {
  const holder = pelaksanaHolder(ctx);
  const sebutan: string | undefined = undefined;
  const jabatan = `${holder.jabatan} ${ctx.agency.singkatan}`;
  return {
    nama: holder.nama,
    jabatan: sebutan ? `${sebutan} ${jabatan}` : jabatan,
    ...(holder.nip ? { nip: holder.nip } : {}),
    ...(holder.nik ? { nik: holder.nik } : {}),
  };
}

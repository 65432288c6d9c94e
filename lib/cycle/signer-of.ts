import { holderAt } from '../agency/offices.ts';
import type { PelaksanaTugas } from '../agency/schema.ts';
import { roleOf } from '../data/catalogue.ts';
import type { Penandatangan } from '../signing/port.ts';
import type { StepContext } from './context.ts';

/** A signer as the stamp and the report print them: an acting official's appointment and own rank. */
export interface Signer extends Penandatangan {
  sebutan?: 'Plt.' | 'Plh.';
  pangkat?: string;
}

/**
 * Who signs at a signing step: whoever holds, on the signing day, the role the SOP names as the step's
 * pelaksana (the head by default; a Sekretaris where the SOP says so): an acting Plt./Plh. in their period
 * (the agency file's `pelaksana_tugas` and those an operator recorded, `acting`), who signs as
 * "Plt. Kepala Dinas …".
 */
export function signerOf(ctx: StepContext, at: Date, acting: readonly PelaksanaTugas[] = []): Signer {
  const role = roleOf(ctx.sop, ctx.step.pelaksana);
  const h = holderAt(
    ctx.agency,
    role.jabatan,
    at,
    acting,
    role.lingkup === 'unit' ? ctx.unit?.id : undefined,
  );
  const jabatan = `${h.orang.jabatan} ${ctx.agency.singkatan}`;
  return {
    nama: h.orang.nama,
    jabatan: h.sebutan ? `${h.sebutan} ${jabatan}` : jabatan,
    ...(h.orang.nip ? { nip: h.orang.nip } : {}),
    ...(h.orang.nik ? { nik: h.orang.nik } : {}),
    ...(h.orang.pangkat ? { pangkat: h.orang.pangkat } : {}),
    ...(h.sebutan ? { sebutan: h.sebutan } : {}),
  };
}

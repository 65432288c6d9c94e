import type { Agency } from '../agency/schema.ts';
import type { Langkah, Sop } from '../sop/schema.ts';
import { formatWaktu, parseWaktu, TIDAK_DITENTUKAN, type Waktu } from '../sop/waktu.ts';

/** The working time a step gets, and how it is shown wherever the step's mutu baku would be. */
export interface BatasKerja {
  waktu: Waktu;
  /** "2 jam" (the SOP's mutu baku) or "tidak ditentukan (batas kerja: 5 hari, ketetapan instansi)". */
  teks: string;
  /** False when the SOP sets no time and the deadline comes from `waktu_bawaan`. */
  mutuBaku: boolean;
}

/** The default working time of an SOP's steps without `waktu`: the SOP's own, else the agency's. */
export function waktuBawaan(sop: Sop, agency?: Agency): Waktu | undefined {
  const text = sop.waktu_bawaan ?? agency?.waktu_bawaan;
  return text === undefined ? undefined : parseWaktu(text);
}

/**
 * The deadline basis of a step. A step without `waktu` is never given an invented mutu baku: it is
 * shown as "tidak ditentukan" with the working time the agency decided, so nobody reads it as the SOP's.
 */
export function batasKerja(step: Langkah, sop: Sop, agency?: Agency): BatasKerja | undefined {
  if (step.waktu !== undefined) {
    const waktu = parseWaktu(step.waktu);
    return waktu && { waktu, teks: step.waktu, mutuBaku: true };
  }
  const bawaan = waktuBawaan(sop, agency);
  if (!bawaan) return undefined;
  return {
    waktu: bawaan,
    teks: `${TIDAK_DITENTUKAN} (batas kerja: ${formatWaktu(bawaan)}, ketetapan instansi)`,
    mutuBaku: false,
  };
}

/** The text of the "Waktu" column of a step: its mutu baku, or "tidak ditentukan" with the working time. */
export function waktuTeks(step: Langkah, sop: Sop, agency?: Agency): string {
  return batasKerja(step, sop, agency)?.teks ?? TIDAK_DITENTUKAN;
}

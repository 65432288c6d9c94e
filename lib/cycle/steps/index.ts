import type { JenisLangkah } from '../../sop/schema.ts';
import { analisis } from './analisis.ts';
import { arahkan } from './arahkan.ts';
import { arsip } from './arsip.ts';
import { buatFormat } from './buat-format.ts';
import { disposisi } from './disposisi.ts';
import { distribusi } from './distribusi.ts';
import { himpun } from './himpun.ts';
import type { StepKind } from './kind.ts';
import { ajukan, koreksi, periksa } from './review-kinds.ts';
import { serahkan } from './serahkan.ts';
import { suratPengantar } from './surat-pengantar.ts';
import { susunDraf } from './susun-draf.ts';
import { susunLaporan } from './susun-laporan.ts';
import { tandaTangan } from './tanda-tangan.ts';

/**
 * Every step kind an SOP file may name in `jenis`. Adding a kind: its name in JENIS_LANGKAH
 * (lib/sop/schema.ts, the file format), one module here, one line below; the compiler names a kind
 * without a module.
 */
export const STEP_KINDS: Record<JenisLangkah, StepKind> = {
  disposisi,
  'buat-format': buatFormat,
  distribusi,
  himpun,
  analisis,
  'susun-draf': susunDraf,
  koreksi,
  ajukan,
  'tanda-tangan': tandaTangan,
  'surat-pengantar': suratPengantar,
  arsip,
  arahkan,
  serahkan,
  'susun-laporan': susunLaporan,
  periksa,
};

export function stepKind(jenis: JenisLangkah): StepKind {
  return STEP_KINDS[jenis];
}

export type { Fungsi, StepKind, StepWork } from './kind.ts';

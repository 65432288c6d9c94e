import type { FormatRequest } from '../workbook/build.ts';
import type { Isian } from '../workbook/fill.ts';
import type { AnalisisWorkbookInput } from './analysis-workbook.ts';

import type { DaftarEsakipInput } from './esakip-list.ts';
import type { LakipInput } from './lakip/common.ts';
import type { DisposisiInput, SuratPengantarInput } from './letters.ts';
import type { PerubahanTeks } from './text-diff.ts';

/**
 * Turns content into files (DOCX, PDF, XLSX). A port so that only the functions that render documents load
 * the document libraries: the other functions' ports have none, and a step kind served by the wrong
 * function fails with a clear message instead of every function paying a slow cold start.
 *
 * Every document is built once as content (lib/documents/content.ts) and rendered twice: the DOCX is the
 * editable draft, the PDF the final form (embedded fonts, page numbers, vector charts) — same words.
 */
export interface Renderer {
  lakip(input: LakipInput): Promise<Uint8Array>;
  /** The report as PDF, from the same input: what is signed and archived. */
  lakipPdf(input: LakipInput): Promise<Uint8Array>;
  disposisi(input: DisposisiInput): Promise<Uint8Array>;
  disposisiPdf(input: DisposisiInput): Promise<Uint8Array>;
  suratPengantar(input: SuratPengantarInput): Promise<Uint8Array>;
  suratPengantarPdf(input: SuratPengantarInput): Promise<Uint8Array>;
  /** A unit's data-collection workbook; `isian` prefills it (e.g. the year from accepted quarters). */
  formatWorkbook(input: FormatRequest & { isian?: Isian }): Promise<Uint8Array>;
  /** The analysis of the data accepted so far, as a workbook (summary, per indicator, unit, sasaran). */
  analisisWorkbook(input: AnalisisWorkbookInput): Promise<Uint8Array>;
  /** What to upload to e-SAKIP Reviu, by ESR document type, as a workbook. */
  daftarEsakip(input: DaftarEsakipInput): Promise<Uint8Array>;
  /** The other way: what changed in the text of a Word file against an earlier one (the report's versions). */
  compareDocx(before: Uint8Array, after: Uint8Array): Promise<PerubahanTeks>;
}

import type { LakipInput } from './lakip/index.ts';
import { lakipContent } from './lakip/index.ts';
import { logoOf } from './logo.ts';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';

export type { CatatanKoreksi, LakipInput } from './lakip/index.ts';
export { lakipContent } from './lakip/index.ts';

const withLogo = (input: LakipInput): LakipInput => ({ ...input, logo: input.logo ?? logoOf(input.agency) });

/** The LAKIP/LKjIP (or a unit's report) as an editable DOCX; a draft shows the reviewers' notes as an internal section. */
export function renderLakip(input: LakipInput): Promise<Buffer> {
  return renderDocx(lakipContent(withLogo(input), { internal: true }));
}

/** The same report as PDF: the final form (no correction history), also the one to sign. */
export function renderLakipPdf(input: LakipInput): Promise<Buffer> {
  return renderPdf(lakipContent(withLogo(input)));
}

import { buildFormatWorkbook } from '../workbook/build.ts';
import { fillWorkbook } from '../workbook/fill.ts';
import { renderAnalisisWorkbook } from './analysis-workbook.ts';
import { renderDaftarEsakip } from './esakip-list.ts';
import { renderLakip, renderLakipPdf } from './lakip.ts';
import { renderDisposisi, renderSuratPengantar } from './letters.ts';
import type { Renderer } from './port.ts';
import { compareDocx } from './text-diff.ts';

/** The document libraries behind the Renderer port: imported only by the functions that render. */
export const documentRenderer: Renderer = {
  lakip: renderLakip,
  lakipPdf: renderLakipPdf,
  disposisi: (d) => renderDisposisi(d, 'docx'),
  disposisiPdf: (d) => renderDisposisi(d, 'pdf'),
  suratPengantar: (s) => renderSuratPengantar(s, 'docx'),
  suratPengantarPdf: (s) => renderSuratPengantar(s, 'pdf'),
  formatWorkbook: async ({ isian, ...req }) => {
    const blank = await buildFormatWorkbook(req);
    return isian ? fillWorkbook(blank, isian) : blank;
  },
  analisisWorkbook: renderAnalisisWorkbook,
  daftarEsakip: renderDaftarEsakip,
  compareDocx,
};

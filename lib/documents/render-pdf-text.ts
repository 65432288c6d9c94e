import type { Content } from 'pdfmake';
import type { Align, Run, Text } from './content.ts';
import { nowrap } from './outline.ts';

/** Text runs and alignment for the PDF renderer. */

export const GREY = '#E7E6E6';

export const ALIGN: Record<Align, 'left' | 'center' | 'right' | 'justify'> = {
  left: 'left',
  center: 'center',
  right: 'right',
  justify: 'justify',
};

/**
 * pdfmake breaks lines after a hyphen and, in justified text, then spreads "Rata-rata" into "Rata- rata";
 * a non-breaking hyphen inside words keeps the word whole.
 */
const hyphens = (s: string) => s.replace(/(?<=\p{L}|\d)-(?=\p{L}|\d)/gu, '\u2011');

export function inlines(t: Text, base: Partial<Run> = {}): Content {
  if (typeof t === 'string') return hyphens(base.noWrap ? nowrap(t) : t);
  return t.map((r) => ({
    text: hyphens(r.noWrap || base.noWrap ? nowrap(r.text) : r.text),
    bold: r.bold ?? base.bold,
    italics: r.italics ?? base.italics,
    decoration: r.underline ? 'underline' : undefined,
    fontSize: r.size,
  })) as Content;
}

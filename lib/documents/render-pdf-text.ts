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
 * In justified text pdfmake spreads a word at its hyphen ("Rata- rata", "IKU- 3"): there a non-breaking
 * hyphen keeps the word whole. Elsewhere the plain hyphen stays, so "IKU-3" can be found with a search.
 */
const hyphens = (s: string) => s.replace(/(?<=\p{L}|\d)-(?=\p{L}|\d)/gu, '\u2011');

export function inlines(t: Text, base: Partial<Run> = {}, justify = false): Content {
  const fix = (s: string) => (justify ? hyphens(s) : s);
  if (typeof t === 'string') return fix(base.noWrap ? nowrap(t) : t);
  return t.map((r) => ({
    text: fix(r.noWrap || base.noWrap ? nowrap(r.text) : r.text),
    bold: r.bold ?? base.bold,
    italics: r.italics ?? base.italics,
    decoration: r.underline ? 'underline' : undefined,
    fontSize: r.size,
  })) as Content;
}

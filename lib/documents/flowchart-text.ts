/**
 * Text measurement for the SOP flowchart without a DOM: Arial/Helvetica advance widths (1/1000 em) for
 * printable ASCII, widened by a safety factor so that the same text also fits when the viewer substitutes
 * Liberation Sans or the wider DejaVu Sans. Wrapping breaks at spaces (and after '/' or '-'), never inside a
 * word unless that word alone is wider than the line.
 */

// Helvetica AFM widths for code points 32..126.
const WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
  500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
  556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
/** DejaVu Sans runs up to 20% wider than Arial; bold about 8% wider again. */
const SAFETY = 1.2;
const BOLD = 1.08;

export const FONT_FAMILY = "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

export interface Font {
  size: number;
  bold?: boolean;
}

/** The width of a text in user units at the given font size. */
export function textWidth(text: string, font: Font): number {
  let units = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    units += c >= 32 && c <= 126 ? WIDTHS[c - 32]! : 600;
  }
  return (units / 1000) * font.size * SAFETY * (font.bold ? BOLD : 1);
}

/** Splits a word that alone exceeds the width into pieces that fit (the only mid-word break allowed). */
function splitLongWord(word: string, width: number, font: Font): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of word) {
    if (cur && textWidth(cur + ch, font) > width) {
      out.push(cur);
      cur = ch;
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * Wraps text into lines no wider than `width`. Words are separated at spaces; a '/' or '-' inside a word
 * is also a break opportunity ("Staf/Jabatan" may end a line at "Staf/"). Explicit newlines are kept.
 */
export function wrapText(text: string, width: number, font: Font): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    const words = para
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((w) => w.split(/(?<=[/-])(?=[^/-])/));
    let cur = '';
    // A piece that followed a '/' or '-' joins without a space.
    const joiner = (prev: string) => (/[/-]$/.test(prev) ? '' : ' ');
    for (const w of words) {
      const candidate = cur ? cur + joiner(cur) + w : w;
      if (textWidth(candidate, font) <= width) {
        cur = candidate;
        continue;
      }
      if (cur) lines.push(cur);
      if (textWidth(w, font) <= width) cur = w;
      else {
        const pieces = splitLongWord(w, width, font);
        lines.push(...pieces.slice(0, -1));
        cur = pieces.at(-1) ?? '';
      }
    }
    lines.push(cur);
  }
  return lines;
}

/** Escapes text for SVG content and attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

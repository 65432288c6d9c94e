/**
 * Row heights for wrapped text. Excel stores no height for a row it has not laid out, and LibreOffice and
 * Excel's print path then show one line and let the rest overlap the next row; so the builder sets each
 * height from its text and column width. Widths are Excel's unit (the width of '0' in the default 11 pt
 * font); average Indonesian text runs about one character per unit, bold about 10% wider.
 */
const LINE_PT = 15;

/** Lines a text takes in a column of `width` units, wrapping at spaces like Excel. */
export function wrappedLines(text: string, width: number, bold = false): number {
  const perLine = Math.max(1, Math.floor((width - 1.5) / (bold ? 1.1 : 1)));
  let lines = 0;
  for (const para of text.split('\n')) {
    let cur = 0;
    let n = 1;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const len = word.length;
      if (cur === 0) cur = len;
      else if (cur + 1 + len <= perLine) cur += 1 + len;
      else {
        n++;
        cur = len;
      }
      // A word longer than the line wraps by characters.
      while (cur > perLine) {
        n++;
        cur -= perLine;
      }
    }
    lines += n;
  }
  return lines;
}

/** The height (pt) that shows every cell of a row in full, at least `minLines` lines. */
export function rowHeightFor(
  cells: readonly { text: string; width: number; bold?: boolean; size?: number }[],
  minLines = 1,
): number {
  const pts = cells.map(
    (c) => wrappedLines(c.text, c.width * (11 / (c.size ?? 11)), c.bold) * LINE_PT * ((c.size ?? 11) / 11),
  );
  return Math.ceil(Math.max(minLines * LINE_PT, ...pts) + 3);
}

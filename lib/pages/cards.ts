import { esc } from '../html.ts';

export interface Kolom {
  label: string;
  /** Right-aligned on a wide screen (figures). */
  angka?: boolean;
}

/**
 * A table that becomes stacked cards on a phone (the `tumpuk` rules in layout.ts): every cell carries
 * its column's label. Cells are HTML, already escaped by the caller.
 */
export function cardTable(
  cols: readonly Kolom[],
  rows: readonly (readonly string[])[],
  caption?: string,
): string {
  const head = cols.map((c) => `<th scope="col">${esc(c.label)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((cell, i) => `<td data-label="${esc(cols[i]?.label ?? '')}"${cols[i]?.angka ? ' class="angka"' : ''}>${cell}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table class="tumpuk">${caption ? `<caption class="kecil">${esc(caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

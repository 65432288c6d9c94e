/** A cell as the reader sees it, whether it came from an .xlsx sheet or a CSV export. */
export type Cell =
  | { kind: 'empty' }
  /** `persen`: the cell has a percent number format, so Excel shows value × 100 followed by '%'. */
  | { kind: 'number'; value: number; persen?: boolean }
  | { kind: 'text'; value: string }
  /** A formula with its cached result (never evaluated here). */
  | { kind: 'formula'; formula: string; result: number | string | null; persen?: boolean }
  | { kind: 'other'; value: string };

export interface Grid {
  name: string;
  rowCount: number;
  cell(row: number, col: number): Cell;
  /** True when the cell is part of a merged range. */
  merged(row: number, col: number): boolean;
}

const EMPTY: Cell = { kind: 'empty' };

/** A grid over CSV rows (1-based rows and columns); values are text as typed. */
export function csvGrid(name: string, rows: string[][]): Grid {
  return {
    name,
    rowCount: rows.length,
    cell(row, col) {
      const v = rows[row - 1]?.[col - 1];
      if (v === undefined || v.trim() === '') return EMPTY;
      if (/^\s*=/.test(v)) return { kind: 'formula', formula: v.trim().slice(1), result: null };
      return { kind: 'text', value: v };
    },
    merged: () => false,
  };
}

/** Printable, bounded form of a value for an error message (the UI escapes it again on output). */
export function shown(cell: Cell): string {
  const raw =
    cell.kind === 'empty'
      ? ''
      : cell.kind === 'formula'
        ? `=${cell.formula}`
        : cell.kind === 'number' && cell.persen
          ? `${percentOf(cell.value)}%`
          : String(cell.value);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const clean = raw.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

export function textOf(cell: Cell): string {
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'number':
      return String(cell.value);
    case 'text':
    case 'other':
      return cell.value;
    case 'formula':
      return cell.result === null ? '' : String(cell.result);
  }
}

/** The number Excel shows for a percent-formatted value (0.85 → 85), without float noise (0.07 × 100). */
export function percentOf(stored: number): number {
  return Number((stored * 100).toPrecision(12));
}

/**
 * True when an Excel number format shows the value as a percentage: a '%' outside quoted text and
 * escapes (`0%`, `0.00%`, but not `0"%"` nor `0\%`, which print a literal sign without scaling).
 */
export function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return bare.includes('%');
}

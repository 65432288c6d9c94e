import { parseAngka } from '../format/indonesia.ts';
import type { Nilai } from '../performance/capaian.ts';
import type { Indikator } from '../performance/model.ts';
import type { MasalahBerkas } from './errors.ts';
import { type Cell, percentOf, shown, textOf } from './grid.ts';

/**
 * Reading a figure the way the person who typed it sees it, in an .xlsx and in a CSV export alike.
 * A percent-formatted Excel cell showing 85% stores 0.85; its CSV export says "85%". Both are 85 in a
 * percent column. A percentage in a column that is not one, and a "1.234" where decimals are normal
 * (is it 1234 or 1,234?), are refused with a message rather than guessed.
 */

/** Indicators measured in percent: the unit says so. */
export function isPercentUnit(satuan: string): boolean {
  return /persen|%/i.test(satuan);
}

/** A column where decimals are normal: percentages, indices and scores, or a target that has decimals. */
export function isDecimalColumn(ind: Pick<Indikator, 'satuan' | 'target' | 'target_triwulan'>): boolean {
  if (/persen|%|indeks|nilai|rasio|skor/i.test(ind.satuan)) return true;
  return [ind.target, ...(ind.target_triwulan ?? [])].some(
    (t) => typeof t === 'number' && !Number.isInteger(t),
  );
}

/** One group of three digits after a single dot and nothing else: thousands or decimals? */
const AMBIGUOUS = /^-?\d{1,3}\.\d{3}$/;

type Read = { value: number; persen: boolean } | { error: string };

/** The number a cell shows, and whether it shows it as a percentage. */
function numberOf(cell: Cell, decimals: boolean): Read | undefined {
  if (cell.kind === 'number')
    return { value: cell.persen ? percentOf(cell.value) : cell.value, persen: !!cell.persen };
  if (cell.kind === 'formula') {
    if (typeof cell.result !== 'number')
      return { error: 'berisi rumus tanpa hasil angka; ganti dengan angka hasilnya' };
    return { value: cell.persen ? percentOf(cell.result) : cell.result, persen: !!cell.persen };
  }
  if (cell.kind !== 'text') return undefined;
  const text = cell.value.trim();
  const bare = text.replace(/\s*%$/, '');
  if (decimals && AMBIGUOUS.test(bare)) {
    const [int, frac] = bare.split('.') as [string, string];
    return {
      error: `'${text}' bisa berarti ${int}${frac} (titik sebagai pemisah ribuan) atau ${int},${frac} (titik sebagai desimal); tulis ${int},${frac} bila desimal, atau ${int}${frac} tanpa titik`,
    };
  }
  const value = parseAngka(bare);
  return value === undefined ? undefined : { value, persen: bare !== text };
}

/** The realisasi of one row, or a problem located at `at`. */
export function realisasiOf(
  cell: Cell,
  ind: Indikator,
  at: Omit<MasalahBerkas, 'pesan'>,
): { value: Nilai } | { problem: MasalahBerkas } {
  const problem = (pesan: string): { problem: MasalahBerkas } => ({
    problem: { ...at, nilai: shown(cell), pesan },
  });
  if (cell.kind === 'empty') return problem('realisasi wajib diisi');
  if (ind.polaritas === 'kualitatif') {
    const labels = Object.keys(ind.nilai_kualitatif ?? {});
    const text = textOf(cell).trim().toUpperCase();
    const found = labels.find((l) => l.toUpperCase() === text);
    return found ? { value: found } : problem(`nilai tidak dikenal; pilih salah satu: ${labels.join(', ')}`);
  }
  const read = numberOf(cell, isDecimalColumn(ind));
  if (read && 'error' in read) return problem(read.error);
  if (!read || !Number.isFinite(read.value))
    return problem('bukan angka; isi dengan angka saja tanpa satuan, misalnya 12,5');
  if (read.persen && !isPercentUnit(ind.satuan)) {
    return problem(
      `berisi persentase, padahal satuan indikator ini '${ind.satuan}'; tulis angkanya saja tanpa tanda atau format persen`,
    );
  }
  if (read.value < 0 && !ind.boleh_negatif) return problem('tidak boleh negatif untuk indikator ini');
  return { value: read.value };
}

/** The target cell still holds the Perjanjian Kinerja's target (as stored, or as shown once percent-formatted). */
export function sameTarget(cell: Cell, want: number | string): boolean {
  const text = textOf(cell).trim();
  if (typeof want === 'number') {
    const candidates =
      cell.kind === 'number' ? [cell.value, percentOf(cell.value)] : [parseAngka(text.replace(/\s*%$/, ''))];
    return candidates.some((n) => n !== undefined && Math.abs(n - want) < 1e-9);
  }
  return text === want;
}

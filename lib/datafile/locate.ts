import { type Document, isMap, isScalar, type LineCounter, type Node } from 'yaml';

/**
 * Where a problem is, said the way the file's author sees it: the line, and the field named by the
 * file's own identifiers. A step is "langkah 5" by its `no`, a unit "unit 'bidang-ikp'" by its `id`,
 * an indicator "indikator IKU-3" by its `kode`, never `langkah.4`.
 */

type Path = readonly (string | number)[];

function elementLabel(key: string, element: unknown, index: number): string {
  const e = typeof element === 'object' && element !== null ? (element as Record<string, unknown>) : {};
  if ('no' in e) {
    // A step whose own number is unusable is named by its position, which is what its number should be.
    return Number.isInteger(e.no) && (e.no as number) > 0 ? `${key} ${e.no}` : `${key} ${index + 1}`;
  }
  if (typeof e.id === 'string' && e.id) return `${key} '${e.id}'`;
  if (typeof e.kode === 'string' && e.kode) return `${key} ${e.kode}`;
  return `${key} ke-${index + 1}`;
}

/** `langkah 8, no`; `unit 'sekretariat', pejabat.kepala-unit.email`; `identitas.dasar_hukum ke-2`. */
export function fieldLabel(root: unknown, path: Path): string {
  const parts: string[] = [];
  let current: string[] = [];
  let v: unknown = root;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const next = path[i + 1];
    const child = (x: unknown, k: string | number) =>
      typeof x === 'object' && x !== null ? (x as Record<string | number, unknown>)[k] : undefined;
    if (typeof next === 'number' && Array.isArray(child(v, seg))) {
      const arr = child(v, seg) as unknown[];
      current.push(elementLabel(String(seg), arr[next], next));
      parts.push(current.join('.'));
      current = [];
      v = arr[next];
      i++;
      continue;
    }
    if (typeof seg === 'number') {
      current.push(`ke-${seg + 1}`);
    } else current.push(seg);
    v = child(v, seg);
  }
  if (current.length > 0) parts.push(current.join('.'));
  return parts.length > 0 ? parts.join(', ') : '(seluruh berkas)';
}

/**
 * The line of the value at `path`, or of its key when `keyLine` (an unknown key is best shown where
 * it is written); walks up to the nearest ancestor present when the path leads to a missing key.
 */
export function lineOf(doc: Document, lines: LineCounter, path: Path, keyLine = false): number | undefined {
  if (keyLine && path.length > 0) {
    const parent = doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(path.at(-1)));
      const range = (pair?.key as Node | undefined)?.range;
      if (range) return lines.linePos(range[0]).line;
    }
  }
  // A missing top-level key has no line of its own; the document's first line would mislead.
  for (let n = path.length; n >= (path.length > 0 ? 1 : 0); n--) {
    const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

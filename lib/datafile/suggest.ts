/**
 * "Did you mean" for misspelt keys and values. Damerau–Levenshtein in its optimal-string-alignment
 * form (insert, delete, substitute, swap two neighbours): small enough to keep here rather than
 * take a dependency for twenty lines.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** Case, spaces and '-' versus '_' are not worth a typo: `Per-Unit` is `per_unit`. */
const normal = (s: string) =>
  s
    .toLowerCase()
    .trim()
    .replace(/[\s-]+/g, '_');

/**
 * The candidate closest to `word`, when it is close enough to be a plausible typo: one edit for
 * short words, two from five letters, three from nine. Ties go to the first candidate listed.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = normal(word);
  const limit = w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const d = editDistance(w, normal(c));
    if (d <= limit && (!best || d < best.d)) best = { c, d };
  }
  return best?.c;
}

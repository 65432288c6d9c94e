import { diffArrays, diffWords } from 'diff';
import { type DocxParagraph, docxParagraphs } from './docx-text.ts';
import { reportParagraphs } from './draft-marks.ts';

/**
 * What changed between two texts of the report, as a reviewer reads it: counts of paragraphs changed, added
 * and deleted, and the first changed paragraphs with deleted and added words marked. Bounded: at most
 * `MAX_SHOWN` paragraphs, each trimmed to the words around its changes, so the summary stays a few KB
 * whatever the document's size. (The version model around it: lib/cycle/version-diff.ts.)
 */
export interface PerubahanTeks {
  /** Why no comparison is shown (a PDF, an unreadable file, too many changes); the counts are then zero. */
  tidakTersedia?: string;
  jumlah: Record<JenisPerubahan, number>;
  rincian: ParagrafBerubah[];
  /** Changed paragraphs beyond those in `rincian`. */
  lainnya: number;
}

export type JenisPerubahan = 'diubah' | 'ditambah' | 'dihapus';

export interface ParagrafBerubah {
  jenis: JenisPerubahan;
  /** The Bab / subbab heading the paragraph sits under, when the document marks its headings. */
  bagian?: string;
  potongan: Potongan[];
}

/** A run of text: kept, added (`tambah`) or deleted (`hapus`). */
export interface Potongan {
  teks: string;
  ubah?: 'tambah' | 'hapus';
}

export const MAX_SHOWN = 30;
/** Kept words around a change; longer unchanged stretches are cut to an ellipsis. */
const CONTEXT_CHARS = 80;
/** A whole paragraph added or deleted is shown up to this length. */
const WHOLE_CHARS = 400;
/** Paragraph pairing and word diffs give up past this (a rewritten document is "not comparable"). */
const TIMEOUT_MS = 3000;

export const TERLALU_BANYAK =
  'Terlalu banyak perubahan untuk diringkas; unduh kedua versi untuk membandingkan.';

export function tidakTersedia(alasan: string): PerubahanTeks {
  return { tidakTersedia: alasan, jumlah: { diubah: 0, ditambah: 0, dihapus: 0 }, rincian: [], lainnya: 0 };
}

/** Two Word files compared by their text (lib/documents/docx-text.ts). */
export async function compareDocx(before: Uint8Array, after: Uint8Array): Promise<PerubahanTeks> {
  return compareParagraphs(
    reportParagraphs(await docxParagraphs(before)),
    reportParagraphs(await docxParagraphs(after)),
  );
}

interface Located {
  teks: string;
  bagian?: string;
}

/** Each paragraph with the heading path above it ("BAB II … › 2.1 …"); headings sit under their parents. */
function locate(paragraphs: DocxParagraph[]): Located[] {
  const path: string[] = [];
  return paragraphs.map((p) => {
    // A heading sits under its parents, not under the section before it.
    if (p.tingkat) path.length = p.tingkat - 1;
    const bagian = path.filter(Boolean).join(' › ') || undefined;
    if (p.tingkat) path[p.tingkat - 1] = cut(p.teks, 80);
    return bagian ? { teks: p.teks, bagian } : { teks: p.teks };
  });
}

/** Share of words two paragraphs have in common (Dice): pairs an edited paragraph with its old self. */
function similarity(a: string, b: string): number {
  const words = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean);
  const wa = words(a);
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  const wb = words(b);
  for (const w of wb) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return wa.length + wb.length === 0 ? 1 : (2 * common) / (wa.length + wb.length);
}

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);

/** Unchanged stretches shortened to the words next to a change. */
function trimContext(parts: Potongan[]): Potongan[] {
  return parts.map((p, i) => {
    if (p.ubah || p.teks.length <= 2 * CONTEXT_CHARS) return p;
    const head = p.teks.slice(0, CONTEXT_CHARS).replace(/\S*$/, '');
    const tail = p.teks.slice(-CONTEXT_CHARS).replace(/^\S*/, '');
    if (i === 0) return { teks: `…${tail}` };
    if (i === parts.length - 1) return { teks: `${head}…` };
    return { teks: `${head}…${tail}` };
  });
}

function wordDiff(before: string, after: string, deadline: number): Potongan[] {
  const changes = diffWords(before, after, { timeout: Math.max(1, deadline - Date.now()) });
  if (!changes)
    return [
      { teks: cut(before, WHOLE_CHARS), ubah: 'hapus' },
      { teks: cut(after, WHOLE_CHARS), ubah: 'tambah' },
    ];
  return trimContext(
    changes.map((c) =>
      c.added
        ? { teks: c.value, ubah: 'tambah' }
        : c.removed
          ? { teks: c.value, ubah: 'hapus' }
          : { teks: c.value },
    ),
  );
}

/**
 * Compares two versions paragraph by paragraph (a changed paragraph is one deleted and one added in the same
 * place whose words mostly agree), then word by word inside each changed paragraph.
 */
export function compareParagraphs(
  before: DocxParagraph[],
  after: DocxParagraph[],
  { timeoutMs = TIMEOUT_MS } = {},
): PerubahanTeks {
  const deadline = Date.now() + timeoutMs;
  const old = locate(before);
  const neu = locate(after);
  const hunks = diffArrays(
    old.map((p) => p.teks),
    neu.map((p) => p.teks),
    { timeout: timeoutMs },
  );
  if (!hunks) return tidakTersedia(TERLALU_BANYAK);
  const jumlah = { diubah: 0, ditambah: 0, dihapus: 0 };
  const rincian: ParagrafBerubah[] = [];
  const add = (p: ParagrafBerubah) => {
    jumlah[p.jenis]++;
    if (rincian.length < MAX_SHOWN) rincian.push(p);
  };
  let i = 0;
  let j = 0;
  for (let h = 0; h < hunks.length; h++) {
    const c = hunks[h]!;
    if (!c.added && !c.removed) {
      i += c.count;
      j += c.count;
      continue;
    }
    // A replacement is a removed run followed by an added one (or an added run alone, or a removed one).
    const removed = c.removed ? old.slice(i, i + c.count) : [];
    const nextIsAdded = c.removed && hunks[h + 1]?.added;
    const addedCount = c.added ? c.count : nextIsAdded ? hunks[h + 1]!.count : 0;
    const added = neu.slice(j, j + addedCount);
    if (nextIsAdded) h++;
    i += removed.length;
    j += added.length;
    emitHunk(removed, added, deadline, add);
  }
  return {
    jumlah,
    rincian,
    lainnya: jumlah.diubah + jumlah.ditambah + jumlah.dihapus - rincian.length,
  };
}

/** Pairs each removed paragraph with the most similar added one after the last pairing, in order. */
function emitHunk(removed: Located[], added: Located[], deadline: number, add: (p: ParagrafBerubah) => void) {
  let next = 0;
  // Bounded work: a hunk of hundreds of paragraphs each side is a rewrite, shown as deletions and additions.
  const pairing = removed.length * added.length <= 10_000;
  const whole = (p: Located, jenis: 'ditambah' | 'dihapus'): ParagrafBerubah => ({
    jenis,
    ...(p.bagian ? { bagian: p.bagian } : {}),
    potongan: [{ teks: cut(p.teks, WHOLE_CHARS), ubah: jenis === 'ditambah' ? 'tambah' : 'hapus' }],
  });
  for (const r of removed) {
    let best = -1;
    // At least half the words in common; the first of equals wins.
    let score = 0.5 - 1e-9;
    if (pairing)
      for (let k = next; k < added.length; k++) {
        const s = similarity(r.teks, added[k]!.teks);
        if (s > score) {
          best = k;
          score = s;
        }
      }
    if (best < 0) {
      add(whole(r, 'dihapus'));
      continue;
    }
    for (; next < best; next++) add(whole(added[next]!, 'ditambah'));
    const a = added[best]!;
    add({
      jenis: 'diubah',
      ...(a.bagian ? { bagian: a.bagian } : {}),
      potongan: wordDiff(r.teks, a.teks, deadline),
    });
    next = best + 1;
  }
  for (; next < added.length; next++) add(whole(added[next]!, 'ditambah'));
}

import { type Document, isCollection, isSeq, type LineCounter, type Node, visit, type YAMLError } from 'yaml';

/**
 * YAML syntax errors, in Bahasa Indonesia and at the line where the mistake is. The parser notices an
 * unclosed quote or bracket only where the file ends or the indentation breaks, so such errors are
 * moved back to the line where the quote or bracket was opened.
 */

export interface SyntaxProblem {
  baris: number;
  pesan: string;
}

const PESAN: Record<string, string> = {
  DUPLICATE_KEY: 'kunci ini ditulis dua kali dalam bagian yang sama',
  TAB_AS_INDENT: 'tab tidak boleh dipakai untuk menjorokkan baris; gunakan spasi',
  BAD_INDENT: 'jorokan (indentasi) baris ini tidak sesuai dengan baris di atasnya',
  BLOCK_AS_IMPLICIT_KEY: "nilai yang memuat ': ' harus diapit tanda kutip",
  MULTILINE_IMPLICIT_KEY:
    'kunci tidak boleh terdiri atas beberapa baris; periksa tanda titik dua dan jorokan',
  UNEXPECTED_TOKEN: 'ada tanda yang tidak diharapkan di sini',
  BAD_SCALAR_START: 'nilai tidak boleh diawali tanda ini; apit dengan tanda kutip',
  BAD_DQ_ESCAPE: 'urutan garis miring terbalik (\\) tidak sah dalam teks berkutip ganda',
  MULTIPLE_DOCS: "berkas hanya boleh berisi satu dokumen (hapus '---' tambahan)",
  BAD_ALIAS: 'alias (*nama) tidak dikenal',
  KEY_OVER_1024_CHARS: 'kunci terlalu panjang',
  BLOCK_IN_FLOW: 'bagian bertingkat tidak boleh berada di dalam [ ] atau { }',
};

function lineText(text: string, line: number): string {
  const s = text.split(/\r?\n/)[line - 1]?.trim() ?? '';
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

/** The quoted scalar or flow collection that an error at `pos` left open, if any. */
function openedAt(text: string, doc: Document, pos: number): { node: Node; what: string } | undefined {
  let found: { node: Node; what: string } | undefined;
  visit(doc, {
    Scalar(_k, n) {
      if ((n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') && n.range && n.range[1] >= pos) {
        found ??= { node: n, what: n.type === 'QUOTE_DOUBLE' ? 'tanda kutip "' : "tanda kutip '" };
      }
    },
  });
  if (found) return found;
  visit(doc, {
    Collection(_k, n) {
      const closed = n.range && /[\]}]/.test(text.slice(n.range[0], n.range[1]).trimEnd().slice(-1));
      if (isCollection(n) && n.flow && n.range && n.range[0] < pos && n.range[1] >= pos - 1 && !closed) {
        // The innermost open bracket wins: visit goes outside in.
        found = { node: n, what: isSeq(n) ? "kurung '['" : "kurung '{'" };
      }
    },
  });
  return found;
}

/**
 * The first syntax error only: the ones after it are nearly always its echo (one tab or one open
 * quote makes every later line wrong), and a list of fifty would hide the one that matters.
 */
export function syntaxProblem(text: string, doc: Document, lines: LineCounter): SyntaxProblem | undefined {
  const first = doc.errors[0];
  if (!first) return undefined;
  const p = describe(text, doc, lines, first);
  const more = doc.errors.length - 1;
  return more > 0 ? { ...p, pesan: `${p.pesan} (perbaiki ini dulu, lalu periksa lagi)` } : p;
}

function describe(text: string, doc: Document, lines: LineCounter, e: YAMLError): SyntaxProblem {
  const at = lines.linePos(e.pos[0]).line;
  const unclosed =
    e.code === 'MISSING_CHAR' || e.code === 'BAD_INDENT' || e.code === 'UNEXPECTED_TOKEN'
      ? openedAt(text, doc, e.pos[0])
      : undefined;
  if (unclosed?.node.range) {
    const from = lines.linePos(unclosed.node.range[0]).line;
    if (from < at || e.code === 'MISSING_CHAR') {
      return {
        baris: from,
        pesan: `${unclosed.what} dibuka di baris ini tetapi tidak ditutup (YAML baru menyadarinya di baris ${at})`,
      };
    }
  }
  const pesan =
    PESAN[e.code] ??
    (e.code === 'MISSING_CHAR' ? 'ada tanda penutup yang hilang' : `susunan YAML tidak sah (${e.code})`);
  const shown = lineText(text, at);
  return { baris: at, pesan: shown ? `${pesan}: ${shown}` : pesan };
}

import JSZip from 'jszip';

/** One paragraph of a Word document as a reader sees it; `tingkat` is set on headings (1 = Bab). */
export interface DocxParagraph {
  teks: string;
  tingkat?: number;
}

/** A document.xml beyond this is not compared: the summary says so instead of stalling the step. */
export const MAX_DOCUMENT_XML = 20 * 1024 * 1024;

// Tags that matter for the text, in document order. `mc:Fallback` repeats a text box's words for old
// readers (the `mc:Choice` part holds them already), so its content is skipped.
const TOKEN =
  /<(\/?)(w:p|w:t|w:tab|w:br|w:cr|w:noBreakHyphen|w:pStyle|w:outlineLvl|mc:Fallback)\b([^>]*?)(\/?)>/g;

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (m, hex?: string, dec?: string, name?: string) =>
    hex || dec ? String.fromCodePoint(Number.parseInt((hex ?? dec)!, hex ? 16 : 10)) : (ENTITY[name!] ?? m),
  );

const attr = (attrs: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1];

/**
 * The heading level of a paragraph style: Word's built-in ids ("Heading1"; "Judul1" in some Indonesian
 * templates) and the project's renderer (docx's HeadingLevel) both end in the level.
 */
function styleLevel(styleId: string): number | undefined {
  const m = /^(?:heading|judul)\s*(\d)$/i.exec(styleId);
  return m ? Number(m[1]) : undefined;
}

/**
 * The paragraphs of a .docx as text, in document order: each `w:p` (table cells hold paragraphs too) is its
 * runs' `w:t` joined, tabs and line breaks as spaces, whitespace collapsed; empty paragraphs are dropped.
 * Tracked deletions (`w:delText`) and field codes (`w:instrText`) are not text a reader sees. A paragraph
 * is a heading by its style or outline level, or when it starts with "BAB <roman>" (a Word user's own
 * formatting of a chapter title).
 */
export async function docxParagraphs(bytes: Uint8Array): Promise<DocxParagraph[]> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file('word/document.xml');
  if (!part) throw new Error('word/document.xml tidak ada');
  const xml = await part.async('string');
  if (xml.length > MAX_DOCUMENT_XML) throw new Error('word/document.xml terlalu besar untuk dibandingkan');
  return paragraphsOfXml(xml);
}

export function paragraphsOfXml(xml: string): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  // Paragraphs nest (a text box inside a run): each open paragraph collects its own text.
  const open: { teks: string[]; tingkat?: number }[] = [];
  let fallback = 0;
  for (const m of xml.matchAll(TOKEN)) {
    const [whole, closing, tag, attrs = '', selfClosing] = m;
    if (tag === 'mc:Fallback') {
      if (!selfClosing) fallback += closing ? -1 : 1;
      continue;
    }
    if (fallback > 0) continue;
    const p = open.at(-1);
    if (tag === 'w:p') {
      if (closing) {
        const done = open.pop();
        const teks = done?.teks.join('').replace(/\s+/g, ' ').trim();
        if (done && teks) out.push(done.tingkat ? { teks, tingkat: done.tingkat } : { teks });
      } else if (!selfClosing) open.push({ teks: [] });
      continue;
    }
    if (!p || closing) continue;
    if (tag === 'w:t' && !selfClosing) {
      const start = (m.index ?? 0) + whole.length;
      const end = xml.indexOf('</w:t>', start);
      if (end >= 0) p.teks.push(decode(xml.slice(start, end)));
    } else if (tag === 'w:tab' || tag === 'w:br' || tag === 'w:cr') p.teks.push(' ');
    else if (tag === 'w:noBreakHyphen') p.teks.push('-');
    else if (tag === 'w:pStyle') p.tingkat ??= styleLevel(attr(attrs, 'w:val') ?? '');
    else if (tag === 'w:outlineLvl') {
      const lvl = Number(attr(attrs, 'w:val'));
      // Level 9 is "body text" in Word's outline.
      if (Number.isInteger(lvl) && lvl < 9) p.tingkat ??= lvl + 1;
    }
  }
  return out.map((p) => (p.tingkat || !/^BAB\s+[IVXLC]+\b/.test(p.teks) ? p : { ...p, tingkat: 1 }));
}

import JSZip from 'jszip';
import { type DocxParagraph, MAX_DOCUMENT_XML } from './docx-text.ts';

/** The cover and header mark of a system draft ("DRAF VERSI 2"). */
export const DRAF_MARK = /DRAF VERSI \d+/;
/** The heading of the reviewers' notes appended to an editable draft (never part of the report). */
export const INTERNAL_HEADING = 'CATATAN KOREKSI (INTERNAL)';

/** Text of a Word part, runs joined (a mark may be split across runs by Word's own editing). */
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/**
 * What a revised Word file still carries from the system's draft that must never reach the signed
 * report: the "DRAF VERSI n" mark (cover, page headers) and the internal notes section. Read from the
 * body and every header; an unreadable file has none (the zip checks ran before and speak for it).
 */
export async function draftMarksIn(bytes: Uint8Array): Promise<{ draf: boolean; catatanInternal: boolean }> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const parts = Object.keys(zip.files).filter((n) => /^word\/(document|header\d*)\.xml$/.test(n));
    let draf = false;
    let catatanInternal = false;
    for (const name of parts) {
      const xml = await zip.file(name)!.async('string');
      if (xml.length > MAX_DOCUMENT_XML) continue;
      const text = textOf(xml);
      draf ||= DRAF_MARK.test(text);
      catatanInternal ||= name === 'word/document.xml' && text.includes(INTERNAL_HEADING);
    }
    return { draf, catatanInternal };
  } catch {
    return { draf: false, catatanInternal: false };
  }
}

/**
 * The report's own text: without the draft mark and the internal notes section, so that comparing two
 * versions shows what the preparer or the data changed, not that v1 became v2 or that notes were added.
 */
export function reportParagraphs(ps: DocxParagraph[]): DocxParagraph[] {
  const end = ps.findIndex((p) => p.teks.trim() === INTERNAL_HEADING);
  return (end < 0 ? ps : ps.slice(0, end)).filter((p) => !/^\s*DRAF VERSI \d+\s*$/.test(p.teks));
}

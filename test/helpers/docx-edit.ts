import JSZip from 'jszip';

/** A Word file with its document.xml changed, the way a person's edit in Word changes it. */
export async function editDocx(docx: Uint8Array, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  const changed = edit(xml);
  if (changed === xml) throw new Error('the edit changed nothing in word/document.xml');
  zip.file('word/document.xml', changed);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Replaces one exact text in document.xml, failing when it is not there exactly once. */
export const replaceOnce = (from: string, to: string) => (xml: string) => {
  const at = xml.indexOf(from);
  if (at < 0 || xml.indexOf(from, at + 1) >= 0) throw new Error(`'${from}' is not in the document once`);
  return xml.slice(0, at) + to + xml.slice(at + from.length);
};

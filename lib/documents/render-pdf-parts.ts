import type { Content } from 'pdfmake';
import type { Letterhead, SignatureBlock, Signatures } from './content.ts';

/** Letterhead and signature blocks for the PDF renderer (kept apart to keep render-pdf.ts short). */

const dataUrl = (png: Uint8Array) => `data:image/png;base64,${Buffer.from(png).toString('base64')}`;

export function letterheadPdf(k: Letterhead, width: number): Content[] {
  const last = k.lines.length - 1;
  const lines: Content[] = [
    ...k.lines.map((l, i) => ({
      text: l,
      bold: true,
      fontSize: i === last ? 15 : 13,
      alignment: 'center',
    })),
    { text: k.address, fontSize: 8.5, alignment: 'center', margin: [0, 2, 0, 0] },
  ] as Content[];
  const logo = 62;
  const head: Content = k.logo
    ? ({
        columns: [
          { image: dataUrl(k.logo), fit: [logo, logo], width: logo },
          { stack: lines, width: '*' },
          // Balances the logo so the lines stay centred on the page, as on printed kop surat.
          { text: '', width: logo / 2 },
        ],
        columnGap: 6,
      } as Content)
    : ({ stack: lines } as Content);
  return [
    head,
    {
      canvas: [
        { type: 'line', x1: 0, y1: 4, x2: width, y2: 4, lineWidth: 2 },
        { type: 'line', x1: 0, y1: 7, x2: width, y2: 7, lineWidth: 0.6 },
      ],
      margin: [0, 0, 0, 12],
    } as Content,
  ];
}

/**
 * Signature blocks as a borderless table, one column per block and one row per part, so that names,
 * ranks and NIPs line up even when one office title runs over more lines than the other.
 */
export function signaturesPdf(b: Signatures, width: number): Content {
  const single = b.blocks.length === 1;
  const cols = single ? [{} as SignatureBlock, b.blocks[0]!] : b.blocks;
  const part = (f: (s: SignatureBlock) => Content | undefined) =>
    cols.map((s, i) => (single && i === 0 ? '' : (f(s) ?? '')));
  const top = (s: SignatureBlock) => ({
    stack: [
      ...(s.placeDate ? [{ text: s.placeDate }] : []),
      ...(s.preamble ?? []).map((t) => ({ text: t })),
      { text: s.jabatan, bold: true },
    ],
  });
  const rows = [
    part(top),
    part((s) =>
      s.electronic
        ? { text: s.electronic, italics: true, fontSize: 8, margin: [0, 8, 0, 8] }
        : { text: ' ', margin: [0, 40, 0, 0] },
    ),
    part((s) => ({ text: s.nama, bold: true, decoration: 'underline' })),
  ];
  if (cols.some((s) => s.pangkat)) rows.push(part((s) => s.pangkat && { text: s.pangkat }));
  if (cols.some((s) => s.nip)) rows.push(part((s) => s.nip && { text: `NIP. ${s.nip}` }));
  return {
    table: {
      widths: single ? [width * 0.45, '*'] : cols.map(() => '*'),
      body: rows,
      dontBreakRows: true,
    },
    layout: 'noBorders',
    alignment: 'center',
    unbreakable: true,
    margin: [0, 12, 0, 12],
  } as Content;
}

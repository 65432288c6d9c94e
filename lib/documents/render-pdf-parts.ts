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

function signatureStack(s: SignatureBlock): Content {
  const lines: Content[] = [];
  if (s.placeDate) lines.push({ text: s.placeDate });
  for (const p of s.preamble ?? []) lines.push({ text: p });
  lines.push({ text: s.jabatan, bold: true });
  lines.push(
    s.electronic
      ? { text: s.electronic, italics: true, fontSize: 8, margin: [0, 10, 0, 10] }
      : { text: '', margin: [0, 46, 0, 0] },
  );
  lines.push({ text: s.nama, bold: true, decoration: 'underline' });
  if (s.pangkat) lines.push({ text: s.pangkat });
  if (s.nip) lines.push({ text: `NIP. ${s.nip}` });
  return { stack: lines, alignment: 'center' } as Content;
}

/** One block on the right half (official letters); several share the width. */
export function signaturesPdf(b: Signatures, width: number): Content {
  const blocks = b.blocks.map(signatureStack);
  const columns =
    blocks.length === 1
      ? [
          { text: '', width: width * 0.45 },
          { ...(blocks[0] as object), width: '*' },
        ]
      : blocks.map((s) => ({ ...(s as object), width: '*' }));
  return { columns, columnGap: 12, unbreakable: true, margin: [0, 12, 0, 12] } as Content;
}

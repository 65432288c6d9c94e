import { type PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';
import type { ZonaWaktu } from '../calendar/working-time.ts';
import { tanggalJam } from '../format/indonesia.ts';
import type { SigningRequest } from './port.ts';

/** The stamp's box on the last page, in PDF points from the bottom left: [x1, y1, x2, y2]. */
export type Kotak = [number, number, number, number];

const WIDTH = 300;
const HEIGHT = 92;
const MARGIN = 36;
/** Above the page footer (the report's running title and page number sit in the bottom 50 points). */
const BOTTOM = 62;
const QR = 80;

/** The standard fonts write WinAnsi only: anything else (rare in names) becomes its closest ASCII. */
const winAnsi = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?');

function fitWidth(text: string, font: PDFFont, size: number, width: number): string {
  let t = winAnsi(text);
  while (t.length > 4 && font.widthOfTextAtSize(t, size) > width) t = `${t.slice(0, -4)}...`;
  return t;
}

/** A QR code drawn as vector squares (sharp at any zoom, nothing rasterised). */
function drawQr(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + 2 * quiet);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c))
        page.drawRectangle({
          x: x + (c + quiet) * cell,
          y: y + size - (r + quiet + 1) * cell,
          width: cell,
          height: cell,
          color: rgb(0, 0, 0),
        });
}

/**
 * Draws the visible signature on the last page, bottom right: the QR code to the verification page and
 * who signed, in which office, with which NIP, when (the agency's own zone). Returns its box (the
 * signature widget's rectangle).
 */
export async function drawStamp(doc: PDFDocument, req: SigningRequest, zona: ZonaWaktu): Promise<Kotak> {
  const page = doc.getPages().at(-1)!;
  const { width } = page.getSize();
  const x = width - MARGIN - WIDTH;
  const y = BOTTOM;
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  page.drawRectangle({
    x,
    y,
    width: WIDTH,
    height: HEIGHT,
    borderColor: rgb(0.1, 0.3, 0.6),
    borderWidth: 1,
    color: rgb(1, 1, 1),
  });
  drawQr(page, req.verifikasiUrl, x + 6, y + (HEIGHT - QR) / 2, QR);
  const tx = x + QR + 12;
  const tw = WIDTH - QR - 18;
  const p = req.penandatangan;
  const lines: [string, PDFFont, number][] = [
    ['Ditandatangani secara elektronik oleh', regular, 7],
    [p.nama, bold, 9],
    [p.jabatan, regular, 7.5],
    ...(p.nip ? ([[`NIP ${p.nip}`, regular, 7.5]] as [string, PDFFont, number][]) : []),
    [tanggalJam(req.waktu, zona), regular, 7.5],
    ['Pindai kode QR untuk memeriksa keaslian dokumen.', regular, 6],
  ];
  let ty = y + HEIGHT - 14;
  for (const [text, font, size] of lines) {
    page.drawText(fitWidth(text, font, size, tw), { x: tx, y: ty, size, font, color: rgb(0, 0, 0) });
    ty -= size + 5;
  }
  return [x, y, x + WIDTH, y + HEIGHT];
}

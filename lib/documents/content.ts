/**
 * The document content model: every document (LAKIP/LKjIP, unit report, letters, SOP sheet) is built
 * ONCE as a `Dokumen` — plain data, no library types — and then rendered by `render-docx.ts` (editable
 * DOCX) and `render-pdf.ts` (final PDF), so both files always say the same thing.
 *
 * Shape: a Dokumen has page setup and one or more Bagian (sections: own page setup, footer and page
 * numbering); a Bagian is a list of Blok. Blok is a discriminated union on `type`:
 *   heading (level 1–3, listed in the daftar isi unless `toc: false`), paragraph (runs), list, table
 *   (relative column widths, alignments, row/col spans, header rows, caption listed in the daftar tabel),
 *   figure (SVG + caption listed in the daftar grafik; the DOCX renderer rasterises a PNG fallback),
 *   signatures (one or more signature blocks side by side), fields (a borderless label : value block with
 *   aligned colons, as in letters), letterhead (kop surat with an optional logo), image, pageBreak, spacer, and
 *   the list markers toc / tableList / figureList (filled with page numbers by the renderer: a TOC field
 *   in DOCX that Word/LibreOffice update on opening, real numbers in the PDF).
 *
 * Units: sizes in points (pt), margins in millimetres. Text is Bahasa Indonesia, ready to print: the
 * builder formats numbers (lib/documents/format.ts); renderers never reformat.
 *
 * Stability: H-FLOW builds the SOP sheet on these types. Keep the names; adding optional fields is fine.
 */

export type PaperSize = 'A4' | 'F4';
export type Orientation = 'portrait' | 'landscape';
export type Align = 'left' | 'center' | 'right' | 'justify';

export interface PageSetup {
  size: PaperSize;
  orientation: Orientation;
  /** Millimetres; defaults: 30 left, 20 right, 25 top, 20 bottom (tata naskah dinas). */
  margins?: { top: number; right: number; bottom: number; left: number };
}

/** A stretch of text with one formatting. */
export interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  /** Points; defaults to the block's size. */
  size?: number;
  /** Keep on one line (numbers, rupiah, "97,96%"): spaces become non-breaking. */
  noWrap?: boolean;
}

/** Plain text or runs. A '\n' in a string is a line break. */
export type Text = string | Run[];

export interface Heading {
  type: 'heading';
  level: 1 | 2 | 3;
  /** A '\n' splits "BAB I\nPENDAHULUAN" onto two centred lines; the daftar isi shows it on one line. */
  text: string;
  /** Listed in the daftar isi (default true). */
  toc?: boolean;
  /** Start a new page (default: true for level 1). */
  pageBreak?: boolean;
  align?: Align;
}

export interface Paragraph {
  type: 'paragraph';
  text: Text;
  align?: Align;
  /** Points. */
  size?: number;
  bold?: boolean;
  italics?: boolean;
  /** Space after, in points (default 6). */
  after?: number;
  /** First-line indent in millimetres (body text of reports). */
  indent?: number;
}

export interface List {
  type: 'list';
  ordered: boolean;
  items: Text[];
  /** For ordered lists: 'decimal' 1. 2. (default) or 'alpha' a. b. */
  style?: 'decimal' | 'alpha';
}

export interface Cell {
  text: Text;
  /** Columns this cell covers to the right; the cells it covers are omitted from the row. */
  colSpan?: number;
  /** Rows this cell covers downwards (merged sasaran cells); the cells it covers are omitted from the following rows. */
  rowSpan?: number;
  align?: Align;
  bold?: boolean;
  /** Background, 'RRGGBB'. */
  fill?: string;
  noWrap?: boolean;
  /** PNG bytes of a logo printed above the text, centred (the agency block of the SOP sheet). */
  logo?: Uint8Array;
}

export interface Column {
  /** Relative width (weights; the renderer scales them to the text width). */
  width: number;
  align?: Align;
  /** Numbers and rupiah: never broken across lines. */
  noWrap?: boolean;
}

export interface Table {
  type: 'table';
  columns: Column[];
  /** Header rows first (see headerRows); a string cell is plain text. */
  rows: (string | Cell)[][];
  /** How many leading rows are headers: bold, shaded, repeated on every page (default 1). */
  headerRows?: number;
  /** "Tabel 3.1 Capaian …": printed above the table and listed in the daftar tabel. */
  caption?: string;
  /** Borderless (letters' field blocks, signature layouts). */
  borderless?: boolean;
  /** Points (default 9). */
  size?: number;
}

export interface Figure {
  type: 'figure';
  /** A complete SVG document (vector chart). */
  svg: string;
  /** Size on the page, in points. */
  width: number;
  height: number;
  /** "Grafik 3.1 …": printed below the figure and listed in the daftar grafik. */
  caption: string;
}

export interface SignatureBlock {
  /** "Balangan, 15 Januari 2026"; empty for none. */
  placeDate?: string;
  /** Lines above the office, e.g. "PIHAK KEDUA," or "Mengetahui,". */
  preamble?: string[];
  /** Full official title, may span lines ("Kepala Dinas Koperasi, …\nKabupaten Balangan"). */
  jabatan: string;
  nama: string;
  pangkat?: string;
  nip?: string;
  /** Printed instead of the blank signing space, e.g. "Ditandatangani secara elektronik …". */
  electronic?: string;
}

export interface Signatures {
  type: 'signatures';
  /** One block sits on the right half (official letters); two or more share the width left to right. */
  blocks: SignatureBlock[];
}

/** A label : value block with aligned colons (Nomor / Sifat / Lampiran / Hal). */
export interface Fields {
  type: 'fields';
  rows: { label: string; value: Text }[];
  /** Relative width of the label column (default 18 of 100). */
  labelWidth?: number;
  bold?: boolean;
}

/** Kop surat: logo on the left, centred lines, a double rule below. */
export interface Letterhead {
  type: 'letterhead';
  /** PNG bytes of the agency logo; absent → no logo and no empty frame. */
  logo?: Uint8Array;
  /** e.g. ["PEMERINTAH KABUPATEN BALANGAN", "DINAS KOPERASI …"], biggest last. */
  lines: string[];
  /** Address, phone, e-mail: small print. */
  address: string;
}

/** A raster image (the agency logo on a cover). */
export interface Image {
  type: 'image';
  png: Uint8Array;
  /** Box in points; the image keeps its proportions inside it. */
  width: number;
  height: number;
  align?: Align;
}

export interface PageBreak {
  type: 'pageBreak';
}

export interface Spacer {
  type: 'spacer';
  /** Points. */
  height: number;
}

/** Where the daftar isi / daftar tabel / daftar grafik goes (its title is a heading the builder adds). */
export interface ListMarker {
  type: 'toc' | 'tableList' | 'figureList';
}

export type Blok =
  | Heading
  | Paragraph
  | List
  | Table
  | Figure
  | Signatures
  | Fields
  | Letterhead
  | Image
  | PageBreak
  | Spacer
  | ListMarker;

export interface Footer {
  /** Page numbers: 'roman' (i, ii — front matter), 'arabic' (1, 2), or none. */
  pageNumbers?: 'roman' | 'arabic';
  /** Restart numbering at 1 in this section. */
  restart?: boolean;
  /** Small text on the left, e.g. "LKjIP DKUKMTK Balangan 2025". */
  text?: string;
}

export interface Bagian {
  blocks: Blok[];
  /** Overrides the document's page setup (e.g. a landscape lampiran). */
  page?: PageSetup;
  footer?: Footer;
  /** Small text at the top of each page, e.g. "DRAF VERSI 2". */
  header?: string;
}

export interface Dokumen {
  title: string;
  subject?: string;
  author?: string;
  page: PageSetup;
  sections: Bagian[];
  /** Diagonal mark on every page of the PDF and in the DOCX header, e.g. "DRAF". */
  watermark?: string;
}

/** The A4 text width in points for default margins, for builders sizing figures. */
export const TEXT_WIDTH_PT = ((210 - 30 - 20) / 25.4) * 72;

import type { Agency } from '../agency/schema.ts';
import { kopInduk } from '../agency/wording.ts';
import { tanggalIso } from '../format/indonesia.ts';
import type { Sop } from '../sop/schema.ts';
import type { Cell, Dokumen, Figure, Table } from './content.ts';
import { flowchartPages } from './flowchart.ts';
import { AREA, type Kertas } from './flowchart-layout.ts';
import { logoOf } from './logo.ts';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';

export { columnOf, sheetColumns } from './flowchart-layout.ts';

/** Landscape margins of the SOP sheet (mm): the flowchart pages use the whole printable area. */
const MARGINS = { top: 10, right: 10, bottom: 10, left: 10 };
const PT_PER_MM = 72 / 25.4;
/** Room below a flowchart page for its caption and its margins in the renderers (pt). */
const CAPTION_PT = 40;

const numbered = (xs: string[]) => (xs.length === 0 ? '-' : xs.map((x, i) => `${i + 1}. ${x}`).join('\n'));

/**
 * The identity part of an SOP AP (PermenPAN-RB 35/2012): the agency block beside nomor, tanggal
 * pembuatan/revisi/efektif, disahkan oleh and nama SOP; below, the six lists two by two.
 */
export function identityTable(sop: Sop, agency?: Agency): Table {
  const id = sop.identitas;
  const kop = [agency ? kopInduk(agency) : '', id.unit.toUpperCase()].filter(Boolean).join('\n');
  const disahkan = [
    id.disahkan_oleh.jabatan,
    '',
    '',
    id.disahkan_oleh.nama,
    id.disahkan_oleh.pangkat,
    id.disahkan_oleh.nip && `NIP. ${id.disahkan_oleh.nip}`,
  ]
    .filter((x) => x !== undefined)
    .join('\n');
  const pairs: [string, string][] = [
    ['Nomor SOP', id.nomor],
    ['Tanggal Pembuatan', tanggalIso(id.tanggal_pembuatan)],
    ['Tanggal Revisi', id.tanggal_revisi ? tanggalIso(id.tanggal_revisi) : '-'],
    ['Tanggal Efektif', id.tanggal_pengesahan ? tanggalIso(id.tanggal_pengesahan) : '-'],
    ['Disahkan oleh', disahkan],
    ['Nama SOP', id.nama],
  ];
  const head = (text: string, colSpan = 1): Cell => ({ text, bold: true, fill: 'D9E2F3', colSpan });
  const lists: [string, string[], string, string[]][] = [
    ['Dasar Hukum', id.dasar_hukum, 'Kualifikasi Pelaksana', id.kualifikasi_pelaksana],
    ['Keterkaitan', id.keterkaitan, 'Peralatan/Perlengkapan', id.peralatan_perlengkapan],
    ['Peringatan', id.peringatan, 'Pencatatan dan Pendataan', id.pencatatan_pendataan],
  ];
  return {
    type: 'table',
    headerRows: 0,
    size: 9,
    columns: [{ width: 50 }, { width: 15 }, { width: 35 }],
    rows: [
      ...pairs.map(([k, v], i): (string | Cell)[] => [
        ...(i === 0
          ? [
              {
                text: kop,
                rowSpan: pairs.length,
                bold: true,
                align: 'center',
                logo: agency && logoOf(agency),
              } as Cell,
            ]
          : []),
        { text: k, bold: true },
        { text: v, bold: k === 'Nama SOP' },
      ]),
      ...lists.flatMap(([a, as, b, bs]): (string | Cell)[][] => [
        [head(a), head(b, 2)],
        [numbered(as), { text: numbered(bs), colSpan: 2 }],
      ]),
    ],
  };
}

/** The flowchart pages as landscape figures, each filling the printable area with its caption below. */
export function flowchartFigures(sop: Sop, agency?: Agency, kertas: Kertas = 'A4'): Figure[] {
  const area = AREA[kertas];
  const maxH = area.mmH * PT_PER_MM - CAPTION_PT;
  const maxW = area.mmW * PT_PER_MM;
  const scale = Math.min(maxW / area.w, maxH / area.h);
  const pages = flowchartPages(sop, { agency, kertas });
  return pages.map((svg, i) => ({
    type: 'figure',
    svg,
    width: Math.floor(area.w * scale),
    height: Math.floor(area.h * scale),
    caption: `Bagan alir SOP ${sop.identitas.nomor}${pages.length > 1 ? `, halaman ${i + 1} dari ${pages.length}` : ''}`,
  }));
}

/**
 * The SOP sheet as one document, rendered from the same SOP file that runs: the identity part, then the
 * flow table with its flowchart (swimlanes, symbols, mutu baku) one landscape page per figure.
 */
export function sopSheetDokumen(sop: Sop, agency?: Agency, kertas: Kertas = 'A4'): Dokumen {
  const page = { size: kertas, orientation: 'landscape' as const, margins: MARGINS };
  const figures = flowchartFigures(sop, agency, kertas);
  return {
    title: `SOP ${sop.identitas.nomor} ${sop.identitas.nama}`,
    subject: 'Standar Operasional Prosedur (SOP AP, PermenPAN-RB 35/2012)',
    author: agency ? `${agency.nama} ${agency.pemerintah}` : sop.identitas.unit,
    page,
    sections: [
      {
        page,
        blocks: [
          {
            type: 'paragraph',
            text: 'STANDAR OPERASIONAL PROSEDUR (SOP)',
            align: 'center',
            bold: true,
            size: 13,
          },
          identityTable(sop, agency),
        ],
      },
      ...figures.map((f) => ({ page, blocks: [f] })),
    ],
  };
}

/** The SOP sheet as DOCX (flowchart pages as vector images with a PNG fallback). */
export function renderSopSheet(sop: Sop, agency?: Agency, kertas: Kertas = 'A4'): Promise<Buffer> {
  return renderDocx(sopSheetDokumen(sop, agency, kertas));
}

/** The SOP sheet as PDF, from the same content (flowchart pages as vector graphics). */
export function renderSopSheetPdf(sop: Sop, agency?: Agency, kertas: Kertas = 'A4'): Promise<Buffer> {
  return renderPdf(sopSheetDokumen(sop, agency, kertas));
}

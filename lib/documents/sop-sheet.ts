import { Document, Packer, PageOrientation, Paragraph, TableRow } from 'docx';
import type { Agency } from '../agency/schema.ts';
import { waktuTeks } from '../data/batas.ts';
import { tanggalIso } from '../format/indonesia.ts';
import type { Peran, Sop } from '../sop/schema.ts';
import { bullets, cell, gridTable, p, STYLES } from './common.ts';

/** The columns of the flow table: the roles that have a column, in SOP order. */
export function sheetColumns(sop: Sop): Peran[] {
  return sop.pelaksana.filter((r) => r.kolom === true);
}

/** Which column a role's mark goes in (its own, or the one it shares; none for system-only roles). */
export function columnOf(sop: Sop, roleId: string): string | undefined {
  const role = sop.pelaksana.find((r) => r.id === roleId);
  if (!role || role.kolom === false) return undefined;
  return role.kolom === true ? role.id : role.kolom;
}

/** The flowchart mark of a step: terminator at the ends, diamond for decisions, box otherwise. */
export function markOf(sop: Sop, i: number): string {
  const l = sop.langkah[i]!;
  const shape = l.tugas === 'keputusan' ? `◇ ya / tidak → ${l.kembali_ke}` : '▭';
  const isLast = i === sop.langkah.length - 1 || l.selesai;
  if (i === 0) return `(MULAI)\n${shape}`;
  if (isLast) return `${shape}\n(SELESAI)`;
  return shape;
}

/** What goes in each column for step i: the flow mark for the accountable role, a box for those taking part. */
export function stepMarks(sop: Sop, i: number): Map<string, string> {
  const l = sop.langkah[i]!;
  const marks = new Map<string, string>();
  for (const roleId of l.pelaksanaLain) {
    const col = columnOf(sop, roleId);
    if (col) marks.set(col, '▭\n(turut serta)');
  }
  const main = columnOf(sop, l.pelaksana);
  if (main) marks.set(main, markOf(sop, i));
  return marks;
}

/**
 * Renders an SOP file in the SOP AP layout of PermenPAN-RB 35/2012: identity part, then the flow table.
 * With the agency that runs it, a step without waktu shows the agency's working time beside "tidak ditentukan".
 */
export async function renderSopSheet(sop: Sop, agency?: Agency): Promise<Buffer> {
  const id = sop.identitas;
  const identityRows: [string, string][] = [
    ['Nomor SOP', id.nomor],
    ['Tanggal Pembuatan', tanggalIso(id.tanggal_pembuatan)],
    ['Tanggal Revisi', id.tanggal_revisi ? tanggalIso(id.tanggal_revisi) : '-'],
    ['Tanggal Pengesahan', id.tanggal_pengesahan ? tanggalIso(id.tanggal_pengesahan) : '-'],
    [
      'Disahkan oleh',
      [
        id.disahkan_oleh.jabatan,
        id.disahkan_oleh.nama,
        id.disahkan_oleh.pangkat,
        id.disahkan_oleh.nip && `NIP. ${id.disahkan_oleh.nip}`,
      ]
        .filter(Boolean)
        .join('\n'),
    ],
    ['Nama SOP', id.nama],
  ];
  const lists: [string, string[], string, string[]][] = [
    ['Dasar Hukum', id.dasar_hukum, 'Kualifikasi Pelaksana', id.kualifikasi_pelaksana],
    ['Keterkaitan', id.keterkaitan, 'Peralatan/Perlengkapan', id.peralatan_perlengkapan],
    ['Peringatan', id.peringatan, 'Pencatatan dan Pendataan', id.pencatatan_pendataan],
  ];
  const numbered = (xs: string[]) => xs.map((x, i) => `${i + 1}. ${x}`).join('\n');
  const identity = gridTable([
    new TableRow({ children: [cell(id.unit.toUpperCase(), { bold: true, span: 2, align: 'center' })] }),
    ...identityRows.map(([k, v]) => new TableRow({ children: [cell(k, { bold: true }), cell(v)] })),
    ...lists.flatMap(([a, as, b, bs]) => [
      new TableRow({
        children: [cell(a, { bold: true, shade: 'D9E2F3' }), cell(b, { bold: true, shade: 'D9E2F3' })],
      }),
      new TableRow({ children: [cell(numbered(as)), cell(numbered(bs))] }),
    ]),
  ]);

  const cols = sheetColumns(sop);
  const headerTop = new TableRow({
    tableHeader: true,
    children: [
      cell('No', { bold: true, shade: 'D9E2F3', align: 'center' }),
      cell('Kegiatan', { bold: true, shade: 'D9E2F3', align: 'center' }),
      cell('Pelaksana', { bold: true, shade: 'D9E2F3', align: 'center', span: cols.length }),
      cell('Mutu Baku', { bold: true, shade: 'D9E2F3', align: 'center', span: 3 }),
      cell('Keterangan', { bold: true, shade: 'D9E2F3', align: 'center' }),
    ],
  });
  const headerSub = new TableRow({
    tableHeader: true,
    children: [
      cell('', { shade: 'D9E2F3' }),
      cell('', { shade: 'D9E2F3' }),
      ...cols.map((c) => cell(c.nama, { bold: true, shade: 'D9E2F3', align: 'center', size: 16 })),
      ...['Kelengkapan', 'Waktu', 'Output'].map((t) =>
        cell(t, { bold: true, shade: 'D9E2F3', align: 'center', size: 16 }),
      ),
      cell('', { shade: 'D9E2F3' }),
    ],
  });
  const flowRows = sop.langkah.map((l, i) => {
    const marks = stepMarks(sop, i);
    return new TableRow({
      cantSplit: true,
      children: [
        cell(`${l.no}.`, { align: 'center' }),
        cell(l.kegiatan),
        ...cols.map((c) => cell(marks.get(c.id) ?? '', { align: 'center', size: 20, bold: true })),
        cell(l.kelengkapan, { size: 16 }),
        cell(waktuTeks(l, sop, agency), { align: 'center', size: 16 }),
        cell(l.output, { size: 16 }),
        cell(l.keterangan, { size: 16 }),
      ],
    });
  });
  // No | Kegiatan | one column per pelaksana | Kelengkapan, Waktu, Output | Keterangan (landscape A4).
  const flow = gridTable(
    [headerTop, headerSub, ...flowRows],
    [4, 24, ...cols.map(() => 32 / cols.length), 12, 6, 12, 10],
  );

  const doc = new Document({
    creator: 'lakip-flow',
    title: `SOP ${id.nomor} ${id.nama}`,
    styles: STYLES,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          p('STANDAR OPERASIONAL PROSEDUR (SOP)', { align: 'center', bold: true, size: 26 }),
          identity,
        ],
      },
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          p(`SOP: ${id.nama.toUpperCase()}`, { align: 'center', bold: true }),
          flow,
          new Paragraph({ text: '' }),
          ...bullets([
            '▭ kegiatan; ◇ keputusan (ya: lanjut; tidak: kembali ke langkah yang ditunjuk); (MULAI)/(SELESAI) awal dan akhir prosedur.',
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

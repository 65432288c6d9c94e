/**
 * What kind of file a step produced. A file record carries its kind and content type, so nothing is
 * recognised by its label, path or extension: the archive takes the kinds marked `final`, a reviewer's
 * task carries the kind its step kind reviews.
 */
export const CONTENT_TYPE = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  pdf: 'application/pdf',
  teks: 'text/plain; charset=utf-8',
} as const;
export type ContentType = (typeof CONTENT_TYPE)[keyof typeof CONTENT_TYPE];

export interface DocumentKind {
  /** What it is, for people (Indonesian). */
  nama: string;
  /** Part of the final package: copied to the archive and listed for e-SAKIP Reviu. */
  final: boolean;
}

export const JENIS_DOKUMEN = {
  disposisi: { nama: 'Lembar disposisi', final: false },
  format: { nama: 'Format pengumpulan data', final: false },
  analisis: { nama: 'Hasil analisis capaian kinerja', final: false },
  draf: { nama: 'Draf laporan kinerja', final: false },
  /** The same version as the report will be signed (no DRAF mark, no notes): the Word file to edit. */
  'naskah-sunting': { nama: 'Naskah laporan kinerja untuk disunting (DOCX)', final: false },
  'laporan-unit': { nama: 'Laporan data kinerja unit', final: false },
  /** The approved version as the PDF that gets signed (no correction history in it). */
  'naskah-final': { nama: 'Naskah final laporan kinerja (PDF, belum ditandatangani)', final: false },
  'laporan-final': { nama: 'Laporan kinerja yang ditandatangani', final: true },
  'surat-pengantar': { nama: 'Surat pengantar', final: true },
  'daftar-esakip': { nama: 'Daftar unggah e-SAKIP Reviu', final: false },
  'manifest-arsip': { nama: 'Daftar isi arsip', final: false },
} as const satisfies Record<string, DocumentKind>;
export type JenisDokumen = keyof typeof JENIS_DOKUMEN;

export const isFinal = (jenis: JenisDokumen): boolean => JENIS_DOKUMEN[jenis].final;

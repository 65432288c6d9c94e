/** One reason a returned workbook was refused, located as precisely as the file allows. */
export interface MasalahBerkas {
  lembar?: string;
  baris?: number;
  /** Column letter and header, e.g. "H (Realisasi)". */
  kolom?: string;
  /** The value found, bounded and stripped of control characters. */
  nilai?: string;
  pesan: string;
}

export function formatMasalah(m: MasalahBerkas): string {
  const where = [
    m.lembar && `lembar ${m.lembar}`,
    m.baris !== undefined && `baris ${m.baris}`,
    m.kolom && `kolom ${m.kolom}`,
  ]
    .filter(Boolean)
    .join(', ');
  const found = m.nilai !== undefined && m.nilai !== '' ? ` (isi: '${m.nilai}')` : '';
  return `${where ? `${where}: ` : ''}${m.pesan}${found}`;
}

/** The only error the reader throws: the file was refused, with every problem found. */
export class BerkasDitolak extends Error {
  constructor(
    readonly berkas: string,
    readonly masalah: MasalahBerkas[],
  ) {
    super(`Berkas ${berkas} ditolak:\n${masalah.map((m) => `  - ${formatMasalah(m)}`).join('\n')}`);
    this.name = 'BerkasDitolak';
  }
}

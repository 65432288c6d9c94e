/**
 * Letter numbers (nomor surat) from the agency's own pattern, e.g.
 * '{klasifikasi}/{nomor:3}/{kode}/{tahun}' → '000.5.2.3/007/DKUKMTK-BLG/2026'.
 * The serial runs per agency per year without gaps; allocating it is the store's job.
 */
export interface NomorSuratParts {
  klasifikasi: string;
  nomor: number;
  kode: string;
  tahun: number;
  bulanRomawi: string;
}

const KNOWN = new Set(['klasifikasi', 'nomor', 'kode', 'tahun', 'bulan_romawi']);

export function checkPola(pola: string): string[] {
  const out: string[] = [];
  for (const m of pola.matchAll(/\{([a-z_]+)(?::(\d+))?\}/g))
    if (!KNOWN.has(m[1]!)) out.push(`penanda '{${m[1]}}' tidak dikenal`);
  if (!/\{nomor(?::\d+)?\}/.test(pola)) out.push("pola harus memuat '{nomor}'");
  return out;
}

export function formatNomorSurat(pola: string, parts: NomorSuratParts): string {
  return pola.replace(/\{([a-z_]+)(?::(\d+))?\}/g, (_, key: string, pad?: string) => {
    switch (key) {
      case 'klasifikasi':
        return parts.klasifikasi;
      case 'nomor':
        return pad ? String(parts.nomor).padStart(Number(pad), '0') : String(parts.nomor);
      case 'kode':
        return parts.kode;
      case 'tahun':
        return String(parts.tahun);
      case 'bulan_romawi':
        return parts.bulanRomawi;
      default:
        return `{${key}}`;
    }
  });
}

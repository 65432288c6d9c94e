/**
 * A step's title for people: the SOP's own short `judul` when it has one, else its `kegiatan` cut at the
 * first clause ("…, kemudian diteruskan ke …", "… untuk …") and then at a word, so that a title fits two
 * lines on a phone. The full `kegiatan` stays available under "Rincian".
 */
export function judulLangkah(l: { kegiatan: string; judul?: string }, max = 60): string {
  if (l.judul) return l.judul;
  const k = l.kegiatan.trim();
  if (k.length <= max) return k;
  const clause = /,\s|\skemudian\s|\suntuk\s|\sdan\s/i.exec(k);
  if (clause && clause.index >= 15 && clause.index <= max) return k.slice(0, clause.index);
  const cut = k.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 20 ? cut.slice(0, space) : k.slice(0, max)).replace(/[,;:]$/, '')}…`;
}

const TW: Record<string, string> = { TW1: 'TW I', TW2: 'TW II', TW3: 'TW III', TW4: 'TW IV' };

/**
 * A cycle's name for people: the report's abbreviation when the SOP's name has one ("LAKIP 2025"),
 * else the SOP's subject ("Data Kinerja TW IV 2025"), never an internal id.
 */
export function namaSiklus(sopNama: string, tahun: number, periode: string): string {
  const abbr = /\((LAKIP|LKjIP|LKIP|LKj)\)/i.exec(sopNama)?.[1];
  const subject =
    abbr ??
    sopNama
      .replace(/^(Penyusunan|Pengumpulan|Pembuatan|Pelaporan)\s+/i, '')
      .replace(/^./, (c) => c.toUpperCase());
  return `${subject} ${periode === 'tahunan' ? '' : `${TW[periode] ?? periode} `}${tahun}`;
}

/**
 * The cycle's state on the flowchart (the timeline page): each state has a colour AND a word under the
 * symbol and a distinct outline, so it reads without colour too (print, colour blindness).
 */
export type Keadaan = 'selesai' | 'berjalan' | 'terlambat' | 'belum';

export const STYLE_KEADAAN: Record<
  Keadaan,
  { fill: string; stroke: string; teks: string; dash: string; lebar: number; nama: string }
> = {
  selesai: { fill: '#dcefdc', stroke: '#1b5e20', teks: '#1b5e20', dash: '', lebar: 1, nama: 'selesai' },
  berjalan: { fill: '#fff1c2', stroke: '#8a5300', teks: '#6b4000', dash: '', lebar: 2.5, nama: 'berjalan' },
  terlambat: {
    fill: '#fbdad6',
    stroke: '#b71c1c',
    teks: '#b71c1c',
    dash: '6 2',
    lebar: 2.5,
    nama: 'terlambat',
  },
  belum: { fill: '#ffffff', stroke: '#666666', teks: '#555555', dash: '2 2', lebar: 1, nama: 'belum' },
};

/**
 * The state of each step `no` from a cycle's step records (several per step for per-unit steps and
 * returns): late if an open record is past its deadline, running if any is open, done when all are done.
 */
export function keadaanDariRiwayat(
  rows: readonly { no: number; selesai?: string | null; terlambat: boolean }[],
): Map<number, Keadaan> {
  const out = new Map<number, Keadaan>();
  const byNo = new Map<number, (typeof rows)[number][]>();
  for (const r of rows) byNo.set(r.no, [...(byNo.get(r.no) ?? []), r]);
  for (const [no, rs] of byNo) {
    const open = rs.filter((r) => !r.selesai);
    if (open.some((r) => r.terlambat)) out.set(no, 'terlambat');
    else if (open.length > 0) out.set(no, 'berjalan');
    else out.set(no, 'selesai');
  }
  return out;
}

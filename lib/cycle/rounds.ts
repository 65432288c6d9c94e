import type { Sop } from '../sop/schema.ts';
import type { Berkas, HasilKeputusan, StepRecord } from './model.ts';

/**
 * The rounds of a review loop (a document prepared at step `siapkan`, judged at step `tinjau`, returned
 * with notes or approved), from the step records: each pass of the preparing step is a version, each
 * pass of the judging step its verdict. What the preparer wrote when confirming a later version is
 * their reply to the notes before it.
 */
export interface Putaran {
  putaran: number;
  disusun?: { oleh?: string; waktu?: string; catatan?: string; berkas: Berkas[] };
  tinjauan?: { hasil: HasilKeputusan; catatan: string; oleh: string; waktu: string };
}

/** The loop a step belongs to, as judge or as preparer: the judging step names `kembali_ke`. */
export function reviewLoopOf(sop: Sop, no: number): { siapkan: number; tinjau: number } | undefined {
  const judge = sop.langkah.find((l) => l.no === no && l.kembali_ke !== undefined);
  if (judge) return { siapkan: judge.kembali_ke!, tinjau: judge.no };
  const prep = sop.langkah.find((l) => l.kembali_ke === no);
  return prep ? { siapkan: no, tinjau: prep.no } : undefined;
}

const who = (r: StepRecord) => (r.oleh ? `${r.oleh.nama} (${r.oleh.jabatan})` : undefined);

export function reviewRounds(
  records: readonly StepRecord[],
  loop: { siapkan: number; tinjau: number },
  unit: string,
): Putaran[] {
  const mine = records.filter((r) => r.unit === unit);
  const prep = mine.filter((r) => r.no === loop.siapkan);
  const judged = mine.filter((r) => r.no === loop.tinjau);
  const n = Math.max(0, ...prep.map((r) => r.putaran), ...judged.map((r) => r.putaran));
  const out: Putaran[] = [];
  for (let i = 1; i <= n; i++) {
    const p = prep.find((r) => r.putaran === i);
    const j = judged.find((r) => r.putaran === i);
    out.push({
      putaran: i,
      ...(p
        ? {
            disusun: {
              oleh: who(p),
              waktu: p.selesai,
              catatan: p.keputusan?.catatan || undefined,
              berkas: p.berkas,
            },
          }
        : {}),
      ...(j?.keputusan
        ? {
            tinjauan: {
              hasil: j.keputusan.hasil,
              catatan: j.keputusan.catatan,
              oleh: `${j.keputusan.oleh.nama} (${j.keputusan.oleh.jabatan})`,
              waktu: j.keputusan.waktu,
            },
          }
        : {}),
    });
  }
  return out;
}

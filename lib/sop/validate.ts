import type { Langkah, Sop } from './schema.ts';

/** One problem found in an SOP file, located by a path into the document. */
export interface Masalah {
  /** Path into the document, e.g. ['langkah', 6, 'pelaksana']. */
  path: (string | number)[];
  pesan: string;
}

/**
 * The rules a schema cannot express: references between steps and roles, and the shape of the flow.
 * Every step must be reachable from step 1, every return must go to an existing earlier step,
 * and a per-unit stretch of steps must be contiguous and keep its returns inside itself
 * (it compiles to one Map state).
 */
export function checkSop(sop: Sop): Masalah[] {
  const out: Masalah[] = [];
  const roles = new Set(sop.pelaksana.map((p) => p.id));
  const roleList = [...roles].join(', ');
  const seenRoles = new Set<string>();
  sop.pelaksana.forEach((p, i) => {
    if (seenRoles.has(p.id))
      out.push({ path: ['pelaksana', i, 'id'], pesan: `peran '${p.id}' ditulis dua kali` });
    seenRoles.add(p.id);
  });

  const byNo = new Map<number, number>();
  sop.langkah.forEach((l, i) => {
    if (byNo.has(l.no))
      out.push({ path: ['langkah', i, 'no'], pesan: `nomor langkah ${l.no} ditulis dua kali` });
    byNo.set(l.no, i);
  });
  // Steps are numbered 1..n in order (docs/sop-format.md); only the first break is reported,
  // since every later number would otherwise be reported too.
  const gap = sop.langkah.findIndex((l, i) => l.no !== i + 1);
  if (gap >= 0 && byNo.size === sop.langkah.length) {
    const l = sop.langkah[gap]!;
    out.push({
      path: ['langkah', gap, 'no'],
      pesan:
        gap === 0
          ? `langkah pertama harus bernomor 1, ditemukan ${l.no}`
          : `nomor langkah harus berurutan tanpa lompatan: sesudah langkah ${gap} seharusnya langkah ${gap + 1}, ditemukan ${l.no}`,
    });
  }

  sop.langkah.forEach((l, i) => {
    const at = (field: string) => ['langkah', i, field];
    const listed = [l.pelaksana, ...l.pelaksanaLain];
    listed.forEach((role, j) => {
      if (roles.has(role) && listed.indexOf(role) === j) return;
      out.push({
        // A list is located at its entry; a single pelaksana at the key.
        path: l.pelaksanaLain.length > 0 ? [...at('pelaksana'), j] : at('pelaksana'),
        pesan: roles.has(role)
          ? `pelaksana '${role}' ditulis dua kali`
          : `pelaksana '${role}' tidak dikenal; peran yang ada: ${roleList}`,
      });
    });
    if (l.oleh !== undefined && !roles.has(l.oleh)) {
      out.push({
        path: at('oleh'),
        pesan: `peran '${l.oleh}' pada 'oleh' tidak dikenal; peran yang ada: ${roleList}`,
      });
    }
    if (l.tugas === 'keputusan' && l.kembali_ke === undefined) {
      out.push({
        path: at('tugas'),
        pesan: `langkah keputusan harus menyebut 'kembali_ke' (langkah tujuan bila dikembalikan)`,
      });
    }
    if (l.kembali_ke !== undefined) {
      if (l.tugas !== 'keputusan') {
        out.push({
          path: at('kembali_ke'),
          pesan: `'kembali_ke' hanya berlaku untuk langkah dengan tugas 'keputusan'`,
        });
      }
      if (!byNo.has(l.kembali_ke)) {
        out.push({
          path: at('kembali_ke'),
          pesan: `kembali ke langkah ${l.kembali_ke}, padahal langkah itu tidak ada`,
        });
      } else if (l.kembali_ke >= l.no) {
        out.push({
          path: at('kembali_ke'),
          pesan: `hanya boleh kembali ke langkah sebelumnya, bukan ke langkah ${l.kembali_ke}`,
        });
      }
    }
    if (l.lanjut_ke !== undefined && !byNo.has(l.lanjut_ke)) {
      out.push({
        path: at('lanjut_ke'),
        pesan: `lanjut ke langkah ${l.lanjut_ke}, padahal langkah itu tidak ada`,
      });
    }
    const actor = sop.pelaksana.find((p) => p.id === (l.oleh ?? l.pelaksana));
    if (actor?.lingkup === 'unit' && !l.per_unit) {
      out.push({
        path: at('per_unit'),
        pesan: `dikerjakan oleh '${actor.nama}' per unit, jadi harus 'per_unit: true'`,
      });
    }
    if (l.tugas === 'unggah' && !l.per_unit) {
      out.push({
        path: at('tugas'),
        pesan: `tugas 'unggah' hanya untuk langkah per unit (setiap unit mengunggah datanya)`,
      });
    }
  });

  out.push(...checkUnitGroups(sop.langkah));
  if (out.length === 0) out.push(...checkReachable(sop.langkah));
  return out;
}

/** Per-unit steps must form contiguous runs; returns from inside a run must stay inside it. */
function checkUnitGroups(steps: Langkah[]): Masalah[] {
  const out: Masalah[] = [];
  for (const g of unitGroups(steps)) {
    const inGroup = new Set(g.map((l) => l.no));
    for (const l of g) {
      const i = steps.indexOf(l);
      if (
        l.kembali_ke !== undefined &&
        !inGroup.has(l.kembali_ke) &&
        steps.some((s) => s.no === l.kembali_ke)
      ) {
        out.push({
          path: ['langkah', i, 'kembali_ke'],
          pesan: `langkah per unit hanya boleh kembali ke langkah per unit dalam rangkaian yang sama (${[...inGroup].join(', ')})`,
        });
      }
      if (l.lanjut_ke !== undefined || (l.selesai && l !== g.at(-1))) {
        out.push({
          path: ['langkah', i],
          pesan: `langkah per unit tidak boleh melompat atau mengakhiri prosedur`,
        });
      }
    }
  }
  for (const l of steps) {
    if (l.per_unit) continue;
    const i = steps.indexOf(l);
    const target = l.kembali_ke;
    if (target === undefined) continue;
    const t = steps.find((s) => s.no === target);
    const first = t && unitGroups(steps).find((g) => g.includes(t));
    if (t && first && first[0] !== t) {
      out.push({
        path: ['langkah', i, 'kembali_ke'],
        pesan: `hanya boleh kembali ke awal rangkaian langkah per unit (langkah ${first[0]!.no}), bukan ke tengahnya`,
      });
    }
  }
  return out;
}

/** Consecutive runs of per_unit steps, in order. */
export function unitGroups(steps: Langkah[]): Langkah[][] {
  const groups: Langkah[][] = [];
  let cur: Langkah[] | undefined;
  for (const l of steps) {
    if (l.per_unit) {
      if (!cur) {
        cur = [];
        groups.push(cur);
      }
      cur.push(l);
    } else {
      cur = undefined;
    }
  }
  return groups;
}

/** The steps a step can hand over to: the next one (or its jump), plus its return target. */
export function successors(steps: Langkah[], i: number): number[] {
  const l = steps[i]!;
  const next: number[] = [];
  const isLast = i === steps.length - 1;
  if (!l.selesai && !isLast) {
    const to = l.lanjut_ke ?? steps[i + 1]!.no;
    next.push(steps.findIndex((s) => s.no === to));
  }
  if (l.kembali_ke !== undefined) next.push(steps.findIndex((s) => s.no === l.kembali_ke));
  return next.filter((n) => n >= 0);
}

function checkReachable(steps: Langkah[]): Masalah[] {
  const seen = new Set<number>([0]);
  const queue = [0];
  while (queue.length > 0) {
    const i = queue.shift()!;
    for (const n of successors(steps, i)) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return steps.flatMap((l, i) =>
    seen.has(i)
      ? []
      : [
          {
            path: ['langkah', i],
            pesan: `'${l.kegiatan}' tidak pernah tercapai dari langkah pertama`,
          },
        ],
  );
}

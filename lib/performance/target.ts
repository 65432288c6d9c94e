/**
 * Kept apart from the schemas (model.ts) so that code which only scores figures does not load them.
 */
const QUARTER = { tahunan: null, TW1: 0, TW2: 1, TW3: 2, TW4: 3 } as const;

/** The target for a period: the yearly target, or the Rencana Aksi quarter's when one is set. */
export function targetFor(
  ind: { target: number | string; target_triwulan?: (number | string)[] | undefined },
  periode: keyof typeof QUARTER,
): number | string {
  const q = QUARTER[periode];
  return q === null ? ind.target : (ind.target_triwulan?.[q] ?? ind.target);
}

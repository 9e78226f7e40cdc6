/**
 * What the passes (totals.ts, cellPass.ts) and the thresholds (thresholds.ts) share: per category,
 * the bracket [lo, hi] of each ranked statistic and, once they are known, the bars the per-cell
 * pass judges by, side by side in one Float64Array; the counts the first pass makes, in one
 * Int32Array; and the values it keeps from within the brackets.
 */
/** Slots of the ranked statistics (each a quantity and a rank of it). */
export const SIZE_SLOT = 0; // employment, the size star's top share
export const FOCUS_SLOT = 1; // focus share, the focus star's top share
export const LQ_SLOT = 2; // LQ: the specialisation star's top share (paper), P90 (cmp)
export const LQ2_SLOT = 3; // LQ: P75 (cmp)
export const E_FLOOR_SLOT = 4; // employment: P25 (cmp)
export const M_FLOOR_SLOT = 5; // establishments: P25 (cmp)
export const N_SLOTS = 6;

/** The quantity each slot ranks. */
export const EMPLOYMENT = 0;
export const FOCUS = 1;
export const LQ = 2;
export const ESTABLISHMENTS = 3;
export const SLOT_QUANTITY = [EMPLOYMENT, FOCUS, LQ, LQ, EMPLOYMENT, ESTABLISHMENTS];

/**
 * Float table, per category at c · STRIDE: E(c), each slot's lo and hi (a slot's hi then holds its
 * threshold for the per-cell pass), and the LQ bars.
 */
export const STRIDE = 16;
export const EC = 0;
export const lo = (slot: number) => 1 + 2 * slot;
export const hi = (slot: number) => 2 + 2 * slot;
/** The specialisation bar the pass judges by: the LQ threshold, or the paper rule's ranked one. */
export const LQ_BAR = 13;
/** Strong-cluster LQ bars (strongLqBar). */
export const STRONG_BAR = 14;
export const STRONG10_BAR = 15;

/** One field of the table for every category, or NaN for each where `on` is false (a slot not counted). */
export function tableColumn(table: Float64Array, nCategories: number, field: number, on = true): Float64Array {
  return Float64Array.from({ length: nCategories }, (_, c) => (on ? table[c * STRIDE + field] : NaN));
}

/** Int table, per category at c · COUNTS: competing cells of employment, LQ, establishments; per slot the count below lo. */
export const COUNTS = 10;
export const N_EMPLOYMENT = 0;
export const N_LQ = 1;
export const N_ESTABLISHMENTS = 2;
export const below = (slot: number) => 3 + slot;

/**
 * Each slot's values within its bracket, per category (key c · N_SLOTS + slot): of an LQ slot's
 * cell, its E(r,c) and D(r), two doubles side by side (thresholds.ts `keptLq`). A bucket's array is
 * made when its first values arrive, at the size `open` expected; a bucket whose values arrive all
 * at once, at the end of a pass (`last`), keeps the array it is given instead — a view of the
 * kernels' memory (kernels/simdPasses.ts), valid until they next run: the thresholds are
 * selected from it before that (computeIndicators.ts), and a copy of every bucket cost a tenth of
 * a computation under cmp.
 */
export class Buckets {
  private readonly arrays: Float64Array[] = [];
  private readonly lengths: number[] = [];
  private readonly expected: number[] = [];

  open(key: number, capacity: number): void {
    this.arrays[key] = EMPTY;
    this.lengths[key] = 0;
    this.expected[key] = capacity;
  }

  /** The most values `open` expected of any of these slots' buckets. */
  largest(slots: number[], nSlots: number, nCategories: number): number {
    let most = 0;
    for (let c = 0; c < nCategories; c++) for (const slot of slots) most = Math.max(most, this.expected[c * nSlots + slot] ?? 0);
    return most;
  }

  /** Several values at once, in their order; `last`: the bucket's final values, which it may keep. */
  append(key: number, xs: Float64Array, last = false): void {
    const n = this.lengths[key] ?? 0;
    if (last && n === 0) {
      this.arrays[key] = xs;
      this.lengths[key] = xs.length;
      return;
    }
    let b = this.arrays[key] ?? EMPTY;
    if (n + xs.length > b.length) {
      const grown = new Float64Array(Math.max(this.expected[key] ?? 0, 2 * (n + xs.length) + 64));
      grown.set(b.subarray(0, n));
      this.arrays[key] = b = grown;
    }
    b.set(xs, n);
    this.lengths[key] = n + xs.length;
  }

  values(key: number): Float64Array {
    return this.arrays[key] ? this.arrays[key].subarray(0, this.lengths[key]) : new Float64Array(0);
  }
}

const EMPTY = new Float64Array(0);

/**
 * The first pass over the matrix: every total the indicators divide by, and, on the way, what the
 * thresholds of employment, focus share and establishments are selected from (thresholds.ts) —
 * they need no total but the row's own. NaN cells ("not reported") count as 0 in every sum. The
 * pass runs in the SIMD kernel of kernels/passes.wat; what it lists is kept here.
 */
import type { Buckets } from './bracketTable';
import * as layout from './bracketTable';
import { firstPass, KEPT_EMPLOYMENT_FLOOR, KEPT_ESTABLISHMENTS_FLOOR, KEPT_FOCUS, KEPT_SIZE } from './kernels/simdPasses';

export interface MatrixTotals {
  /** E(r) over all categories. */
  regionTotal: Float64Array;
  /** E(r) over the LQ-denominator categories only. */
  regionDenominator: Float64Array;
  /** Σ_r E(r,c). */
  categorySum: Float64Array;
}

/** The statistics the pass counts and keeps (see thresholds.ts): brackets in, counts and values out. */
export interface RowStatistics {
  /** Employment as the judgement sees it (minSize.ts). */
  competing: Float64Array;
  /** Present when the establishments' P25 is wanted. */
  establishments?: Float64Array;
  /** Whether employment's P25 is wanted (cmp). */
  employmentFloor: boolean;
  table: Float64Array;
  counts: Int32Array;
  buckets: Buckets;
}

const { COUNTS, N_SLOTS, SIZE_SLOT, FOCUS_SLOT, E_FLOOR_SLOT, M_FLOOR_SLOT, N_EMPLOYMENT, N_ESTABLISHMENTS, lo, hi, below } = layout;

/** The bracket slot of each of the kernel's. */
const SLOTS: number[] = [];
SLOTS[KEPT_SIZE] = SIZE_SLOT;
SLOTS[KEPT_FOCUS] = FOCUS_SLOT;
SLOTS[KEPT_EMPLOYMENT_FLOOR] = E_FLOOR_SLOT;
SLOTS[KEPT_ESTABLISHMENTS_FLOOR] = M_FLOOR_SLOT;

export function matrixTotals(nRegions: number, nCategories: number, values: Float64Array, mask: Uint8Array | undefined, stats: RowStatistics): MatrixTotals {
  const { competing: emp, table: t, counts, buckets, employmentFloor } = stats;
  const useM = stats.establishments !== undefined;
  const column = (field: number, on = true) => layout.tableColumn(t, nCategories, field, on);
  // A bracket of NaN holds nothing and has nothing below it: the slot is not counted.
  const bracket = (slot: number, on = true) => [column(lo(slot), on), column(hi(slot), on)];
  const pass = firstPass(
    {
      nRegions,
      nCategories,
      values,
      competing: emp,
      establishments: stats.establishments,
      // 1 or 0: adding v · 0 leaves a sum exactly as skipping v does.
      floors: employmentFloor || useM,
      inDenominator: Float64Array.from({ length: nCategories }, (_, c) => (mask === undefined || mask[c] !== 0 ? 1 : 0)),
      brackets: { size: bracket(SIZE_SLOT), focus: bracket(FOCUS_SLOT), employmentFloor: bracket(E_FLOOR_SLOT, employmentFloor), establishmentsFloor: bracket(M_FLOOR_SLOT, useM) },
      expected: buckets.largest(SLOTS, N_SLOTS, nCategories),
    },
    // The kept values into the buckets of their slots.
    (slot, c, kept, last) => buckets.append(c * N_SLOTS + SLOTS[slot], kept, last),
  );
  const n = pass.counts;
  for (let c = 0, cc = 0; c < nCategories; c++, cc += COUNTS) {
    counts[cc + N_EMPLOYMENT] = n.competing[c];
    counts[cc + below(SIZE_SLOT)] = n.belowSize[c];
    counts[cc + below(FOCUS_SLOT)] = n.belowFocus[c];
    if (employmentFloor) counts[cc + below(E_FLOOR_SLOT)] = n.belowEmploymentFloor[c];
    if (useM) {
      counts[cc + N_ESTABLISHMENTS] = n.establishments[c];
      counts[cc + below(M_FLOOR_SLOT)] = n.belowEstablishmentsFloor[c];
    }
  }
  return { regionTotal: pass.regionTotal, regionDenominator: mask ? pass.regionDenominator : pass.regionTotal, categorySum: pass.categorySum };
}

/** Σ of a vector, NaN as 0, optionally only where mask[c] ≠ 0. */
export function maskedSum(values: Float64Array, mask?: Uint8Array): number {
  let s = 0;
  for (let c = 0; c < values.length; c++) {
    const v = values[c];
    if (v === v && (mask === undefined || mask[c] !== 0)) s += v;
  }
  return s;
}

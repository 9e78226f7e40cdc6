/**
 * The first pass over the matrix: every total the indicators divide by, and, on the way, what every
 * threshold is selected from (thresholds.ts) — employment's, focus shares' and establishments'
 * need no total but the row's own, and the LQ's order within a category is that of E(r,c) / D(r),
 * so its cells are bracketed on that and kept with their E(r,c) and D(r). NaN cells ("not
 * reported") count as 0 in every sum. The pass runs in the SIMD kernel of kernels/passes.wat; what
 * it keeps is kept here.
 */
import type { Buckets } from './bracketTable';
import * as layout from './bracketTable';
import { firstPass, KEPT_EMPLOYMENT_FLOOR, KEPT_ESTABLISHMENTS_FLOOR, KEPT_FOCUS, KEPT_LQ, KEPT_LQ2, KEPT_SIZE } from './kernels/simdPasses';

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
  /** The LQ brackets counted and kept (eco 0, paper 1, cmp 2), on E(r,c) / D(r). */
  lqSlots: 0 | 1 | 2;
  table: Float64Array;
  counts: Int32Array;
  buckets: Buckets;
}

const { COUNTS, N_SLOTS, SIZE_SLOT, FOCUS_SLOT, E_FLOOR_SLOT, M_FLOOR_SLOT, LQ_SLOT, LQ2_SLOT, N_EMPLOYMENT, N_ESTABLISHMENTS, N_LQ, lo, hi, below } = layout;

/** The bracket slot of each of the kernel's. */
const SLOTS: number[] = [];
SLOTS[KEPT_SIZE] = SIZE_SLOT;
SLOTS[KEPT_FOCUS] = FOCUS_SLOT;
SLOTS[KEPT_EMPLOYMENT_FLOOR] = E_FLOOR_SLOT;
SLOTS[KEPT_ESTABLISHMENTS_FLOOR] = M_FLOOR_SLOT;
SLOTS[KEPT_LQ] = LQ_SLOT;
SLOTS[KEPT_LQ2] = LQ2_SLOT;

export function matrixTotals(nRegions: number, nCategories: number, values: Float64Array, mask: Uint8Array | undefined, stats: RowStatistics): MatrixTotals {
  const { competing: emp, table: t, counts, buckets, employmentFloor, lqSlots } = stats;
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
      brackets: {
        size: bracket(SIZE_SLOT),
        focus: bracket(FOCUS_SLOT),
        employmentFloor: bracket(E_FLOOR_SLOT, employmentFloor),
        establishmentsFloor: bracket(M_FLOOR_SLOT, useM),
        lq: [LQ_SLOT, LQ2_SLOT].slice(0, lqSlots).map((slot) => bracket(slot)),
      },
      lqSlots,
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
    if (lqSlots > 0) {
      counts[cc + N_LQ] = n.lqCompeting[c];
      counts[cc + below(LQ_SLOT)] = n.belowLq[c];
      if (lqSlots > 1) counts[cc + below(LQ2_SLOT)] = n.belowLq2[c];
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

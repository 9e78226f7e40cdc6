/**
 * The first pass over the matrix: every total the indicators divide by, and, on the way, what the
 * thresholds of employment, focus share and establishments are selected from (thresholds.ts) —
 * they need no total but the row's own. NaN cells ("not reported") count as 0 in every sum.
 */
import type { Buckets } from './bracketTable';
import * as layout from './bracketTable';

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

// The layout's constants as module locals: under Node's CommonJS interop each use of an imported
// binding in a hot loop would be a getter call.
const { STRIDE, COUNTS, N_SLOTS, SIZE_SLOT, FOCUS_SLOT, E_FLOOR_SLOT, M_FLOOR_SLOT, N_EMPLOYMENT, N_ESTABLISHMENTS, PAIR, lo, hi, below, unpair } = layout;
const SIZE_LO = lo(SIZE_SLOT);
const SIZE_HI = hi(SIZE_SLOT);
const EF_LO = lo(E_FLOOR_SLOT);
const EF_HI = hi(E_FLOOR_SLOT);
const MF_LO = lo(M_FLOOR_SLOT);
const MF_HI = hi(M_FLOOR_SLOT);
const FOCUS_LO = lo(FOCUS_SLOT);
const FOCUS_HI = hi(FOCUS_SLOT);
const B_SIZE = below(SIZE_SLOT);
const B_EF = below(E_FLOOR_SLOT);
const B_MF = below(M_FLOOR_SLOT);
const B_FOCUS = below(FOCUS_SLOT);

export function matrixTotals(nRegions: number, nCategories: number, values: Float64Array, mask: Uint8Array | undefined, stats: RowStatistics): MatrixTotals {
  const regionTotal = new Float64Array(nRegions);
  const regionDenominator = mask ? new Float64Array(nRegions) : regionTotal;
  const categorySum = new Float64Array(nCategories);
  // 1 or 0 per category: adding v · 0 leaves a sum exactly as skipping v does.
  const inDenominator = Float64Array.from({ length: nCategories }, (_, c) => (mask === undefined || mask[c] !== 0 ? 1 : 0));
  const { competing: emp, table: t, counts, buckets, employmentFloor } = stats;
  const est = stats.establishments ?? emp;
  const useM = stats.establishments !== undefined;
  const end = nCategories * STRIDE;
  // The row's cells with a value inside a bracket, kept after the row: the hot loops only list them
  // (without branches), so that they hold no call a rarely taken path would deoptimise.
  const listed = new Int32Array(nCategories);
  const insideBits = new Uint8Array(nCategories);
  const keep_ = keepRowValues;
  // Counts in pairs, one accumulator each (`unpair`): each count updated per cell costs about as
  // much as a plain pass over the table.
  if (nRegions >= PAIR) throw new RangeError(`matrixTotals: ${nRegions} regions, more than ${PAIR - 1}`);
  const competingAndBelow = new Float64Array(nCategories);
  const focusAndFloor = new Float64Array(nCategories);
  const establishments = new Float64Array(nCategories);
  for (let r = 0, row = 0; r < nRegions; r++, row += nCategories) {
    let rowSum = 0;
    let rowDen = 0;
    for (let c = 0, i = row; c < nCategories; c++, i++) {
      const v = values[i];
      // `v === v` is false only for NaN: unreported cells add nothing.
      const w = v === v ? v : 0;
      rowSum += w;
      categorySum[c] += w;
      rowDen += w * inDenominator[c];
    }
    regionTotal[r] = rowSum;
    if (mask) regionDenominator[r] = rowDen;
    // The statistics, over the row again (in cache): the focus shares need its total.
    let n = 0;
    for (let c = 0, i = row, k = 0, cc = 0; k < end; c++, i++, k += STRIDE, cc += COUNTS) {
      const e = emp[i];
      const keep = +(e > 0);
      const sLo = t[k + SIZE_LO];
      competingAndBelow[c] += keep + PAIR * (keep & +(e < sLo));
      const f = e / rowSum;
      const fLo = t[k + FOCUS_LO];
      const belowFocus = keep & +(f < fLo);
      let inside = (0 - keep) & ((+(e >= sLo) & +(e <= t[k + SIZE_HI])) | ((+(f >= fLo) & +(f <= t[k + FOCUS_HI])) << FOCUS_SLOT));
      if (employmentFloor) {
        const eLo = t[k + EF_LO];
        focusAndFloor[c] += belowFocus + PAIR * (keep & +(e < eLo));
        inside |= (keep & +(e >= eLo) & +(e <= t[k + EF_HI])) << E_FLOOR_SLOT;
      } else counts[cc + B_FOCUS] += belowFocus;
      if (useM) {
        const m = est[i];
        const keepM = keep & +(m === m);
        const mLo = t[k + MF_LO];
        establishments[c] += keepM + PAIR * (keepM & +(m < mLo));
        inside |= (keepM & +(m >= mLo) & +(m <= t[k + MF_HI])) << M_FLOOR_SLOT;
      }
      listed[n] = c;
      insideBits[n] = inside;
      n += +(inside !== 0);
    }
    if (n > 0) keep_(buckets, listed, insideBits, n, row, emp, est, rowSum);
  }
  for (let c = 0, cc = 0; c < nCategories; c++, cc += COUNTS) {
    unpair(competingAndBelow[c], counts, cc + N_EMPLOYMENT, cc + B_SIZE);
    if (employmentFloor) unpair(focusAndFloor[c], counts, cc + B_FOCUS, cc + B_EF);
    if (useM) unpair(establishments[c], counts, cc + N_ESTABLISHMENTS, cc + B_MF);
  }
  return { regionTotal, regionDenominator, categorySum };
}

/** The listed cells' values into the buckets of the brackets they fell in (a bit per slot). */
function keepRowValues(buckets: Buckets, listed: Int32Array, insideBits: Uint8Array, n: number, row: number, emp: Float64Array, est: Float64Array, rowSum: number): void {
  for (let j = 0; j < n; j++) {
    const c = listed[j];
    const inside = insideBits[j];
    const key = c * N_SLOTS;
    const e = emp[row + c];
    if (inside & (1 << SIZE_SLOT)) buckets.add(key + SIZE_SLOT, e);
    if (inside & (1 << E_FLOOR_SLOT)) buckets.add(key + E_FLOOR_SLOT, e);
    if (inside & (1 << M_FLOOR_SLOT)) buckets.add(key + M_FLOOR_SLOT, est[row + c]);
    // The focus share as the pass computed it.
    if (inside & (1 << FOCUS_SLOT)) buckets.add(key + FOCUS_SLOT, e / rowSum);
  }
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

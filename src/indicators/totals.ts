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
  const { competing: emp, table: t, counts, buckets, employmentFloor } = stats;
  const est = stats.establishments ?? emp;
  const useM = stats.establishments !== undefined;
  // Counts in pairs, one accumulator each (`unpair`): each count updated per cell costs about as
  // much as a plain pass over the table.
  if (nRegions >= PAIR) throw new RangeError(`matrixTotals: ${nRegions} regions, more than ${PAIR - 1}`);
  if (nCategories >= 2 ** 24) throw new RangeError(`matrixTotals: ${nCategories} categories, more than ${2 ** 24 - 1}`);
  // What the loops read and add to per category, side by side in one array (see `A`).
  const a = new Float64Array(nCategories * A);
  for (let c = 0, k = 0, ka = 0; c < nCategories; c++, k += STRIDE, ka += A) {
    a[ka + A_SIZE_LO] = t[k + SIZE_LO];
    a[ka + A_SIZE_HI] = t[k + SIZE_HI];
    a[ka + A_FOCUS_LO] = t[k + FOCUS_LO];
    a[ka + A_FOCUS_HI] = t[k + FOCUS_HI];
    a[ka + A_EF_LO] = t[k + EF_LO];
    a[ka + A_EF_HI] = t[k + EF_HI];
    a[ka + A_MF_LO] = t[k + MF_LO];
    a[ka + A_MF_HI] = t[k + MF_HI];
    // 1 or 0: adding v · 0 leaves a sum exactly as skipping v does.
    a[ka + A_IN_DENOMINATOR] = mask === undefined || mask[c] !== 0 ? 1 : 0;
  }
  // The row's cells with a value inside a bracket (category | bits << 24), kept after the row: the
  // hot loops only list them (without branches), so that they hold no call a rarely taken path
  // would deoptimise.
  const listed = new Int32Array(nCategories);
  const totals = { regionTotal, regionDenominator: mask ? regionDenominator : undefined };
  // One loop per kind of rule, with no flag tested per cell, and as few arrays as can be: a typed
  // array's data pointer is reloaded on every iteration, and with a dozen arrays and flags held
  // the registers ran out and each cell reloaded its state from the stack.
  if (employmentFloor || useM) strongRows(nRegions, nCategories, values, emp, est, useM, totals, a, listed, buckets);
  else starRows(nRegions, nCategories, values, emp, totals, a, listed, buckets);
  const categorySum = new Float64Array(nCategories);
  for (let c = 0, cc = 0, ka = 0; c < nCategories; c++, cc += COUNTS, ka += A) {
    categorySum[c] = a[ka + A_CATEGORY_SUM];
    unpair(a[ka + A_COMPETING], counts, cc + N_EMPLOYMENT, cc + B_SIZE);
    if (employmentFloor) unpair(a[ka + A_FOCUS_FLOOR], counts, cc + B_FOCUS, cc + B_EF);
    else counts[cc + B_FOCUS] = a[ka + A_FOCUS_FLOOR];
    if (useM) unpair(a[ka + A_ESTABLISHMENTS], counts, cc + N_ESTABLISHMENTS, cc + B_MF);
  }
  return { regionTotal, regionDenominator, categorySum };
}

/**
 * Per category at c · A: the brackets (copied from the plan's table), the LQ denominator flag, and
 * the accumulators — Σ_r E(r,c); competing cells + PAIR · those below the size bracket; those
 * below the focus bracket (+ PAIR · below employment's P25 bracket, cmp); establishments' competing
 * cells + PAIR · those below their bracket.
 */
const A = 16;
const A_SIZE_LO = 0;
const A_SIZE_HI = 1;
const A_FOCUS_LO = 2;
const A_FOCUS_HI = 3;
const A_EF_LO = 4;
const A_EF_HI = 5;
const A_MF_LO = 6;
const A_MF_HI = 7;
const A_IN_DENOMINATOR = 8;
const A_CATEGORY_SUM = 9;
const A_COMPETING = 10;
const A_FOCUS_FLOOR = 11;
const A_ESTABLISHMENTS = 12;

interface RowTotals {
  regionTotal: Float64Array;
  /** Absent without a mask (then it is regionTotal). */
  regionDenominator: Float64Array | undefined;
}

/** Row r's totals; returns E(r). `v === v` is false only for NaN: unreported cells add nothing. */
function sumRow(values: Float64Array, row: number, nCategories: number, r: number, totals: RowTotals, a: Float64Array): number {
  let rowSum = 0;
  let rowDen = 0;
  const end = nCategories * A;
  for (let k = 0, i = row; k < end; k += A, i++) {
    const v = values[i];
    const w = v === v ? v : 0;
    rowSum += w;
    a[k + A_CATEGORY_SUM] += w;
    rowDen += w * a[k + A_IN_DENOMINATOR];
  }
  totals.regionTotal[r] = rowSum;
  if (totals.regionDenominator) totals.regionDenominator[r] = rowDen;
  return rowSum;
}

/** eco, paper: the size and focus statistics. */
function starRows(nRegions: number, nCategories: number, values: Float64Array, emp: Float64Array, totals: RowTotals, a: Float64Array, listed: Int32Array, buckets: Buckets): void {
  const sum_ = sumRow;
  const keep_ = keepRowValues;
  const end = nCategories * A;
  for (let r = 0, row = 0; r < nRegions; r++, row += nCategories) {
    const rowSum = sum_(values, row, nCategories, r, totals, a);
    // The statistics, over the row again (in cache): the focus shares need its total.
    let n = 0;
    for (let c = 0, i = row, k = 0; k < end; c++, i++, k += A) {
      const e = emp[i];
      const keep = +(e > 0);
      const sLo = a[k + A_SIZE_LO];
      a[k + A_COMPETING] += keep + PAIR * (keep & +(e < sLo));
      const f = e / rowSum;
      const fLo = a[k + A_FOCUS_LO];
      a[k + A_FOCUS_FLOOR] += keep & +(f < fLo);
      const inside = (0 - keep) & ((+(e >= sLo) & +(e <= a[k + A_SIZE_HI])) | ((+(f >= fLo) & +(f <= a[k + A_FOCUS_HI])) << FOCUS_SLOT));
      listed[n] = c | (inside << 24);
      n += +(inside !== 0);
    }
    if (n > 0) keep_(buckets, listed, n, row, emp, emp, rowSum);
  }
}

/** cmp: size and focus, employment's P25 and, with establishment counts (`useM`), theirs. */
function strongRows(nRegions: number, nCategories: number, values: Float64Array, emp: Float64Array, est: Float64Array, useM: boolean, totals: RowTotals, a: Float64Array, listed: Int32Array, buckets: Buckets): void {
  const sum_ = sumRow;
  const keep_ = keepRowValues;
  const end = nCategories * A;
  // Without establishment counts nothing is counted or kept of them.
  const mOn = useM ? 1 : 0;
  for (let r = 0, row = 0; r < nRegions; r++, row += nCategories) {
    const rowSum = sum_(values, row, nCategories, r, totals, a);
    let n = 0;
    for (let c = 0, i = row, k = 0; k < end; c++, i++, k += A) {
      const e = emp[i];
      const keep = +(e > 0);
      const sLo = a[k + A_SIZE_LO];
      a[k + A_COMPETING] += keep + PAIR * (keep & +(e < sLo));
      const f = e / rowSum;
      const fLo = a[k + A_FOCUS_LO];
      const eLo = a[k + A_EF_LO];
      a[k + A_FOCUS_FLOOR] += (keep & +(f < fLo)) + PAIR * (keep & +(e < eLo));
      const m = est[i];
      const keepM = keep & +(m === m) & mOn;
      const mLo = a[k + A_MF_LO];
      a[k + A_ESTABLISHMENTS] += keepM + PAIR * (keepM & +(m < mLo));
      const inside =
        ((0 - keep) & ((+(e >= sLo) & +(e <= a[k + A_SIZE_HI])) | ((+(f >= fLo) & +(f <= a[k + A_FOCUS_HI])) << FOCUS_SLOT) | ((+(e >= eLo) & +(e <= a[k + A_EF_HI])) << E_FLOOR_SLOT))) |
        ((keepM & +(m >= mLo) & +(m <= a[k + A_MF_HI])) << M_FLOOR_SLOT);
      listed[n] = c | (inside << 24);
      n += +(inside !== 0);
    }
    if (n > 0) keep_(buckets, listed, n, row, emp, est, rowSum);
  }
}

/** The listed cells' values into the buckets of the brackets they fell in (a bit per slot). */
function keepRowValues(buckets: Buckets, listed: Int32Array, n: number, row: number, emp: Float64Array, est: Float64Array, rowSum: number): void {
  for (let j = 0; j < n; j++) {
    const c = listed[j] & 0xffffff;
    const inside = listed[j] >> 24;
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

/**
 * Per-cell focus share, size share and location quotient.
 *
 * LQ = (E(r,c)/D(r)) / (E(c)/D) is evaluated as (E(r,c)·D) / (D(r)·E(c)): with integer
 * employment both products are exact, so the one rounding left is the division and an LQ that is
 * exactly 2 on paper is exactly 2 here (the specialisation star compares LQ ≥ 2).
 * Undefined ratios (a region or category with no employment in the denominator) are NaN.
 * columnGather.ts repeats this arithmetic (e / E(r), (e·D) / (D(r)·E(c))) when it gathers
 * columns for the thresholds, so both see bit-identical values; change them together.
 */
import { cellStars } from './stars';
import { cellStrong, strongLqBar } from './strongClusters';
import type { StarThresholds, StrongThresholds } from './types';

export interface CellShares {
  lq: Float64Array;
  focus: Float64Array;
  size: Float64Array;
  stars: Uint8Array;
  starCount: Uint8Array;
  /** Under `cmp` (strong thresholds given). */
  strong?: Uint8Array;
  strong10?: Uint8Array;
}

/**
 * The one per-cell pass: shares and LQ written, and each cell judged (stars, and strong clusters
 * when their thresholds are given) from the values in hand, so the matrices are not read back
 * in further passes. The thresholds come first, from the gathered columns (thresholds.ts).
 */
export function cellShares(
  nRegions: number,
  nCategories: number,
  employment: Float64Array,
  /** Employment as the judgement sees it: cells under the rule's minimum size are 0 (minSize.ts). */
  competing: Float64Array,
  regionTotal: Float64Array,
  regionDenominator: Float64Array,
  categoryTotal: Float64Array,
  denominatorTotal: number,
  starThresholds: StarThresholds,
  strongThresholds: StrongThresholds | undefined,
  establishments: Float64Array | undefined,
  out: Partial<CellShares> = {},
): CellShares {
  const n = nRegions * nCategories;
  const f64 = (a: Float64Array | undefined) => (a && a.length === n ? a : new Float64Array(n));
  const u8 = (a: Uint8Array | undefined) => (a && a.length === n ? a : new Uint8Array(n));
  const lq = f64(out.lq);
  const focus = f64(out.focus);
  const size = f64(out.size);
  const stars = u8(out.stars);
  const starCount = u8(out.starCount);
  const D = denominatorTotal;
  const columns = columnTable(nCategories, categoryTotal, D, starThresholds, strongThresholds);
  // The hot loop divides unconditionally (no per-cell branches); the rare rows and columns whose
  // denominator is not positive are set to NaN afterwards, giving exactly focusOf/sizeOf/lqOf.
  // The judgement is told by row flags and NaN column bars that such a value earns nothing.
  if (!strongThresholds) {
    starPass(nRegions, nCategories, D, employment, competing, regionTotal, regionDenominator, columns, focus, size, lq, stars, starCount);
  } else {
    const strong = u8(out.strong);
    const strong10 = u8(out.strong10);
    const m = strongThresholds.establishmentsUsed && establishments !== undefined ? establishments : competing;
    strongPass(nRegions, nCategories, D, employment, competing, m, regionTotal, regionDenominator, columns, focus, size, lq, stars, starCount, strong, strong10);
    out.strong = strong;
    out.strong10 = strong10;
  }
  for (let r = 0; r < nRegions; r++) {
    if (!(regionTotal[r] > 0)) focus.fill(NaN, r * nCategories, (r + 1) * nCategories);
    if (!(regionDenominator[r] > 0 && D > 0)) lq.fill(NaN, r * nCategories, (r + 1) * nCategories);
  }
  for (let c = 0; c < nCategories; c++) {
    if (categoryTotal[c] > 0) continue;
    for (let i = c; i < n; i += nCategories) {
      size[i] = NaN;
      lq[i] = NaN;
    }
  }
  return { lq, focus, size, stars, starCount, strong: out.strong, strong10: out.strong10 };
}

/** Per category, what the per-cell pass reads, side by side in one array (see `columnTable`). */
const STRIDE = 8;
const EC = 0;
const SIZE_T = 1;
const LQ_T = 2;
const FOCUS_T = 3;
const E_FLOOR = 4;
const M_FLOOR = 5;
const BAR = 6;
const BAR10 = 7;

/**
 * E(c) and every threshold of category c at c · STRIDE: the hot loop then reads one array for
 * its per-category values instead of eight (each typed array held in the loop costs registers,
 * and with a dozen of them the loop spilled and ran at half speed). A category whose LQ is
 * undefined (E(c) or D not positive) gets NaN LQ bars, which no LQ reaches.
 */
function columnTable(nCategories: number, categoryTotal: Float64Array, D: number, stars: StarThresholds, strong: StrongThresholds | undefined): Float64Array {
  const t = new Float64Array(nCategories * STRIDE);
  for (let c = 0, k = 0; c < nCategories; c++, k += STRIDE) {
    const lqDefined = categoryTotal[c] > 0 && D > 0;
    t[k + EC] = categoryTotal[c];
    t[k + SIZE_T] = stars.size[c];
    t[k + LQ_T] = lqDefined ? stars.specialisation[c] : NaN;
    t[k + FOCUS_T] = stars.focus[c];
    if (strong) {
      t[k + E_FLOOR] = strong.employmentFloor[c];
      // A skipped criterion: every count passes it.
      t[k + M_FLOOR] = strong.establishmentsUsed ? strong.establishmentsFloor[c] : -Infinity;
      t[k + BAR] = strongLqBar(strong.lqStrong[c], lqDefined);
      t[k + BAR10] = strongLqBar(strong.lqStrong10[c], lqDefined);
    }
  }
  return t;
}

function starPass(
  nRegions: number,
  nCategories: number,
  D: number,
  employment: Float64Array,
  competing: Float64Array,
  regionTotal: Float64Array,
  regionDenominator: Float64Array,
  t: Float64Array,
  focus: Float64Array,
  size: Float64Array,
  lq: Float64Array,
  stars: Uint8Array,
  starCount: Uint8Array,
): void {
  // Imported functions in locals: under Node's CommonJS interop each use of an import is a getter call.
  const judgeStars = cellStars;
  for (let r = 0, i = 0; r < nRegions; r++) {
    const er = regionTotal[r];
    const dr = regionDenominator[r];
    const rowLq = +(dr > 0 && D > 0);
    const rowFocus = +(er > 0);
    for (let k = 0, end = nCategories * STRIDE; k < end; k += STRIDE, i++) {
      const e = employment[i];
      const ec = t[k];
      const f = e / er;
      const q = (e * D) / (dr * ec);
      focus[i] = f;
      size[i] = e / ec;
      lq[i] = q;
      const v = judgeStars(competing[i], f, q, t[k + SIZE_T], t[k + LQ_T], t[k + FOCUS_T], rowFocus, rowLq);
      stars[i] = v & 255;
      starCount[i] = v >> 8;
    }
  }
}

function strongPass(
  nRegions: number,
  nCategories: number,
  D: number,
  employment: Float64Array,
  competing: Float64Array,
  m: Float64Array,
  regionTotal: Float64Array,
  regionDenominator: Float64Array,
  t: Float64Array,
  focus: Float64Array,
  size: Float64Array,
  lq: Float64Array,
  stars: Uint8Array,
  starCount: Uint8Array,
  strong: Uint8Array,
  strong10: Uint8Array,
): void {
  const judgeStars = cellStars;
  const judgeStrong = cellStrong;
  for (let r = 0, i = 0; r < nRegions; r++) {
    const er = regionTotal[r];
    const dr = regionDenominator[r];
    const rowLq = +(dr > 0 && D > 0);
    const rowFocus = +(er > 0);
    for (let k = 0, end = nCategories * STRIDE; k < end; k += STRIDE, i++) {
      const e = employment[i];
      const ec = t[k];
      const f = e / er;
      const q = (e * D) / (dr * ec);
      focus[i] = f;
      size[i] = e / ec;
      lq[i] = q;
      const ce = competing[i];
      const v = judgeStars(ce, f, q, t[k + SIZE_T], t[k + LQ_T], t[k + FOCUS_T], rowFocus, rowLq);
      stars[i] = v & 255;
      starCount[i] = v >> 8;
      const w = judgeStrong(ce, q, m[i], t[k + E_FLOOR], t[k + M_FLOOR], t[k + BAR], t[k + BAR10], rowLq);
      strong[i] = w & 1;
      strong10[i] = w >> 1;
    }
  }
}

/**
 * A result's per-cell values, derived when asked for: the one definition of LQ, focus and size
 * share and star count that every door reads (map, tooltip, tables, exports, the CLI, change).
 *
 * A result does not store them per cell: for 100,000 regions × 100 categories the three Float64
 * matrices and the count matrix were 250 MB written (and, across a worker boundary, copied) each
 * time, several times the arithmetic. Each value follows from the cell's employment and the
 * result's totals, with exactly the arithmetic the stars were judged on (stars.ts):
 *   focus = E(r,c) / E(r)                        NaN unless E(r) > 0
 *   size  = E(r,c) / E(c)                        NaN unless E(c) > 0
 *   LQ    = (E(r,c) · D) / (D(r) · E(c))         NaN unless D(r), D and E(c) > 0
 * The LQ is written as one division of two products: with integer employment both products are
 * exact, so an LQ that is exactly 2 on paper is exactly 2 here (the specialisation star compares
 * LQ ≥ 2). A cell not reported (NaN) has NaN for all three.
 */
import { STAR_BITS, STRONG10_CLUSTER, STRONG_CLUSTER, type IndicatorId } from '../model/dataset';
import type { IndicatorResult } from './types';

/** The per-cell quantities of a result, by cell index r · nCategories + c. */
export function focusAt(result: IndicatorResult, i: number): number {
  const er = result.regionTotal[Math.floor(i / result.nCategories)];
  return er > 0 ? result.employment[i] / er : NaN;
}

export function sizeAt(result: IndicatorResult, i: number): number {
  const ec = result.categoryTotal[i % result.nCategories];
  return ec > 0 ? result.employment[i] / ec : NaN;
}

export function lqAt(result: IndicatorResult, i: number): number {
  const nC = result.nCategories;
  const D = result.denominatorTotal;
  const dr = result.regionDenominator[Math.floor(i / nC)];
  const ec = result.categoryTotal[i % nC];
  return dr > 0 && D > 0 && ec > 0 ? (result.employment[i] * D) / (dr * ec) : NaN;
}

/** How many of the three stars the cell earned (0 for a cell not reported). */
export function starCountAt(result: IndicatorResult, i: number): number {
  return STAR_COUNT[result.stars[i] & STAR_BITS];
}

/** Under cmp, whether the cell is a strong cluster (1) or not (0); 0 under the other rules. */
export function strongAt(result: IndicatorResult, i: number): number {
  return +((result.stars[i] & STRONG_CLUSTER) !== 0);
}

/** Under cmp, whether the cell is a strong cluster by the P90 LQ bar (1) or not (0). */
export function strong10At(result: IndicatorResult, i: number): number {
  return +((result.stars[i] & STRONG10_CLUSTER) !== 0);
}

/** Stars of a bitmask of STAR_SIZE | STAR_SPECIALISATION | STAR_FOCUS. */
const STAR_COUNT = Uint8Array.of(0, 1, 1, 2, 1, 2, 2, 3);

/**
 * One category's column of an indicator, in region order: what the map shades, what Moran's I is
 * taken of, what LISA analyses. `stars` is the star count. A region whose cell is not reported
 * gets NaN, also for `stars` (a count of 0 would read as a measured absence). `out` is filled
 * when given (a loop over categories reuses one buffer).
 */
export function indicatorColumn(result: IndicatorResult, indicator: IndicatorId, c: number, out = new Float64Array(result.nRegions)): Float64Array {
  const { nRegions, nCategories: nC, employment, regionTotal, regionDenominator, stars } = result;
  const ec = result.categoryTotal[c];
  const D = result.denominatorTotal;
  if (indicator === 'employment') {
    for (let r = 0, i = c; r < nRegions; r++, i += nC) out[r] = employment[i];
  } else if (indicator === 'stars') {
    for (let r = 0, i = c; r < nRegions; r++, i += nC) out[r] = employment[i] === employment[i] ? STAR_COUNT[stars[i] & STAR_BITS] : NaN;
  } else if (indicator === 'focus') {
    for (let r = 0, i = c; r < nRegions; r++, i += nC) {
      const er = regionTotal[r];
      out[r] = er > 0 ? employment[i] / er : NaN;
    }
  } else if (indicator === 'size') {
    for (let r = 0, i = c; r < nRegions; r++, i += nC) out[r] = ec > 0 ? employment[i] / ec : NaN;
  } else {
    const defined = D > 0 && ec > 0;
    for (let r = 0, i = c; r < nRegions; r++, i += nC) {
      const dr = regionDenominator[r];
      out[r] = defined && dr > 0 ? (employment[i] * D) / (dr * ec) : NaN;
    }
  }
  return out;
}

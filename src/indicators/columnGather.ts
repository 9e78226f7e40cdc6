/**
 * Every category's column of a region-major matrix, gathered in one sequential pass.
 *
 * The thresholds are order statistics per category, so they need each category's values side by
 * side. Reading one column strides through the whole matrix (one value per row); even four
 * columns per sweep took 25 strided sweeps and cost more than all the arithmetic of the table.
 * Here the matrix is read once, row by row, and each cell is written to the end of its
 * category's run in a column-major buffer (category c's run starts at c · nRegions): a hundred
 * sequential write streams, one read stream. The buffers are the result's own output matrices,
 * borrowed before the per-cell pass overwrites them, so gathering costs no extra memory.
 *
 * Only cells with E(r,c) > 0 are kept, compacted without branches (every value is written, the
 * run's end advances past the kept ones). Focus and LQ are derived on the way with the same
 * arithmetic as shares.ts, so they are bit-identical to the published matrices.
 */
import type { CellContext } from './thresholds';

/**
 * Where each category's run ends after a gather: run c is [c · nRegions, end[c]), so its length
 * is end[c] − c · nRegions.
 */
export function runStarts(nRegions: number, nCategories: number): Int32Array {
  const end = new Int32Array(nCategories);
  for (let c = 0; c < nCategories; c++) end[c] = c * nRegions;
  return end;
}

/**
 * Employment and focus share E(r,c) / E(r) of the cells with E(r,c) > 0 into `E` and `F`
 * (both end at `end`, which must come from `runStarts`).
 */
export function gatherEmploymentFocus(ctx: CellContext, E: Float64Array, F: Float64Array, end: Int32Array): void {
  const { nRegions, nCategories, employment: emp, regionTotal } = ctx;
  for (let r = 0, i = 0; r < nRegions; r++) {
    const er = regionTotal[r];
    for (let c = 0; c < nCategories; c++, i++) {
      const e = emp[i];
      const p = end[c];
      E[p] = e;
      F[p] = e / er;
      end[c] = p + +(e > 0);
    }
  }
}

/**
 * The same, and the defined LQs of those cells into `L`, whose runs end at `lqEnd` (a cell
 * whose LQ is undefined — no denominator employment in its region, or none in the category or
 * the benchmark — is left out of L only).
 */
export function gatherWithLq(ctx: CellContext, E: Float64Array, F: Float64Array, L: Float64Array, end: Int32Array, lqEnd: Int32Array): void {
  const { nRegions, nCategories, employment: emp, regionTotal, regionDenominator, categoryTotal } = ctx;
  const D = ctx.denominatorTotal;
  const lqOk = new Int32Array(nCategories);
  for (let c = 0; c < nCategories; c++) lqOk[c] = +(categoryTotal[c] > 0 && D > 0);
  for (let r = 0, i = 0; r < nRegions; r++) {
    const er = regionTotal[r];
    const dr = regionDenominator[r];
    const drOk = +(dr > 0);
    for (let c = 0; c < nCategories; c++, i++) {
      const e = emp[i];
      const keep = +(e > 0);
      const p = end[c];
      E[p] = e;
      F[p] = e / er;
      end[c] = p + keep;
      const q = lqEnd[c];
      L[q] = (e * D) / (dr * categoryTotal[c]);
      lqEnd[c] = q + (keep & lqOk[c] & drOk);
    }
  }
}

/** Reported establishment counts of the cells with E(r,c) > 0 into `M` (runs end at `end`). */
export function gatherEstablishments(ctx: CellContext, M: Float64Array, end: Int32Array): void {
  const { nRegions, nCategories, employment: emp } = ctx;
  const est = ctx.establishments!;
  for (let i = 0, n = nRegions * nCategories; i < n; ) {
    for (let c = 0; c < nCategories; c++, i++) {
      const m = est[i];
      const p = end[c];
      M[p] = m;
      end[c] = p + (+(emp[i] > 0) & +(m === m));
    }
  }
}

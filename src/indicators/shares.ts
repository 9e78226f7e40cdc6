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
import { cellStrong } from './strongClusters';
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
  // Columns whose E(c) is not positive have no size share and no LQ.
  const columnOk = new Uint8Array(nCategories);
  for (let c = 0; c < nCategories; c++) columnOk[c] = +(categoryTotal[c] > 0);
  const { size: sizeT, specialisation: lqT, focus: focusT } = starThresholds;
  // Imported functions in locals: under Node's CommonJS interop each use of an import is a getter call.
  const judgeStars = cellStars;
  const judgeStrong = cellStrong;
  // The hot loop divides unconditionally (no per-cell branches); the rare rows and columns whose
  // denominator is not positive are set to NaN afterwards, giving exactly focusOf/sizeOf/lqOf.
  // The judgement sees NaN there already (an undefined LQ earns nothing).
  if (!strongThresholds) {
    for (let r = 0, i = 0; r < nRegions; r++) {
      const er = regionTotal[r];
      const dr = regionDenominator[r];
      const rowLq = +(dr > 0 && D > 0);
      const rowFocus = er > 0;
      for (let c = 0; c < nCategories; c++, i++) {
        const e = employment[i];
        const ec = categoryTotal[c];
        const f = e / er;
        const q = (e * D) / (dr * ec);
        focus[i] = f;
        size[i] = e / ec;
        lq[i] = q;
        const v = judgeStars(competing[i], rowFocus ? f : NaN, rowLq & columnOk[c] ? q : NaN, sizeT[c], lqT[c], focusT[c]);
        stars[i] = v & 255;
        starCount[i] = v >> 8;
      }
    }
  } else {
    const t = strongThresholds;
    const strong = u8(out.strong);
    const strong10 = u8(out.strong10);
    const useM = +(t.establishmentsUsed && establishments !== undefined);
    const m = useM ? establishments! : competing;
    for (let r = 0, i = 0; r < nRegions; r++) {
      const er = regionTotal[r];
      const dr = regionDenominator[r];
      const rowLq = +(dr > 0 && D > 0);
      const rowFocus = er > 0;
      for (let c = 0; c < nCategories; c++, i++) {
        const e = employment[i];
        const ec = categoryTotal[c];
        const f = e / er;
        const q = (e * D) / (dr * ec);
        focus[i] = f;
        size[i] = e / ec;
        lq[i] = q;
        const qj = rowLq & columnOk[c] ? q : NaN;
        const v = judgeStars(competing[i], rowFocus ? f : NaN, qj, sizeT[c], lqT[c], focusT[c]);
        stars[i] = v & 255;
        starCount[i] = v >> 8;
        const w = judgeStrong(competing[i], qj, m[i], useM, t.employmentFloor[c], t.establishmentsFloor[c], t.lqStrong[c], t.lqStrong10[c]);
        strong[i] = w & 1;
        strong10[i] = w >> 1;
      }
    }
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

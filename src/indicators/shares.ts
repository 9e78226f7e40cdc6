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
export interface CellShares {
  lq: Float64Array;
  focus: Float64Array;
  size: Float64Array;
}

export function cellShares(
  nRegions: number,
  nCategories: number,
  employment: Float64Array,
  regionTotal: Float64Array,
  regionDenominator: Float64Array,
  categoryTotal: Float64Array,
  denominatorTotal: number,
  out?: CellShares,
): CellShares {
  const n = nRegions * nCategories;
  const lq = out?.lq ?? new Float64Array(n);
  const focus = out?.focus ?? new Float64Array(n);
  const size = out?.size ?? new Float64Array(n);
  const D = denominatorTotal;
  // The hot loop divides unconditionally (no per-cell branches); the rare rows and columns whose
  // denominator is not positive are set to NaN afterwards, giving exactly focusOf/sizeOf/lqOf.
  for (let r = 0, i = 0; r < nRegions; r++) {
    const er = regionTotal[r];
    const dr = regionDenominator[r];
    for (let c = 0; c < nCategories; c++, i++) {
      const e = employment[i];
      const ec = categoryTotal[c];
      focus[i] = e / er;
      size[i] = e / ec;
      lq[i] = (e * D) / (dr * ec);
    }
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
  return { lq, focus, size };
}

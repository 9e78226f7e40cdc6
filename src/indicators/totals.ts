/**
 * One pass over the matrix for every total the indicators divide by.
 * NaN cells ("not reported") count as 0 in every sum.
 */
export interface MatrixTotals {
  /** E(r) over all categories. */
  regionTotal: Float64Array;
  /** E(r) over the LQ-denominator categories only. */
  regionDenominator: Float64Array;
  /** Σ_r E(r,c). */
  categorySum: Float64Array;
}

export function matrixTotals(
  nRegions: number,
  nCategories: number,
  values: Float64Array,
  mask?: Uint8Array,
): MatrixTotals {
  const regionTotal = new Float64Array(nRegions);
  const regionDenominator = mask ? new Float64Array(nRegions) : regionTotal;
  const categorySum = new Float64Array(nCategories);
  for (let r = 0, i = 0; r < nRegions; r++) {
    let rowSum = 0;
    let rowDen = 0;
    for (let c = 0; c < nCategories; c++, i++) {
      const v = values[i];
      // `v === v` is false only for NaN: unreported cells add nothing.
      if (v === v) {
        rowSum += v;
        categorySum[c] += v;
        if (mask !== undefined && mask[c] !== 0) rowDen += v;
      }
    }
    regionTotal[r] = rowSum;
    if (mask) regionDenominator[r] = rowDen;
  }
  return { regionTotal, regionDenominator, categorySum };
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

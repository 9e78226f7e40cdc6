/**
 * U.S. Cluster Mapping "strong clusters".
 *
 * Within each category, over the regions with E(r,c) > 0:
 *   strong   ⇔ LQ ≥ P75(LQ) ∧ E > P25(E) ∧ establishments > P25(establishments) ∧ LQ ≥ 1
 *   strong10 ⇔ the same with P90(LQ) in place of P75(LQ).
 * Percentiles are type 7 (linear interpolation between order statistics, as d3.quantile and R's
 * default) and come from thresholds.ts. The LQ is whatever the caller computed; the rule's own
 * definition uses the traded group as denominator, which the caller selects with
 * `lqDenominatorMask`. A region whose LQ is undefined, or whose establishments are not reported,
 * is left out of that percentile and is not strong. Without establishment data the establishment
 * criterion is skipped (`establishmentsUsed` is false).
 */

/**
 * One cell's verdict: bit 0 strong, bit 1 strong10. `lq` is NaN where undefined, `m` the
 * establishments (ignored unless `useEstablishments`). Without data-dependent branches; applied
 * in the one per-cell pass of shares.ts.
 */
export function cellStrong(e: number, lq: number, m: number, useEstablishments: number, employmentFloor: number, establishmentsFloor: number, lqStrong: number, lqStrong10: number): number {
  const base = +(e > 0) & +(lq >= 1) & +(e > employmentFloor) & (+(m > establishmentsFloor) | (useEstablishments ^ 1));
  return (base & +(lq >= lqStrong)) | ((base & +(lq >= lqStrong10)) << 1);
}

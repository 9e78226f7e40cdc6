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
import type { StrongClusters, StrongThresholds } from './types';

export function strongClusters(
  nRegions: number,
  nCategories: number,
  employment: Float64Array,
  lq: Float64Array,
  establishments: Float64Array | undefined,
  t: StrongThresholds,
): StrongClusters {
  const n = nRegions * nCategories;
  const strong = new Uint8Array(n);
  const strong10 = new Uint8Array(n);
  const est = t.establishmentsUsed ? establishments : undefined;
  for (let r = 0, i = 0; r < nRegions; r++) {
    for (let c = 0; c < nCategories; c++, i++) {
      const e = employment[i];
      const q = lq[i];
      if (!(e > 0) || !(q >= 1) || !(e > t.employmentFloor[c])) continue;
      if (est && !(est[i] > t.establishmentsFloor[c])) continue;
      if (q >= t.lqStrong[c]) strong[i] = 1;
      if (q >= t.lqStrong10[c]) strong10[i] = 1;
    }
  }
  return { ...t, strong, strong10 };
}

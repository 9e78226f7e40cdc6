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
  out?: { strong: Uint8Array; strong10: Uint8Array },
): StrongClusters {
  const n = nRegions * nCategories;
  const strong = out?.strong ?? new Uint8Array(n);
  const strong10 = out?.strong10 ?? new Uint8Array(n);
  const est = t.establishmentsUsed ? establishments : undefined;
  // Every cell is written (reused buffers need no clearing), without data-dependent branches.
  for (let r = 0, i = 0; r < nRegions; r++) {
    for (let c = 0; c < nCategories; c++, i++) {
      const e = employment[i];
      const q = lq[i];
      const base = +(e > 0) & +(q >= 1) & +(e > t.employmentFloor[c]) & (est ? +(est[i] > t.establishmentsFloor[c]) : 1);
      strong[i] = base & +(q >= t.lqStrong[c]);
      strong10[i] = base & +(q >= t.lqStrong10[c]);
    }
  }
  return { ...t, strong, strong10 };
}

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
 * The LQ bars of one category as the per-cell rule applies them: LQ ≥ 1 ∧ LQ ≥ P is LQ ≥ max(1, P),
 * and a category whose LQ is undefined (`lqDefined` false) gets NaN, which no LQ reaches (as a
 * NaN percentile already is: Math.max(1, NaN) is NaN).
 */
export function strongLqBar(percentile: number, lqDefined: boolean): number {
  return lqDefined ? Math.max(1, percentile) : NaN;
}

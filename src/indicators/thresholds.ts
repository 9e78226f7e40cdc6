/**
 * Per-category thresholds of every rule. Each category's column (regions with E(r,c) > 0, with
 * their focus, LQ and establishments) is gathered once (columnGather.ts), then the thresholds
 * are order statistics found by selection on those gathered runs, never by sorting.
 */
import type { StarRule } from '../model/dataset';
import { gatherEmploymentFocus, gatherEstablishments, gatherWithLq, runStarts } from './columnGather';
import { OrderStatistics } from './select';
import { rankCut } from './rankCut';
import type { CmpPercentiles, StarThresholds, StrongThresholds } from './types';

/** What the threshold step reads: the matrices and the totals already computed. */
export interface CellContext {
  nRegions: number;
  nCategories: number;
  employment: Float64Array;
  establishments?: Float64Array;
  regionTotal: Float64Array;
  regionDenominator: Float64Array;
  categoryTotal: Float64Array;
  denominatorTotal: number;
}

export interface CategoryThresholds {
  stars: StarThresholds;
  cmp?: StrongThresholds;
}

/**
 * Three buffers of at least nRegions × nCategories values that the thresholds may overwrite
 * (computeIndicators lends the result's lq, focus and size matrices before writing them).
 */
export type Scratch = [Float64Array, Float64Array, Float64Array];

export function categoryThresholds(ctx: CellContext, rule: StarRule, cmpPercentiles: CmpPercentiles, scratch: Scratch): CategoryThresholds {
  const { nRegions, nCategories, establishments } = ctx;
  const rankLq = rule.kind === 'paper';
  const cmp = rule.kind === 'cmp';
  const needLq = rankLq || cmp;
  const useEstablishments = cmp && establishments !== undefined;

  const stars: StarThresholds = {
    eligible: new Uint32Array(nCategories),
    rankCut: new Uint32Array(nCategories),
    size: new Float64Array(nCategories),
    focus: new Float64Array(nCategories),
    specialisation: new Float64Array(nCategories),
  };
  const strong: StrongThresholds | undefined = cmp
    ? {
        lqStrong: new Float64Array(nCategories),
        lqStrong10: new Float64Array(nCategories),
        employmentFloor: new Float64Array(nCategories),
        establishmentsFloor: new Float64Array(nCategories).fill(NaN),
        establishmentsUsed: useEstablishments,
      }
    : undefined;

  const [E, F, L] = scratch;
  const end = runStarts(nRegions, nCategories);
  const lqEnd = runStarts(nRegions, nCategories);
  if (needLq) gatherWithLq(ctx, E, F, L, end, lqEnd);
  else gatherEmploymentFocus(ctx, E, F, end);
  // Category c's gathered values: run c of a buffer, n of them.
  const run = (buffer: Float64Array, c: number, runEnd: Int32Array) => {
    const from = c * nRegions;
    const n = runEnd[c] - from;
    return new OrderStatistics(buffer.subarray(from, from + n), n);
  };
  for (let c = 0; c < nCategories; c++) {
    const byE = run(E, c, end);
    const byF = run(F, c, end);
    const n = end[c] - c * nRegions;
    const nl = lqEnd[c] - c * nRegions;
    const k = rankCut(rule.cutShare, n);
    stars.eligible[c] = n;
    stars.rankCut[c] = k;
    stars.size[c] = byE.kthLargest(k);
    stars.focus[c] = byF.kthLargest(k);
    if (rankLq) stars.specialisation[c] = run(L, c, lqEnd).kthLargest(rankCut(rule.cutShare, nl));
    else stars.specialisation[c] = rule.lqThreshold;
    if (strong) {
      const byL = run(L, c, lqEnd);
      strong.employmentFloor[c] = byE.quantile(cmpPercentiles.floor);
      strong.lqStrong10[c] = byL.quantile(cmpPercentiles.strong10Lq);
      strong.lqStrong[c] = byL.quantile(cmpPercentiles.strongLq);
    }
  }
  if (strong && useEstablishments) {
    // Employment's runs are done with: the establishments take their buffer.
    const mEnd = runStarts(nRegions, nCategories);
    gatherEstablishments(ctx, E, mEnd);
    for (let c = 0; c < nCategories; c++) strong.establishmentsFloor[c] = run(E, c, mEnd).quantile(cmpPercentiles.floor);
  }
  return { stars, cmp: strong };
}

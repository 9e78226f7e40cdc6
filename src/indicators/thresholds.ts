/**
 * Per-category thresholds of every rule. Each category's column (regions with E(r,c) > 0, with
 * their focus, LQ and establishments) is gathered once (columnGather.ts), then the thresholds
 * are order statistics found by selection on those reused scratch buffers, never by sorting.
 */
import type { StarRule } from '../model/dataset';
import { LANES, columnScratch, gatherColumns } from './columnGather';
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

export function categoryThresholds(ctx: CellContext, rule: StarRule, cmpPercentiles: CmpPercentiles): CategoryThresholds {
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

  const scratch = columnScratch(nRegions, needLq, useEstablishments);
  for (let c0 = 0; c0 < nCategories; c0 += LANES) {
    const lanes = Math.min(LANES, nCategories - c0);
    gatherColumns(ctx, c0, lanes, scratch);
    for (let j = 0; j < lanes; j++) {
      const c = c0 + j;
      const from = j * nRegions;
      const lane = (buffer: Float64Array, n: number) => new OrderStatistics(buffer.subarray(from, from + n), n);
      const n = scratch.count[j];
      const nl = scratch.lqCount[j];
      const byE = lane(scratch.employment, n);
      const byF = lane(scratch.focus, n);
      const byL = lane(scratch.lq, needLq ? nl : 0);
      const k = rankCut(rule.cutShare, n);
      stars.eligible[c] = n;
      stars.rankCut[c] = k;
      // Highest ranks first: see OrderStatistics.
      stars.size[c] = byE.kthLargest(k);
      stars.focus[c] = byF.kthLargest(k);
      stars.specialisation[c] = rankLq ? byL.kthLargest(rankCut(rule.cutShare, nl)) : rule.lqThreshold;
      if (strong) {
        strong.employmentFloor[c] = byE.quantile(cmpPercentiles.floor);
        strong.lqStrong10[c] = byL.quantile(cmpPercentiles.strong10Lq);
        strong.lqStrong[c] = byL.quantile(cmpPercentiles.strongLq);
        if (useEstablishments) {
          strong.establishmentsFloor[c] = lane(scratch.establishments, scratch.establishmentsCount[j]).quantile(cmpPercentiles.floor);
        }
      }
    }
  }
  return { stars, cmp: strong };
}

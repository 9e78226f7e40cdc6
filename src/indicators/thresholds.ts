/**
 * Per-category thresholds of every rule, from one gather of each category's column.
 *
 * The matrix is region-major, so a category's values are strided; gathering each column once
 * and deriving focus and LQ from E(r,c) on the way (with the same functions as shares.ts) keeps
 * this to one strided read of the employment matrix in total. Thresholds are order statistics
 * found by selection on reused scratch buffers, never by sorting.
 */
import type { StarRule } from '../model/dataset';
import { OrderStatistics } from './select';
import { focusOf, lqOf } from './shares';
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
  const { nRegions, nCategories, employment, establishments, regionTotal, regionDenominator, categoryTotal } = ctx;
  const D = ctx.denominatorTotal;
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

  const bufE = new Float64Array(nRegions);
  const bufF = new Float64Array(nRegions);
  const bufL = needLq ? new Float64Array(nRegions) : bufE;
  const bufN = useEstablishments ? new Float64Array(nRegions) : bufE;

  for (let c = 0; c < nCategories; c++) {
    const ec = categoryTotal[c];
    let n = 0;
    let nl = 0;
    let nn = 0;
    // Compaction without branches: every value is written, and the count advances only past the
    // ones that qualify (zeros are unpredictable, and mispredictions cost more than the stores).
    for (let r = 0, i = c; r < nRegions; r++, i += nCategories) {
      const e = employment[i];
      const keep = +(e > 0);
      bufE[n] = e;
      bufF[n] = focusOf(e, regionTotal[r]);
      if (needLq) {
        const q = lqOf(e, regionDenominator[r], ec, D);
        bufL[nl] = q;
        nl += keep & +(q === q);
      }
      if (useEstablishments) {
        const m = establishments![i];
        bufN[nn] = m;
        nn += keep & +(m === m);
      }
      n += keep;
    }

    const byE = new OrderStatistics(bufE, n);
    const byF = new OrderStatistics(bufF, n);
    const byL = new OrderStatistics(bufL, needLq ? nl : 0);
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
      if (useEstablishments) strong.establishmentsFloor[c] = new OrderStatistics(bufN, nn).quantile(cmpPercentiles.floor);
    }
  }
  return { stars, cmp: strong };
}

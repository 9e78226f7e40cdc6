/**
 * The worker's hot path: every per-cell indicator for one year of a region × category matrix.
 *
 * Pipeline (each step one pass, no per-cell allocation):
 *   1. totals: E(r), D(r) (LQ denominator) and Σ_r E(r,c)         — totals.ts
 *   2. benchmark: E(c) and E from the benchmark row, else the sums
 *   3. per-category thresholds of the rule, by selection on gathered columns — thresholds.ts
 *   4. one pass per cell: focus, size and LQ written, stars (stars.ts) and, under `cmp`,
 *      strong / strong10 (strongClusters.ts) judged from the values in hand — shares.ts
 */
import type { StarRule } from '../model/dataset';
import { cellShares } from './shares';
import { categoryThresholds } from './thresholds';
import { maskedSum, matrixTotals } from './totals';
import { competingEmployment } from './minSize';
import { DEFAULT_CMP_PERCENTILES, type CmpPercentiles, type IndicatorInput, type IndicatorResult } from './types';

export interface ComputeOptions {
  cmpPercentiles?: CmpPercentiles;
  /**
   * A previous result of the same dimensions whose per-cell buffers may be overwritten, so that
   * a recompute (new rule, new year) does not pay for fresh memory: first writes to a new
   * 240 MB of matrices cost more than the arithmetic. Buffers that were transferred away
   * (detached, length 0) or have the wrong length are replaced. The old result is invalid after.
   */
  reuse?: IndicatorResult;
}

export function computeIndicators(input: IndicatorInput, rule: StarRule, options: ComputeOptions = {}): IndicatorResult {
  const { nRegions, nCategories, employment, establishments, benchmark, lqDenominatorMask: mask } = input;
  checkInput(input);
  const warnings: string[] = [];

  const totals = matrixTotals(nRegions, nCategories, employment, mask);
  const categoryTotal = benchmark ? Float64Array.from(benchmark) : totals.categorySum;
  const total = maskedSum(categoryTotal);
  const denominatorTotal = mask ? maskedSum(categoryTotal, mask) : total;
  if (mask && denominatorTotal === 0) {
    warnings.push('The LQ denominator group has no employment: every LQ is undefined.');
  }
  if (benchmark) {
    const missing = countWhere(benchmark, (v) => !(v >= 0));
    if (missing > 0) warnings.push(`The benchmark has no value for ${missing} categories: their LQ and size share are undefined.`);
  }

  const old = options.reuse;
  const n = nRegions * nCategories;
  const f64 = (a: Float64Array | undefined) => (a && a.length === n ? a : new Float64Array(n));
  const lq = f64(old?.lq);
  const focus = f64(old?.focus);
  const size = f64(old?.size);
  // Cells under the rule's minimum size take no part in the judgement (minSize.ts).
  const competing = competingEmployment(employment, establishments, rule);
  // Thresholds first (from the gathered columns), then one pass writes and judges every cell.
  const { stars: thresholds, cmp: strongThresholds } = categoryThresholds(
    {
      nRegions,
      nCategories,
      employment: competing,
      establishments,
      regionTotal: totals.regionTotal,
      regionDenominator: totals.regionDenominator,
      categoryTotal,
      denominatorTotal,
    },
    rule,
    options.cmpPercentiles ?? DEFAULT_CMP_PERCENTILES,
    // The output matrices serve as the gathering buffers until the per-cell pass writes them.
    [size, focus, lq],
  );
  const cells = cellShares(nRegions, nCategories, employment, competing, totals.regionTotal, totals.regionDenominator, categoryTotal, denominatorTotal, thresholds, strongThresholds, establishments, {
    lq,
    focus,
    size,
    stars: old?.stars,
    starCount: old?.starCount,
    strong: old?.cmp?.strong,
    strong10: old?.cmp?.strong10,
  });
  const { stars, starCount } = cells;

  let cmp;
  if (strongThresholds) {
    cmp = { ...strongThresholds, strong: cells.strong!, strong10: cells.strong10! };
    if (!strongThresholds.establishmentsUsed) {
      warnings.push('No establishment counts: strong clusters were judged on LQ and employment only.');
    }
    if (!mask) warnings.push('Strong clusters use an LQ over all categories, not over the traded group.');
  }

  return {
    nRegions,
    nCategories,
    rule: { ...rule },
    regionTotal: totals.regionTotal,
    categoryTotal,
    total,
    // A separate buffer even without a mask, so that transferring the result never lists one buffer twice.
    regionDenominator: mask ? totals.regionDenominator : Float64Array.from(totals.regionTotal),
    denominatorTotal,
    lq,
    focus,
    size,
    stars,
    starCount,
    thresholds,
    cmp,
    warnings,
  };
}

/** Every buffer of a result, for `postMessage(result, transferables(result))`. */
export function transferables(result: IndicatorResult): ArrayBuffer[] {
  const t = result.thresholds;
  const arrays: ArrayBufferView[] = [
    result.regionTotal,
    result.categoryTotal,
    result.regionDenominator,
    result.lq,
    result.focus,
    result.size,
    result.stars,
    result.starCount,
    t.eligible,
    t.rankCut,
    t.size,
    t.focus,
    t.specialisation,
  ];
  if (result.cmp) {
    const c = result.cmp;
    arrays.push(c.strong, c.strong10, c.lqStrong, c.lqStrong10, c.employmentFloor, c.establishmentsFloor);
  }
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

function checkInput(input: IndicatorInput): void {
  const { nRegions, nCategories, employment, establishments, benchmark, lqDenominatorMask } = input;
  if (!Number.isInteger(nRegions) || nRegions < 0 || !Number.isInteger(nCategories) || nCategories < 0) {
    throw new RangeError(`computeIndicators: bad dimensions ${nRegions} × ${nCategories}`);
  }
  const cells = nRegions * nCategories;
  if (employment.length !== cells) {
    throw new RangeError(`computeIndicators: employment has ${employment.length} values, expected ${nRegions} × ${nCategories} = ${cells}`);
  }
  if (establishments && establishments.length !== cells) {
    throw new RangeError(`computeIndicators: establishments has ${establishments.length} values, expected ${cells}`);
  }
  if (benchmark && benchmark.length !== nCategories) {
    throw new RangeError(`computeIndicators: benchmark has ${benchmark.length} values, expected ${nCategories}`);
  }
  if (lqDenominatorMask && lqDenominatorMask.length !== nCategories) {
    throw new RangeError(`computeIndicators: LQ denominator mask has ${lqDenominatorMask.length} values, expected ${nCategories}`);
  }
}

function countWhere(values: Float64Array, test: (v: number) => boolean): number {
  let n = 0;
  for (const v of values) if (test(v)) n++;
  return n;
}

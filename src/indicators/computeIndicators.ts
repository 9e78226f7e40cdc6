/**
 * The worker's hot path: the indicator table of one year of a region × category matrix.
 *
 * Pipeline (each step one sequential pass, no per-cell allocation):
 *   0. brackets of the thresholds from a sample of rows                — thresholds.ts
 *   1. totals: E(r), D(r) (LQ denominator) and Σ_r E(r,c), and what the thresholds of
 *      employment, focus share, establishments and LQ are selected from — totals.ts
 *   2. benchmark: E(c) and E from the benchmark row, else the sums; every threshold
 *   3. one pass per cell: stars and, under `cmp`, strong / strong10 (strongClusters.ts)
 *      judged from the cell's focus share and LQ                          — cellPass.ts
 * Only the verdicts are stored per cell; LQ, shares and star counts are derived from the
 * employment and the totals when asked for (cellValues.ts), so a table costs one byte a cell
 * (the star bits, and the strong-cluster bits under cmp) instead of twenty-six.
 */
import type { StarRule } from '../model/dataset';
import { judgeCells } from './cellPass';
import { emptyThresholds, planLq, planThresholds, resolveThresholds, type BracketOptions } from './thresholds';
import { maskedSum, matrixTotals } from './totals';
import { competingEmployment } from './minSize';
import { DEFAULT_CMP_PERCENTILES, type CmpPercentiles, type IndicatorInput, type IndicatorResult } from './types';

export interface ComputeOptions {
  cmpPercentiles?: CmpPercentiles;
  /**
   * A previous result of the same dimensions whose per-cell buffer (its star and strong bits) may be
   * overwritten, so that a recompute (new rule, new year) does not pay for fresh memory: the
   * kernel maps a new buffer's pages on first write. Buffers that were transferred away
   * (detached, length 0) or have the wrong length are replaced. The old result is invalid after.
   */
  reuse?: IndicatorResult;
  /**
   * How the thresholds are bracketed (thresholds.ts): rows sampled (default 4,096) and the
   * half-width in standard deviations of the sample rank (default 3.5). Narrower brackets miss
   * their ranks more often, which costs time, never a different answer: the tests use them so.
   */
  brackets?: BracketOptions;
}

export function computeIndicators(input: IndicatorInput, rule: StarRule, options: ComputeOptions = {}): IndicatorResult {
  const { nRegions, nCategories, employment, establishments, benchmark, lqDenominatorMask: mask } = input;
  checkInput(input);
  const warnings: string[] = [];

  const old = options.reuse;
  // Cells under the rule's minimum size take no part in the judgement (minSize.ts).
  const competing = competingEmployment(employment, establishments, rule);
  // Brackets of employment's, focus shares' and establishments' thresholds from a sample of rows;
  // the first pass sums the totals and counts and keeps what those thresholds are selected from.
  const plan = planThresholds({ nRegions, nCategories, employment, competing, establishments, lqDenominatorMask: mask }, rule, options.cmpPercentiles ?? DEFAULT_CMP_PERCENTILES, options.brackets);
  const totals = matrixTotals(nRegions, nCategories, employment, mask, {
    competing,
    establishments: plan.establishmentsUsed ? establishments : undefined,
    employmentFloor: rule.kind === 'cmp',
    lqSlots: plan.lqSlots,
    table: plan.table,
    counts: plan.counts,
    buckets: plan.buckets,
  });
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
  const ctx = {
    nRegions,
    nCategories,
    employment: competing,
    establishments,
    regionTotal: totals.regionTotal,
    regionDenominator: totals.regionDenominator,
    categoryTotal,
    denominatorTotal,
  };
  const found = emptyThresholds(nCategories, plan);
  resolveThresholds(ctx, plan, false, found);
  // The LQ's thresholds (paper, cmp) too, from what the first pass kept of the cells its brackets
  // held, now that E(c) and D are known: the per-cell pass judges every cell once, against exact
  // thresholds.
  resolveThresholds(ctx, plan, true, found);
  planLq(ctx, plan, found);
  const stars = judgeCells(ctx, plan, old?.stars);
  const { stars: thresholds, cmp } = found;

  if (cmp) {
    if (!cmp.establishmentsUsed) {
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
    employment,
    stars,
    thresholds,
    cmp,
    warnings,
  };
}

/**
 * Every buffer of a result, for `postMessage(result, transferables(result))`. The employment is
 * the caller's input: transferring it detaches the caller's copy too.
 */
export function transferables(result: IndicatorResult): ArrayBuffer[] {
  const t = result.thresholds;
  const arrays: ArrayBufferView[] = [
    result.regionTotal,
    result.categoryTotal,
    result.regionDenominator,
    result.employment,
    result.stars,
    t.eligible,
    t.rankCut,
    t.size,
    t.focus,
    t.specialisation,
  ];
  if (result.cmp) {
    const c = result.cmp;
    arrays.push(c.lqStrong, c.lqStrong10, c.employmentFloor, c.establishmentsFloor);
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

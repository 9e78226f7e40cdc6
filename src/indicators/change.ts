/**
 * Change of every cell between two years of the same regions and categories: absolute
 * employment change, compound annual growth rate, LQ change, stars gained and lost, and the
 * life-cycle stage (lifeCycle.ts).
 *
 * CAGR = (E1/E0)^(1/(y1 − y0)) − 1; NaN when E0 ≤ 0 (growth from nothing has no rate), when
 * either value is not reported, or when y1 ≤ y0. The category's CAGR uses E(c) of each year's
 * benchmark (or regional sum), so a region's growth is judged against its category's.
 */
import { DEFAULT_STAGE_TOLERANCE, lifeCycleStage } from './lifeCycle';
import { STAR_BITS } from '../model/dataset';
import { lqAt, starCountAt } from './cellValues';
import type { IndicatorResult } from './types';

export interface YearSnapshot {
  year: number;
  employment: Float64Array;
  result: IndicatorResult;
}

export interface IndicatorChange {
  fromYear: number;
  toYear: number;
  absolute: Float64Array;
  cagr: Float64Array;
  lqChange: Float64Array;
  /** Star bits earned in the later year and not held before. */
  starsGained: Uint8Array;
  /** Star bits held before and not in the later year. */
  starsLost: Uint8Array;
  /** Per category: CAGR of E(c). */
  categoryCagr: Float64Array;
  /** Index into LIFE_CYCLE_STAGES. */
  stage: Uint8Array;
}

export function cagr(e0: number, e1: number, years: number): number {
  return e0 > 0 && e1 >= 0 && years > 0 ? Math.pow(e1 / e0, 1 / years) - 1 : NaN;
}

export function indicatorChange(from: YearSnapshot, to: YearSnapshot, tolerance = DEFAULT_STAGE_TOLERANCE): IndicatorChange {
  const a = from.result;
  const b = to.result;
  if (a.nRegions !== b.nRegions || a.nCategories !== b.nCategories) {
    throw new RangeError(`indicatorChange: ${a.nRegions} × ${a.nCategories} and ${b.nRegions} × ${b.nCategories} tables differ`);
  }
  const nC = a.nCategories;
  const n = a.nRegions * nC;
  const span = to.year - from.year;
  const categoryCagr = new Float64Array(nC);
  for (let c = 0; c < nC; c++) categoryCagr[c] = cagr(a.categoryTotal[c], b.categoryTotal[c], span);

  const absolute = new Float64Array(n);
  const growth = new Float64Array(n);
  const lqChange = new Float64Array(n);
  const starsGained = new Uint8Array(n);
  const starsLost = new Uint8Array(n);
  const stage = new Uint8Array(n);
  const inputs = { e0: 0, e1: 0, stars0: 0, stars1: 0, lq1: 0, relativeGrowth: 0 };
  for (let i = 0, c = 0; i < n; i++, c = c + 1 === nC ? 0 : c + 1) {
    const e0 = from.employment[i];
    const e1 = to.employment[i];
    absolute[i] = e1 - e0;
    const g = cagr(e0, e1, span);
    growth[i] = g;
    const lq1 = lqAt(b, i);
    lqChange[i] = lq1 - lqAt(a, i);
    // The star bits only: under cmp the byte also holds the strong-cluster flags.
    starsGained[i] = b.stars[i] & ~a.stars[i] & STAR_BITS;
    starsLost[i] = a.stars[i] & ~b.stars[i] & STAR_BITS;
    inputs.e0 = e0;
    inputs.e1 = e1;
    inputs.stars0 = starCountAt(a, i);
    inputs.stars1 = starCountAt(b, i);
    inputs.lq1 = lq1;
    inputs.relativeGrowth = !(e0 > 0) && e1 > 0 && span > 0 ? Infinity : g - categoryCagr[c];
    stage[i] = lifeCycleStage(inputs, tolerance);
  }
  return { fromYear: from.year, toYear: to.year, absolute, cagr: growth, lqChange, starsGained, starsLost, categoryCagr, stage };
}

/**
 * A region's categories across every year of the dataset, for the region dashboard: employment,
 * LQ and star count per year and category (year-major: `y · nCategories + c`), and the growth of
 * each category between two chosen years (CAGR, as the change map computes it). Pure: the
 * engine hands in each year's indicators (cached there), the tests a hand-computed cube.
 */
import type { EmploymentCube, StarRule } from '../model/dataset';
import type { IndicatorResult } from '../indicators/types';
import { cagr } from '../indicators/change';
import { lqAt, starCountAt } from '../indicators/cellValues';

export interface RegionSeriesRequest {
  /** Regions by index into the cube's regions (the dashboard compares up to four). */
  regionIndices: number[];
  rule: StarRule;
  /** The two years growth is measured between (indices into years). */
  fromYearIndex: number;
  toYearIndex: number;
}

export interface RegionSeries {
  regionIndex: number;
  years: number[];
  nCategories: number;
  /** Year-major, NaN where not reported. */
  employment: Float64Array;
  lq: Float64Array;
  stars: Uint8Array;
  /** Per category: CAGR of employment from `fromYearIndex` to `toYearIndex` (NaN: no rate). */
  growth: Float64Array;
}

export const MAX_SERIES_REGIONS = 4;

export function regionSeries(cube: EmploymentCube, resultOf: (yearIndex: number) => IndicatorResult, request: RegionSeriesRequest): RegionSeries[] {
  const nC = cube.categories.length;
  const nY = cube.years.length;
  const { fromYearIndex: y0, toYearIndex: y1 } = request;
  if (request.regionIndices.length > MAX_SERIES_REGIONS) throw new Error(`at most ${MAX_SERIES_REGIONS} regions at a time, asked for ${request.regionIndices.length}`);
  for (const y of [y0, y1]) if (!(Number.isInteger(y) && y >= 0 && y < nY)) throw new Error(`no year at index ${y}`);
  const results = cube.years.map((_, y) => resultOf(y));
  return request.regionIndices.map((r) => {
    if (!(Number.isInteger(r) && r >= 0 && r < cube.regions.length)) throw new Error(`no region at index ${r}`);
    const employment = new Float64Array(nY * nC);
    const lq = new Float64Array(nY * nC);
    const stars = new Uint8Array(nY * nC);
    for (let y = 0; y < nY; y++) {
      const e = cube.employment[y];
      for (let c = 0; c < nC; c++) {
        const i = r * nC + c;
        const reported = !Number.isNaN(e[i]);
        employment[y * nC + c] = e[i];
        lq[y * nC + c] = reported ? lqAt(results[y], i) : NaN;
        stars[y * nC + c] = reported ? starCountAt(results[y], i) : 0;
      }
    }
    const span = cube.years[y1] - cube.years[y0];
    const growth = new Float64Array(nC);
    for (let c = 0; c < nC; c++) growth[c] = cagr(employment[y0 * nC + c], employment[y1 * nC + c], span);
    return { regionIndex: r, years: [...cube.years], nCategories: nC, employment, lq, stars, growth };
  });
}

import { describe, expect, it } from 'vitest';
import { categoryLine, paddedDomain, portfolio } from '../../../src/ui/dashboard/portfolio';
import type { RegionSeries } from '../../../src/engine/regionSeries';

// Two years × three categories for one region: c0 grows, c1 has no jobs in the later year, c2 has no rate.
const series: RegionSeries = {
  regionIndex: 0,
  years: [2010, 2020],
  nCategories: 3,
  employment: Float64Array.from([10, 5, 0, 20, 0, 7]),
  lq: Float64Array.from([1.1, 0.5, 0, 1.6, 0, 0.9]),
  stars: Uint8Array.from([0, 0, 0, 2, 0, 1]),
  growth: Float64Array.from([Math.pow(2, 0.1) - 1, -1, NaN]),
};

describe('the cluster portfolio', () => {
  it('places categories with jobs and a growth rate, lists the rest apart', () => {
    const { points, unplaced } = portfolio(series, 1);
    expect(points).toEqual([{ category: 0, lq: 1.6, growth: Math.pow(2, 0.1) - 1, employment: 20, stars: 2 }]);
    expect(unplaced).toEqual([1, 2]);
  });

  it('reads one category across years and pads domains to include the quadrant line', () => {
    expect(categoryLine(series.employment, 3, 2)).toEqual([0, 7]);
    expect(paddedDomain([2, 3], 1, 0.1)).toEqual([0.8, 3.2]);
    expect(paddedDomain([0], 0)).toEqual([-1.16, 1.16]);
  });
});

/**
 * The benchmark chosen as in the CLI, by hand:
 *          A    B   E(r)
 *   DE1   10   30    40
 *   DE2   20   20    40
 *   FR1   70   10    80
 * Sum of the regions: E(A) = 100, E = 160 → LQ(FR1, A) = (70/80) / (100/160) = 1.4.
 * Country DE: E(A) = 30, E = 80 → LQ(FR1, A) = (70/80) / (30/80) = 7/3.
 */
import { describe, expect, it } from 'vitest';
import { benchmarkVector, countryChoices } from '../../../src/indicators/benchmarkChoice';
import { computeIndicators } from '../../../src/indicators/computeIndicators';
import { DEFAULT_RULE, type EmploymentCube } from '../../../src/model/dataset';
import { formatHash, parseHash } from '../../../src/state/hash';
import { cellMatrices } from '../../cellMatrices';

const cube: EmploymentCube = {
  regions: ['DE1', 'DE2', 'FR1'].map((id) => ({ id, name: id })),
  categories: ['A', 'B'].map((id) => ({ id, name: id })),
  years: [2015],
  employment: [Float64Array.from([10, 30, 20, 20, 70, 10])],
};
const lqOf = (benchmark: Float64Array | undefined) => cellMatrices(computeIndicators({ nRegions: 3, nCategories: 2, employment: cube.employment[0], benchmark }, DEFAULT_RULE)).lq;

describe('benchmark choice', () => {
  it('sum of the regions, or one country', () => {
    expect(benchmarkVector(cube, 0, undefined)).toBeUndefined();
    expect(benchmarkVector(cube, 0, 'regions')).toBeUndefined();
    expect([...benchmarkVector(cube, 0, 'DE')!]).toEqual([30, 50]);
    expect(lqOf(benchmarkVector(cube, 0, 'regions'))[4]).toBeCloseTo(1.4, 12);
    expect(lqOf(benchmarkVector(cube, 0, 'DE'))[4]).toBeCloseTo(7 / 3, 12);
  });

  it('a stated total row when the data has one', () => {
    const withRow = { ...cube, benchmarkId: 'EU', benchmark: [Float64Array.from([200, 200])] };
    expect([...benchmarkVector(withRow, 0, undefined)!]).toEqual([200, 200]);
    expect([...benchmarkVector(withRow, 0, 'row')!]).toEqual([200, 200]);
    expect(benchmarkVector(withRow, 0, 'regions')).toBeUndefined();
  });

  it('offers countries only on NUTS-like ids; the hash carries the choice as bench', () => {
    expect(countryChoices(['DE1', 'DE2', 'FR1', 'EL30'])).toEqual(['DE', 'EL', 'FR']);
    expect(countryChoices(['Москва', 'Адыгея'])).toEqual([]);
    const rule = { ...DEFAULT_RULE, benchmark: 'DE' };
    expect(formatHash({ rule })).toBe('#v=2&rule=eco&cut=0.1&lqmin=2&bench=DE');
    expect(parseHash('#v=2&bench=DE').view.rule).toEqual(rule);
    expect(parseHash('#v=2&bench=Germany').rejected).toEqual(['bench']);
  });
});

import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../../../src/indicators/computeIndicators';
import { regionProfile, topCategories } from '../../../src/indicators/regionProfile';
import { DEFAULT_RULE } from '../../../src/model/dataset';
import { table } from './helpers';

// The hand-worked table of computeIndicators.test.ts: benchmark structure f(c) = .25, .1, .65.
const input = table([
  [10, 0, 30],
  [20, 10, 10],
  [20, null, 0],
  [0, 10, 90],
]);
const result = computeIndicators(input, DEFAULT_RULE);

describe('regionProfile', () => {
  const p = regionProfile(result);

  it('Krugman specialisation against the benchmark structure', () => {
    // R1: |.25 − .25| + |0 − .1| + |.75 − .65| = .2;  R3 (all in A): .75 + .1 + .65 = 1.5.
    expect(p.krugman[0]).toBeCloseTo(0.2, 15);
    expect(p.krugman[2]).toBeCloseTo(0.75 + 0.1 + 0.65, 15);
  });

  it('Shannon diversity and evenness', () => {
    const h1 = -(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75));
    expect(p.shannon[0]).toBeCloseTo(h1, 15);
    expect(p.evenness[0]).toBeCloseTo(h1 / Math.log(3), 15);
    expect(p.shannon[2]).toBe(0);
    const even = regionProfile(computeIndicators(table([[5, 5, 5, 5]]), DEFAULT_RULE));
    expect(even.shannon[0]).toBeCloseTo(Math.log(4), 15);
    expect(even.evenness[0]).toBeCloseTo(1, 15);
  });

  it('starred categories per region', () => {
    expect([...p.starred]).toEqual([0, 2, 1, 2]);
  });

  it('a region without employment has undefined indices', () => {
    const q = regionProfile(computeIndicators(table([[0, 0], [1, 2]]), DEFAULT_RULE));
    expect(q.krugman[0]).toBeNaN();
    expect(q.shannon[0]).toBeNaN();
    expect(q.starred[0]).toBe(0);
  });
});

describe('topCategories', () => {
  it('by strength: stars, then LQ, then employment; only categories with employment', () => {
    expect(topCategories(result, input.employment, 1, 3)).toEqual([1, 0, 2]);
    expect(topCategories(result, input.employment, 3, 3)).toEqual([2, 1]);
    expect(topCategories(result, input.employment, 3, 1)).toEqual([2]);
  });

  it('by employment and by LQ', () => {
    expect(topCategories(result, input.employment, 3, 5, 'employment')).toEqual([2, 1]);
    // R1: LQ(C) = 1.15 > LQ(A) = 1.
    expect(topCategories(result, input.employment, 0, 5, 'lq')).toEqual([2, 0]);
    // Ties keep category order: R2 has A 20 vs B, C 10 each.
    expect(topCategories(result, input.employment, 1, 5, 'employment')).toEqual([0, 1, 2]);
  });
});

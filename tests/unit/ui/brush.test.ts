import { describe, expect, it } from 'vitest';
import { classCounts, pointsInQuadrant, pointsInRect, quadrantOf, regionsInClasses } from '../../../src/ui/linked/brush';

describe('brushing rules', () => {
  const x = [0, 1, 2, NaN, -1];
  const y = [0, 1, -2, 1, 1];
  it('selects the points inside a rectangle drawn in any direction, never a missing one', () => {
    expect(pointsInRect(x, y, { x0: 2, x1: 0.5, y0: 1, y1: -3 })).toEqual([1, 2]);
    expect(pointsInRect(x, y, { x0: -5, x1: 5, y0: -5, y1: 5 })).toEqual([0, 1, 2, 4]);
  });
  it('names quadrants by the signs of value and lag; an axis belongs to none', () => {
    expect([quadrantOf(1, 1), quadrantOf(-1, -1), quadrantOf(-1, 1), quadrantOf(1, -1), quadrantOf(0, 1), quadrantOf(NaN, 1)]).toEqual(['HH', 'LL', 'LH', 'HL', undefined, undefined]);
    expect(pointsInQuadrant(x, y, 'LH')).toEqual([4]);
  });
  it('counts and selects regions by legend class', () => {
    const classOf = (v: number) => (v < 1 ? 0 : v < 2 ? 1 : 2);
    expect(classCounts(x, classOf, 3)).toEqual([2, 1, 1]);
    expect(regionsInClasses(x, classOf, new Set([0, 2]))).toEqual([0, 2, 4]);
  });
});

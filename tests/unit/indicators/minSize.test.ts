/**
 * A rule's minimum cell size, on a table small enough to rank by hand:
 *
 *          A     B    E(r)
 *   R1   100   100    200
 *   R2     5    95    100
 *   R3    50    50    100
 *   R4     8     2     10
 *   E(c) 163   247    E = 410
 *
 * ECO with cut share 0.5. Category A without a minimum: 4 regions compete, ⌈0.5·4⌉ = 2, size
 * threshold = 2nd largest E = 50 (R1, R3), focus threshold = 2nd largest of .5, .05, .5, .8 = .5
 * (R1, R3, R4); LQ(R4, A) = .8 / (163/410) = 2.012 ≥ 2 (R4 specialised).
 * With a minimum employment of 10, R2 (5) and R4 (8) do not compete in A: 2 regions, ⌈0.5·2⌉ = 1,
 * size threshold 100 (R1 only), focus threshold .5 (R1, R3); R4 earns nothing.
 */
import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../../../src/indicators/computeIndicators';
import { STAR_FOCUS, STAR_SIZE, STAR_SPECIALISATION, type StarRule } from '../../../src/model/dataset';
import { lqAt, starCountAt, strongAt } from '../../../src/indicators/cellValues';
import { cellMatrices } from '../../cellMatrices';

const employment = Float64Array.from([100, 100, 5, 95, 50, 50, 8, 2]);
const establishments = Float64Array.from([10, 10, 3, 9, 2, 5, 4, 1]);
const input = { nRegions: 4, nCategories: 2, employment, establishments };
const eco: StarRule = { kind: 'eco', cutShare: 0.5, lqThreshold: 2 };
const A = (r: number) => r * 2;

describe('minimum cell size', () => {
  it('without a minimum, the ECO rule as published', () => {
    const result = computeIndicators(input, eco);
    expect(result.thresholds.eligible[0]).toBe(4);
    expect(result.thresholds.size[0]).toBe(50);
    expect(lqAt(result, A(3))).toBeCloseTo(0.8 / (163 / 410), 12);
    expect(result.stars[A(3)]).toBe(STAR_FOCUS | STAR_SPECIALISATION);
    expect(result.stars[A(2)]).toBe(STAR_SIZE | STAR_FOCUS);
  });

  it('a cell under the minimum employment earns no star and takes no ranking place; LQ and shares stay', () => {
    const plain = computeIndicators(input, eco);
    const result = computeIndicators(input, { ...eco, minEmployment: 10 });
    expect(result.thresholds.eligible[0]).toBe(2);
    expect(result.thresholds.size[0]).toBe(100);
    expect(result.thresholds.focus[0]).toBe(0.5);
    expect([...result.stars].filter((_, i) => i % 2 === 0)).toEqual([STAR_SIZE | STAR_FOCUS, 0, STAR_FOCUS, 0]);
    expect(starCountAt(result, A(3))).toBe(0);
    expect([...cellMatrices(result).lq]).toEqual([...cellMatrices(plain).lq]);
    expect([...cellMatrices(result).focus]).toEqual([...cellMatrices(plain).focus]);
    // Category B: R4 (2) leaves; R1, R2, R3 compete, ⌈1.5⌉ = 2, size threshold 95 (R1, R2), as before.
    expect(result.thresholds.eligible[1]).toBe(3);
    expect(result.thresholds.size[1]).toBe(95);
  });

  it('a minimum of establishments leaves out cells with fewer, and a strong cluster needs the size too', () => {
    // Establishments in A: 10, 3, 2, 4; at least 4: R1 and R4 compete; R4 keeps its specialisation star (LQ 2.01).
    const result = computeIndicators(input, { ...eco, minEstablishments: 4 });
    expect(result.thresholds.eligible[0]).toBe(2);
    expect(result.stars[A(2)]).toBe(0);
    expect(result.stars[A(3)] & STAR_SPECIALISATION).toBe(STAR_SPECIALISATION);
    const cmp = computeIndicators(input, { kind: 'cmp', cutShare: 0.5, lqThreshold: 2, minEmployment: 10 });
    expect(strongAt(cmp, A(3))).toBe(0);
  });
});

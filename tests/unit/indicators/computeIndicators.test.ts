import { describe, expect, it } from 'vitest';
import { computeIndicators, transferables } from '../../../src/indicators/computeIndicators';
import { rankCut } from '../../../src/indicators/rankCut';
import { DEFAULT_RULE, STAR_FOCUS, STAR_SIZE, STAR_SPECIALISATION, STRONG_CLUSTER } from '../../../src/model/dataset';
import { at, column, starBits, strongFlags, table } from './helpers';
import { cellMatrices } from '../../cellMatrices';

const SIZE = STAR_SIZE;
const SPEC = STAR_SPECIALISATION;
const FOCUS = STAR_FOCUS;

/*
 * Four regions × categories A, B, C (hand-worked; null = not reported):
 *        A    B     C   | E(r)
 *   R1  10    0    30   |  40
 *   R2  20   10    10   |  40
 *   R3  20  null    0   |  20
 *   R4   0   10    90   | 100
 *  E(c) 50   20   130   | E = 200
 */
const rows = [
  [10, 0, 30],
  [20, 10, 10],
  [20, null, 0],
  [0, 10, 90],
];
const input = table(rows);

describe('computeIndicators, eco rule, hand-computed', () => {
  const res = computeIndicators(input, DEFAULT_RULE);
  const cell = (m: ArrayLike<number>, r: number, c: number) => at(m, 3, r, c);

  it('totals treat the unreported cell as 0', () => {
    expect([...res.regionTotal]).toEqual([40, 40, 20, 100]);
    expect([...res.categoryTotal]).toEqual([50, 20, 130]);
    expect(res.total).toBe(200);
    expect(res.denominatorTotal).toBe(200);
  });

  it('LQ, focus and size shares', () => {
    // LQ(R2,A) = (20/40)/(50/200) = 2 exactly; LQ(R3,A) = (20/20)/(50/200) = 4.
    expect(column(cellMatrices(res).lq, 3, 0)).toEqual([1, 2, 4, 0]);
    expect(cell(cellMatrices(res).lq, 1, 1)).toBe(2.5);
    expect(cell(cellMatrices(res).lq, 3, 1)).toBe(1);
    expect(cell(cellMatrices(res).lq, 0, 2)).toBeCloseTo(0.75 / 0.65, 14);
    expect(cell(cellMatrices(res).lq, 3, 2)).toBeCloseTo(0.9 / 0.65, 14);
    expect(column(cellMatrices(res).focus, 3, 0)).toEqual([0.25, 0.5, 1, 0]);
    expect(column(cellMatrices(res).size, 3, 0)).toEqual([0.2, 0.4, 0.4, 0]);
    expect(cell(cellMatrices(res).size, 3, 2)).toBeCloseTo(90 / 130, 15);
  });

  it('an unreported cell has NaN indicators and no star', () => {
    expect(cell(cellMatrices(res).lq, 2, 1)).toBeNaN();
    expect(cell(cellMatrices(res).focus, 2, 1)).toBeNaN();
    expect(cell(cellMatrices(res).size, 2, 1)).toBeNaN();
    expect(cell(res.stars, 2, 1)).toBe(0);
  });

  it('stars: ties at the size threshold all earn it; LQ exactly 2 earns specialisation', () => {
    // A: 3 regions with E>0, ⌈0.3⌉ = 1 → size threshold 20 (R2 and R3 tie), focus threshold 1.0 (R3).
    expect(column(res.stars, 3, 0)).toEqual([0, SIZE | SPEC, SIZE | SPEC | FOCUS, 0]);
    // B: R3 not reported and R1 zero, so n = 2; both have 10 → both size stars.
    expect(column(res.stars, 3, 1)).toEqual([0, SIZE | SPEC | FOCUS, 0, SIZE]);
    // C: R3 zero, so n = 3; R4 largest and most focused; no LQ reaches 2.
    expect(column(res.stars, 3, 2)).toEqual([0, 0, 0, SIZE | FOCUS]);
    expect(column(cellMatrices(res).starCount, 3, 0)).toEqual([0, 2, 3, 0]);
    expect(column(cellMatrices(res).starCount, 3, 1)).toEqual([0, 3, 0, 1]);
  });

  it('reports the thresholds it used', () => {
    expect([...res.thresholds.eligible]).toEqual([3, 2, 3]);
    expect([...res.thresholds.rankCut]).toEqual([1, 1, 1]);
    expect([...res.thresholds.size]).toEqual([20, 10, 90]);
    expect([...res.thresholds.focus]).toEqual([1, 0.25, 0.9]);
    expect([...res.thresholds.specialisation]).toEqual([2, 2, 2]);
    expect(res.cmp).toBeUndefined();
    expect(res.warnings).toEqual([]);
  });

  it('lists every buffer once for transfer', () => {
    const buffers = transferables(res);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toContain(res.stars.buffer);
    expect(buffers).toContain(res.employment.buffer);
    expect(buffers).toContain(res.thresholds.size.buffer);
  });
});

describe('computeIndicators, other rules and settings', () => {
  it('paper: specialisation by top-10% LQ instead of LQ ≥ 2', () => {
    const res = computeIndicators(input, { ...DEFAULT_RULE, kind: 'paper' });
    expect([...res.thresholds.specialisation]).toEqual([4, 2.5, 0.9 / 0.65]);
    expect(column(res.stars, 3, 0)).toEqual([0, SIZE, SIZE | SPEC | FOCUS, 0]);
    expect(column(res.stars, 3, 2)).toEqual([0, 0, 0, SIZE | SPEC | FOCUS]);
  });

  it('lqThreshold is a parameter', () => {
    const res = computeIndicators(input, { ...DEFAULT_RULE, lqThreshold: 1 });
    // C: LQ 1.15 (R1) and 1.38 (R4) now specialised; R2's 0.38 is not.
    expect(column(res.stars, 3, 2)).toEqual([SPEC, 0, 0, SIZE | SPEC | FOCUS]);
  });

  it('cutShare is a parameter, and 0.07 · 100 admits 7 regions, not 8', () => {
    expect(0.07 * 100).toBeGreaterThan(7);
    expect(rankCut(0.07, 100)).toBe(7);
    expect(rankCut(0.07, 1400)).toBe(98);
    expect(rankCut(0.1, 30)).toBe(3);
    expect(rankCut(0.1, 31)).toBe(4);
    expect(rankCut(0.3, 10)).toBe(3);
    expect(rankCut(0.1, 1)).toBe(1);
    expect(rankCut(0, 50)).toBe(0);
    expect(rankCut(1, 50)).toBe(50);
    expect(rankCut(2, 50)).toBe(50);
    const thirty = table(Array.from({ length: 30 }, (_, r) => [r + 1, 100]));
    const res = computeIndicators(thirty, DEFAULT_RULE);
    expect(res.thresholds.size[0]).toBe(28);
    expect(column(res.stars, 2, 0).filter((s) => s & SIZE)).toHaveLength(3);
    const half = computeIndicators(thirty, { ...DEFAULT_RULE, cutShare: 0.5 });
    expect(column(half.stars, 2, 0).filter((s) => s & SIZE)).toHaveLength(15);
    const none = computeIndicators(thirty, { ...DEFAULT_RULE, cutShare: 0 });
    expect(none.thresholds.size[0]).toBe(Infinity);
    expect(column(none.stars, 2, 0).filter((s) => s & SIZE)).toHaveLength(0);
  });

  it('one region: LQ 1 where it has employment, size and focus stars, no specialisation', () => {
    const res = computeIndicators(table([[5, 0, 15]]), DEFAULT_RULE);
    // The middle category has no employment anywhere: its LQ and size share are undefined.
    expect([...cellMatrices(res).lq]).toEqual([1, NaN, 1]);
    expect([...cellMatrices(res).focus]).toEqual([0.25, 0, 0.75]);
    expect([...cellMatrices(res).size]).toEqual([1, NaN, 1]);
    expect([...res.stars]).toEqual([SIZE | FOCUS, 0, SIZE | FOCUS]);
    expect([...res.thresholds.eligible]).toEqual([1, 0, 1]);
    expect(res.thresholds.size[1]).toBeNaN();
  });

  it('a region with no employment at all has undefined shares, not zeros', () => {
    const res = computeIndicators(table([[0, 0], [3, 1]]), DEFAULT_RULE);
    expect(at(cellMatrices(res).focus, 2, 0, 0)).toBeNaN();
    expect(at(cellMatrices(res).lq, 2, 0, 0)).toBeNaN();
    expect(at(cellMatrices(res).size, 2, 0, 0)).toBe(0);
    expect(at(res.stars, 2, 0, 0)).toBe(0);
  });

  it('a benchmark region supplies E(c) and E and is not ranked', () => {
    // Benchmark (e.g. the nation): A 100, B 100, C 800 → E = 1000.
    const res = computeIndicators({ ...input, benchmark: Float64Array.of(100, 100, 800) }, DEFAULT_RULE);
    expect([...res.categoryTotal]).toEqual([100, 100, 800]);
    expect(res.total).toBe(1000);
    // LQ(R1,A) = (10/40)/(100/1000) = 2.5; LQ(R1,C) = (30/40)/(800/1000) = 0.9375.
    expect(column(cellMatrices(res).lq, 3, 0)).toEqual([2.5, 5, 10, 0]);
    expect(at(cellMatrices(res).lq, 3, 0, 2)).toBe(0.9375);
    expect(at(cellMatrices(res).lq, 3, 1, 1)).toBe(2.5);
    expect(column(cellMatrices(res).size, 3, 0)).toEqual([0.1, 0.2, 0.2, 0]);
    // Regional sums are still the regions' own.
    expect([...res.regionTotal]).toEqual([40, 40, 20, 100]);
    // Ranking is among the four regions only: A's size threshold is still 20.
    expect(res.thresholds.size[0]).toBe(20);
    expect(column(res.stars, 3, 0)).toEqual([SPEC, SIZE | SPEC, SIZE | SPEC | FOCUS, 0]);
  });

  it('a benchmark without a value for a category leaves that category undefined and says so', () => {
    const res = computeIndicators({ ...input, benchmark: Float64Array.of(100, NaN, 800) }, DEFAULT_RULE);
    expect(column(cellMatrices(res).lq, 3, 1).every(Number.isNaN)).toBe(true);
    expect(column(cellMatrices(res).size, 3, 1).every(Number.isNaN)).toBe(true);
    expect(res.warnings.join(' ')).toMatch(/benchmark has no value for 1 categor/);
  });

  it('an LQ denominator group: LQ over the group only, shares over all categories', () => {
    // Denominator A + B: D(r) = 10, 30, 20, 10; D = 70.
    const res = computeIndicators({ ...input, lqDenominatorMask: Uint8Array.of(1, 1, 0) }, DEFAULT_RULE);
    expect(res.denominatorTotal).toBe(70);
    expect([...res.regionDenominator]).toEqual([10, 30, 20, 10]);
    expect(at(cellMatrices(res).lq, 3, 0, 0)).toBeCloseTo(1 / (50 / 70), 14);
    expect(at(cellMatrices(res).lq, 3, 1, 0)).toBeCloseTo(20 / 30 / (50 / 70), 14);
    // C is outside the group but still gets an LQ against the group's denominator.
    expect(at(cellMatrices(res).lq, 3, 0, 2)).toBeCloseTo(30 / 10 / (130 / 70), 14);
    expect(column(cellMatrices(res).focus, 3, 0)).toEqual([0.25, 0.5, 1, 0]);
  });

  it('a region with no employment in the denominator group has an undefined LQ', () => {
    const res = computeIndicators(table([[0, 5], [4, 4]], { lqDenominatorMask: Uint8Array.of(1, 0) }), DEFAULT_RULE);
    expect(at(cellMatrices(res).lq, 2, 0, 1)).toBeNaN();
    expect(at(cellMatrices(res).focus, 2, 0, 1)).toBe(1);
  });

  it('rejects inconsistent dimensions', () => {
    expect(() => computeIndicators({ nRegions: 2, nCategories: 2, employment: new Float64Array(3) }, DEFAULT_RULE)).toThrow(
      /3 values, expected 2 × 2 = 4/,
    );
    expect(() => computeIndicators({ ...input, benchmark: new Float64Array(2) }, DEFAULT_RULE)).toThrow(/benchmark/);
  });
});

describe('cmp strong clusters, hand-computed', () => {
  /*
   * Five regions of 100 jobs each in X and Y (both in the denominator): E(X) = 150 of E = 500.
   * LQ(r,X) = (x/100)/0.3 = 1/3, 2/3, 1, 4/3, 5/3.  P75(LQ) = 4/3 (h = 3); P90 = 4/3 + 0.6·1/3.
   * P25(E(·,X)) = 20 (h = 1).  Establishments in X: 1, 2, 3, 4, 2 → P25 = 2.
   */
  const x = [10, 20, 30, 40, 50];
  const cmpInput = table(
    x.map((v) => [v, 100 - v]),
    { establishments: Float64Array.of(1, 5, 2, 5, 3, 5, 4, 5, 2, 5) },
  );
  const rule = { ...DEFAULT_RULE, kind: 'cmp' as const };

  it('percentile thresholds per category', () => {
    const res = computeIndicators(cmpInput, rule);
    const t = res.cmp!;
    expect(t.lqStrong[0]).toBe((40 * 500) / (100 * 150));
    expect(t.lqStrong10[0]).toBeCloseTo(4 / 3 + 0.6 / 3, 14);
    expect(t.employmentFloor[0]).toBe(20);
    expect(t.establishmentsFloor[0]).toBe(2);
    expect(t.establishmentsUsed).toBe(true);
  });

  it('strong needs LQ ≥ P75, E > P25(E), establishments > P25 and LQ ≥ 1', () => {
    const res = computeIndicators(cmpInput, rule);
    // R4 qualifies; R5 has the highest LQ but only 2 establishments (not > P25 = 2).
    expect(column(strongFlags(res).strong, 2, 0)).toEqual([0, 0, 0, 1, 0]);
    expect(column(strongFlags(res).strong10, 2, 0)).toEqual([0, 0, 0, 0, 0]);
    expect(res.warnings.some((w) => /traded group/.test(w))).toBe(true);
  });

  it('without establishments the criterion is skipped and a warning says so', () => {
    const res = computeIndicators({ ...cmpInput, establishments: undefined }, rule);
    expect(column(strongFlags(res).strong, 2, 0)).toEqual([0, 0, 0, 1, 1]);
    expect(column(strongFlags(res).strong10, 2, 0)).toEqual([0, 0, 0, 0, 1]);
    expect(res.cmp!.establishmentsUsed).toBe(false);
    expect(res.cmp!.establishmentsFloor[0]).toBeNaN();
    expect(res.warnings.some((w) => /establishment/.test(w))).toBe(true);
  });

  it('cmp still assigns ECO stars (LQ ≥ lqThreshold for specialisation)', () => {
    const res = computeIndicators(cmpInput, rule);
    expect(column(starBits(res), 2, 0)).toEqual([0, 0, 0, 0, SIZE | FOCUS]);
    // The cell's byte: its stars, and R4's strong-cluster flag beside them.
    expect(column(res.stars, 2, 0)).toEqual([0, 0, 0, STRONG_CLUSTER, SIZE | FOCUS]);
  });
});

describe('reusing the buffers of a previous result', () => {
  it('gives the same values as a fresh computation, in the old buffers', () => {
    const withEst = { ...input, establishments: new Float64Array(12).fill(3), lqDenominatorMask: Uint8Array.of(1, 1, 0) };
    const first = computeIndicators(withEst, { ...DEFAULT_RULE, kind: 'cmp' });
    const starsBuffer = first.stars.buffer;
    // Different rule and different data, so every cell changes.
    const other = { ...withEst, employment: withEst.employment.map((v) => (Number.isNaN(v) ? 7 : v === 0 ? NaN : v * 3 + 1)) };
    const reused = computeIndicators(other, { ...DEFAULT_RULE, kind: 'cmp', cutShare: 0.5 }, { reuse: first });
    const fresh = computeIndicators(other, { ...DEFAULT_RULE, kind: 'cmp', cutShare: 0.5 });
    expect(reused.stars.buffer).toBe(starsBuffer);
    expect([...reused.stars]).toEqual([...fresh.stars]);
    for (const key of ['lq', 'focus', 'size', 'starCount'] as const) expect([...cellMatrices(reused)[key]]).toEqual([...cellMatrices(fresh)[key]]);
    expect(strongFlags(reused)).toEqual(strongFlags(fresh));
  });

  it('replaces buffers of the wrong size', () => {
    const small = computeIndicators(table([[1, 2]]), DEFAULT_RULE);
    const res = computeIndicators(input, DEFAULT_RULE, { reuse: small });
    expect(cellMatrices(res).lq).not.toBe(cellMatrices(small).lq);
    expect([...res.stars]).toEqual([...computeIndicators(input, DEFAULT_RULE).stars]);
  });
});

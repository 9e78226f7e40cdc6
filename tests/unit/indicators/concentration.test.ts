import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { categoryConcentration } from '../../../src/indicators/concentration';
import { table } from './helpers';

/*
 * Three regions, categories A and B (hand-worked):
 *        A   B  | E(r)  x_r
 *   R1  40  10  |  50   .5
 *   R2   0  30  |  30   .3
 *   R3   0  20  |  20   .2
 * A: s = (1, 0, 0).    B: s = (1/6, 1/2, 1/3).
 */
const input = table(
  [
    [40, 10],
    [0, 30],
    [0, 20],
  ],
  { establishments: Float64Array.of(4, 1, 0, 3, 0, 2) },
);

describe('categoryConcentration, hand-computed', () => {
  const k = categoryConcentration(input);

  it('HHI of regional shares', () => {
    expect(k.hhi[0]).toBe(1);
    expect(k.hhi[1]).toBeCloseTo(1 / 36 + 1 / 4 + 1 / 9, 15);
  });

  it('Krugman and Hoover dissimilarity from total employment', () => {
    // A: |1 − .5| + .3 + .2 = 1;  B: 1/3 + .2 + 2/15 = 2/3.
    expect(k.krugman[0]).toBeCloseTo(1, 15);
    expect(k.hoover[0]).toBeCloseTo(0.5, 15);
    expect(k.krugman[1]).toBeCloseTo(2 / 3, 15);
    expect(k.hoover[1]).toBeCloseTo(1 / 3, 15);
  });

  it('locational Gini', () => {
    // A: Lorenz points (.3, 0), (.5, 0), (1, 1) → area .5·(0 + 1) = .5 → G = .5.
    expect(k.gini[0]).toBeCloseTo(0.5, 15);
    // B: order R1 (q = 1/3), R2, R3 (q = 5/3): area = .5·1/6 + .3·(1/6 + 2/3) + .2·(2/3 + 1) = 2/3.
    expect(k.gini[1]).toBeCloseTo(1 / 3, 15);
  });

  it('Ellison–Glaeser γ with equal plant sizes within a region', () => {
    // A: 4 plants of 10 in R1 → H = 4 · (1/4)² = 1/4; G = .25 + .09 + .04 = .38 = Σx².
    expect(k.egGamma[0]).toBeCloseTo((0.38 - 0.62 * 0.25) / (0.62 * 0.75), 14);
    // B: one plant of 10 in R1, three of 10 in R2, two of 10 in R3: six plants of 10 out of 60.
    const plantShares = [10, 10, 10, 10, 10, 10].map((p) => p / 60);
    const H = plantShares.reduce((h, z) => h + z * z, 0);
    const G = (1 / 6 - 0.5) ** 2 + (0.5 - 0.3) ** 2 + (1 / 3 - 0.2) ** 2;
    expect(k.egGamma[1]).toBeCloseTo((G - 0.62 * H) / (0.62 * (1 - H)), 14);
  });

  it('γ is undefined without establishments, or when a region has employment but no plants', () => {
    expect(categoryConcentration({ ...input, establishments: undefined }).egGamma.every(Number.isNaN)).toBe(true);
    const broken = categoryConcentration({ ...input, establishments: Float64Array.of(4, 0, 0, 3, 0, 2) });
    expect(broken.egGamma[0]).not.toBeNaN();
    expect(broken.egGamma[1]).toBeNaN();
    // A single plant: H = 1, γ undefined.
    expect(categoryConcentration({ ...input, establishments: Float64Array.of(1, 1, 0, 3, 0, 2) }).egGamma[0]).toBeNaN();
  });

  it('a category spread exactly like all employment has zero Gini and dissimilarity', () => {
    const even = categoryConcentration(table([[5, 10], [15, 30], [1, 2]]));
    expect(even.gini[0]).toBeCloseTo(0, 15);
    expect(even.hoover[0]).toBeCloseTo(0, 15);
  });

  it('a category without employment, and a not-reported cell counted as 0', () => {
    const res = categoryConcentration(table([[3, 0, null], [1, 0, 2]]));
    expect(res.hhi[1]).toBeNaN();
    expect(res.gini[1]).toBeNaN();
    expect(res.hhi[2]).toBe(1);
  });

  it('passes each LQ column to the Moran hook', () => {
    const lq = Float64Array.of(1.6, 0.4, 0, 1.67, 0, 1.67);
    const seen: number[][] = [];
    const res = categoryConcentration(input, { lq, moranOfColumn: (col, c) => (seen.push([...col]), c + 0.5) });
    expect(seen).toEqual([[1.6, 0, 0], [0.4, 1.67, 1.67]]);
    expect([...res.moranI]).toEqual([0.5, 1.5]);
    expect(categoryConcentration(input).moranI.every(Number.isNaN)).toBe(true);
  });
});

describe('categoryConcentration, properties', () => {
  const matrix = fc
    .record({ nR: fc.integer({ min: 1, max: 15 }), nC: fc.integer({ min: 1, max: 4 }) })
    .chain(({ nR, nC }) => fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: nC, maxLength: nC }), { minLength: nR, maxLength: nR }));

  it('Gini equals the weighted mean-difference form Σ_i Σ_j x_i x_j |q_i − q_j| / 2', () => {
    fc.assert(
      fc.property(matrix, (rows) => {
        const res = categoryConcentration(table(rows));
        const total = rows.flat().reduce((a, b) => a + b, 0);
        const x = rows.map((row) => row.reduce((a, b) => a + b, 0) / total);
        rows[0].forEach((_, c) => {
          const ec = rows.reduce((s, row) => s + row[c], 0);
          if (ec === 0) return expect(res.gini[c]).toBeNaN();
          const q = rows.map((row, r) => (x[r] > 0 ? row[c] / ec / x[r] : 0));
          let g = 0;
          for (let i = 0; i < rows.length; i++) for (let j = 0; j < rows.length; j++) g += x[i] * x[j] * Math.abs(q[i] - q[j]);
          expect(res.gini[c]).toBeCloseTo(g / 2, 12);
          expect(res.hhi[c]).toBeGreaterThanOrEqual(1 / rows.length - 1e-12);
          expect(res.hhi[c]).toBeLessThanOrEqual(1 + 1e-12);
          expect(res.hoover[c]).toBeCloseTo(res.krugman[c] / 2, 15);
        });
      }),
    );
  });
});

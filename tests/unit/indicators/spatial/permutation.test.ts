/**
 * Permutation p-values against the exact conditional-permutation distribution, enumerated by
 * brute force on a 3×3 rook grid. For the centre region (4 neighbours out of 8 other regions)
 * every 4-subset of the others is equally likely without replacement (70 of them), every
 * 4-tuple with replacement (8⁴ = 4096). With P≥ = P(I_sim ≥ I_obs) and P≤ = P(I_sim ≤ I_obs)
 * known exactly, the folded estimate (min(k≥, k≤) + 1)/(nsim + 1) must lie within Monte-Carlo
 * error of min(P≥, P≤). The observed lag here is 0 and some draws tie with it exactly.
 */
import { describe, expect, it } from 'vitest';
import { contiguityNeighbours, localMoran, spatialWeights } from '../../../../src/indicators/spatial';
import { squareGrid } from './grid';

const values = [3, 8, 1, 6, 9, 2, 7, 4, 5];
const centre = 4;
const others = [0, 1, 2, 3, 5, 6, 7, 8];
const mean = values.reduce((a, b) => a + b, 0) / values.length;
const z = values.map((v) => v - mean);
const observedLag = (z[1] + z[3] + z[5] + z[7]) / 4;
// I_sim ≥ I_obs ⇔ z_i·lag_sim ≥ z_i·lag_obs (m2 > 0); z_centre > 0 here, so lag_sim ≥ lag_obs.

function exactWithoutReplacement(): [number, number] {
  let hits = 0;
  let low = 0;
  let total = 0;
  for (let a = 0; a < 8; a++)
    for (let b = a + 1; b < 8; b++)
      for (let c = b + 1; c < 8; c++)
        for (let d = c + 1; d < 8; d++) {
          const lag = (z[others[a]] + z[others[b]] + z[others[c]] + z[others[d]]) / 4;
          total++;
          if (lag >= observedLag - 1e-12) hits++;
          if (lag <= observedLag + 1e-12) low++;
        }
  expect(total).toBe(70);
  return [hits / total, low / total];
}

function exactWithReplacement(): [number, number] {
  let hits = 0;
  let low = 0;
  for (let t = 0; t < 4096; t++) {
    const lag = (z[others[t & 7]] + z[others[(t >> 3) & 7]] + z[others[(t >> 6) & 7]] + z[others[(t >> 9) & 7]]) / 4;
    if (lag >= observedLag - 1e-12) hits++;
    if (lag <= observedLag + 1e-12) low++;
  }
  return [hits / 4096, low / 4096];
}

describe('conditional permutation p-values', () => {
  const w = spatialWeights(contiguityNeighbours(squareGrid(3, 3), 'rook'), 'W');
  const nsim = 99_999;

  it.each([
    ['without replacement (default)', false, exactWithoutReplacement],
    ['with replacement (spdep 1.2)', true, exactWithReplacement],
  ] as const)('estimate the exact folded p %s', (_label, withReplacement, exact) => {
    expect(z[centre]).toBeGreaterThan(0);
    const [above, below] = exact();
    expect(above + below).toBeGreaterThan(1); // ties exist
    const folded = Math.min(above, below);
    // The two sampling schemes must actually differ here, or this test could not tell them apart.
    expect(Math.abs(exactWithoutReplacement()[0] - exactWithReplacement()[0])).toBeGreaterThan(0.01);
    const p = localMoran(values, w, { permutations: nsim, seed: 5, withReplacement }).pseudoP[centre];
    expect(Math.abs(p - folded)).toBeLessThan(5 * Math.sqrt((folded * (1 - folded)) / nsim) + 2 / nsim);
  });

  it('gives multiples of 1/(nsim + 1) in [1/(nsim + 1), 1], and p = 1 where z_i = 0', () => {
    const p = localMoran(values, w, { permutations: 99, seed: 1 }).pseudoP;
    for (const v of p) {
      expect(v).toBeGreaterThanOrEqual(1 / 100);
      expect(v).toBeLessThanOrEqual(1);
      expect(Math.round(v * 100)).toBeCloseTo(v * 100, 9);
    }
    // Region 8 has the mean value 5: its local I is 0 in every draw, a tie, never significant.
    expect(z[8]).toBe(0);
    expect(p[8]).toBe(1);
  });
});

describe('the permutation cap', () => {
  it('localMoran refuses more than MAX_PERMUTATIONS permutations before doing any work', async () => {
    const { localMoran, MAX_PERMUTATIONS } = await import('../../../../src/indicators/spatial/localMoran');
    const w = { n: 2, style: 'W', neighbours: [Int32Array.of(1), Int32Array.of(0)], weights: [Float64Array.of(1), Float64Array.of(1)] };
    expect(MAX_PERMUTATIONS).toBe(99_999);
    expect(() => localMoran([1, 2], w as never, { permutations: 4_294_967_296 })).toThrow('permutations must be at most 99,999, not 4,294,967,296');
  });
});

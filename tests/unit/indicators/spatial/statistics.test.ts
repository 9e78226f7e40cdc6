/**
 * Moran's I, local Moran and Gi* on a 2×2 rook grid small enough to compute by hand:
 *
 *   0 1      x = [4, 1,      rook neighbours: 0:{1,2} 1:{0,3} 2:{0,3} 3:{1,2}
 *   2 3           1, 2]      row-standardised: every weight 1/2
 *
 * mean 2, z = [2, −1, −1, 0], Σz² = 6, Σz⁴ = 18, lag of z = [−1, 1, 1, −1].
 */
import { describe, expect, it } from 'vitest';
import {
  analyseSpatial,
  contiguityNeighbours,
  getisOrdGiStar,
  globalMoran,
  localMoran,
  neighbourListFromRows,
  spatialWeights,
  weightsConstants,
} from '../../../../src/indicators/spatial';
import { erfc, normalTwoSided, normalUpperTail } from '../../../../src/indicators/spatial/normal';
import { squareGrid } from './grid';

const x = [4, 1, 1, 2];
const nb = contiguityNeighbours(squareGrid(2, 2), 'rook');

describe('global Moran’s I under randomisation (hand-computed)', () => {
  it('has S0 = 4, S1 = ½Σ(wij + wji)² = 4, S2 = Σ(row + column sums)² = 16', () => {
    expect(weightsConstants(spatialWeights(nb, 'W'))).toEqual({ n: 4, S0: 4, S1: 4, S2: 16 });
  });

  it('gives I = −2/3, E[I] = −1/3, Var[I] = 1/18, z = −√2, p = erfc(1)', () => {
    // I = (n/S0)·Σz·lag(z)/Σz² = (4/4)·(−4/6).
    // Var: K = nΣz⁴/(Σz²)² = 2; A = n[S1(n²−3n+3) − nS2 + 3S0²] = 48;
    //      B = K[S1(n²−n) − 2nS2 + 6S0²] = 32; Var = (A − B)/((n−1)(n−2)(n−3)S0²) − E² = 1/6 − 1/9.
    const m = globalMoran(x, spatialWeights(nb, 'W'));
    expect(m.I).toBeCloseTo(-2 / 3, 14);
    expect(m.expectation).toBeCloseTo(-1 / 3, 14);
    expect(m.variance).toBeCloseTo(1 / 18, 14);
    expect(m.z).toBeCloseTo(-Math.SQRT2, 13);
    expect(m.p).toBeCloseTo(0.15729920705028513, 13);
    expect(m.pGreater).toBeCloseTo(1 - 0.15729920705028513 / 2, 13);
  });

  it('leaves islands out of n but in the mean, as spdep’s adjust.n does', () => {
    // Add a fifth region without neighbours and value 2 (= the old mean): z and Σz² do not
    // change, n stays 4 for I and E[I], and K uses all 5 values: K = 5·18/36 = 2.5.
    const withIsland = neighbourListFromRows([[1, 2], [0, 3], [0, 3], [1, 2], []]);
    const m = globalMoran([...x, 2], spatialWeights(withIsland, 'W'));
    expect(m.n).toBe(4);
    expect(m.regions).toBe(5);
    expect(m.I).toBeCloseTo(-2 / 3, 14);
    expect(m.expectation).toBeCloseTo(-1 / 3, 14);
    // A = 48; B = 2.5·16 = 40; Var = 8/96 − 1/9 < 0: spdep's formula, negative for such tiny n.
    expect(m.variance).toBeCloseTo(8 / 96 - 1 / 9, 14);
  });
});

describe('local Moran and Gi* (hand-computed)', () => {
  it('gives I_i = z_i/m2 · lag(z)_i with m2 = Σz²/n = 1.5', () => {
    const local = localMoran(x, spatialWeights(nb, 'W'), { permutations: 0 });
    expect(Array.from(local.localI)).toEqual([-4 / 3, -2 / 3, -2 / 3, 0].map((v) => expect.closeTo(v, 14)));
    expect(Array.from(local.lag)).toEqual([1, 3, 3, 1]);
    expect(Array.from(local.pseudoP).every(Number.isNaN)).toBe(true);
    expect(Array.from(local.quadrant)).toEqual([0, 0, 0, 0]);
  });

  it('gives Gi* z = (lag − x̄)/√(s²(n·S1 − 1)/(n − 1)) with self included, weights 1/3', () => {
    // s² = 6/4, S1_i = 3·(1/9) = 1/3, so the denominator is √(1.5·(4/3 − 1)/3) = √(1/6).
    // Lags with self: [(4+1+1)/3, (1+4+2)/3, (1+4+2)/3, (2+1+1)/3] = [2, 7/3, 7/3, 4/3].
    const z = getisOrdGiStar(x, nb, 'W');
    const root6 = Math.sqrt(6);
    expect(Array.from(z)).toEqual([0, root6 / 3, root6 / 3, (-2 * root6) / 3].map((v) => expect.closeTo(v, 13)));
  });

  it('gives an island the self-only Gi* z = (x_i − x̄)/s, as localG does', () => {
    const withIsland = neighbourListFromRows([[1, 2], [0, 3], [0, 3], [1, 2], []]);
    const values = [...x, 5];
    const mean = 13 / 5;
    const s = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / 5);
    expect(getisOrdGiStar(values, withIsland, 'W')[4]).toBeCloseTo((5 - mean) / s, 13);
    const local = localMoran(values, spatialWeights(withIsland, 'W'), { permutations: 99 });
    expect(local.lag[4]).toBe(0);
    expect(local.localI[4]).toBe(0);
    expect(local.pseudoP[4]).toBeNaN();
    expect(local.quadrant[4]).toBe(0);
  });

  it('uses binary weights when asked: Gi* with weights 1 equals the W result on a regular grid', () => {
    // Every row has 3 members with self, so B is W times 3 and the z-score is scale-free.
    const b = getisOrdGiStar(x, nb, 'B');
    const w = getisOrdGiStar(x, nb, 'W');
    b.forEach((v, i) => expect(v).toBeCloseTo(w[i], 13));
    // Moran's I is scale-free too, but S0 = 8 and the lag doubles.
    expect(weightsConstants(spatialWeights(nb, 'B'))).toEqual({ n: 4, S0: 8, S1: 16, S2: 64 });
    expect(globalMoran(x, spatialWeights(nb, 'B')).I).toBeCloseTo(-2 / 3, 14);
  });
});

describe('quadrants and significance', () => {
  it('classes a strong high cluster HH, a low cluster LL and leaves the rest ns', () => {
    // A 6×6 grid: a block of high values top-left, low values bottom-right, noise between.
    const grid = contiguityNeighbours(squareGrid(6, 6), 'queen');
    const values = Array.from({ length: 36 }, (_, i) => {
      const r = Math.floor(i / 6);
      const c = i % 6;
      if (r < 2 && c < 2) return 100;
      if (r > 3 && c > 3) return 0;
      return 50 + ((i * 7) % 5);
    });
    const result = analyseSpatial(values, grid, { permutations: 9999, seed: 3 });
    const label = (i: number) => ['ns', 'HH', 'LL', 'HL', 'LH'][result.local!.quadrant[i]];
    expect(label(0)).toBe('HH');
    expect(label(35)).toBe('LL');
    expect(result.local!.pseudoP[0]).toBeLessThan(0.05);
    expect(result.global.I).toBeGreaterThan(0.3);
    // Gi* agrees in sign: hot spot top-left, cold spot bottom-right.
    expect(result.giStarZ[0]).toBeGreaterThan(1.96);
    expect(result.giStarZ[35]).toBeLessThan(-1.96);
  });

  it('finds no cluster in a column without variance (I_i is 0/0, not an extreme value)', () => {
    const w = spatialWeights(contiguityNeighbours(squareGrid(4, 4), 'queen'), 'W');
    const result = localMoran(new Array(16).fill(7), w, { permutations: 99, seed: 1 });
    expect(Array.from(result.quadrant)).toEqual(new Array(16).fill(0));
    expect(Array.from(result.pseudoP).every(Number.isNaN)).toBe(true);
  });

  it('is reproducible from the seed and changes with it', () => {
    const grid = contiguityNeighbours(squareGrid(5, 5), 'queen');
    const values = Array.from({ length: 25 }, (_, i) => (i * 37) % 11);
    const w = spatialWeights(grid, 'W');
    const a = localMoran(values, w, { permutations: 199, seed: 42 }).pseudoP;
    const b = localMoran(values, w, { permutations: 199, seed: 42 }).pseudoP;
    const c = localMoran(values, w, { permutations: 199, seed: 43 }).pseudoP;
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });
});

describe('normal tail probabilities', () => {
  // Reference values: R 4.2, 2 * pnorm(z, lower.tail = FALSE).
  const cases: Array<[number, number]> = [
    [0.3, 0.76417715562209465],
    [1.96, 0.049995790296440856],
    [2.5, 0.01241933065155227],
    [8, 1.244192114854357e-15],
    [15, 7.3419323986255028e-51],
    [30, 9.8134278542963744e-198],
  ];
  it.each(cases)('two-sided p at z = %s matches R to 1e-12 relative', (z, p) => {
    expect(Math.abs(normalTwoSided(z) / p - 1)).toBeLessThan(1e-12);
    expect(Math.abs(normalTwoSided(-z) / p - 1)).toBeLessThan(1e-12);
    expect(Math.abs((2 * normalUpperTail(z)) / p - 1)).toBeLessThan(1e-12);
  });
  it('has erfc(0) = 1 and erfc(−x) = 2 − erfc(x)', () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(-1)).toBeCloseTo(2 - erfc(1), 15);
  });
});

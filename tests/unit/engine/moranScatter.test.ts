import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { moranScatter } from '../../../src/engine/moranScatter';
import { AnalysisEngine } from '../../../src/engine/analysisEngine';
import { globalMoran, neighbourListFromRows, spatialWeights } from '../../../src/indicators/spatial';
import type { EmploymentCube } from '../../../src/model/dataset';
import { squareGrid } from '../indicators/spatial/grid';

// A path of four regions 0–1–2–3 and an island 4, row-standardised by hand:
//   x = 1, 2, 3, 6, 8 → mean 4, sd = √((9+4+1+4+16)/5) = √6.8
//   z = (x − 4)/√6.8;  lag_0 = z_1, lag_1 = (z_0 + z_2)/2, lag_2 = (z_1 + z_3)/2, lag_3 = z_2, lag_4 = 0
const rows = [[1], [0, 2], [1, 3], [2], []];
const subset = { kept: Int32Array.from([0, 1, 2, 3, 4]), weights: spatialWeights(neighbourListFromRows(rows), 'W'), islands: 1 };

describe('the Moran scatterplot', () => {
  it('gives standardised values and lags as computed by hand', () => {
    const x = Float64Array.from([1, 2, 3, 6, 8]);
    const s = moranScatter(x, subset);
    const sd = Math.sqrt(6.8);
    const z = [-3, -2, -1, 2, 4].map((v) => v / sd);
    [...s.z].forEach((v, i) => expect(v).toBeCloseTo(z[i], 12));
    const lag = [z[1], (z[0] + z[2]) / 2, (z[1] + z[3]) / 2, z[2], 0];
    [...s.lag].forEach((v, i) => expect(v).toBeCloseTo(lag[i], 12));
    expect(s.islands).toBe(1);
  });

  it('has a regression slope equal to global Moran’s I, for any values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }).map((k) => k / 8), { minLength: 5, maxLength: 5 }), (values) => {
        const x = Float64Array.from(values);
        const s = moranScatter(x, subset);
        if (s.constant || new Set(values).size === 1) return;
        expect(s.slope).toBeCloseTo(globalMoran(x, subset.weights).I, 9);
        expect(s.slope).toBeCloseTo(s.moran!.I, 12);
      }),
    );
  });

  it('through the engine on a queen grid: slope = the I that the LISA map reports, regions without data left out', () => {
    const ids = Array.from({ length: 25 }, (_, i) => `g${i}`);
    const cube: EmploymentCube = {
      regions: ids.map((id) => ({ id, name: id })),
      categories: [{ id: 'a', name: 'A' }],
      years: [2020],
      employment: [Float64Array.from(ids, (_, i) => 10 + (i % 5) * 3 + Math.floor(i / 5))],
    };
    const engine = new AnalysisEngine(cube, { ids, geometries: squareGrid(5, 5) });
    const values = Float64Array.from(ids, (_, i) => (i === 12 ? NaN : (i % 5) + Math.floor(i / 5) * 2));
    const s = engine.scatter(values);
    expect(s.analysed).toBe(24);
    expect(s.z[12]).toBeNaN();
    const lisa = engine.spatial({ yearIndex: 0, rule: { kind: 'eco', cutShare: 0.1, lqThreshold: 2 }, categoryIndex: 0, indicator: 'employment', lisa: false, permutations: 0, seed: 1, alpha: 0.05 });
    const viaSpatial = engine.scatter(lisa.values);
    expect(viaSpatial.slope).toBeCloseTo(lisa.moran!.I, 12);
    expect(s.slope).toBeCloseTo(s.moran!.I, 12);
    expect(() => engine.scatter(new Float64Array(3))).toThrow('3 values for 25 regions');
  });

  it('says so when the values are all equal', () => {
    expect(moranScatter(Float64Array.from([2, 2, 2, 2, 2]), subset).constant).toBe(true);
  });
});

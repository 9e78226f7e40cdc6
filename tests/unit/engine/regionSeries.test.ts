import { describe, expect, it } from 'vitest';
import { AnalysisEngine } from '../../../src/engine/analysisEngine';
import { DEFAULT_RULE, type EmploymentCube } from '../../../src/model/dataset';

// Two regions × two categories × three years, by hand (no benchmark: totals are the regions' sums).
//   2010: A x 10, y 30 · B x 10, y 50   E(x) 20, E(y) 80, E 100
//         LQ(A,x) = (10/40)/(20/100) = 1.25        LQ(A,y) = (30/40)/(80/100) = 0.9375
//   2012: A x —(not reported), y 30 · B x 10, y 50
//   2014: A x 40, y 20 · B x 10, y 30   E(x) 50, E(y) 50, E 100
//         LQ(A,x) = (40/60)/(50/100) = 4/3         LQ(A,y) = (20/60)/(50/100) = 2/3
//   CAGR 2010→2014: A,x = (40/10)^(1/4) − 1 = √2 − 1;  A,y = (20/30)^(1/4) − 1
//   CAGR 2012→2014: A,x has no rate (not reported in 2012)
const cube: EmploymentCube = {
  regions: [{ id: 'A', name: 'Alpha' }, { id: 'B', name: 'Beta' }],
  categories: [{ id: 'x', name: 'Ex' }, { id: 'y', name: 'Why' }],
  years: [2010, 2012, 2014],
  employment: [Float64Array.from([10, 30, 10, 50]), Float64Array.from([NaN, 30, 10, 50]), Float64Array.from([40, 20, 10, 30])],
};

describe('a region’s categories across years (dashboard request)', () => {
  const engine = new AnalysisEngine(cube);

  it('gives employment, LQ and growth equal to the hand computation, year-major', () => {
    const [a] = engine.series({ regionIndices: [0], rule: DEFAULT_RULE, fromYearIndex: 0, toYearIndex: 2 });
    expect(a.regionIndex).toBe(0);
    expect(a.years).toEqual([2010, 2012, 2014]);
    expect(a.employment).toBeInstanceOf(Float64Array);
    expect([...a.employment]).toEqual([10, 30, NaN, 30, 40, 20]);
    const lq = [...a.lq];
    expect(lq[0]).toBeCloseTo(1.25, 12);
    expect(lq[1]).toBeCloseTo(0.9375, 12);
    expect(lq[2]).toBeNaN();
    expect(lq[4]).toBeCloseTo(4 / 3, 12);
    expect(lq[5]).toBeCloseTo(2 / 3, 12);
    expect(a.growth[0]).toBeCloseTo(Math.SQRT2 - 1, 12);
    expect(a.growth[1]).toBeCloseTo(Math.pow(20 / 30, 1 / 4) - 1, 12);
    expect(a.stars).toBeInstanceOf(Uint8Array);
  });

  it('has no growth rate from a year without a value; compares several regions in the order asked', () => {
    const [b, a] = engine.series({ regionIndices: [1, 0], rule: DEFAULT_RULE, fromYearIndex: 1, toYearIndex: 2 });
    expect(b.regionIndex).toBe(1);
    expect(a.growth[0]).toBeNaN();
    expect(b.growth[0]).toBe(0);
    expect(b.growth[1]).toBeCloseTo(Math.sqrt(30 / 50) - 1, 12);
  });

  it('refuses more than four regions, unknown regions and years', () => {
    expect(() => engine.series({ regionIndices: [0, 1, 0, 1, 0], rule: DEFAULT_RULE, fromYearIndex: 0, toYearIndex: 2 })).toThrow('at most 4');
    expect(() => engine.series({ regionIndices: [2], rule: DEFAULT_RULE, fromYearIndex: 0, toYearIndex: 2 })).toThrow('no region at index 2');
    expect(() => engine.series({ regionIndices: [0], rule: DEFAULT_RULE, fromYearIndex: 0, toYearIndex: 3 })).toThrow('no year at index 3');
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyValues, type ClassifyOptions } from '../../../src/map/classify';
import { breaksHeld, needsPooled } from '../../../src/map/modes';
import { pooledSorted } from '../../../src/engine/pooledValues';
import { AnalysisEngine } from '../../../src/engine/analysisEngine';
import { DEFAULT_RULE, type EmploymentCube } from '../../../src/model/dataset';

const fmt = (v: number) => String(Math.round(v * 1000) / 1000);
const opts = (o: Partial<ClassifyOptions>): ClassifyOptions => ({ method: 'quantile', classes: 4, palette: 'Blues', format: fmt, ...o });
const f64 = (...v: number[]) => Float64Array.from(v);

describe('breaks held across years', () => {
  // Two years of four regions: 2010 holds 1–4, 2011 holds 5–8 (one not reported).
  const y2010 = f64(1, 2, 3, 4);
  const y2011 = f64(5, NaN, 7, 8, 6);
  const pooled = pooledSorted([y2010, y2011]);

  it('pools the finite values of every year, ascending', () => {
    expect([...pooled]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('quantiles of the pooled values, by hand: breaks at the 3rd, 5th and 7th of the eight values', () => {
    const a = classifyValues(y2010, opts({ pooled }));
    const b = classifyValues(y2011, opts({ pooled }));
    expect(a.breaks).toEqual([3, 5, 7]);
    expect(b.breaks).toEqual([3, 5, 7]);
    // The same labels, ends included (the pooled minimum and maximum), in both years.
    expect(a.labels).toEqual(['1 – 3', '3 – 5', '5 – 7', '7 – 8']);
    expect(b.labels).toEqual(a.labels);
    expect(b.colours).toEqual(a.colours);
    // Counts are the shown year's: 1, 2 | 3, 4 | — | — and — | — | 5, 6 | 7, 8; the unreported value is no data.
    expect(a.counts).toEqual([2, 2, 0, 0]);
    expect(b.counts).toEqual([0, 0, 2, 2]);
    expect(b.noData).toBe(1);
    // A value means one colour whichever year it is drawn in.
    for (const v of [1, 3.5, 5, 6.9, 8]) expect(a.colours[a.classOf(v)]).toBe(b.colours[b.classOf(v)]);
  });

  it('equal interval over the pooled range, by hand: steps of (8 − 1) / 4', () => {
    expect(classifyValues(y2010, opts({ method: 'equal', pooled })).breaks).toEqual([2.75, 4.5, 6.25]);
  });

  it('per-year classing is unchanged: each year its own quantiles', () => {
    expect(classifyValues(y2010, opts({})).breaks).toEqual([2, 3, 4]);
    expect(classifyValues(y2011, opts({})).breaks).toEqual([6, 7, 8]);
  });

  it('equals the classification of all years’ values taken together, for every method', () => {
    const value = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant(NaN), fc.double({ min: -100, max: 100, noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(fc.array(value, { minLength: 1, maxLength: 30 }), { minLength: 2, maxLength: 4 }),
        fc.constantFrom('quantile' as const, 'equal' as const, 'ckmeans' as const),
        fc.integer({ min: 2, max: 9 }),
        fc.boolean(),
        (years, method, classes, centred) => {
          const columns = years.map((y) => Float64Array.from(y));
          const all = Float64Array.from(years.flat());
          const o = opts({ method, classes, centre: centred ? 0 : undefined, palette: centred ? 'RdBu' : 'Blues' });
          const together = classifyValues(all, o);
          const p = pooledSorted(columns);
          for (const column of columns) {
            const held = classifyValues(column, { ...o, pooled: p });
            expect(held.breaks).toEqual(together.breaks);
            expect(held.labels).toEqual(together.labels);
            expect(held.colours).toEqual(together.colours);
          }
        },
      ),
    );
  });

  it('is held while playing unless the user chose, and always when asked', () => {
    expect(breaksHeld(undefined, true)).toBe(true);
    expect(breaksHeld(undefined, false)).toBe(false);
    expect(breaksHeld('all', false)).toBe(true);
    expect(breaksHeld('year', true)).toBe(false);
    // Fixed LQ classes and manual thresholds are the same in every year without pooling.
    expect(needsPooled({ method: 'auto', classes: 5, palette: 'RdBu' }, 'lq')).toBe(false);
    expect(needsPooled({ method: 'manual', classes: 5, palette: 'Blues', thresholds: [1] }, 'employment')).toBe(false);
    expect(needsPooled({ method: 'auto', classes: 5, palette: 'Blues' }, 'employment')).toBe(true);
  });
});

describe('the engine’s pooled values', () => {
  // Two regions × two categories × three years (as tests/unit/engine/regionSeries.test.ts):
  //   LQ(·, x): 2010 A (10/40)/(20/100) = 1.25, B (10/60)/(20/100) = 5/6
  //             2012 A not reported, B (10/60)/(10/90) = 1.5
  //             2014 A (40/60)/(50/100) = 4/3, B (10/40)/(50/100) = 0.5
  const cube: EmploymentCube = {
    regions: [{ id: 'A', name: 'Alpha' }, { id: 'B', name: 'Beta' }],
    categories: [{ id: 'x', name: 'Ex' }, { id: 'y', name: 'Why' }],
    years: [2010, 2012, 2014],
    employment: [f64(10, 30, 10, 50), f64(NaN, 30, 10, 50), f64(40, 20, 10, 30)],
  };
  const engine = new AnalysisEngine(cube);

  it('gives every year’s LQ of the category, sorted, without the unreported cell', () => {
    const { sorted, fromYear, toYear } = engine.pooled({ rule: DEFAULT_RULE, categoryIndex: 0, indicator: 'lq' });
    const expected = [0.5, 5 / 6, 1.25, 4 / 3, 1.5];
    expect(sorted.length).toBe(expected.length);
    expected.forEach((v, i) => expect(sorted[i]).toBeCloseTo(v, 12));
    expect([fromYear, toYear]).toEqual([2010, 2014]);
  });

  it('gives employment as reported', () => {
    expect([...engine.pooled({ rule: DEFAULT_RULE, categoryIndex: 1, indicator: 'employment' }).sorted]).toEqual([20, 30, 30, 30, 50, 50]);
    expect(() => engine.pooled({ rule: DEFAULT_RULE, categoryIndex: 2, indicator: 'lq' })).toThrow(/no category/);
  });
});

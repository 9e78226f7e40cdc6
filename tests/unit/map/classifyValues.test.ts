import { describe, expect, it } from 'vitest';
import { schemeBlues, schemeRdBu } from 'd3-scale-chromatic';
import fc from 'fast-check';
import { categoricalClasses, classifyValues, resolvePalette, schemeColours, type ClassifyOptions } from '../../../src/map/classify';
import { greyRegionCount } from '../../../src/map/legend';

const fmt = (v: number) => String(Math.round(v * 1000) / 1000);
const opts = (o: Partial<ClassifyOptions>): ClassifyOptions => ({ method: 'quantile', classes: 5, palette: 'Blues', format: fmt, ...o });
const f64 = (...v: number[]) => Float64Array.from(v);
/** Which class each value lands in. */
const classesOf = (c: ReturnType<typeof classifyValues>, values: number[]) => values.map((v) => c.classOf(v));
const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);

describe('classifyValues: methods', () => {
  it('equal interval splits the range into equal steps', () => {
    const values = f64(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    const c = classifyValues(values, opts({ method: 'equal', classes: 5 }));
    expect(c.breaks).toEqual([2, 4, 6, 8]);
    // [0,2) [2,4) [4,6) [6,8) [8,10]
    expect(c.counts).toEqual([2, 2, 2, 2, 3]);
    expect(c.labels).toEqual(['0 – 2', '2 – 4', '4 – 6', '6 – 8', '8 – 10']);
    expect(c.colours).toEqual([...schemeBlues[5]]);
  });

  it('quantile classes hold equal numbers where the values allow', () => {
    const values = f64(...Array.from({ length: 20 }, (_, i) => i + 1));
    const c = classifyValues(values, opts({ method: 'quantile', classes: 4 }));
    expect(c.counts).toEqual([5, 5, 5, 5]);
  });

  it('natural breaks (ckmeans) find well-separated groups', () => {
    const values = f64(1, 1.1, 1.2, 5, 5.1, 10, 10.2, 10.4);
    const c = classifyValues(values, opts({ method: 'ckmeans', classes: 3 }));
    expect(c.breaks).toEqual([5, 10]);
    expect(c.counts).toEqual([3, 2, 3]);
  });

  it('manual thresholds are sorted, deduplicated and open-ended; empty classes stay', () => {
    const values = f64(0.5, 1, 2, 2.5, 10);
    const c = classifyValues(values, opts({ method: 'manual', thresholds: [3, 1, 1, NaN, 100] }));
    expect(c.breaks).toEqual([1, 3, 100]);
    expect(c.labels).toEqual(['< 1', '1 – 3', '3 – 100', '≥ 100']);
    expect(c.counts).toEqual([1, 3, 1, 0]);
  });

  it('keeps the number of classes between 2 and 9', () => {
    const values = f64(...Array.from({ length: 50 }, (_, i) => i));
    expect(classifyValues(values, opts({ method: 'equal', classes: 40 })).colours).toHaveLength(9);
    expect(classifyValues(values, opts({ method: 'equal', classes: 1 })).colours).toHaveLength(2);
  });
});

describe('classifyValues: small n, ties, equal values, no data', () => {
  it('gives a single value one class, whatever the method', () => {
    for (const method of ['quantile', 'equal', 'ckmeans'] as const) {
      const c = classifyValues(f64(7, NaN), opts({ method }));
      expect(c.counts, method).toEqual([1]);
      expect(c.noData).toBe(1);
      expect(c.labels).toEqual(['7']);
    }
  });

  it('never makes more classes than distinct values, nor empty quantile or ckmeans classes', () => {
    for (const method of ['quantile', 'equal', 'ckmeans'] as const) {
      const c = classifyValues(f64(1, 2, 2, 1), opts({ method, classes: 5 }));
      expect(c.counts, method).toEqual([2, 2]);
    }
    for (const method of ['quantile', 'ckmeans'] as const) {
      const values = f64(0, 0, 1, 1, 1, 1, 2, 3, 50, 50, 51);
      const c = classifyValues(values, opts({ method, classes: 7 }));
      expect(c.counts.every((n) => n > 0), method).toBe(true);
      expect(c.counts.length).toBeLessThanOrEqual(6);
      expect(sum(c.counts)).toBe(values.length);
    }
  });

  it('collapses tied quantiles (many zeros) instead of leaving empty classes', () => {
    const values = f64(0, 0, 0, 0, 0, 0, 10, 20, 30, 40);
    const c = classifyValues(values, opts({ classes: 5 }));
    expect(c.counts.every((n) => n > 0)).toBe(true);
    expect(sum(c.counts)).toBe(10);
    expect(c.classOf(0)).toBe(0);
    expect(c.counts[0]).toBe(6);
  });

  it('puts all-equal values in one class for every method', () => {
    for (const method of ['quantile', 'equal', 'ckmeans'] as const) {
      const c = classifyValues(f64(5, 5, 5), opts({ method }));
      expect(c.counts, method).toEqual([3]);
      expect(c.labels).toEqual(['5']);
    }
  });

  it('counts NaN as no data and an empty column as one empty class', () => {
    const c = classifyValues(f64(NaN, NaN), opts({}));
    expect(c.noData).toBe(2);
    expect(c.counts).toEqual([0]);
    expect(c.labels).toEqual(['—']);
  });
});

describe('classifyValues: diverging palettes centred at LQ = 1 and at zero change', () => {
  it('puts a boundary at the centre, a neutral class for values exactly there, and symmetric colours', () => {
    const values = f64(0.2, 0.5, 0.9, 1, 1.5, 3, 6, NaN);
    const c = classifyValues(values, opts({ method: 'equal', classes: 3, palette: 'RdBu', centre: 1 }));
    // Equal steps of (6 − 0.2)/3 give 2.133 and 4.067; 1 is added.
    expect(c.breaks.map((b) => Math.round(b * 1000) / 1000)).toEqual([1, 2.133, 4.067]);
    // Classes: [0.2,1) · {1} · [1,2.13) · [2.13,4.07) · [4.07,6]
    expect(c.labels).toEqual(['0.2 – 1', '1', '1 – 2.133', '2.133 – 4.067', '4.067 – 6']);
    expect(c.counts).toEqual([3, 1, 1, 1, 1]);
    expect(c.noData).toBe(1);
    expect(classesOf(c, [0.9, 1, 1.0001])).toEqual([0, 1, 2]);
    // One class below and three above: a 7-colour scheme, blue below, neutral middle, reds above,
    // the classes next to the centre equally light on both sides.
    const scheme = [...schemeRdBu[7]].reverse();
    expect(c.colours).toEqual([scheme[2], scheme[3], scheme[4], scheme[5], scheme[6]]);
    expect(scheme[3]).toBe('#f7f7f7');
  });

  it('centres change at zero even when the method would straddle it', () => {
    const values = f64(-30, -10, -1, 2, 5, 40, 80);
    const c = classifyValues(values, opts({ method: 'quantile', classes: 3, palette: 'PuOr', centre: 0 }));
    expect(c.breaks).toContain(0);
    const below = values.filter((v) => v < 0).map((v) => c.classOf(v));
    const above = values.filter((v) => v > 0).map((v) => c.classOf(v));
    expect(Math.max(...below)).toBeLessThan(Math.min(...above));
    // No neutral class: no value is exactly 0.
    expect(c.labels.includes('0')).toBe(false);
    const scheme = schemeColours('PuOr', 2 * Math.max(1 + Math.max(...below), c.colours.length - 1 - Math.max(...below)) + 1);
    const middle = (scheme.length - 1) / 2;
    // The class just below zero and the one just above are mirror positions around the middle.
    expect(scheme.indexOf(c.colours[Math.max(...below)])).toBe(middle - 1);
    expect(scheme.indexOf(c.colours[Math.min(...above)])).toBe(middle + 1);
  });

  it('uses only the upper side when every value is above the centre', () => {
    const c = classifyValues(f64(1.5, 2, 3, 4), opts({ method: 'equal', classes: 2, palette: 'RdBu', centre: 1 }));
    expect(c.breaks).toEqual([2.75]);
    const scheme = schemeColours('RdBu', 5);
    expect(c.colours).toEqual([scheme[3], scheme[4]]);
  });

  it('picks a diverging palette for centred values and a sequential one otherwise', () => {
    expect(resolvePalette('Blues', true)).toBe('RdBu');
    expect(resolvePalette('PuOr', true)).toBe('PuOr');
    expect(resolvePalette('PuOr', false)).toBe('Blues');
    expect(resolvePalette('Greens', false)).toBe('Greens');
    expect(() => schemeColours('Nonsense', 3)).toThrow(/unknown palette/);
  });
});

describe('categoricalClasses', () => {
  it('counts codes and treats out-of-range codes and NaN as no data', () => {
    const c = categoricalClasses(f64(0, 1, 1, 2, 7, NaN), [
      { label: 'a', colour: '#000' },
      { label: 'b', colour: '#111' },
      { label: 'c', colour: '#222' },
    ]);
    expect(c.counts).toEqual([1, 2, 1]);
    expect(c.noData).toBe(2);
  });
});

describe('classifyValues: the neutral class never leaves an empty class beside it', () => {
  it('merges the class above the centre upwards when only centre values would have filled it', () => {
    // Many zeros: quantile breaks at 0 and 1 would leave [0, 1) empty once the zeros are neutral.
    const values = f64(-9, -5, -2, 0, 0, 0, 0, 0, 0, 1, 4, 8, 20);
    const c = classifyValues(values, opts({ method: 'quantile', classes: 5, palette: 'RdBu', centre: 0 }));
    expect(c.counts.every((n) => n > 0)).toBe(true);
    expect(c.counts[c.labels.indexOf('0')]).toBe(6);
    expect(sum(c.counts)).toBe(values.length);
  });

  it('puts every class below the centre when no value is above it', () => {
    const values = f64(-8, -4, -1, 0, 0);
    const c = classifyValues(values, opts({ method: 'equal', classes: 2, palette: 'RdBu', centre: 0 }));
    expect(c.labels[c.labels.length - 1]).toBe('0');
    expect(c.counts.every((n) => n > 0)).toBe(true);
    const scheme = schemeColours('RdBu', 2 * (c.colours.length - 1) + 1);
    const middle = (scheme.length - 1) / 2;
    // Below-centre colours, then the neutral one last.
    expect(c.colours.map((colour) => scheme.indexOf(colour))).toEqual([middle - 2, middle - 1, middle]);
  });

  it('puts every class above the centre when no value is below it', () => {
    const values = f64(0, 0, 0, 3, 5, 9);
    const c = classifyValues(values, opts({ method: 'quantile', classes: 3, palette: 'RdBu', centre: 0 }));
    expect(c.labels[0]).toBe('0');
    expect(c.counts.every((n) => n > 0)).toBe(true);
    const scheme = schemeColours('RdBu', 2 * (c.colours.length - 1) + 1);
    const middle = (scheme.length - 1) / 2;
    expect(scheme.indexOf(c.colours[0])).toBe(middle);
    expect(c.colours.slice(1).map((colour) => scheme.indexOf(colour))).toEqual(c.colours.slice(1).map((_, i) => middle + 1 + i));
  });
});

describe('classifyValues: classes whose two ends read the same, and fewer classes than asked', () => {
  const two = (v: number) => v.toFixed(2);

  it('never shows a class such as "1.00 – 1.00": it merges into its neighbour', () => {
    // Quantile breaks at 0.996, 1.001 and 1.004 all read "1.00" with two decimals.
    const values = f64(0.5, 0.6, 0.996, 0.997, 1.001, 1.002, 1.004, 1.005, 1.5, 1.6);
    const c = classifyValues(values, { method: 'quantile', classes: 5, palette: 'Blues', format: two });
    for (const label of c.labels) {
      const [lo, hi] = label.split(' – ');
      if (hi !== undefined) expect(lo).not.toBe(hi);
    }
    expect(c.labels).toEqual(['0.50 – 1.00', '1.00 – 1.50', '1.50 – 1.60']);
    expect(sum(c.counts)).toBe(10);
    expect(c.fewer).toEqual({ asked: 5, distinct: 10 });
  });

  it('says why there are fewer classes: ties (1,883 zeros of 3,142) or few distinct values', () => {
    const zeros = f64(...new Array(1883).fill(0), ...Array.from({ length: 1259 }, (_, i) => i + 1));
    const c = classifyValues(zeros, opts({ method: 'quantile', classes: 5 }));
    // Quantile breaks are the values at ranks 628, 1256, 1885, 2513: 0, 0, 3, 631 → classes [0,3) [3,631) [631,1259].
    expect(c.breaks).toEqual([3, 631]);
    expect(c.counts).toEqual([1885, 628, 629]);
    expect(c.fewer).toEqual({ asked: 5, distinct: 1260 });
    const few = classifyValues(f64(1, 2, 2, 3), opts({ method: 'equal', classes: 5 }));
    expect(few.fewer).toEqual({ asked: 5, distinct: 3 });
    expect(classifyValues(f64(1, 2, 3, 4, 5, 6), opts({ method: 'equal', classes: 3 })).fewer).toBeUndefined();
    // Manual thresholds are the user's: never "fewer".
    expect(classifyValues(f64(1, 1, 1), opts({ method: 'manual', thresholds: [5, 10] })).fewer).toBeUndefined();
  });

  it('keeps the centre of a diverging scale and drops a break that reads the same as it', () => {
    const values = f64(0.5, 0.7, 0.9, 0.998, 1.003, 1.2, 1.6, 2.4);
    const c = classifyValues(values, { method: 'quantile', classes: 4, palette: 'RdBu', centre: 1, format: two });
    expect(c.breaks).toContain(1);
    for (const label of c.labels) {
      const [lo, hi] = label.split(' – ');
      if (hi !== undefined) expect(lo).not.toBe(hi);
    }
    expect(sum(c.counts)).toBe(values.length);
  });

  it('property: no label with equal ends and every value counted, whatever the values and method', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom('quantile', 'equal', 'ckmeans'),
        fc.integer({ min: 2, max: 9 }),
        fc.boolean(),
        (list, method, k, centred) => {
          const c = classifyValues(Float64Array.from(list), { method: method as 'quantile', classes: k, palette: centred ? 'RdBu' : 'Blues', centre: centred ? 1 : undefined, format: two });
          for (const label of c.labels) {
            const [lo, hi] = label.split(' – ');
            if (hi !== undefined) expect(lo).not.toBe(hi);
          }
          expect(sum(c.counts)).toBe(list.length);
        },
      ),
    );
  });
});

describe('the legend counts as "no data" every grey region', () => {
  it('adds map features without data rows and leaves out data regions not on the map', () => {
    const values = f64(1, NaN, NaN, 2, NaN);
    const ids = ['a', 'b', 'c', 'd', 'e'];
    // b and e have no value and are on the map; c has no value but no feature (not drawn); 58 features have no row.
    expect(greyRegionCount(values, ids, new Set(['c']), 58)).toBe(60);
    expect(greyRegionCount(values, ids, new Set(), 0)).toBe(3);
  });
});

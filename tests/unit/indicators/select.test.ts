import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantile } from 'd3-array';
import { FILTER_FROM, OrderStatistics, kthLargest, quantileType7, selectKth } from '../../../src/indicators/select';

const values = fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), {
  minLength: 1,
  maxLength: 2000,
});

describe('selectKth', () => {
  it('returns the k-th smallest and partitions around it', () => {
    fc.assert(
      fc.property(values, fc.nat(), (xs, seed) => {
        const k = seed % xs.length;
        const a = Float64Array.from(xs);
        const v = selectKth(a, a.length, k);
        // A typed array sorts −0 before +0 (a total order), so the multisets compare exactly; the
        // k-th value compares as a number, since −0 and +0 are one value to a rank (Object.is told
        // them apart and failed whenever fast-check drew both).
        const sorted = [...Float64Array.from(xs).sort()];
        expect(v === sorted[k], `${v} is the ${k}-th smallest (${sorted[k]})`).toBe(true);
        for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(v);
        for (let i = k + 1; i < a.length; i++) expect(a[i]).toBeGreaterThanOrEqual(v);
        expect([...Float64Array.from(a).sort()]).toEqual(sorted);
      }),
      // Both zeros drawn: the case that made this test fail now and then.
      { examples: [[[0, -0, 3], 0], [[-0, 0, 0, -0], 2]] },
    );
  });

  it('works on a prefix of a larger scratch buffer and rejects a rank outside it', () => {
    const a = Float64Array.of(5, 1, 4, 2, 3, -100, -200);
    expect(kthLargest(a, 5, 1)).toBe(5);
    expect(kthLargest(a, 5, 5)).toBe(1);
    expect(() => selectKth(a, 5, 5)).toThrow(RangeError);
  });

  it('handles long runs of ties (integer employment, establishments)', () => {
    const a = new Float64Array(100_000).map((_, i) => i % 3);
    expect(selectKth(a, a.length, 33_333)).toBe(0);
    expect(selectKth(a, a.length, 33_334)).toBe(1);
    expect(kthLargest(a, a.length, 1)).toBe(2);
  });
});

describe('type-7 quantiles', () => {
  it('equal d3-array quantile for any probability', () => {
    fc.assert(
      fc.property(values, fc.double({ min: 0, max: 1, noNaN: true }), (xs, p) => {
        expect(quantileType7(Float64Array.from(xs), xs.length, p)).toBe(quantile(xs, p));
      }),
    );
  });

  it('stay equal to d3 when several are taken from one buffer in any order', () => {
    fc.assert(
      fc.property(values, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }), (xs, ps) => {
        const stats = new OrderStatistics(Float64Array.from(xs), xs.length);
        for (const p of ps) expect(stats.quantile(p)).toBe(quantile(xs, p));
      }),
    );
  });

  it('interpolate by hand-computed examples', () => {
    // R: quantile(c(10, 20, 30, 40, 50), c(.25, .9)) = 20, 46
    const stats = new OrderStatistics(Float64Array.of(50, 10, 40, 20, 30), 5);
    expect(stats.quantile(0.9)).toBeCloseTo(46, 12);
    expect(stats.quantile(0.25)).toBe(20);
    expect(quantileType7(new Float64Array(0), 0, 0.5)).toBeNaN();
    expect(quantileType7(Float64Array.of(7), 1, 0.9)).toBe(7);
  });

  it('kthLargest: k = 0 admits nobody, k beyond n is the minimum, no values is NaN', () => {
    expect(new OrderStatistics(Float64Array.of(1, 2), 2).kthLargest(0)).toBe(Infinity);
    expect(new OrderStatistics(Float64Array.of(1, 2), 2).kthLargest(9)).toBe(1);
    expect(new OrderStatistics(new Float64Array(4), 0).kthLargest(1)).toBeNaN();
  });
});

describe('order statistics of long buffers (bracketed by a sample, then selected)', () => {
  // Shapes that could fool a sample or a partition: sorted, reversed, periodic, a few distinct
  // values, one huge run of ties.
  const shaped = (min: number, max: number) =>
    fc
      .record({ n: fc.integer({ min, max }), seed: fc.integer(), shape: fc.constantFrom('random', 'sorted', 'reversed', 'periodic', 'fewDistinct', 'mostlyTies') })
      .map(({ n, seed, shape }) => {
        let s = seed >>> 0 || 1;
        const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
        const xs = Array.from({ length: n }, (_, i) => {
          switch (shape) {
            case 'periodic':
              return i % 7;
            case 'fewDistinct':
              return [1, 2, 2, 9][Math.floor(next() * 4)];
            case 'mostlyTies':
              return next() < 0.97 ? 3 : next() * 10;
            default:
              return Math.round(next() * 1e6) / 100;
          }
        });
        if (shape === 'sorted') xs.sort((a, b) => a - b);
        if (shape === 'reversed') xs.sort((a, b) => b - a);
        return xs;
      });
  // Long enough for the sampled path.
  const long = shaped(FILTER_FROM, 2 * FILTER_FROM);

  it('selection in place is exact on buffers of the thresholds\' brackets (a few thousand values, ties, sorted, periodic)', () => {
    fc.assert(
      fc.property(shaped(601, 8000), fc.double({ min: 0, max: 1, noNaN: true }), (xs, p) => {
        const a = Float64Array.from(xs);
        const k = Math.min(xs.length - 1, Math.floor(p * xs.length));
        const v = selectKth(a, a.length, k);
        expect(v).toBe([...xs].sort((x, y) => x - y)[k]);
        for (let i = 0; i < k; i++) if (!(a[i] <= v)) expect.fail(`a[${i}] = ${a[i]} > the ${k}-th smallest ${v}`);
        for (let i = k + 1; i < a.length; i++) if (!(a[i] >= v)) expect.fail(`a[${i}] = ${a[i]} < the ${k}-th smallest ${v}`);
      }),
      { numRuns: 60 },
    );
  });

  it('quantiles and k-th largest equal d3 and a full sort, and leave the buffer as it was', () => {
    fc.assert(
      fc.property(long, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }), (xs, ps) => {
        const a = Float64Array.from(xs);
        const stats = new OrderStatistics(a, a.length);
        const desc = [...xs].sort((x, y) => y - x);
        for (const p of ps) {
          expect(stats.quantile(p)).toBe(quantile(xs, p));
          const k = Math.max(1, Math.ceil(p * xs.length));
          expect(stats.kthLargest(k)).toBe(desc[k - 1]);
        }
        expect([...a]).toEqual(xs);
      }),
      { numRuns: 40 },
    );
  });
});

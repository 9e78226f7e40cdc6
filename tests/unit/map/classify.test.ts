import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/map/classify';

const fmt = (v: number) => String(Math.round(v * 100) / 100);

describe('classify', () => {
  it('puts LQ in the fixed classes 0.5, 0.8, 1.25, 2, 3 (log-symmetric around 1) and counts no-data apart', () => {
    const values = Float64Array.of(0.1, 0.4, 0.6, 1, 0.8, 1.3, 2, 3.5, 3, NaN);
    const c = classify('lq', values, fmt);
    expect(c.colours).toHaveLength(6);
    expect([...values].filter((v) => !Number.isNaN(v)).map((v) => c.classOf(v))).toEqual([0, 0, 1, 2, 2, 3, 4, 5, 5]);
    expect(c.counts).toEqual([2, 1, 2, 1, 1, 2]);
    expect(c.noData).toBe(1);
    expect(c.labels).toEqual(['< 0.5', '0.5 – 0.8', '0.8 – 1.25', '1.25 – 2', '2 – 3', '≥ 3']);
    // The band around 1 has the diverging palette's neutral middle (RdBu of 7, flipped: index 3).
    expect(c.colours[2].toLowerCase()).toBe('#f7f7f7');
  });

  it('gives stars four categorical classes', () => {
    const c = classify('stars', Float64Array.of(0, 0, 1, 3, NaN), fmt);
    expect(c.labels).toEqual(['no star', '★', '★★', '★★★']);
    expect(c.counts).toEqual([2, 1, 0, 1]);
    expect(c.noData).toBe(1);
  });

  it('uses quantile classes that collapse on ties instead of leaving empty classes', () => {
    const c = classify('employment', Float64Array.from([0, 0, 0, 0, 0, 0, 10, 20, 30, 40]), fmt);
    expect(c.counts.every((n) => n > 0)).toBe(true);
    expect(c.counts.reduce((a, b) => a + b, 0)).toBe(10);
    expect(c.classOf(0)).toBe(0);
    expect(c.classOf(40)).toBe(c.colours.length - 1);
  });

  it('handles all-equal values and an empty column', () => {
    const same = classify('employment', Float64Array.of(5, 5, 5), fmt);
    expect(same.colours).toHaveLength(1);
    expect(same.counts).toEqual([3]);
    expect(same.labels).toEqual(['5']);
    const empty = classify('focus', Float64Array.of(NaN, NaN), fmt);
    expect(empty.noData).toBe(2);
    expect(empty.counts).toEqual([0]);
  });
});

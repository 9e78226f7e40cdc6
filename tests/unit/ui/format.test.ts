import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { digitsToTellSide, makeFormats, ruleLqThresholds } from '../../../src/ui/format';

describe('LQ digits that tell the side of a threshold', () => {
  it('shows 1.996 as 1.996, not 2.00, when the threshold is 2', () => {
    expect(makeFormats('en', [2]).lq(1.996)).toBe('1.996');
    expect(makeFormats('en', [2]).lq(1.9999)).toBe('1.9999');
    expect(makeFormats('ru', [2]).lq(1.996)).toBe('1,996');
  });

  it('keeps two digits where they already tell (at, above or far from the threshold)', () => {
    const f = makeFormats('en', [2]);
    expect(f.lq(2)).toBe('2.00');
    expect(f.lq(2.004)).toBe('2.00');
    expect(f.lq(1.994)).toBe('1.99');
    expect(f.lq(0.5)).toBe('0.50');
    expect(makeFormats('en').lq(1.996)).toBe('2.00');
  });

  it('handles a threshold of 1 (U.S. Cluster Mapping) and stops at six digits', () => {
    expect(makeFormats('en', ruleLqThresholds({ kind: 'cmp', cutShare: 0.1, lqThreshold: 2 })).lq(0.9996)).toBe('0.9996');
    expect(digitsToTellSide(2 - 1e-12, [2])).toBe(6);
    expect(digitsToTellSide(Number.NaN, [2])).toBe(2);
    expect(ruleLqThresholds({ kind: 'paper', cutShare: 0.1, lqThreshold: 2 })).toEqual([]);
    expect(ruleLqThresholds({ kind: 'eco', cutShare: 0.1, lqThreshold: 1.5 })).toEqual([1.5]);
  });

  it('the shown number is never on the other side of, or on, a threshold the value does not reach', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), fc.constantFrom(1, 1.25, 2, 3), (value, threshold) => {
        const shown = Number(makeFormats('en', [threshold]).lq(value).replace(/,/g, ''));
        if (value - threshold < -1e-6 || value >= threshold) expect(shown >= threshold).toBe(value >= threshold);
      }),
    );
  });
});

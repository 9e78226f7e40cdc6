/**
 * A threshold's bracket from a sample (thresholds.ts `bracket`): a wrong bracket never gives a wrong
 * threshold (a miss falls back to a gathered column), so the fast-path tests cannot see one; here
 * its two values are checked against the sorted sample, rank for rank.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bracket } from '../../../src/indicators/thresholds';

/** The bracket as its definition reads, from the sorted sample. */
function reference(xs: number[], q: number, sd: number): [number, number, number] {
  const m = xs.length;
  if (m === 0) return [-Infinity, Infinity, 1];
  const sorted = [...xs].sort((a, b) => a - b);
  const at = q * m;
  const spread = sd * Math.sqrt(m * q * (1 - q)) + (sd > 0 ? 2 : 0);
  const loRank = Math.min(m - 1, Math.floor(at - spread));
  const hiRank = Math.ceil(at + 1 + spread);
  return [
    loRank <= 0 ? -Infinity : sorted[loRank],
    hiRank >= m - 1 ? Infinity : sorted[hiRank],
    // The share of the sample within them, ties included.
    sorted.filter((x) => x >= (loRank <= 0 ? -Infinity : sorted[loRank]) && x <= (hiRank >= m - 1 ? Infinity : sorted[hiRank])).length / m,
  ];
}

describe('bracket', () => {
  it('is the sample values at the ranks sd standard deviations either side of the share, ±∞ past the ends', () => {
    const samples = fc.oneof(
      fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 3000 }),
      fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 3000 }),
    );
    fc.assert(
      fc.property(samples, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 3.5), (xs, q, sd) => {
        const sample = Float64Array.from(xs);
        const got = bracket(sample, q, sd);
        const want = reference(xs, q, sd);
        // Selected in the kernel's copy: the sample, which the next query of its column reads, is as it was.
        expect(Array.from(sample)).toEqual(xs);
        // Compared as numbers: −0 and +0 are one value to a rank.
        expect(got[0] === want[0] && got[1] === want[1], `${got} ≠ ${want}`).toBe(true);
        expect(got[2]).toBe(want[2]);
      }),
      // The shrunk case that once threw: a share of 1 with no spread asked for the rank past the end.
      { numRuns: 300, examples: [[[5, 1, 4, 2, 3, 9, 8, 7, 6, 0], 0.25, 0], [[5, 1, 4, 2, 3, 9, 8, 7, 6, 0], 0.75, 0], [[0], 1, 0], [[3, 1, 2], 1, 0]] },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../src/indicators/spatial/random';

// Values of the generator as first written (state in object fields), pinned so that a faster
// representation can never change a seeded LISA map or a committed reference p-value.
describe('seeded sfc32 generator', () => {
  it('gives the pinned sequence for seed 1', () => {
    const r = seededRandom(1);
    expect(Array.from({ length: 5 }, () => r.nextUint32())).toEqual([792534090, 3215351813, 160231488, 1151041103, 1990438114]);
  });

  it('gives the pinned draws below a bound for the largest seed', () => {
    const r = seededRandom(4294967295);
    expect(Array.from({ length: 5 }, () => r.below(3141))).toEqual([293, 596, 1196, 2028, 208]);
  });

  it('keeps the pinned sequence over a million draws (seed 0)', () => {
    const r = seededRandom(0);
    let sum = 0;
    for (let i = 0; i < 1e6; i++) sum = (sum + r.nextUint32()) % 1000000007;
    expect(sum).toBe(814160529);
  });
});

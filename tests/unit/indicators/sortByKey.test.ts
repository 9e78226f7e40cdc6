import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortByKey } from '../../../src/indicators/sortByKey';

/** The order it must give: a stable sort by key of the indices listed in ascending order. */
const stableOrder = (key: Float64Array, indices: number[]) => [...indices].sort((a, b) => key[a] - key[b]);

describe('sortByKey', () => {
  it('orders indices by key and equal keys by index, as a stable sort of ascending indices does', () => {
    // Keys from a few values (many ties), of every length around the insertion-sort cut-off and far past it.
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 0.5, 1, 1.5, 2, 1e-300, 7), { maxLength: 300 }), fc.boolean(), (values, subset) => {
        const key = Float64Array.from(values);
        const indices = values.map((_, i) => i).filter((i) => !subset || i % 3 !== 1);
        const order = Uint32Array.from(indices);
        sortByKey(order, key);
        expect([...order]).toEqual(stableOrder(key, indices));
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it('sorts distinct keys, already sorted, reversed and all equal, at sizes that recurse deeply', () => {
    for (const n of [0, 1, 2, 17, 1000, 50_000]) {
      const shapes = [
        Float64Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898) * 43758.5453),
        Float64Array.from({ length: n }, (_, i) => i),
        Float64Array.from({ length: n }, (_, i) => n - i),
        new Float64Array(n).fill(3),
      ];
      for (const key of shapes) {
        const indices = Array.from({ length: n }, (_, i) => i);
        const order = Uint32Array.from(indices);
        sortByKey(order, key);
        expect([...order]).toEqual(stableOrder(key, indices));
      }
    }
  });
});

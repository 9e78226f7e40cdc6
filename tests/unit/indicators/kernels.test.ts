/**
 * The WebAssembly kernels of the indicator table: the modules the engine loads are the ones the
 * .wat sources assemble to, and the passes give, on tables small enough to check by hand, the
 * totals, counts, kept values and verdicts the rules define — across blocks of rows and with a
 * padded odd row; and a bucket that fills past its capacity is handed on and refilled without
 * losing or reordering a value, an LQ bracket's cells with their D(r).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KERNELS, kernelModuleText } from '../../../scripts/build-kernels';
import { cellPass, firstPass, KEPT_FOCUS, KEPT_LQ, KEPT_LQ2, KEPT_SIZE } from '../../../src/indicators/kernels/simdPasses';

describe('the indicator kernels', () => {
  it.each(KERNELS.map((k) => [k.wat, k] as const))('are what %s assembles to (run `npm run kernels` after editing it)', async (_, kernel) => {
    const committed = readFileSync(new URL(`../../../src/indicators/kernels/${kernel.out}`, import.meta.url), 'utf8');
    expect(committed).toBe(await kernelModuleText(kernel));
  });

  // 3 categories (a row padded to 4), rows 0..n−1 each [r, 2r, NaN or 0], so every figure is known.
  function table(nRegions: number): Float64Array {
    const v = new Float64Array(nRegions * 3);
    for (let r = 0; r < nRegions; r++) v.set([r, 2 * r, r % 2 ? NaN : 0], r * 3);
    return v;
  }
  const nan = () => new Float64Array(3).fill(NaN);

  it('first pass: totals, counts below the brackets and the values inside them, over many blocks', () => {
    // 40,000 rows of 4 padded cells: 8,192 rows a block, five blocks.
    const n = 40_000;
    const values = table(n);
    const kept = new Map<string, number[]>();
    const out = firstPass(
      {
        nRegions: n,
        nCategories: 3,
        values,
        competing: values,
        floors: false,
        inDenominator: Float64Array.of(1, 0, 1),
        brackets: {
          size: [Float64Array.of(10, 10, 10), Float64Array.of(12, 12, 12)],
          // Category 0's focus share is r / 3r = 1/3 in every row: its bracket keeps them all.
          focus: [Float64Array.of(1 / 3, 0.5, 0.5), Float64Array.of(1 / 3, 0.5, 0.5)],
          employmentFloor: [nan(), nan()],
          establishmentsFloor: [nan(), nan()],
          lq: [],
        },
        lqSlots: 0,
        // Room for every value: each bucket is handed on once, at the end, as its last run.
        expected: n,
      },
      (slot, c, xs, last) => {
        expect(last && !kept.has(`${slot} ${c}`), `${slot} ${c} handed on before the end`).toBe(true);
        kept.set(`${slot} ${c}`, [...xs]);
      },
    );
    for (const r of [0, 1, 8191, 8192, 39_999]) {
      expect(out.regionTotal[r]).toBe(3 * r);
      expect(out.regionDenominator[r]).toBe(r);
    }
    expect(out.categorySum[0]).toBe((n * (n - 1)) / 2);
    expect(out.categorySum[1]).toBe(n * (n - 1));
    expect(out.categorySum[2]).toBe(0);
    // Competing: E > 0, so every row but the first in categories 0 and 1, none in 2.
    expect([...out.counts.competing]).toEqual([n - 1, n - 1, 0]);
    // Below 10: rows 1..9 in category 0, 1..4 in category 1.
    expect([...out.counts.belowSize]).toEqual([9, 4, 0]);
    // Focus shares 1/3 (category 0, none below its bracket) and 2/3 (category 1, above 0.5).
    expect([...out.counts.belowFocus]).toEqual([0, 0, 0]);
    // Inside [10, 12]: rows 10–12 of category 0 and rows 5–6 (10 and 12) of category 1.
    expect(kept.get(`${KEPT_SIZE} 0`)).toEqual([10, 11, 12]);
    expect(kept.get(`${KEPT_SIZE} 1`)).toEqual([10, 12]);
    expect(kept.get(`${KEPT_FOCUS} 0`)).toEqual(Array.from({ length: n - 1 }, () => 1 / 3));
    expect([...kept.keys()].sort()).toEqual([`${KEPT_SIZE} 0`, `${KEPT_SIZE} 1`, `${KEPT_FOCUS} 0`].sort());
  });

  // Two regions, three categories: E(r,c) = [[10, 30, 0], [30, 10, NaN]]; E(r) 40, D(r) 40;
  // E(c) 40, 40, 0; D 80. LQ = e·80 / (40·40): 0.5 and 1.5.
  function smallCellPass(strongOn: boolean) {
    const bytes = new Uint8Array(6);
    const col = (a: number, b: number, c: number) => Float64Array.of(a, b, c);
    cellPass(
      {
        nRegions: 2,
        nCategories: 3,
        employment: Float64Array.of(10, 30, 0, 30, 10, NaN),
        establishments: Float64Array.of(1, 5, 0, 5, 1, NaN),
        regionTotal: Float64Array.of(40, 40),
        regionDenominator: Float64Array.of(40, 40),
        denominatorTotal: 80,
        table: [
          col(40, 40, 0), // E(c)
          col(20, 20, 20), // size threshold
          col(1.2, 1.2, NaN), // specialisation bar
          col(0.7, 0.7, 0.7), // focus threshold
          col(5, 5, 5), // employment P25
          col(2, 2, 2), // establishments P25
          col(1, 1, 1), // strong LQ bar
          col(1.5001, 1.5001, 1.5001), // strong10 LQ bar
        ],
        starBits: { size: 1, specialisation: 2, focus: 4, strong: 8, strong10: 16 },
      },
      { stars: bytes, strongOn },
    );
    // One byte a cell: the star bits, then the strong and strong10 bits.
    return { bytes, stars: bytes.map((b) => b & 7), strong: bytes.map((b) => (b >> 3) & 1), strong10: bytes.map((b) => b >> 4) };
  }

  it('cell pass: stars and strong flags, in one byte a cell', () => {
    const { bytes, stars, strong, strong10 } = smallCellPass(true);
    // 30 employees: size (≥ 20), specialisation (1.5 ≥ 1.2), focus (0.75 ≥ 0.7); 10: none.
    expect([...stars]).toEqual([0, 7, 0, 7, 0, 0]);
    // Strong: E > 5, establishments > 2, LQ ≥ 1; strong10 asks LQ ≥ 1.5001.
    expect([...strong]).toEqual([0, 1, 0, 1, 0, 0]);
    expect([...strong10]).toEqual([0, 0, 0, 0, 0, 0]);
    expect([...bytes]).toEqual([0, 7 | 8, 0, 7 | 8, 0, 0]);
    // Without strong clusters (eco, paper) the same stars and no other bit.
    expect([...smallCellPass(false).bytes]).toEqual([0, 7, 0, 7, 0, 0]);
  });

  // Three regions, two categories, the LQ denominator category 0 only:
  // E(r,c) = [[4, 6], [2, 0], [8, NaN]], D(r) = 4, 2, 8; E(r,c) / D(r) = [[1, 1.5], [1, —], [1, —]].
  function lqFirstPass(lqSlots: 0 | 1 | 2) {
    const values = Float64Array.of(4, 6, 2, 0, 8, NaN);
    const kept = new Map<string, number[]>();
    const nan2 = () => [Float64Array.of(NaN, NaN), Float64Array.of(NaN, NaN)];
    const out = firstPass(
      {
        nRegions: 3,
        nCategories: 2,
        values,
        competing: values,
        floors: true,
        inDenominator: Float64Array.of(1, 0),
        brackets: {
          size: nan2(),
          focus: nan2(),
          employmentFloor: nan2(),
          establishmentsFloor: nan2(),
          // First: category 0 [1, 1] holds its three cells; category 1 [1.2, 2] its one. Second:
          // [1.1, 3] holds category 1's cell and is above category 0's.
          lq: [
            [Float64Array.of(1, 1.2), Float64Array.of(1, 2)],
            [Float64Array.of(1.1, 1.1), Float64Array.of(3, 3)],
          ].slice(0, lqSlots),
        },
        lqSlots,
        expected: 6,
      },
      (slot, c, xs) => kept.set(`${slot} ${c}`, [...(kept.get(`${slot} ${c}`) ?? []), ...xs]),
    );
    return { kept, counts: out.counts };
  }

  it('first pass: the LQ brackets, on E(r,c) / D(r), count and keep each cell with its D(r)', () => {
    const { kept, counts } = lqFirstPass(2);
    // Cells whose LQ is defined: E(r,c) > 0 in a region with D(r) > 0.
    expect([...counts.lqCompeting]).toEqual([3, 1]);
    expect([...counts.belowLq]).toEqual([0, 0]);
    expect([...counts.belowLq2]).toEqual([3, 0]);
    // E(r,c), D(r) pairs in row order.
    expect(kept.get(`${KEPT_LQ} 0`)).toEqual([4, 4, 2, 2, 8, 8]);
    expect(kept.get(`${KEPT_LQ} 1`)).toEqual([6, 4]);
    expect(kept.get(`${KEPT_LQ2} 1`)).toEqual([6, 4]);
    expect(kept.has(`${KEPT_LQ2} 0`)).toBe(false);
  });

  it('first pass: the LQ brackets a rule does not rank are neither counted nor kept', () => {
    const one = lqFirstPass(1);
    expect([...one.counts.lqCompeting]).toEqual([3, 1]);
    expect([...one.counts.belowLq2]).toEqual([0, 0]);
    expect([...one.kept.keys()].sort()).toEqual([`${KEPT_LQ} 0`, `${KEPT_LQ} 1`]);
    const none = lqFirstPass(0);
    expect([...none.counts.lqCompeting]).toEqual([0, 0]);
    expect(none.kept.size).toBe(0);
  });

  // 2,001 categories (padded to 2,002) × 700 rows: 16 rows a block, and a bucket expected to keep
  // nothing holds a block's 32 doubles, so a category's 700 kept values (1,400 doubles of an LQ's
  // pairs) are handed on in many runs, across blocks.
  const wide = { nRegions: 700, nCategories: 2001 };
  function wideTable(): Float64Array {
    const { nRegions, nCategories } = wide;
    const v = new Float64Array(nRegions * nCategories);
    for (let r = 0, i = 0; r < nRegions; r++) for (let c = 0; c < nCategories; c++, i++) v[i] = 1 + r + (c % 7);
    return v;
  }
  const keptRuns = () => {
    const kept = new Map<string, number[]>();
    const add = (slot: number, c: number, xs: Float64Array) => {
      const key = `${slot} ${c}`;
      const list = kept.get(key) ?? [];
      for (const x of xs) list.push(x);
      kept.set(key, list);
    };
    return { kept, add };
  };

  it('first pass: full buckets are handed on and refilled, every value once, in row order', () => {
    const { nRegions, nCategories } = wide;
    const values = wideTable();
    const all = (x: number) => new Float64Array(nCategories).fill(x);
    const { kept, add } = keptRuns();
    const out = firstPass(
      {
        nRegions,
        nCategories,
        values,
        competing: values,
        floors: false,
        inDenominator: all(1),
        // Every cell is inside the size bracket; the focus bracket is off.
        brackets: { size: [all(0), all(Infinity)], focus: [all(NaN), all(NaN)], employmentFloor: [all(NaN), all(NaN)], establishmentsFloor: [all(NaN), all(NaN)], lq: [] },
        lqSlots: 0,
        // Buckets of a block's rows: every one fills and is handed on at every block.
        expected: 0,
      },
      add,
    );
    expect(kept.size).toBe(nCategories);
    for (const c of [0, 1, 6, 1000, 2000]) {
      expect(kept.get(`${KEPT_SIZE} ${c}`)).toEqual(Array.from({ length: nRegions }, (_, r) => values[r * nCategories + c]));
    }
    expect([...kept.values()].reduce((n, xs) => n + xs.length, 0)).toBe(nRegions * nCategories);
    expect(out.counts.competing[2000]).toBe(nRegions);
    expect(out.counts.belowSize[2000]).toBe(0);
  });

  it("first pass: an LQ bracket's full buckets are handed on and refilled, each cell with its D(r), in row order", () => {
    const { nRegions, nCategories } = wide;
    const values = wideTable();
    const all = (x: number) => new Float64Array(nCategories).fill(x);
    const regionTotal = new Float64Array(nRegions);
    for (let r = 0, i = 0; r < nRegions; r++) for (let c = 0; c < nCategories; c++, i++) regionTotal[r] += values[i];
    const { kept, add } = keptRuns();
    const out = firstPass(
      {
        nRegions,
        nCategories,
        values,
        competing: values,
        floors: false,
        inDenominator: all(1),
        // Every cell inside the first LQ bracket; the others off.
        brackets: { size: [all(NaN), all(NaN)], focus: [all(NaN), all(NaN)], employmentFloor: [all(NaN), all(NaN)], establishmentsFloor: [all(NaN), all(NaN)], lq: [[all(0), all(Infinity)]] },
        lqSlots: 1,
        expected: 0,
      },
      add,
    );
    expect(kept.size).toBe(nCategories);
    for (const c of [0, 999, 2000]) {
      expect(kept.get(`${KEPT_LQ} ${c}`)).toEqual(Array.from({ length: nRegions }, (_, r) => [values[r * nCategories + c], regionTotal[r]]).flat());
    }
    expect(out.counts.lqCompeting[2000]).toBe(nRegions);
    expect(out.counts.belowLq[2000]).toBe(0);
  });
});

/**
 * The WebAssembly kernels of the indicator table: the module the engine loads is the one the .wat
 * source assembles to, and the passes give, on a table small enough to check by hand, the totals,
 * counts and listed cells the rules define — across blocks of rows and with a padded odd row; and
 * a bucket that fills past its capacity is handed on and refilled without losing or reordering a
 * value, in both passes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KERNELS, kernelModuleText } from '../../../scripts/build-kernels';
import { cellPass, firstPass, KEPT_FOCUS, KEPT_SIZE } from '../../../src/indicators/kernels/simdPasses';

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
        },
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
  function smallCellPass(lqSlots: 0 | 1 | 2) {
    const employment = Float64Array.of(10, 30, 0, 30, 10, NaN);
    const bytes = new Uint8Array(6);
    const settle: number[][] = [];
    const kept = new Map<string, number[]>();
    const col = (a: number, b: number, c: number) => Float64Array.of(a, b, c);
    const out = cellPass(
      {
        nRegions: 2,
        nCategories: 3,
        employment,
        establishments: Float64Array.of(1, 5, 0, 5, 1, NaN),
        regionTotal: Float64Array.of(40, 40),
        regionDenominator: Float64Array.of(40, 40),
        denominatorTotal: 80,
        table: [
          col(40, 40, 0), // E(c)
          col(20, 20, 20), // size threshold
          col(1.2, 1.2, NaN), // specialisation bar
          col(0.7, 0.7, 0.7), // focus threshold
          col(1.5, 1.5, 1.5), // first LQ bracket: exactly 1.5
          col(1.5, 1.5, 1.5),
          col(0, 0, 0), // second: [0, 1]
          col(1, 1, 1),
          col(5, 5, 5), // employment P25
          col(2, 2, 2), // establishments P25
          col(1, 1, 1), // strong LQ bar
          col(1.5001, 1.5001, 1.5001), // strong10 LQ bar
        ],
        lqSlots,
        starBits: { size: 1, specialisation: 2, focus: 4, strong: 8, strong10: 16 },
        expected: 2,
      },
      { stars: bytes, strongOn: true },
      (cells, lq) => cells.forEach((i, j) => settle.push([i, lq[j]])),
      (slot, c, xs) => kept.set(`${slot} ${c}`, [...(kept.get(`${slot} ${c}`) ?? []), ...xs]),
    );
    // One byte a cell: the star bits, then the strong and strong10 bits.
    return { bytes, stars: bytes.map((b) => b & 7), strong: bytes.map((b) => (b >> 3) & 1), strong10: bytes.map((b) => b >> 4), settle, kept, counts: out.counts };
  }

  it('cell pass: stars, strong flags, LQ counts, the cells inside an LQ bracket and their LQs', () => {
    const { bytes, stars, strong, strong10, settle, kept, counts } = smallCellPass(2);
    // 30 employees: size (≥ 20), specialisation (1.5 ≥ 1.2), focus (0.75 ≥ 0.7); 10: none.
    expect([...stars]).toEqual([0, 7, 0, 7, 0, 0]);
    expect([...bytes]).toEqual([0, 7 | 8, 0, 7 | 8, 0, 0]);
    // Strong: E > 5, establishments > 2, LQ ≥ 1; strong10 asks LQ ≥ 1.5001.
    expect([...strong]).toEqual([0, 1, 0, 1, 0, 0]);
    expect([...strong10]).toEqual([0, 0, 0, 0, 0, 0]);
    expect([...counts.competing]).toEqual([2, 2, 0]);
    expect([...counts.belowFirst]).toEqual([1, 1, 0]);
    expect([...counts.belowSecond]).toEqual([0, 0, 0]);
    // Listed: LQ 1.5 in the first bracket, 0.5 in the second; the two with 10 employees and one
    // establishment are under the floors, so no LQ bar may admit them (−∞).
    expect(settle).toEqual([
      [0, -Infinity],
      [1, 1.5],
      [3, 1.5],
      [4, -Infinity],
    ]);
    expect(Object.fromEntries(kept)).toEqual({ '0 0': [1.5], '0 1': [1.5], '1 0': [0.5], '1 1': [0.5] });
  });

  it('cell pass: the LQ brackets a rule does not rank are neither counted nor listed, and the verdicts stay', () => {
    const both = smallCellPass(2);
    // paper: the first bracket only.
    const one = smallCellPass(1);
    expect([...one.stars]).toEqual([...both.stars]);
    expect([...one.counts.competing]).toEqual([2, 2, 0]);
    expect([...one.counts.belowFirst]).toEqual([1, 1, 0]);
    expect([...one.counts.belowSecond]).toEqual([0, 0, 0]);
    expect(one.settle).toEqual([
      [1, 1.5],
      [3, 1.5],
    ]);
    expect(Object.fromEntries(one.kept)).toEqual({ '0 0': [1.5], '0 1': [1.5] });
    // eco: none.
    const none = smallCellPass(0);
    expect([...none.stars]).toEqual([...both.stars]);
    expect([...none.strong]).toEqual([...both.strong]);
    expect([...none.strong10]).toEqual([...both.strong10]);
    for (const counts of Object.values(none.counts)) expect([...counts]).toEqual([0, 0, 0]);
    expect(none.settle).toEqual([]);
    expect(none.kept.size).toBe(0);
  });

  // 2,001 categories (padded to 2,002) × 700 rows: 16 rows a block, and a bucket holds 261 values
  // in the first pass and 523 in the cell pass, so a category's 700 kept values are handed on in
  // several runs, across blocks.
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
        brackets: { size: [all(0), all(Infinity)], focus: [all(NaN), all(NaN)], employmentFloor: [all(NaN), all(NaN)], establishmentsFloor: [all(NaN), all(NaN)] },
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

  it('cell pass: full buckets are handed on and refilled, and every block lists its cells by their index in the whole table', () => {
    const { nRegions, nCategories } = wide;
    const employment = wideTable();
    const all = (x: number) => new Float64Array(nCategories).fill(x);
    const regionTotal = new Float64Array(nRegions);
    const categoryTotal = new Float64Array(nCategories);
    for (let r = 0, i = 0; r < nRegions; r++) for (let c = 0; c < nCategories; c++, i++) {
      regionTotal[r] += employment[i];
      categoryTotal[c] += employment[i];
    }
    const D = regionTotal.reduce((a, b) => a + b, 0);
    const lq = (r: number, c: number) => (employment[r * nCategories + c] * D) / (regionTotal[r] * categoryTotal[c]);
    const listed: number[] = [];
    const listedLq: number[] = [];
    const { kept, add } = keptRuns();
    const out = cellPass(
      {
        nRegions,
        nCategories,
        employment,
        regionTotal,
        regionDenominator: regionTotal,
        denominatorTotal: D,
        // Every LQ inside the first bracket, the second off; bars no cell reaches.
        table: [categoryTotal, all(Infinity), all(Infinity), all(Infinity), all(0), all(Infinity), all(NaN), all(NaN), all(-Infinity), all(-Infinity), all(Infinity), all(Infinity)],
        lqSlots: 1,
        starBits: { size: 1, specialisation: 2, focus: 4, strong: 8, strong10: 16 },
        expected: 0,
      },
      { stars: new Uint8Array(nRegions * nCategories), strongOn: false },
      (cells, lqs) => {
        for (const i of cells) listed.push(i);
        for (const x of lqs) listedLq.push(x);
      },
      add,
    );
    expect(listed).toEqual(Array.from({ length: nRegions * nCategories }, (_, i) => i));
    for (const i of [0, 1, 2001, 16 * 2001 + 5, nRegions * nCategories - 1]) {
      expect(listedLq[i]).toBe(lq(Math.floor(i / nCategories), i % nCategories));
    }
    for (const c of [0, 999, 2000]) {
      expect(kept.get(`0 ${c}`)).toEqual(Array.from({ length: nRegions }, (_, r) => lq(r, c)));
    }
    expect(kept.size).toBe(nCategories);
    expect(out.counts.competing[2000]).toBe(nRegions);
    expect(out.counts.belowFirst[2000]).toBe(0);
  });
});

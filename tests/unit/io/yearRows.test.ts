import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDelimited } from '../../../src/io/delimited';
import { longTableToCube } from '../../../src/io/longTable';
import { yearColumnsReader, yearColumnsToCube } from '../../../src/io/yearColumnsTable';
import { tableReader } from '../../../src/io/tableRows';
import { CubeBuilder, type CubeOptions, type TableReport } from '../../../src/io/cubeBuilder';
import { InputError } from '../../../src/io/errors';
import type { EmploymentCube } from '../../../src/model/dataset';

/**
 * How the cube builder keeps year-column rows: a line per region and category for all the row's
 * years (not one per cell), and — with the rows the text is expected to hold — each year's cells
 * in one array for the regions expected, which becomes the cube's year as it stands. Checked
 * against the same cells read as a long table (one cell at a time, none of that machinery), and
 * against the parsed path (no estimate), with estimates too small, too large and about right.
 */

type Read = { cube: EmploymentCube; report: TableReport };
type Outcome = { cube: EmploymentCube; nonIndustry: unknown } | { error: string };

function outcome(read: () => Read, lines = false): Outcome {
  try {
    const { cube, report } = read();
    return { cube, nonIndustry: report.nonIndustry?.map((c) => [c.id, c.cells]) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // The long table has a row per cell: its lines are not the year-column table's.
    return { error: lines ? error.message : error.message.replace(/line \d+/g, 'line L') };
  }
}

interface Table {
  years: number[];
  rows: { region: string; category: string; values: string[] }[];
}

function yearColumnsText(t: Table): string {
  return [['region', 'category', ...t.years].join(','), ...t.rows.map((r) => [r.region, r.category, ...r.values].join(','))].join('\n') + '\n';
}

/** The same cells as a long table, a row per cell in the order the year-column rows give them. */
function longText(t: Table): string {
  const lines = ['region,category,year,employment'];
  for (const r of t.rows) t.years.forEach((y, k) => lines.push([r.region, r.category, y, r.values[k]].join(',')));
  return lines.join('\n') + '\n';
}

/** Streamed in pieces, the reader told to expect `expected(rows)` rows (undefined: no estimate, as for a small text). */
function streamed(text: string, options: CubeOptions, expected: (rows: number) => number | undefined): Read {
  const bytes = new TextEncoder().encode(text);
  const rows = text.split('\n').length - 2;
  const reader = tableReader('t.csv', (head) => yearColumnsReader({ ...head, expectedRows: expected(rows) }, { region: 'region', category: 'category', years: head.header.slice(2) }, options), { totalLength: bytes.length });
  for (let at = 0; at < bytes.length; at += 40_000) reader.push(bytes.subarray(at, at + 40_000));
  return reader.end();
}

const parsedYears = (text: string, options: CubeOptions) => {
  const table = parseDelimited(text, 't.csv');
  return yearColumnsToCube(table, { region: 'region', category: 'category', years: table.header.slice(2) }, options);
};
const parsedLong = (text: string, options: CubeOptions) => longTableToCube(parseDelimited(text, 't.csv'), { region: 'region', category: 'category', year: 'year', employment: 'employment' }, options);

/** A table of `regions` regions: each region's categories in an order of its own, some left out, some cells missing. */
const table = fc
  .record({
    regions: fc.integer({ min: 1, max: 1400 }),
    categories: fc.integer({ min: 1, max: 12 }),
    // Year columns in any order (the cube's years are sorted).
    years: fc.shuffledSubarray([2001, 2002, 2003, 2004, 2005, 2006], { minLength: 1 }),
    // Category-major (every region's first category, then the second…) instead of region-major.
    byCategory: fc.boolean(),
    seed: fc.integer(),
    // A category that is not an industry, a region given twice, a benchmark region.
    total: fc.boolean(),
    twice: fc.option(fc.nat(), { freq: 3 }),
    benchmark: fc.boolean(),
  })
  .map(({ regions, categories, years, byCategory, seed, total, twice, benchmark }) => {
    let s = seed >>> 0;
    const random = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const names = [...Array.from({ length: categories }, (_, c) => `c${c}`), ...(total ? ['TOTAL'] : [])];
    const cells: { region: string; category: string; values: string[] }[][] = [];
    for (let r = 0; r < regions; r++) {
      const region = benchmark && r === 3 ? 'US' : `R${r}`;
      const own = names.filter(() => random() < 0.9).sort(() => random() - 0.5);
      cells.push(own.map((category) => ({ region, category, values: years.map(() => (random() < 0.03 ? ':' : String(Math.floor(random() * 5000)))) })));
    }
    const rows = byCategory ? Array.from({ length: names.length }, (_, k) => cells.flatMap((own) => (own[k] ? [own[k]] : []))).flat() : cells.flat();
    if (twice !== null && rows.length > 1) rows.push({ ...rows[twice % rows.length], values: years.map(() => '7') });
    return { t: { years, rows } as Table, benchmark };
  });

describe('year-column rows in the cube', () => {
  it('the same cube, categories left out and first cell given twice as the cells read one at a time from a long table, whatever the estimate', () => {
    const estimates: ((rows: number) => number | undefined)[] = [() => undefined, (n) => n, (n) => Math.ceil(n * 1.05), (n) => Math.ceil(n / 3), (n) => n * 10, () => 1];
    let slabbed = 0;
    fc.assert(
      fc.property(table, fc.nat(estimates.length - 1), ({ t, benchmark }, e) => {
        const options: CubeOptions = benchmark ? { benchmarkId: 'US' } : {};
        const text = yearColumnsText(t);
        const expected = outcome(() => parsedLong(longText(t), options));
        const fast = outcome(() => streamed(text, options, estimates[e]));
        expect(fast).toEqual(expected);
        // And as the parsed year-column table, lines and all.
        expect(outcome(() => streamed(text, options, estimates[e]), true)).toEqual(outcome(() => parsedYears(text, options), true));
        if (t.rows.length > 600 && e > 0) slabbed++;
      }),
      { numRuns: 60, seed: 20261202 },
    );
    expect(slabbed).toBeGreaterThan(10);
  });

  const big = (regions: number, categories: number): Table => {
    const years = [2003, 2001, 2002];
    const rows = [];
    for (let r = 0; r < regions; r++) for (let c = 0; c < categories; c++) rows.push({ region: `R${r}`, category: `c${c}`, values: years.map((y) => String((r * 31 + c * 7 + y) % 1000)) });
    return { years, rows };
  };

  it('each year of the cube is an array of the cube\'s own size, its room fitted whatever the estimate', () => {
    const t = big(1500, 4);
    const text = yearColumnsText(t);
    const reference = parsedYears(text, {}).cube;
    for (const expected of [undefined, 6000, 6300, 600, 3000, 60_000, 1]) {
      const { cube } = streamed(text, {}, () => expected);
      expect(cube).toEqual(reference);
      for (const year of cube.employment) {
        expect(year.length).toBe(1500 * 4);
        // No more than a quarter of room carried beyond the cube's cells (a far too large estimate is copied to size).
        expect(year.buffer.byteLength).toBeLessThanOrEqual(1500 * 4 * 8 * 1.25);
      }
    }
  });

  it('a row given twice is named with the line of its first, after a region past the estimate', () => {
    const t = big(1200, 3);
    // Region R1100's category c1 again at the end (line 1 + 1100 × 3 + 2 first).
    t.rows.push({ region: 'R1100', category: 'c1', values: ['1', '2', '3'] });
    const text = yearColumnsText(t);
    for (const expected of [undefined, 1800, 3600]) {
      expect(() => streamed(text, {}, () => expected)).toThrow(`t.csv, line ${t.rows.length + 1}: region "R1100", category "c1", year 2003 already given on line 3303`);
    }
  });

  it('categories that come only after the first regions (the room widened after the year arrays were made)', () => {
    // Three categories, then three more (the room of 3 doubled to the cube's 6).
    const t = big(900, 3);
    for (let r = 600; r < 900; r++) for (const late of ['d0', 'd1', 'd2']) t.rows.push({ region: `R${r}`, category: late, values: ['5', '6', String(r)] });
    const text = yearColumnsText(t);
    const expected = outcome(() => parsedLong(longText(t), {}));
    for (const estimate of [undefined, t.rows.length]) expect(outcome(() => streamed(text, {}, () => estimate))).toEqual(expected);
  });
});

describe('the cube builder keeps a line per year-column row while rows are all it is given', () => {
  const slots = (builder: CubeBuilder, years: number[]) => Int32Array.from(years, (y) => builder.yearSlot(y));

  it('a cell given another way after year-column rows is checked against the rows\' lines', () => {
    const builder = new CubeBuilder('b.csv');
    const s = slots(builder, [2020, 2021]);
    const c = builder.categorySlot('x', 2);
    builder.addYears(c, builder.regionSlot('A', 2), s, Float64Array.of(1, 2), 2);
    builder.addYears(c, builder.regionSlot('B', 3), s, Float64Array.of(3, 4), 3);
    // A new cell, then one the second row gave.
    builder.add('A', 'y', 2021, 9, NaN, 4);
    builder.add('B', 'x', 2021, 5, NaN, 5);
    expect(() => builder.build()).toThrow('b.csv, line 5: region "B", category "x", year 2021 already given on line 3');
  });

  it('after a cell given another way, rows are checked cell by cell, and the cells of a category left out still counted', () => {
    const builder = new CubeBuilder('b.csv');
    const s = slots(builder, [2021, 2020]);
    const x = builder.categorySlot('x', 2);
    const total = builder.categorySlot('TOTAL', 2);
    builder.addYears(x, builder.regionSlot('A', 2), s, Float64Array.of(1, 2), 2);
    builder.addYears(total, builder.regionSlot('A', 3), s, Float64Array.of(3, 4), 3);
    builder.add('B', 'x', 2020, 9, NaN, 4);
    builder.addYears(total, builder.regionSlot('B', 5), s, Float64Array.of(5, NaN), 5);
    // Another array of year slots (the same years in another order) is taken cell by cell too.
    builder.addYears(x, builder.regionSlot('C', 6), Int32Array.from([s[1], s[0]]), Float64Array.of(6, 7), 6);
    const cube = builder.build();
    expect(cube.years).toEqual([2020, 2021]);
    expect(cube.categories.map((c) => c.id)).toEqual(['x']);
    expect([...cube.employment[0]]).toEqual([2, 9, 6]);
    expect([...cube.employment[1]]).toEqual([1, NaN, 7]);
    expect(builder.report.nonIndustry?.map((c) => [c.id, c.cells])).toEqual([['TOTAL', 4]]);
  });

  it('a row given twice is every one of its years given twice, the first named', () => {
    const builder = new CubeBuilder('b.csv', { keepNonIndustry: true });
    const s = slots(builder, [2020, 2021]);
    const x = builder.categorySlot('x', 2);
    builder.addYears(x, builder.regionSlot('A', 2), s, Float64Array.of(1, 2), 2);
    builder.addYears(x, builder.regionSlot('A', 7), s, Float64Array.of(1, 2), 7);
    expect(() => builder.build()).toThrow('b.csv, line 7: region "A", category "x", year 2020 already given on line 2');
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isEurostatTsv, parseEurostatTsv } from '../../../src/io/eurostatTsv';
import { eurostatToCube, parseFilters } from '../../../src/io/eurostatCube';
import type { EmploymentCube } from '../../../src/model/dataset';
import { haveSharedData, sharedDataPath } from '../../shared-data';

const small = readFileSync(fileURLToPath(new URL('../../fixtures/io/lfs-small.tsv', import.meta.url)), 'utf8');

/** Employment of (region, category) in a year, looked up by ids. */
function cell(cube: EmploymentCube, region: string, category: string, year: number): number {
  const r = cube.regions.findIndex((x) => x.id === region);
  const c = cube.categories.findIndex((x) => x.id === category);
  expect(r, region).toBeGreaterThanOrEqual(0);
  expect(c, category).toBeGreaterThanOrEqual(0);
  return cube.employment[cube.years.indexOf(year)][r * cube.categories.length + c];
}

describe('parseEurostatTsv', () => {
  it('splits the key, keeps flags and reads ":" as not available', () => {
    expect(isEurostatTsv(small)).toBe(true);
    expect(isEurostatTsv('region\tvalue\nA\t1\n')).toBe(false);
    const t = parseEurostatTsv(small, 'lfs-small.tsv');
    expect(t.dimensions).toEqual(['unit', 'nace_r2', 'age', 'geo']);
    expect(t.timeDimension).toBe('time');
    expect(t.periods).toEqual(['2015', '2014']);
    expect(t.codes).toEqual([['THS'], ['A', 'C', 'TOTAL'], ['Y15-24', 'Y_GE15'], ['AA1', 'AA2']]);
    expect(t.rows[2]).toEqual({ line: 4, key: ['THS', 'A', 'Y_GE15', 'AA2'], values: new Float64Array([NaN, 3]), flags: ['u', 'u'] });
    expect(t.rows[1].flags).toEqual(['', 'b']);
  });

  it('locates malformed cells, keys and rows', () => {
    expect(() => parseEurostatTsv(small.replace('20.0 ', '20,0'), 'x.tsv')).toThrow('x.tsv, line 5, column "2015": "20,0" is neither a number nor ":", with optional flags');
    expect(() => parseEurostatTsv(small.replace('THS,C,Y_GE15,AA1', 'THS,C,AA1'), 'x.tsv')).toThrow(/line 5: key "THS,C,AA1" should have 4 non-empty parts/);
    expect(() => parseEurostatTsv(small.replace('5.0 e\t', '5.0 e'), 'x.tsv')).toThrow(/line 6: expected 3 tab-separated fields/);
    expect(() => parseEurostatTsv('geo\t2015\nAT\t1\n', 'x.tsv')).toThrow(/line 1: the first header cell should look like/);
  });

  it('reports progress up to 1', () => {
    const seen: number[] = [];
    parseEurostatTsv(small, 'x.tsv', (f) => seen.push(f));
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
  });
});

describe('eurostatToCube', () => {
  it('takes the age total, turns TOTAL into region totals and keeps per-cell flags', () => {
    const { cube, report, selection } = eurostatToCube(parseEurostatTsv(small, 'lfs-small.tsv'));
    expect(selection).toEqual({ unit: ['THS'], age: ['Y_GE15'] });
    expect(cube.regions.map((r) => r.id)).toEqual(['AA1', 'AA2']);
    expect(cube.categories.map((c) => c.id)).toEqual(['A', 'C']);
    // NACE Rev. 2 codes read as their section titles; the code stays the id.
    expect(cube.categories.map((c) => c.name)).toEqual(['Agriculture, forestry and fishing (A)', 'Manufacturing (C)']);
    expect(cube.years).toEqual([2014, 2015]);
    expect([...cube.employment[1]]).toEqual([10.5, 20, NaN, 5]);
    expect([...cube.employment[0]]).toEqual([9, 21, 3, NaN]);
    expect([...cube.regionTotals![1]]).toEqual([40, 12]);
    expect([...cube.regionTotals![0]]).toEqual([41, 11.5]);
    expect([...cube.flags![1]]).toEqual([[2, 'u'], [3, 'e']]);
    expect([...cube.flags![0]]).toEqual([[0, 'b'], [2, 'u']]);
    expect(report.rowsRead).toBe(8);
    expect(report.rowsUsed).toBe(6);
    expect(report.missingCells).toBe(2);
    expect(report.excluded).toEqual([{ reason: 'age is not Y_GE15', rows: 2 }]);
    expect(report.notes).toEqual([
      'unit is THS throughout',
      'age not filtered: its total Y_GE15 is used (other codes: Y15-24)',
      "nace_r2 TOTAL (2 rows) checked against the sum of the categories, not used: each region's total is the sum of its categories",
    ]);
    // Every row is accounted for.
    expect(report.rowsUsed + report.unused.length + report.excluded!.reduce((s, e) => s + e.rows, 0)).toBe(report.rowsRead);
  });

  it('applies filters given as the CLI writes them', () => {
    const filters = parseFilters(['age=Y15-24', 'nace_r2 = A,C']);
    expect(filters).toEqual({ age: ['Y15-24'], nace_r2: ['A', 'C'] });
    const { cube, report } = eurostatToCube(parseEurostatTsv(small, 'x.tsv'), { filters });
    expect(cube.regions.map((r) => r.id)).toEqual(['AA1', 'AA2']);
    expect([...cube.employment[1]]).toEqual([1, NaN, NaN, 1.5]);
    expect(cube.regionTotals).toBeUndefined();
    expect(report.excluded).toEqual([
      { reason: 'age is not Y15-24', rows: 4 },
      { reason: 'nace_r2 is not A or C', rows: 2 },
    ]);
    expect(() => parseFilters(['age'])).toThrow(/should look like dimension=code/);
  });

  it('explains filters and dimensions it cannot use', () => {
    const t = parseEurostatTsv(small, 'x.tsv');
    expect(() => eurostatToCube(t, { filters: { age: ['Y99'] } })).toThrow('x.tsv: filter age=Y99: no such code (codes: Y15-24, Y_GE15)');
    expect(() => eurostatToCube(t, { filters: { sex: ['T'] } })).toThrow(/no filtered dimension "sex"; the dimensions are unit, nace_r2, age, geo/);
    expect(() => eurostatToCube(t, { filters: { age: ['Y15-24', 'Y_GE15'] } })).toThrow(/filter age must pick one code/);
    const noTotal = parseEurostatTsv(small.replace(/Y_GE15/g, 'Y25-64'), 'x.tsv');
    expect(() => eurostatToCube(noTotal)).toThrow('x.tsv: dimension age has several codes (Y15-24, Y25-64) and no total: choose one with a filter');
    const quarterly = parseEurostatTsv(small.replace('2015 \t2014 ', '2015Q1 \t2014Q4 '), 'q.tsv');
    expect(() => eurostatToCube(quarterly)).toThrow(/period "2015Q1" is not a year/);
    const twoDims = parseEurostatTsv(small.replace('unit,nace_r2,', 'unit,kind,'), 'x.tsv');
    expect(() => eurostatToCube(twoDims)).toThrow(/which dimension holds the categories\? Name one of kind, age/);
  });

  describe.skipIf(!haveSharedData('eu/lfst_r_lfe2en2_2008-2015.tsv'))('on the Eurostat LFS file (lfst_r_lfe2en2)', () => {
    it('reads every row and puts values, totals and flags where the file has them', () => {
      const text = readFileSync(sharedDataPath('eu/lfst_r_lfe2en2_2008-2015.tsv'), 'utf8');
      const t = parseEurostatTsv(text, 'lfst_r_lfe2en2.tsv');
      // `wc -l` gives 28066 lines: the header and 28065 rows.
      expect(t.rows).toHaveLength(28065);
      expect(t.periods).toEqual(['2015', '2014', '2013', '2012', '2011', '2010', '2009', '2008']);
      const { cube, report, selection } = eurostatToCube(t, { filters: parseFilters(['age=Y_GE15']) });
      expect(selection).toEqual({ unit: ['THS'], age: ['Y_GE15'] });
      // 5684 rows with age Y_GE15 (grep -c), 491 distinct geo codes, 11 NACE groups besides TOTAL.
      expect(report.rowsUsed).toBe(5684);
      expect(report.excluded).toEqual([{ reason: 'age is not Y_GE15', rows: 28065 - 5684 }]);
      expect(cube.regions).toHaveLength(491);
      // NRP ("no response", 491 rows × 8 years less the unreported) is not an industry: left out and reported.
      expect(cube.categories.map((c) => c.id).sort()).toEqual(['A', 'B-E', 'F', 'G-I', 'J', 'K', 'L', 'M_N', 'O-Q', 'R-U']);
      expect(report.nonIndustry?.map((c) => [c.id, c.reason])).toEqual([['NRP', 'no-response']]);
      expect(cube.years).toEqual([2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015]);
      // Rows read off the file: "THS,B-E,Y_GE15,AT13	59.0", "THS,A,Y_GE15,AT13	: u",
      // "THS,TOTAL,Y_GE15,AT13	806.6", "THS,L,Y_GE15,EL30 … 2008 4.0 b", "THS,L,Y_GE15,EL30 2015 2.2 u".
      expect(cell(cube, 'AT13', 'B-E', 2015)).toBe(59);
      expect(cell(cube, 'AT13', 'A', 2015)).toBeNaN();
      expect(cell(cube, 'ITC4', 'B-E', 2008)).toBe(1165.1);
      const at13 = cube.regions.findIndex((r) => r.id === 'AT13');
      expect(cube.regionTotals![cube.years.indexOf(2015)][at13]).toBe(806.6);
      const el30 = cube.regions.findIndex((r) => r.id === 'EL30');
      const l = cube.categories.findIndex((c) => c.id === 'L');
      expect(cell(cube, 'EL30', 'L', 2008)).toBe(4);
      expect(cube.flags![cube.years.indexOf(2008)].get(el30 * cube.categories.length + l)).toBe('b');
      expect(cube.flags![cube.years.indexOf(2015)].get(el30 * cube.categories.length + l)).toBe('u');
    });
  });
});

describe('the Eurostat TOTAL category', () => {
  const tsv = (aa1Total: string) =>
    ['unit,nace_r2,geo\\time\t2015 ', `THS,A,AA1\t10.0 `, `THS,C,AA1\t20.0 `, `THS,TOTAL,AA1\t${aa1Total} `, `THS,A,AA2\t1.0 `, `THS,TOTAL,AA2\t1.0 `].join('\n');

  it('a TOTAL smaller than the sum of its parts beyond rounding is reported with the region and year', () => {
    const { report, cube } = eurostatToCube(parseEurostatTsv(tsv('25.0'), 'short.tsv'));
    expect([...cube.regionTotals![0]]).toEqual([25, 1]);
    expect(report.notes).toContain("nace_r2 TOTAL (2 rows) checked against the sum of the categories, not used: each region's total is the sum of its categories");
    expect(report.notes).toContain('nace_r2 TOTAL is smaller than the sum of its categories beyond rounding in 1 region-year(s): AA1 2015 (TOTAL 25 < 30)');
  });

  it('a TOTAL short of the sum by rounding only passes without a note', () => {
    const { report } = eurostatToCube(parseEurostatTsv(tsv('29.95'), 'rounded.tsv'));
    expect(report.notes.some((n) => n.includes('smaller than the sum'))).toBe(false);
  });
});

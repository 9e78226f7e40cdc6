import { describe, expect, it } from 'vitest';
import { parseDelimited, detectDelimiter } from '../../../src/io/delimited';
import { parseNumber, detectDecimalMark } from '../../../src/io/numbers';
import { longTableToCube } from '../../../src/io/longTable';
import { wideTableToCube } from '../../../src/io/wideTable';
import { categoriesFromTable } from '../../../src/io/categoriesTable';
import { InputError } from '../../../src/io/errors';

describe('parseDelimited', () => {
  it('detects the delimiter, strips a BOM and keeps source line numbers across quoted newlines', () => {
    const text = '\ufeffregion;name;value\r\nA;"two\nlines";1\r\n\r\nB;"x;y";2\r\n';
    const t = parseDelimited(text, 'f.csv');
    expect(t.delimiter).toBe(';');
    expect(t.header).toEqual(['region', 'name', 'value']);
    expect(t.rows).toEqual([
      ['A', 'two\nlines', '1'],
      ['B', 'x;y', '2'],
    ]);
    expect(t.lines).toEqual([2, 5]);
    expect(t.blankLines).toBe(1);
  });

  it('names the line of a row with the wrong field count', () => {
    expect(() => parseDelimited('a,b\n1,2\n3,4,5\n', 'bad.csv')).toThrow(/bad\.csv, line 3: expected 2 fields/);
  });

  it('rejects an empty file and duplicate header names', () => {
    expect(() => parseDelimited('  \n', 'e.csv')).toThrow(/e\.csv: the file is empty/);
    expect(() => parseDelimited('a,A\n1,2', 'h.csv')).toThrow(/column "A" appears twice/);
  });

  it('detects tabs', () => {
    expect(detectDelimiter('a\tb\tc\n1\t2,5\t3\n')).toBe('\t');
  });
});

describe('numbers', () => {
  it('reads decimal comma and thousands separators', () => {
    expect(parseNumber('1 234,5', ',')).toBe(1234.5);
    expect(parseNumber('1.234.567,25', ',')).toBe(1234567.25);
    expect(parseNumber('1,234,567.25', '.')).toBe(1234567.25);
    expect(parseNumber("12'345", '.')).toBe(12345);
    expect(parseNumber('1,5', '.')).toBeNaN();
    expect(parseNumber('12a', '.')).toBeNaN();
    expect(parseNumber('1e3', '.')).toBe(1000);
  });
  it('votes on the decimal mark', () => {
    expect(detectDecimalMark(['1,5', '2', '3,25'])).toBe(',');
    expect(detectDecimalMark(['1.5', '2,000.25'])).toBe('.');
    expect(detectDecimalMark(['1', '2'], ';')).toBe(',');
  });
});

describe('long and wide tables', () => {
  it('builds a region-major cube from a long table and reports missing cells', () => {
    const t = parseDelimited('region,category,year,employment,establishments\nA,x,2020,10,2\nA,y,2020,:,1\nB,x,2020,5,1\nB,x,2021,6,1\n', 'l.csv');
    const { cube, report } = longTableToCube(t);
    expect(cube.regions.map((r) => r.id)).toEqual(['A', 'B']);
    expect(cube.categories.map((c) => c.id)).toEqual(['x', 'y']);
    expect(cube.years).toEqual([2020, 2021]);
    expect([...cube.employment[0]]).toEqual([10, NaN, 5, NaN]);
    expect([...cube.employment[1]]).toEqual([NaN, NaN, 6, NaN]);
    expect([...cube.establishments![0]]).toEqual([2, 1, 1, NaN]);
    expect(report).toMatchObject({ rowsRead: 4, rowsUsed: 4, missingCells: 1, unused: [] });
  });

  it('separates the benchmark region and counts rows of unknown categories', () => {
    const cats = categoriesFromTable(parseDelimited('category,name,group\nx,Ex,traded\n', 'c.csv'));
    expect(cats).toEqual([{ id: 'x', name: 'Ex', group: 'traded' }]);
    const t = parseDelimited('region;category;employment\nUS;x;100\nA;x;1,5\nA;z;3\n', 'b.csv');
    const { cube, report } = longTableToCube(t, undefined, { benchmarkId: 'US', categories: cats });
    expect(cube.regions.map((r) => r.id)).toEqual(['A']);
    expect([...cube.benchmark![0]]).toEqual([100]);
    expect([...cube.employment[0]]).toEqual([1.5]);
    expect(report.unused).toEqual([{ line: 4, reason: 'category "z" is not in the categories table' }]);
    expect(report.rowsUsed).toBe(2);
  });

  it('locates text in a number column, negatives and duplicate rows', () => {
    const locate = (text: string) => {
      try {
        longTableToCube(parseDelimited(text, 'x.csv'));
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(locate('region,category,employment\nA,x,ten\n')).toBe('x.csv, line 2, column "employment": "ten" is not a number');
    expect(locate('region,category,employment\nA,x,-1\n')).toMatch(/line 2.*negative value -1/);
    expect(locate('region,category,employment\nA,x,1\nA,x,2\n')).toMatch(/line 3: region "A", category "x" already given on line 2/);
    expect(locate('a,b\n1,2\n')).toMatch(/no region column recognised/);
  });

  it('reads a wide table with a matching establishments table', () => {
    const emp = parseDelimited('region,year,x,y\nA,2020,10,0\nB,2020,5,7\n', 'e.csv');
    const est = parseDelimited('region,year,x,y\nB,2020,1,2\nA,2020,3,0\n', 'p.csv');
    const { cube, report } = wideTableToCube(emp, undefined, {}, est);
    expect([...cube.employment[0]]).toEqual([10, 0, 5, 7]);
    expect([...cube.establishments![0]]).toEqual([3, 0, 1, 2]);
    expect(report.rowsUsed).toBe(2);
  });
});

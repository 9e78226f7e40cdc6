import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../src/io/delimited';
import { guessYearColumnsMapping, yearColumnsToCube, yearOfHeader } from '../../../src/io/yearColumnsTable';

describe('tables with one column per year', () => {
  it('recognises year headers as spreadsheets and R write them', () => {
    expect(yearOfHeader('2015')).toBe(2015);
    expect(yearOfHeader(' Y2015 ')).toBe(2015);
    expect(yearOfHeader('X2008')).toBe(2008);
    expect(yearOfHeader('employment 2015')).toBeUndefined();
    expect(yearOfHeader('20155')).toBeUndefined();
    expect(guessYearColumnsMapping(['NUTS_ID', 'nace', 'label', '2014', '2015'])).toEqual({ region: 'NUTS_ID', category: 'nace', years: ['2014', '2015'] });
  });

  it('reads every year column into the cube and counts what is missing or unused', () => {
    const t = parseDelimited('region;category;name;2015;2014\nA;x;Alpha;2;1,5\nA;y;Alpha;3;:\n;x;?;1;1\nB;x;Beta;5;4\n', 'y.csv');
    const { cube, report } = yearColumnsToCube(t);
    expect(cube.years).toEqual([2014, 2015]);
    expect(cube.regions.map((r) => r.id)).toEqual(['A', 'B']);
    expect([...cube.employment[0]]).toEqual([1.5, NaN, 4, NaN]);
    expect([...cube.employment[1]]).toEqual([2, 3, 5, NaN]);
    expect(report).toMatchObject({ rowsRead: 4, rowsUsed: 3, missingCells: 1, unused: [{ line: 4, reason: 'empty region' }] });
    expect(report.notes).toEqual(['columns not used: name']);
  });

  it('says what is missing', () => {
    expect(() => yearColumnsToCube(parseDelimited('region,category,total\nA,x,1\n', 'n.csv'))).toThrow('n.csv: no year columns (such as "2015") in the header (region, category, total)');
    expect(() => yearColumnsToCube(parseDelimited('area,category,2015\nA,x,1\n', 'n.csv'))).toThrow(/no region column recognised/);
    expect(() => yearColumnsToCube(parseDelimited('region,category,2015,Y2015\nA,x,1,2\n', 'n.csv'))).toThrow('n.csv: two columns name the year 2015');
    expect(() => yearColumnsToCube(parseDelimited('region,category,2015\nA,x,many\n', 'n.csv'))).toThrow('n.csv, line 2, column "2015": "many" is not a number');
  });
});

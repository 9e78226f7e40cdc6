import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../src/io/delimited';
import { parseEurostatTsv } from '../../../src/io/eurostatTsv';
import { eurostatToCube } from '../../../src/io/eurostatCube';
import { longTableToCube } from '../../../src/io/longTable';
import { streamYearColumnsTable, yearColumnsToCube } from '../../../src/io/yearColumnsTable';
import { wideTableToCube } from '../../../src/io/wideTable';

describe('numbers beyond a double', () => {
  it('a 1e309 employment cell is refused with its line, not turned into Infinity', () => {
    const text = 'region,category,employment\nA,x,10\nA,y,1e309\nB,x,3\n';
    expect(() => longTableToCube(parseDelimited(text, 'inf.csv'))).toThrow('inf.csv, line 3: a value beyond the largest number (±1.8e308) for region "A", category "y"');
  });

  it('a 1e309 cell of a year-column table is refused with its line, parsed or streamed, after plain rows too', () => {
    const plain = Array.from({ length: 3000 }, (_, i) => `R${i},c${i % 7},${i},${i + 1}`).join('\n');
    const text = `region,category,2015,2016\n${plain}\nA,x,10,1e309\nB,x,3,4\n`;
    const message = 'years.csv, line 3002: a value beyond the largest number (±1.8e308) for region "A", category "x"';
    expect(() => yearColumnsToCube(parseDelimited(text, 'years.csv'))).toThrow(message);
    expect(() => streamYearColumnsTable(text, 'years.csv')).toThrow(message);
  });

  it('sums that overflow are refused in year-column and wide tables too, naming where', () => {
    const years = 'region,category,2015,2016\nA,x,1e308,1\nB,x,1e308,1\n';
    expect(() => yearColumnsToCube(parseDelimited(years, 'y.csv'))).toThrow('y.csv: employment summed up to region "B", category "x", year 2015 exceeds the largest number');
    expect(() => streamYearColumnsTable(years, 'y.csv')).toThrow('y.csv: employment summed up to region "B", category "x", year 2015 exceeds the largest number');
    const wide = 'region,x,y\nA,1,2\nB,1e308,1e308\n';
    expect(() => wideTableToCube(parseDelimited(wide, 'w.csv'), { region: 'region' })).toThrow('w.csv: employment summed up to region "B", category "y" exceeds the largest number');
  });

  it('a 400-digit integer cell is refused with its line', () => {
    const text = `region,category,employment\nA,x,${'9'.repeat(400)}\n`;
    expect(() => longTableToCube(parseDelimited(text, 'digits.csv'))).toThrow('digits.csv, line 2: a value beyond the largest number');
  });

  it('cells that are finite but whose sum overflows are refused, naming where the sum overflowed', () => {
    const text = 'region,category,employment\nA,x,1e308\nA,y,1e308\nB,x,1\n';
    expect(() => longTableToCube(parseDelimited(text, 'sum.csv'))).toThrow('sum.csv: employment summed up to region "A", category "y" exceeds the largest number (±1.8e308)');
  });

  it('1e309 in a Eurostat TSV is refused with its line', () => {
    const tsv = 'unit,nace_r2,geo\\time\t2015 \nTHS,A,AA1\t1 \nTHS,C,AA1\t1e309 \n';
    expect(() => eurostatToCube(parseEurostatTsv(tsv, 'inf.tsv'))).toThrow('inf.tsv, line 3: a value beyond the largest number');
  });
});

describe('ids with control characters in tables', () => {
  it('a NUL byte in a region id is refused with its line instead of making a second region', () => {
    const text = 'region,category,employment\nA,x,1\nA\u0000,x,2\n';
    expect(() => longTableToCube(parseDelimited(text, 'nul.csv'))).toThrow('nul.csv, line 3: the region "A\\u0000" holds the control character U+0000');
  });

  it('a control character in a category is refused with its line', () => {
    const text = 'region,category,employment\nA,x\u0007,1\n';
    expect(() => longTableToCube(parseDelimited(text, 'bell.csv'))).toThrow('bell.csv, line 2: the category "x\\u0007" holds the control character U+0007');
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDelimited, streamDelimited } from '../../../src/io/delimited';
import { longTableToCube, streamLongTable, type LongMapping } from '../../../src/io/longTable';
import { streamWideTable, wideTableToCube } from '../../../src/io/wideTable';
import { streamYearColumnsTable, yearColumnsToCube } from '../../../src/io/yearColumnsTable';
import { InputError } from '../../../src/io/errors';
import type { CubeOptions } from '../../../src/io/cubeBuilder';

/**
 * The streamed readers must be indistinguishable from parse-then-read: the same cube and report,
 * or the same error at the same place, whatever the file holds and however many problems it has.
 */

type Outcome = { result: unknown } | { error: string; location?: unknown };

function outcome(read: () => unknown): Outcome {
  try {
    return { result: read() };
  } catch (error) {
    if (error instanceof InputError) return { error: error.message, location: error.location };
    throw error;
  }
}

const layouts = {
  long: {
    parsed: (text: string, file: string, options?: CubeOptions, mapping?: Partial<LongMapping>) => longTableToCube(parseDelimited(text, file), mapping, options),
    streamed: (text: string, file: string, options?: CubeOptions, mapping?: Partial<LongMapping>) => streamLongTable(text, file, mapping, options),
  },
  wide: {
    parsed: (text: string, file: string, options?: CubeOptions) => wideTableToCube(parseDelimited(text, file), undefined, options),
    streamed: (text: string, file: string, options?: CubeOptions) => streamWideTable(text, file, undefined, options),
  },
  years: {
    parsed: (text: string, file: string, options?: CubeOptions) => yearColumnsToCube(parseDelimited(text, file), undefined, options),
    streamed: (text: string, file: string, options?: CubeOptions) => streamYearColumnsTable(text, file, undefined, options),
  },
};

function expectSame(text: string, file: string, options?: CubeOptions, mapping?: Partial<LongMapping>): Outcome[] {
  const results: Outcome[] = [];
  for (const [name, layout] of Object.entries(layouts)) {
    const parsed = outcome(() => layout.parsed(text, file, options, mapping));
    const streamed = outcome(() => layout.streamed(text, file, options, mapping));
    expect(streamed, `${file} as a ${name} table`).toEqual(parsed);
    results.push(parsed);
  }
  return results;
}

describe('streamed tables give what parsed tables give', () => {
  const folders = ['tests/fixtures/import', 'tests/fixtures/io'];
  const fixtures = folders.flatMap((folder) => readdirSync(folder).filter((f) => f.endsWith('.csv')).map((f) => join(folder, f)));

  it.each(fixtures)('%s, in each layout', (path) => {
    const text = readFileSync(path, 'utf8');
    expectSame(text, path);
    expectSame(text, path, { suppression: 'midpoint' });
  });

  it('CBP with its flag column and a suppression policy reads the same and is not an error', () => {
    const text = readFileSync('tests/fixtures/io/cbp-small.csv', 'utf8');
    const mapping = { region: 'region', category: 'naics', employment: 'emp', employmentFlag: 'empflag', establishments: 'est' };
    const options: CubeOptions = { suppression: 'midpoint' };
    const [long] = expectSame(text, 'cbp.csv', options, mapping);
    expect(long).toHaveProperty('result');
  });

  // 6,000 good rows first: past the rows held back for the decimal mark, so values are read while parsing goes on.
  const goodRows = (n: number, delimiter = ',') => Array.from({ length: n }, (_, i) => `G${i}${delimiter}x${delimiter}${i}`);

  it('reports the malformed row further down before a bad value higher up, as the parsed path does', () => {
    const text = ['region,category,employment', ...goodRows(6000), 'B,x,lots', 'C,x,3', 'D,x,4,5'].join('\n');
    const parsed = outcome(() => layouts.long.parsed(text, 'f.csv'));
    expect(parsed).toMatchObject({ location: { file: 'f.csv', line: 6004 } });
    expect(outcome(() => layouts.long.streamed(text, 'f.csv'))).toEqual(parsed);
    // Without the malformed row, the bad value is the error, at its own line and column.
    const fixed = text.replace('D,x,4,5', 'D,x,4');
    expect(outcome(() => layouts.long.streamed(fixed, 'f.csv'))).toEqual({
      error: 'f.csv, line 6002, column "employment": "lots" is not a number',
      location: { file: 'f.csv', line: 6002, column: 'employment' },
    });
  });

  it('decides the decimal mark from exactly the cells the parsed path samples (the first 5,001)', () => {
    // Whole numbers and one decimal comma: inside the sample it makes the comma the mark; one cell
    // later the sample is a tie, the "," file's convention (a point) wins and "2,5" is an error.
    const table = (at: number) => {
      const rows = Array.from({ length: 6000 }, (_, i) => `R${i % 100},c${Math.floor(i / 100)},${i === at ? '"2,5"' : i}`);
      return ['region,category,employment', ...rows].join('\r\n');
    };
    const [inside] = expectSame(table(5000), 'inside.csv');
    const cube = (inside as { result: ReturnType<typeof longTableToCube> }).result.cube;
    expect(cube.employment[0][0 * cube.categories.length + 50]).toBe(2.5);
    const [outside] = expectSame(table(5001), 'outside.csv');
    expect(outside).toEqual({
      error: 'outside.csv, line 5003, column "employment": "2,5" is not a number',
      location: { file: 'outside.csv', line: 5003, column: 'employment' },
    });
  });

  it('streamDelimited hands on exactly the rows and lines parseDelimited keeps', () => {
    const text = '\ufeff\n"region";category;value\r\n\r\nA;"x\ny";1\n\nB;y;"2,5"\n';
    const table = parseDelimited(text, 't.csv');
    const rows: string[][] = [];
    const lines: number[] = [];
    const head = streamDelimited(text, 't.csv', { onRow: (row, line) => (rows.push(row), lines.push(line)) });
    expect({ rows, lines, header: head.header, blankLines: head.blankLines, delimiter: head.delimiter }).toEqual({
      rows: table.rows,
      lines: table.lines,
      header: table.header,
      blankLines: table.blankLines,
      delimiter: table.delimiter,
    });
    expect(lines).toEqual([4, 7]);
    expect(head.rowCount).toBe(2);
  });

  // Generated long tables with every kind of problem a real file has, alone or several at once.
  const cell = fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 0, max: 99_999 }).map(String) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 99_999 }).map((n) => `${Math.floor(n / 100)},${String(n % 100).padStart(2, '0')}`) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 99_999 }).map((n) => `${n / 100}`) },
    { weight: 1, arbitrary: fc.constantFrom(':', '', 'n/a', 'D', '-3', 'many', '"1 234"', 'A') },
  );
  const key = fc.constantFrom('R1', 'R2', 'R3', ' R4', '');
  const category = fc.constantFrom('a', 'b', 'c', '');
  const row = fc.oneof(
    { weight: 20, arbitrary: fc.tuple(key, category, fc.constantFrom('2020', '2021', '2021.0', 'x'), cell, cell).map((r) => r.join(';')) },
    { weight: 1, arbitrary: fc.constantFrom('', 'R9;a;2020;1', 'R9;a;2020;1;2;3', '"R9;a;2020;1;2') },
  );

  it('agrees on generated long tables, valid or not', () => {
    const seen = { result: 0, error: 0 };
    fc.assert(
      fc.property(fc.array(row, { minLength: 0, maxLength: 40 }), fc.boolean(), fc.boolean(), (body, suppress, pad) => {
        // Padded, the generated rows come after those held back for the decimal mark.
        const padding = pad ? Array.from({ length: 2600 }, (_, i) => `P${i};a;2020;1;2`) : [];
        const text = ['region;category;year;employment;establishments', ...padding, ...body].join('\n');
        const options: CubeOptions = suppress ? { suppression: 'missing' } : {};
        const parsed = outcome(() => layouts.long.parsed(text, 'gen.csv', options));
        expect(outcome(() => layouts.long.streamed(text, 'gen.csv', options))).toEqual(parsed);
        seen['result' in parsed ? 'result' : 'error']++;
      }),
      { numRuns: 200, seed: 20261126 },
    );
    // Both kinds of outcome were compared, not only errors.
    expect(Math.min(seen.result, seen.error)).toBeGreaterThan(20);
  });

  it('agrees on a generated table large enough to hold back and release the sample rows', () => {
    const lines = ['region,category,year,employment,establishments'];
    for (let i = 0; i < 20_000; i++) lines.push(`R${i % 400},c${Math.floor(i / 400)},2020,${(i * 7919) % 5000}.${i % 10},${i % 7 === 0 ? ':' : i % 40}`);
    lines.splice(9000, 0, '');
    const text = lines.join('\n') + '\n';
    const [long] = expectSame(text, 'big.csv');
    const { report } = (long as { result: ReturnType<typeof longTableToCube> }).result;
    expect(report.rowsRead).toBe(20_000);
    expect(report.notes[0]).toBe('1 blank line(s) skipped');
  });
});

describe('an establishments table beside a wide employment table, streamed or parsed', () => {
  const both = (employment: string, establishments: string, options: CubeOptions = {}) => {
    const parsed = outcome(() => wideTableToCube(parseDelimited(employment, 'e.csv'), undefined, options, parseDelimited(establishments, 'p.csv')));
    const streamed = outcome(() => streamWideTable(employment, 'e.csv', undefined, options, { text: establishments, fileName: 'p.csv' }));
    return { parsed, streamed };
  };

  it('puts each row’s counts beside it, by region and year, in the employment’s column order', () => {
    const { parsed, streamed } = both('region,year,x,y\nA,2020,10,0\nB,2020,5,7\nA,2021,4,4\n', 'region,year,y,x\nB,2020,2,1\nA,2020,0,3\n" A ",2021,9,8\n');
    expect(streamed).toEqual(parsed);
    const { cube } = (streamed as { result: ReturnType<typeof wideTableToCube> }).result;
    expect(cube.years).toEqual([2020, 2021]);
    expect([...cube.establishments![0]]).toEqual([3, 0, 1, 2]);
    expect([...cube.establishments![1].subarray(0, 2)]).toEqual([8, 9]);
  });

  it('names the establishments file for a row it lacks, and a bad count’s file, line and column', () => {
    const missing = both('region,year,x\nA,2020,1\nB,2020,2\n', 'region,year,x\nA,2020,1\n');
    expect(missing.streamed).toEqual(missing.parsed);
    expect(missing.streamed).toMatchObject({ error: expect.stringMatching(/no row for region "B", year 2020 \(present in e\.csv, line 3\)/), location: { file: 'p.csv' } });
    const bad = both('region,year,x\nA,2020,1\n', 'region,year,x\nA,2020,many\n');
    expect(bad.streamed).toEqual(bad.parsed);
    expect(bad.streamed).toMatchObject({ location: { file: 'p.csv', line: 2, column: 'x' } });
  });

  // Generated pairs: plain rows and every kind of odd one, in either file, with or without padding
  // past the rows held back for the decimal mark (the streamed establishments take their plain rows
  // in the scanner's loop). The establishments mostly have a row for each employment row.
  const count = fc.oneof(
    { weight: 30, arbitrary: fc.integer({ min: 0, max: 9_999 }).map(String) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 9_999 }).map((n) => `${Math.floor(n / 100)},${String(n % 100).padStart(2, '0')}`) },
    { weight: 1, arbitrary: fc.constantFrom(':', '', '"12"', 'D', '-3', ' 7', '1e3') },
  );
  const region = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('R1', 'R2', 'R3') }, { weight: 1, arbitrary: fc.constantFrom('"R1"', ' R2', 'R\u00014') });
  const year = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('2020', '2021') }, { weight: 1, arbitrary: fc.constantFrom(' 2021', 'x') });
  const keyed = fc.tuple(region, year, count, count, count, count, fc.integer({ min: 0, max: 30 }));
  const table = (rows: string[], pad: boolean) => ['region,year,a,b', ...(pad ? Array.from({ length: 2600 }, (_, i) => `P${i},2020,${i % 9},1`) : []), ...rows].join('\n');

  it('agrees on generated pairs, valid or not', () => {
    const seen = { result: 0, error: 0 };
    fc.assert(
      fc.property(fc.uniqueArray(keyed, { maxLength: 10, selector: ([r, y]) => `${r.trim()} ${y}` }), fc.boolean(), (rows, pad) => {
        const employment = rows.map(([r, y, a, b]) => [r, y, a, b].join(','));
        // Now and then a row left out of the establishments, or one of theirs only.
        const establishments = rows.filter(([, , , , , , u]) => u !== 0).map(([r, y, , , a, b, u]) => [u === 1 ? 'R9' : r, y, a, b].join(',')).reverse();
        const { parsed, streamed } = both(table(employment, pad), table(establishments, pad));
        expect(streamed).toEqual(parsed);
        seen['result' in parsed ? 'result' : 'error']++;
      }),
      { numRuns: 250, seed: 20261202 },
    );
    expect(Math.min(seen.result, seen.error)).toBeGreaterThan(20);
  });
});

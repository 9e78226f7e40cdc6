import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { delimitedReader, detectDelimiter, parseDelimited, type DelimitedTable } from '../../../src/io/delimited';
import { InputError } from '../../../src/io/errors';

/**
 * The byte scanner replaced papaparse under `parseDelimited`; files must read exactly as before.
 * The reference below is the papaparse-based reading it replaced (rows, line numbers, blank lines,
 * errors and their lines), run on the same generated texts, quirks and malformed files included.
 */
function papaReference(text: string, fileName: string): DelimitedTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputError({ file: fileName }, 'the file is empty');
  const delimiter = detectDelimiter(text);
  const rows: string[][] = [];
  const lines: number[] = [];
  let blankLines = 0;
  let header: string[] | undefined;
  let headerLine = 0;
  let lastCursor = 0;
  let line = 1;
  let failure: unknown;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step(result, parser) {
      const rowLine = line;
      const cursor = result.meta.cursor;
      for (let i = lastCursor; i < cursor; i++) if (text.charCodeAt(i) === 10) line++;
      lastCursor = cursor;
      const row = result.data;
      const quoteError = result.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        failure = new InputError({ file: fileName, line: rowLine }, `unbalanced quotes (${quoteError.message})`);
        parser.abort();
        return;
      }
      if (row.length === 0 || (row.length === 1 && row[0].trim() === '')) {
        if (cursor < text.length || row.length > 0) blankLines++;
        return;
      }
      if (!header) {
        header = row.map((h) => h.trim());
        headerLine = rowLine;
        return;
      }
      if (row.length !== header.length) {
        failure = new InputError({ file: fileName, line: rowLine }, `expected ${header.length} fields as in the header (line ${headerLine}), found ${row.length}`);
        parser.abort();
        return;
      }
      rows.push(row);
      lines.push(rowLine);
    },
  });
  if (failure) throw failure;
  if (!header) throw new InputError({ file: fileName }, 'no header row found');
  if (text.endsWith('\n') && blankLines > 0) blankLines--;
  return { fileName, delimiter, header, rows, lines, blankLines };
}

type Outcome = { table: DelimitedTable } | { error: string };

function outcome(read: () => DelimitedTable): Outcome {
  try {
    return { table: read() };
  } catch (error) {
    if (error instanceof InputError) return { error: error.message.replace(/ — a decimal comma.*$/, '') };
    throw error;
  }
}

/** Header checks (empty or repeated names) are the reader's own, not the splitter's: leave them out of the comparison. */
const uniqueHeader = (text: string) => {
  try {
    parseDelimited(text, 'f.csv');
  } catch (error) {
    if (error instanceof InputError && /header has no name|appears twice/.test(error.message)) return false;
  }
  return true;
};

const nasty = fc.string({ unit: fc.constantFrom('a', 'b', '1', ',', ';', '\t', '"', '"', '\n', '\n', '\r', '\r\n', ' ', 'ж'), maxLength: 80 });
const tableLike = fc
  .array(fc.array(fc.oneof(fc.constantFrom('', ' ', 'x', '12', '"q"', '"a,b"', '"l\nm"', '"e""f"', '"g" ', '"h"x', '"unclosed'), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 })
  .chain((rows) => fc.tuple(fc.constant(rows), fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom(',', ';', '\t'), fc.boolean()))
  .map(([rows, eol, d, bom]) => (bom ? '\ufeff' : '') + rows.map((r) => r.join(d)).join(eol) + (rows.length % 2 ? eol : ''));

function expectAsPapa(text: string): void {
  fc.pre(uniqueHeader(text));
  const expected = outcome(() => papaReference(text, 'f.csv'));
  expect(outcome(() => parseDelimited(text, 'f.csv'))).toEqual(expected);
}

describe('the delimited scanner reads as papaparse did', () => {
  it('on arbitrary text of quotes, delimiters and line ends', () => {
    fc.assert(fc.property(nasty, expectAsPapa), { numRuns: 3000, seed: 7 });
  });

  it('on table-like text, malformed or not', () => {
    fc.assert(fc.property(tableLike, expectAsPapa), { numRuns: 2000, seed: 11 });
  });

  it('on hand-picked quirks', () => {
    for (const text of ['a,b\n"1" ,2\n', 'a,b\n"1"\t\n', 'a,b\r\n"x"\n,y\r\n', 'a\n"x""', 'a\n"x"y"\n', 'a;b\r1;2\r', 'a,b\n1,"2"', 'a\n\n\n', '\ufeffa\n"\n"\n']) {
      expectAsPapa(text);
    }
  });
});

describe('a file read in chunks', () => {
  it('gives what the whole text gives, wherever the chunks are cut', () => {
    fc.assert(
      fc.property(fc.oneof(tableLike, nasty), fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        fc.pre(uniqueHeader(text));
        const whole = outcome(() => parseDelimited(text, 'f.csv'));
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunked = outcome(() => {
          const rows: string[][] = [];
          const lines: number[] = [];
          const reader = delimitedReader('f.csv', { onRow: (row, line) => (rows.push(row), lines.push(line)) });
          let from = 0;
          for (const p of [...points, text.length]) {
            reader.push(text.slice(from, p));
            from = p;
          }
          const head = reader.end();
          return { fileName: 'f.csv', delimiter: head.delimiter, header: head.header, rows, lines, blankLines: head.blankLines };
        });
        expect(chunked).toEqual(whole);
      }),
      { numRuns: 2000, seed: 3 },
    );
  });
});

describe('key numbers of scanned cells', () => {
  /** Every cell's key and key number, through the scanner's own cells. */
  function keyed(text: string): { key: string; index: number }[] {
    const out: { key: string; index: number }[] = [];
    const reader = delimitedReader('k.csv', {
      onCells: (cells) => {
        for (let c = 0; c < cells.length; c++) out.push({ key: cells.key(c), index: cells.keyIndex(c) });
      },
    });
    reader.push(text);
    reader.end();
    return out;
  }

  it('stand for the key: equal keys, equal numbers, dense from 0; -1 where the text must be asked for', () => {
    const cells = keyed('a,b\nDE11,c1\n"DE11",c2\n DE11 ,c1\nDE11,\nAT11,c2\n');
    expect(cells.map((c) => c.key)).toEqual(['DE11', 'c1', 'DE11', 'c2', 'DE11', 'c1', 'DE11', '', 'AT11', 'c2']);
    // Quoted, padded and empty cells have no number; their keys still read as the same text.
    expect(cells.map((c) => c.index)).toEqual([0, 1, -1, 2, -1, 1, 0, -1, 3, 2]);
  });

  it('equal exactly when the keys are equal, on generated tables', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,6}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(id, id), { minLength: 1, maxLength: 60 }), (rows) => {
        const cells = keyed(['x,y', ...rows.map(([a, b]) => `${a},${b}`)].join('\n'));
        const byIndex = new Map<number, string>();
        const byKey = new Map<string, number>();
        for (const { key, index } of cells) {
          expect(index).toBeGreaterThanOrEqual(0);
          expect(byIndex.get(index) ?? key).toBe(key);
          expect(byKey.get(key) ?? index).toBe(index);
          byIndex.set(index, key);
          byKey.set(key, index);
        }
        expect([...byIndex.keys()].sort((a, b) => a - b)).toEqual([...byIndex.keys()].map((_, i) => i));
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

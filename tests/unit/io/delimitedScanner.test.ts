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

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { delimitedReader, parseDelimited } from '../../../src/io/delimited';
import { PLAIN_DIGITS, PLAIN_KEY, PLAIN_SKIP, type Cells, type PlainRows } from '../../../src/io/delimitedScanner';
import { plainColumns } from '../../../src/io/plainRows';
import { longTableReader, longTableToCube } from '../../../src/io/longTable';
import { wideTableReader, wideTableToCube } from '../../../src/io/wideTable';
import { yearColumnsReader, yearColumnsToCube } from '../../../src/io/yearColumnsTable';
import { tableReader, type RowConsumer, type TableHead } from '../../../src/io/tableRows';
import { InputError } from '../../../src/io/errors';
import type { CubeOptions, TableReport } from '../../../src/io/cubeBuilder';
import type { EmploymentCube } from '../../../src/model/dataset';

/**
 * The plain-row loop (the scanner reading a reader's plain rows itself: ids matched by their
 * packed bytes, counts valued, no cells object) against the general path: the scanner on its
 * own, and the readers of rows of strings. Tables are mostly plain, so the loop is what reads
 * them, with the unusual rows it must leave to the general path mixed in.
 */

type Read = { cube: EmploymentCube; report: TableReport };
type Outcome = { result: unknown } | { error: string; location?: unknown };

function outcome(read: () => Read): Outcome {
  try {
    return { result: read() };
  } catch (error) {
    if (error instanceof InputError) return { error: error.message, location: error.location };
    throw error;
  }
}

/** Ids: short (packed) and long (compared in the pool), repeated; a few the plain loop must leave alone. */
const plainId = fc.constantFrom('R1', 'R2', 'R10', 'a', 'b', 'ABCDEFGH', 'EFGH', 'ABCDEFGHI', 'region-with-a-long-id', '01001', '01004');
const oddId = fc.constantFrom('', ' R1', 'R1 ', 'Жук', 'R\u00017', '"R1"', 'US', 'TOTAL', 'R,3');
const id = fc.oneof({ weight: 40, arbitrary: plainId }, { weight: 1, arbitrary: oddId });
const plainCount = fc.integer({ min: 0, max: 99_999 }).map(String);
const oddCount = fc.constantFrom('', ':', '12.5', '12,5', '007', '999999999999999', '1234567890123456', ' 4', 'x', '"5"', 'A');
const count = fc.oneof({ weight: 60, arbitrary: plainCount }, { weight: 1, arbitrary: oddCount });
const year = fc.oneof({ weight: 40, arbitrary: fc.constantFrom('2019', '2020', '2021') }, { weight: 1, arbitrary: fc.constantFrom('999', '20201', 'x', '') });

const sample = fc.record({
  layout: fc.constantFrom('long', 'wide', 'years'),
  width: fc.integer({ min: 1, max: 25 }),
  rows: fc.array(fc.tuple(id, id, year, fc.array(count, { minLength: 25, maxLength: 25 }), fc.nat(99)), { minLength: 1, maxLength: 600 }),
  delimiter: fc.constantFrom(',', ';', '\t'),
  eol: fc.constantFrom('\n', '\n', '\r\n'),
  // A column the readers do not use (read past by the loop), with text in it.
  extra: fc.boolean(),
  options: fc.record({
    benchmarkId: fc.constantFrom(undefined, 'US', 'R2'),
    categories: fc.constantFrom(undefined, ['c0', 'c1', 'a', 'R1', 'ABCDEFGH'].map((c) => ({ id: c, name: c }))),
    keepNonIndustry: fc.boolean(),
  }),
  cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
});

type Sample = { layout: string; width: number; rows: [string, string, string, string[], number][]; delimiter: string; eol: string; extra: boolean; options: CubeOptions; cuts: number[] };

function field(text: string, delimiter: string): string {
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

function write(t: Sample): string {
  const names = Array.from({ length: t.width }, (_, k) => (t.layout === 'years' ? String(2000 + k) : `c${k}`));
  const header = t.layout === 'long' ? ['region', 'category', 'year', 'employment', 'establishments'] : t.layout === 'wide' ? ['region', 'year', ...names] : ['region', 'category', ...names];
  const extra = (n: number) => (t.extra ? [n % 7 === 0 ? 'a note' : ''] : []);
  const lines = [[...header, ...(t.extra ? ['note'] : [])].join(t.delimiter)];
  // Rows that decide the decimal mark (the first 5,001 numeric cells are held back as strings),
  // so the generated rows after them are read by the plain-row loop.
  const numeric = t.layout === 'long' ? 2 : t.width;
  for (let i = 0; i * numeric < 5001; i++) {
    const values = Array.from({ length: numeric }, (_, k) => String((i + k) % 97));
    const cells = t.layout === 'long' ? [`P${i % 300}`, `p${i % 17}`, '2020', ...values] : t.layout === 'wide' ? [`P${i}`, '2020', ...values] : [`P${i % 300}`, `p${Math.floor(i / 300)}`, ...values];
    lines.push([...cells, ...extra(i)].join(t.delimiter));
  }
  for (const [region, category, y, counts, n] of t.rows) {
    const cells = t.layout === 'long' ? [region, category, y, counts[0], counts[1]] : t.layout === 'wide' ? [region, y, ...counts.slice(0, t.width)] : [region, category, ...counts.slice(0, t.width)];
    // Now and then a row of the wrong width (an error the general path names).
    if (n === 0) cells.push('1');
    lines.push([...cells.map((c) => field(c, t.delimiter)), ...extra(n)].join(t.delimiter));
  }
  return lines.join(t.eol) + t.eol;
}

const readers: Record<string, { make: (head: TableHead, options: CubeOptions) => RowConsumer<Read>; parsed: (text: string, options: CubeOptions) => Read }> = {
  long: {
    make: (head, options) => longTableReader(head, { region: 'region', category: 'category', year: 'year', employment: 'employment', establishments: 'establishments' }, options),
    parsed: (text, options) => longTableToCube(parseDelimited(text, 't.csv'), { region: 'region', category: 'category', year: 'year', employment: 'employment', establishments: 'establishments' }, options),
  },
  wide: {
    make: (head, options) => wideTableReader(head, { region: 'region', year: 'year', categories: head.header.filter((h) => /^c\d+$/.test(h)) }, options),
    parsed: (text, options) => {
      const table = parseDelimited(text, 't.csv');
      return wideTableToCube(table, { region: 'region', year: 'year', categories: table.header.filter((h) => /^c\d+$/.test(h)) }, options);
    },
  },
  years: {
    make: (head, options) => yearColumnsReader(head, { region: 'region', category: 'category', years: head.header.filter((h) => /^\d{4}$/.test(h)) }, options),
    parsed: (text, options) => {
      const table = parseDelimited(text, 't.csv');
      return yearColumnsToCube(table, { region: 'region', category: 'category', years: table.header.filter((h) => /^\d{4}$/.test(h)) }, options);
    },
  },
};

/** The bytes pushed in pieces, counting the rows the plain-row loop took. */
function streamed(t: Sample, bytes: Uint8Array, options: CubeOptions, taken: { rows: number }): Read {
  const reader = tableReader(
    't.csv',
    (head) => {
      const consumer = readers[t.layout].make(head, options);
      const plain = consumer.plainRows;
      if (plain) {
        const row = plain.row.bind(plain);
        consumer.plainRows = { ...plain, row: (line, names) => row(line, names) && ++taken.rows > 0 };
      }
      return consumer;
    },
    { totalLength: bytes.length },
  );
  let at = 0;
  for (const cut of [...t.cuts.map((c) => Math.floor(c * bytes.length)).sort((a, b) => a - b), bytes.length]) {
    reader.push(bytes.subarray(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  return reader.end();
}

describe('the plain-row loop reads as the general path', () => {
  it('the same cube, report and located error as rows of strings, on mostly plain long, wide and year-column tables', () => {
    const seen = { result: 0, error: 0, plainRows: 0, rows: 0 };
    fc.assert(
      fc.property(sample, (generated) => {
        const t = generated as Sample;
        const options = Object.fromEntries(Object.entries(t.options).filter(([, v]) => v !== undefined)) as CubeOptions;
        const text = write(t);
        const taken = { rows: 0 };
        const parsed = outcome(() => readers[t.layout].parsed(text, options));
        const fast = outcome(() => streamed(t, new TextEncoder().encode(text), options, taken));
        expect(fast).toEqual(parsed);
        seen['result' in parsed ? 'result' : 'error']++;
        seen.plainRows += taken.rows;
        seen.rows += t.rows.length;
      }),
      { numRuns: 150, seed: 20261203 },
    );
    // Both kinds of outcome were compared, and most generated rows went through the loop.
    expect(Math.min(seen.result, seen.error)).toBeGreaterThan(20);
    expect(seen.plainRows).toBeGreaterThan(seen.rows / 2);
  });

  it('a year-column table with cells given twice names the first, in the order rows gave them, past a staged batch of rows', () => {
    // 300 regions × 2 categories × 20 years (the first 251 rows held back for the decimal mark),
    // then the same again from region 150 on.
    const years = Array.from({ length: 20 }, (_, k) => 2000 + k);
    const lines = [['region', 'category', ...years].join(',')];
    for (let pass = 0; pass < 2; pass++) for (let r = pass * 150; r < 300; r++) for (const c of ['c0', 'c1']) lines.push([`R${r}`, c, ...years.map((y) => r + y)].join(','));
    const text = lines.join('\n') + '\n';
    const taken = { rows: 0 };
    const t = { layout: 'years', cuts: [] } as unknown as Sample;
    const fast = outcome(() => streamed(t, new TextEncoder().encode(text), {}, taken));
    expect(fast).toEqual(outcome(() => readers.years.parsed(text, {})));
    // Line 602 gives region R150, category c0 again: first given on line 302 (after the header and 300 rows).
    expect(fast).toEqual({ error: 't.csv, line 602: region "R150", category "c0", year 2000 already given on line 302', location: { file: 't.csv', line: 602 } });
    expect(taken.rows).toBeGreaterThan(500);
  });
});

describe('the scanner with a reader\'s plain rows', () => {
  /** Every row as (line, cells read as the plan asks), from the plan's `row` or the general `sink`. */
  function scan(text: string, plan: { kinds: number[]; declines: (line: number) => boolean } | undefined, cuts: number[]): string[] {
    const seen: string[] = [];
    const read = (cells: Cells, line: number) => {
      const kinds = plan?.kinds ?? [];
      seen.push(`${line}:${kinds.map((k, c) => (k === PLAIN_KEY ? cells.key(c) : k === PLAIN_DIGITS ? cells.digits(c) : '_')).join('|')}`);
    };
    let reader: ReturnType<typeof delimitedReader> | undefined = undefined;
    let header = true;
    reader = delimitedReader('t.csv', {
      delimiter: ',',
      onCells(cells, line) {
        read(cells, line);
        if (header && plan) {
          header = false;
          const columns = plainColumns(plan.kinds.length, plan.kinds.flatMap((k, c) => (k === PLAIN_KEY ? [c] : [])), plan.kinds.flatMap((k, c) => (k === PLAIN_DIGITS ? [c] : [])))!;
          const rows: PlainRows = {
            ...columns,
            row(rowLine, names) {
              if (plan.declines(rowLine)) return false;
              seen.push(`${rowLine}:${plan.kinds.map((k, c) => (k === PLAIN_KEY ? names[columns.keys[columns.at[c]]] : k === PLAIN_DIGITS ? columns.values[columns.at[c]] : '_')).join('|')}`);
              return true;
            },
          };
          reader!.usePlainRows(rows);
        }
      },
    });
    const bytes = new TextEncoder().encode(text);
    let at = 0;
    for (const cut of [...cuts.map((c) => Math.floor(c * bytes.length)).sort((a, b) => a - b), bytes.length]) {
      reader.push(bytes.subarray(at, Math.max(at, cut)));
      at = Math.max(at, cut);
    }
    try {
      reader.end();
    } catch (error) {
      seen.push(String(error));
    }
    return seen;
  }

  const cell = fc.oneof({ weight: 20, arbitrary: fc.constantFrom('R1', 'ab', '12', '0', '007', 'ABCDEFGHIJ', '2020') }, { weight: 1, arbitrary: fc.constantFrom('', ' x', 'x ', '"q"', 'a"b', '1.5', 'Жук', '\r', '1234567890123456') });
  const text = fc.record({
    kinds: fc.array(fc.constantFrom(PLAIN_SKIP, PLAIN_KEY, PLAIN_DIGITS), { minLength: 1, maxLength: 5 }),
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 60 }),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    declined: fc.array(fc.nat(70), { maxLength: 10 }),
    cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
  });

  it('hands on every row once, in order, on its line, its cells read as the general path reads them', () => {
    fc.assert(
      fc.property(text, ({ kinds, rows, eol, declined, cuts }) => {
        const header = kinds.map((_, c) => `h${c}`).join(',');
        // Most rows as wide as the header, some not (left to the general path, which names them).
        const body = rows.map((r, i) => (i % 9 === 8 ? r : kinds.map((_, c) => r[c % r.length])).join(','));
        const source = [header, ...body].join(eol) + (rows.length % 2 ? eol : '');
        const general = scan(source, undefined, []);
        const withPlain = scan(source, { kinds, declines: (line) => declined.includes(line) }, cuts);
        // The general scan read no cells (no plan): compare lines and errors, then the cells with a plan that takes nothing.
        const lines = (rows: string[]) => rows.map((r) => r.split(':')[0]);
        expect(lines(withPlain)).toEqual(lines(general));
        expect(withPlain).toEqual(scan(source, { kinds, declines: () => true }, []));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

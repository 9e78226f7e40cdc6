import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDelimited } from '../../../src/io/delimited';
import { guessLongMapping, longTableReader, longTableToCube } from '../../../src/io/longTable';
import { guessWideMapping, wideTableReader, wideTableToCube } from '../../../src/io/wideTable';
import { guessYearColumnsMapping, yearColumnsReader, yearColumnsToCube } from '../../../src/io/yearColumnsTable';
import { tableReader, type RowConsumer, type TableHead } from '../../../src/io/tableRows';
import { InputError } from '../../../src/io/errors';
import type { CubeOptions, TableReport } from '../../../src/io/cubeBuilder';
import type { EmploymentCube } from '../../../src/model/dataset';

/**
 * The byte fast path (UTF-8 bytes scanned in chunks, digits valued during the scan, ids matched
 * by their bytes, cells written straight into the cube) against the path of strings (the table
 * parsed to rows of strings, every cell read by the general number reader): the same cube, report
 * and located error on random tables with quotes, a BOM, CRLF or CR line ends, decimal commas,
 * blank lines, suppression flags, "not reported" markers and bad numbers.
 */

type Outcome = { result: unknown } | { error: string; location?: unknown };
type Read = { cube: EmploymentCube; report: TableReport };

function outcome(read: () => Read): Outcome {
  try {
    return { result: read() };
  } catch (error) {
    if (error instanceof InputError) return { error: error.message, location: error.location };
    throw error;
  }
}

const layouts: Record<string, { make: (head: TableHead, options: CubeOptions) => RowConsumer<Read>; parsed: (text: string, file: string, options: CubeOptions) => Read }> = {
  long: {
    make: (head, options) => longTableReader(head, guessLongMapping(head.header), options),
    parsed: (text, file, options) => longTableToCube(parseDelimited(text, file), undefined, options),
  },
  wide: {
    make: (head, options) => wideTableReader(head, guessWideMapping(head.header), options),
    parsed: (text, file, options) => wideTableToCube(parseDelimited(text, file), undefined, options),
  },
  years: {
    make: (head, options) => yearColumnsReader(head, guessYearColumnsMapping(head.header), options),
    parsed: (text, file, options) => yearColumnsToCube(parseDelimited(text, file), undefined, options),
  },
};

/** The bytes pushed in the given pieces (a row or a number cut anywhere). */
function streamed(layout: string, bytes: Uint8Array, cuts: number[], options: CubeOptions): Read {
  const reader = tableReader('t.csv', (head) => layouts[layout].make(head, options), { totalLength: bytes.length });
  let at = 0;
  for (const cut of [...cuts.map((c) => Math.floor(c * bytes.length)).sort((a, b) => a - b), bytes.length]) {
    reader.push(bytes.subarray(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  return reader.end();
}

// Ids repeat (so matching by the bytes of the id before, and of the one that followed it, is
// exercised, right and wrong), some need quotes or trimming, some are not ASCII.
const id = fc.oneof({ weight: 30, arbitrary: fc.constantFrom('R1', 'R2', 'R10', 'a', 'b', 'c') }, { weight: 4, arbitrary: fc.constantFrom('R1 ', ' R2', 'Жук', 'US', 'TOTAL') }, { weight: 1, arbitrary: fc.constantFrom('R,3', 'R"4') }, { weight: 1, arbitrary: fc.constant('') });
const count = fc.oneof(
  { weight: 60, arbitrary: fc.integer({ min: 0, max: 99_999 }).map(String) },
  { weight: 6, arbitrary: fc.constantFrom('12.5', '1.234', "12'345", '1e3', '1E-2', '+7', '007', ' 42 ', '999999999999999', '.5', '5.', ':', '..', '', '', '', 'na') },
  { weight: 1, arbitrary: fc.constantFrom('12,5', '1 234,5', '1.234,5', '0,25') },
  { weight: 1, arbitrary: fc.constantFrom('A', 'm', 'D', '-3', 'x1', '1,2,3', '1,234.5', '1e309', '12345678901234567') },
);
const year = fc.oneof({ weight: 30, arbitrary: fc.constantFrom('2020', '2021') }, { weight: 1, arbitrary: fc.constantFrom(' 2020', '2020.0', 'x', '') });

function field(text: string, delimiter: string, quoteAll: boolean): string {
  return quoteAll || /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

const table = fc.record({
  layout: fc.constantFrom('long', 'wide', 'years'),
  width: fc.integer({ min: 1, max: 70 }),
  rows: fc.array(fc.tuple(id, id, year, fc.array(count, { minLength: 70, maxLength: 70 })), { minLength: 0, maxLength: 40 }),
  blanks: fc.array(fc.nat(40), { maxLength: 3 }),
  delimiter: fc.constantFrom(',', ';', '\t'),
  // Mostly what takes the fastest path (no quote in a chunk, one-byte line ends), the rest too.
  eol: fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'),
  bom: fc.boolean(),
  quoteAll: fc.constantFrom(false, false, false, true),
  options: fc.record({ suppression: fc.constantFrom(undefined, 'missing', 'midpoint'), benchmarkId: fc.constantFrom(undefined, 'US'), keepNonIndustry: fc.boolean() }),
  cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
  padMark: fc.constantFrom('.', ',', ''),
});

type Sample = { padMark: string; layout: string; width: number; rows: [string, string, string, string[]][]; blanks: number[]; delimiter: string; eol: string; bom: boolean; quoteAll: boolean; options: CubeOptions; cuts: number[] };

function write(t: Sample): string {
  const q = (text: string) => field(text, t.delimiter, t.quoteAll);
  const names = Array.from({ length: t.width }, (_, k) => (t.layout === 'years' ? String(2000 + k) : `c${k}`));
  const header = t.layout === 'long' ? ['region', 'category', 'year', 'employment', 'establishments'] : t.layout === 'wide' ? ['region', 'year', ...names] : ['region', 'category', ...names];
  const lines = [header.map(q).join(t.delimiter)];
  // Rows first that decide the decimal mark (the first 5,001 numeric cells are held back as
  // strings until then), so the generated rows after them are read from the bytes.
  const numeric = t.layout === 'long' ? 2 : t.width;
  const pad = (i: number) => (t.padMark !== '' && i % 3 === 0 ? `${i % 97}${t.padMark}5` : String(i % 97));
  for (let i = 0; i * numeric < 5001; i++) {
    const values = Array.from({ length: numeric }, (_, k) => pad(i + k));
    lines.push((t.layout === 'long' ? [`P${i}`, 'pc', '2020', ...values] : t.layout === 'wide' ? [`P${i}`, '2020', ...values] : [`P${i}`, 'pc', ...values]).map(q).join(t.delimiter));
  }
  for (const [region, category, y, counts] of t.rows) {
    const cells = t.layout === 'long' ? [region, category, y, counts[0], counts[1]] : t.layout === 'wide' ? [region, y, ...counts.slice(0, t.width)] : [region, category, ...counts.slice(0, t.width)];
    lines.push(cells.map(q).join(t.delimiter));
  }
  const first = lines.length;
  for (const b of t.blanks) lines.splice(first + (b % (lines.length - first + 1)), 0, '');
  return (t.bom ? '\ufeff' : '') + lines.join(t.eol) + t.eol;
}


describe('the byte fast path reads as the path of strings', () => {
  it('the same cube, report and located error on random long, wide and year-column tables', () => {
    const seen = { result: 0, error: 0 };
    fc.assert(
      fc.property(table, (generated) => {
        const t = generated as Sample;
        const options = Object.fromEntries(Object.entries(t.options).filter(([, v]) => v !== undefined)) as CubeOptions;
        const text = write(t);
        const parsed = outcome(() => layouts[t.layout].parsed(text, 't.csv', options));
        const fast = outcome(() => streamed(t.layout, new TextEncoder().encode(text), t.cuts, options));
        expect(fast).toEqual(parsed);
        seen['result' in parsed ? 'result' : 'error']++;
      }),
      { numRuns: 200, seed: 20261202 },
    );
    // Both kinds of outcome were compared, not only errors.
    expect(Math.min(seen.result, seen.error)).toBeGreaterThan(30);
  });

  it('the same on tables past the held-back sample rows and past one chunk of regions, against the values written', () => {
    // 700 regions (chunks of 256 regions), 60 categories (room for categories grown past 8, 16, 32),
    // 3 years; rows region-major within a year, so ids repeat in one order.
    const nR = 700;
    const nC = 60;
    const years = [2019, 2020, 2021];
    const value = (r: number, c: number, y: number) => ((r * 7919 + c * 104729 + y) % 5000) + ((r + c) % 3 === 0 ? 0.5 : 0);
    const lines = ['region;category;year;employment'];
    for (const y of years) for (let r = 0; r < nR; r++) for (let c = 0; c < nC; c++) lines.push(`R${r};c${c};${y};${String(value(r, c, y)).replace('.', ',')}`);
    const wide = [['region', 'year', ...Array.from({ length: nC }, (_, c) => `c${c}`)].join(',')];
    for (const y of years) for (let r = 0; r < nR; r++) wide.push([`R${r}`, y, ...Array.from({ length: nC }, (_, c) => value(r, c, y))].join(','));
    const byYear = [['region', 'category', ...years].join('\t')];
    for (let r = 0; r < nR; r++) for (let c = 0; c < nC; c++) byYear.push([`R${r}`, `c${c}`, ...years.map((y) => value(r, c, y))].join('\t'));
    const cases: [string, string][] = [['long', lines.join('\n')], ['wide', wide.join('\r\n')], ['years', byYear.join('\n')]];
    for (const [layout, text] of cases) {
      const bytes = new TextEncoder().encode(text);
      const fast = streamed(layout, bytes, [0.13, 0.5, 0.77], {});
      expect(outcome(() => fast)).toEqual(outcome(() => layouts[layout].parsed(text, 't.csv', {})));
      const { cube } = fast;
      expect(cube.years).toEqual(years);
      expect(cube.regions.map((r) => r.id)).toEqual(Array.from({ length: nR }, (_, r) => `R${r}`));
      expect(cube.categories.map((c) => c.id)).toEqual(Array.from({ length: nC }, (_, c) => `c${c}`));
      years.forEach((y, i) => {
        const expected = Float64Array.from({ length: nR * nC }, (_, k) => value(Math.floor(k / nC), k % nC, y));
        expect(cube.employment[i]).toEqual(expected);
      });
    }
  });
});

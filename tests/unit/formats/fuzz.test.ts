import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../../src/io/errors';
import { decodeText } from '../../../src/io/textDecoding';
import { readWorkbook } from '../../../src/io/xlsxWorkbook';
import { gridToTable, textGrid } from '../../../src/io/gridTable';
import { parseSdmxCsv } from '../../../src/io/sdmxCsv';
import { readJsonStat } from '../../../src/io/jsonStat';
import { tableHierarchies, keepLevels } from '../../../src/io/hierarchy';
import { encodeUtf16, xlsxBytes } from './writeFixtures';

/** Runs `read`; anything but a result or a located InputError fails the property. */
function endsWell(read: () => unknown): boolean {
  try {
    read();
    return true;
  } catch (error) {
    if (error instanceof InputError) return true;
    throw error;
  }
}

const mutate = (bytes: Uint8Array) =>
  fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }).map((edits) => {
    const out = bytes.slice();
    for (const [at, b] of edits) if (out.length > 0) out[at % out.length] = b;
    return out;
  });

const WORKBOOK = xlsxBytes([{ name: 'S', rows: [['Title'], ['region', 2015, null], [null, 'a', 'b'], ['  A', 1, 2], ['B', 3, 4]], merges: ['B2:C2'], indents: [0, 0, 0, 1, 0] }]);
const SDMX = 'DATAFLOW,LAST UPDATE,freq,nace_r2,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG\nX,1,A,C,AA1,2015,1.5,\nX,1,A,F,AA1,2015,2,b\nX,1,A,C,AA2,2014,:,u\n';
const STAT = JSON.stringify({ version: '2.0', class: 'dataset', id: ['nace_r2', 'geo', 'time'], size: [2, 2, 1], dimension: { nace_r2: { category: { index: ['C', 'F'] } }, geo: { category: { index: { AA1: 0, AA2: 1 } } }, time: { category: { index: ['2015'] } } }, value: [1, 2, null, 4], status: { 2: 'c' } });

describe('the new readers end in a result or a located error on any input', () => {
  it('decodeText on random and mutated bytes', () => {
    const seeds = [new TextEncoder().encode('регион;x\nМосква;1\n'), encodeUtf16('a,b\n1,2\n', 'le', true), encodeUtf16('a,b\n1,2\n', 'be', false)];
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), ...seeds.map(mutate)), (bytes) => endsWell(() => decodeText(bytes, 'f.csv'))), { numRuns: 1500 });
  });

  it('workbooks, damaged anywhere', () => {
    fc.assert(
      fc.property(mutate(WORKBOOK), (bytes) =>
        endsWell(() => {
          const book = readWorkbook(bytes, 'f.xlsx');
          for (const s of book.sheets) gridToTable(book.sheet(s));
        }),
      ),
      { numRuns: 400 },
    );
  });

  it('official-export grids and their hierarchies from any text', () => {
    const line = fc.array(fc.constantFrom('', ' ', '  A', 'B', 'ВСЕГО ПО', 'округ', '1.', '1.1 x', '2015', '3,5', '"', ';'), { maxLength: 6 }).map((cells) => cells.join(';'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) =>
        endsWell(() => {
          const { table } = gridToTable(textGrid(lines.join('\n'), 'f.csv'));
          const h = tableHierarchies(table, table.header, table.header[0]);
          const kept = keepLevels(table, h, {}, table.header[0]);
          expect(kept.table.rows.length + kept.excluded.reduce((n, e) => n + e.rows, 0)).toBe(table.rows.length);
        }),
      ),
      { numRuns: 1500 },
    );
  });

  it('SDMX-CSV and JSON-stat, mutated', () => {
    fc.assert(fc.property(mutate(new TextEncoder().encode(SDMX)), (bytes) => endsWell(() => parseSdmxCsv(new TextDecoder().decode(bytes), 'f.csv'))), { numRuns: 1500 });
    fc.assert(
      fc.property(mutate(new TextEncoder().encode(STAT)), (bytes) =>
        endsWell(() => {
          let value: unknown;
          try {
            value = JSON.parse(new TextDecoder().decode(bytes));
          } catch {
            return;
          }
          readJsonStat(value, 'f.json');
        }),
      ),
      { numRuns: 1500 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { delimitedReader } from '../../../src/io/delimited';
import type { PlainRows } from '../../../src/io/delimitedScanner';
import { plainColumns } from '../../../src/io/plainRows';

/**
 * The plain-row loop reads a run of count columns whose values go to consecutive places in one
 * loop. Columns of counts listed in another order than the table's (year columns named out of
 * order), ids and skipped columns between them, and a cell in the middle of a run that is not
 * plain digits must give each value to its own place, or leave the row to the general path.
 */
describe('runs of count columns in the plain-row loop', () => {
  const cell = fc.oneof({ weight: 30, arbitrary: fc.integer({ min: 0, max: 99_999 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom('', '1.5', 'x', '1234567890123456', ' 7', '12345678901234') });
  const table = fc.integer({ min: 2, max: 9 }).chain((width) =>
    fc.record({
      width: fc.constant(width),
      // Each column: 0 skipped, 1 an id, 2 a count.
      kinds: fc.array(fc.constantFrom(0, 1, 2, 2, 2), { minLength: width, maxLength: width }),
      order: fc.shuffledSubarray(Array.from({ length: width }, (_, c) => c), { minLength: width, maxLength: width }),
      rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 40 }),
    }),
  );

  it('gives every count to its place as the general path reads it, whatever the order the columns are listed in', () => {
    let tookAny = 0;
    fc.assert(
      fc.property(table, ({ width, kinds, order, rows }) => {
        const digits = order.filter((c) => kinds[c] === 2);
        const keys = order.filter((c) => kinds[c] === 1);
        // Ids are made plain ("k" + the cell) so the rows' ids never decide which path reads them.
        const text = [Array.from({ length: width }, (_, c) => `h${c}`).join(','), ...rows.map((r) => r.map((v, c) => (kinds[c] === 1 ? `k${v.trim() || 0}` : v)).join(','))].join('\n') + '\n';
        const general: string[] = [];
        const plain: string[] = [];
        let taken = 0;
        let started = false;
        const seen = (line: number, values: (number | string)[]) => `${line}:${values.join('|')}`;
        const reader = delimitedReader('t.csv', {
          delimiter: ',',
          onCells(cells, line) {
            general.push(seen(line, [...digits.map((c) => cells.digits(c)), ...keys.map((c) => cells.key(c))]));
            if (!started) {
              started = true;
              const columns = plainColumns(width, keys, digits)!;
              const rowsOf: PlainRows = {
                ...columns,
                row(rowLine, names) {
                  taken++;
                  plain.push(seen(rowLine, [...columns.values, ...Array.from(columns.keys, (k) => names[k])]));
                  return true;
                },
              };
              reader.usePlainRows(rowsOf);
            }
          },
        });
        reader.push(new TextEncoder().encode(text));
        reader.end();
        // Every row read once, by one path or the other; what the plain rows gave is what the general path reads.
        const all = [...general, ...plain].sort((a, b) => parseInt(a) - parseInt(b));
        const expected = rows.map((r, i) => seen(i + 2, [...digits.map((c) => (/^\d{1,15}$/.test(r[c]) ? Number(r[c]) : -1)), ...keys.map((c) => `k${r[c].trim() || 0}`)]));
        expect(all).toEqual(expected);
        for (const p of plain) expect(p).not.toMatch(/(^|[:|])-1(\||$)/);
        taken > 0 && tookAny++;
      }),
      { numRuns: 300, seed: 20261202 },
    );
    // Most tables had rows read by the loop.
    expect(tookAny).toBeGreaterThan(150);
  });
});

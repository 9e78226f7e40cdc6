import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDelimited } from '../../../src/io/delimited';
import { longTableToCube } from '../../../src/io/longTable';
import type { EmploymentCube } from '../../../src/model/dataset';

interface Row {
  region: string;
  category: string;
  year: number;
  /** Hundredths, so the written value has at most two decimals; null = not reported. */
  cents: number | null;
}

const name = fc.string({ unit: fc.constantFrom(...'AbZ9 ,;"\'-_ЖюÉ'.split('')), minLength: 1, maxLength: 6 }).filter((s) => s.trim() !== '');

const rows = fc
  .uniqueArray(fc.record({ region: name, category: name, year: fc.integer({ min: 2000, max: 2003 }), cents: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { freq: 8 }) }), {
    minLength: 1,
    maxLength: 25,
    selector: (r) => `${r.region.trim()}\u0000${r.category.trim()}\u0000${r.year}`,
  });

function write(table: Row[], delimiter: string, decimal: '.' | ',', quoteAll: boolean, bom: boolean, eol: string): string {
  const field = (text: string) => (quoteAll || /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text);
  const number = (cents: number | null) => (cents === null ? ':' : (cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2)).replace('.', decimal));
  const lines = [['region', 'category', 'year', 'employment'], ...table.map((r) => [r.region, r.category, String(r.year), number(r.cents)])];
  return (bom ? '\ufeff' : '') + lines.map((l) => l.map(field).join(delimiter)).join(eol) + eol;
}

/** The cube as a set of (region, category, year) → value, independent of its region and category order. */
function cells(cube: EmploymentCube): Map<string, number> {
  const out = new Map<string, number>();
  const nC = cube.categories.length;
  cube.years.forEach((year, y) =>
    cube.regions.forEach((r, i) =>
      cube.categories.forEach((c, k) => {
        const v = cube.employment[y][i * nC + k];
        out.set(`${r.id}|${c.id}|${year}`, v);
      }),
    ),
  );
  return out;
}

describe('parsing a long table (property)', () => {
  it('gives the same cells whatever the delimiter, decimal mark, quoting, BOM, line ends and row order', () => {
    fc.assert(
      fc.property(
        rows.chain((table) => fc.tuple(fc.constant(table), fc.shuffledSubarray(table, { minLength: table.length, maxLength: table.length }))),
        fc.constantFrom(',', ';', '\t'),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        ([table, shuffled], delimiter, quoteAll, bom, eol, decimalComma) => {
          // A decimal comma only where the delimiter is not a comma (as spreadsheets export it).
          const decimal = decimalComma && delimiter !== ',' ? ',' : '.';
          const reference = cells(longTableToCube(parseDelimited(write(table, ',', '.', false, false, '\n'), 'ref.csv')).cube);
          const parsed = parseDelimited(write(shuffled, delimiter, decimal, quoteAll, bom, eol), 'x.csv');
          expect(parsed.delimiter).toBe(delimiter);
          const { cube, report } = longTableToCube(parsed);
          expect(cells(cube)).toEqual(reference);
          expect(report.rowsUsed).toBe(table.length);
          expect(report.missingCells).toBe(table.filter((r) => r.cents === null).length);
          // And both equal the rows as generated.
          for (const r of table) {
            const v = reference.get(`${r.region.trim()}|${r.category.trim()}|${r.year}`);
            if (r.cents === null) expect(v).toBeNaN();
            else expect(v).toBeCloseTo(r.cents / 100, 9);
          }
        },
      ),
      { numRuns: 300, seed: 20240611 },
    );
  });
});

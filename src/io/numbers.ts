/**
 * Numbers as statistics offices and spreadsheets write them: "1 234,5", "1.234,5", "1,234.5",
 * "12'345", with a BOM-free trimmed cell. The decimal mark is decided per file, not per cell,
 * because "1,234" alone is ambiguous.
 */
export type DecimalMark = '.' | ',';

const MISSING = new Set(['', ':', '..', '...', '-', 'na', 'n/a', 'nan', 'null', '#n/a']);

/** A cell that means "not reported" rather than a number or an error. */
export function isMissingCell(cell: string): boolean {
  return MISSING.has(cell.trim().toLowerCase());
}

const COMMA_DECIMAL = /^[+-]?\d+,\d{1,2}$|^[+-]?\d+,\d{4,}$|\d\.\d{3},\d|^[+-]?0,\d+$/;
const POINT_DECIMAL = /^[+-]?\d+\.\d{1,2}$|^[+-]?\d+\.\d{4,}$|\d,\d{3}\.\d|^[+-]?0\.\d+$/;

/** Votes over sample cells; ties fall back to the delimiter's convention (";" files come from comma locales). */
export function detectDecimalMark(cells: Iterable<string>, delimiter = ','): DecimalMark {
  let comma = 0;
  let point = 0;
  let seen = 0;
  for (const raw of cells) {
    const cell = raw.trim().replace(/[\s\u00a0\u202f']/g, '');
    if (COMMA_DECIMAL.test(cell)) comma++;
    else if (POINT_DECIMAL.test(cell)) point++;
    if (++seen > 5000) break;
  }
  if (comma !== point) return comma > point ? ',' : '.';
  return delimiter === ';' ? ',' : '.';
}

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS_POINT = /^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$/;
const THOUSANDS_COMMA = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** The number in a cell, or NaN when the cell is not a number in this decimal convention. */
export function parseNumber(raw: string, mark: DecimalMark = '.'): number {
  let cell = raw.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (cell === '') return NaN;
  if (mark === ',') {
    if (cell.includes('.')) {
      if (!THOUSANDS_POINT.test(cell)) return NaN;
      cell = cell.replace(/\./g, '');
    }
    cell = cell.replace(',', '.');
  } else if (cell.includes(',')) {
    if (!THOUSANDS_COMMA.test(cell)) return NaN;
    cell = cell.replace(/,/g, '');
  }
  return PLAIN.test(cell) ? Number(cell) : NaN;
}

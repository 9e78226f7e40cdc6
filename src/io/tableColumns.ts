import type { DelimitedTable } from './delimited';
import { InputError } from './errors';
import { type DecimalMark, detectDecimalMark, isMissingCell, parseNumber } from './numbers';
import type { TableReport } from './cubeBuilder';
import { countSuppressed, type SuppressionPolicy, suppressionFlag } from './suppression';

const PLAIN_COUNT = /^\d{1,15}$/;

/** Index of the first header name matching one of the candidates (case- and space-insensitive). */
export function findColumn(header: string[], candidates: readonly string[]): number {
  const normalised = header.map(normaliseHeader);
  for (const candidate of candidates) {
    const i = normalised.indexOf(normaliseHeader(candidate));
    if (i >= 0) return i;
  }
  return -1;
}

function normaliseHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_-]+/g, '_');
}

/** Index of a named column, or an error listing the columns there are. */
export function requireColumn(table: Pick<DelimitedTable, 'fileName' | 'header'>, name: string): number {
  const i = table.header.indexOf(name);
  if (i < 0) {
    throw new InputError({ file: table.fileName }, `no column "${name}"; the columns are ${table.header.map((h) => `"${h}"`).join(', ')}`);
  }
  return i;
}

/** The file's decimal mark, judged from the cells of the given numeric columns. */
export function tableDecimalMark(table: DelimitedTable, columns: number[]): DecimalMark {
  function* cells() {
    for (const row of table.rows) for (const c of columns) yield row[c];
  }
  return detectDecimalMark(cells(), table.delimiter);
}

/** Where a table's cells come from: enough to name a cell's file, line and column in an error. */
type CellSource = Pick<DelimitedTable, 'fileName' | 'header'>;

/**
 * A non-negative count (employment, establishments): NaN for a "not reported" cell (counted in the
 * report), a suppression flag's value under the given policy (counted too), an error naming line
 * and column for text or a negative number.
 */
export function readCount(
  table: DelimitedTable,
  rowIndex: number,
  column: number,
  mark: DecimalMark,
  report: TableReport,
  suppression?: SuppressionPolicy,
): number {
  return countCell(table, table.rows[rowIndex], table.lines[rowIndex], column, mark, report, suppression);
}

/** `readCount` for a row in hand (a streamed row has no index in a table). */
export function countCell(
  table: CellSource,
  row: readonly string[],
  line: number,
  column: number,
  mark: DecimalMark,
  report: TableReport,
  suppression?: SuppressionPolicy,
): number {
  const cell = row[column];
  // Plain integers are most cells of real tables; skip the general parser for them.
  if (PLAIN_COUNT.test(cell)) return +cell;
  if (isMissingCell(cell)) {
    report.missingCells++;
    return NaN;
  }
  const value = parseNumber(cell, mark);
  const location = { file: table.fileName, line, column: table.header[column] };
  if (Number.isNaN(value)) {
    const flag = suppressionFlag(cell);
    if (flag && suppression) return countSuppressed(report, flag, suppression);
    if (flag) throw new InputError(location, `"${cell}" is a suppression flag: choose what it becomes (missing, or the midpoint of its range)`);
    throw new InputError(location, `"${cell}" is not a number`);
  }
  if (value < 0) throw new InputError(location, `negative value ${cell}`);
  return value;
}

/** A calendar year: an integer cell such as "2015" (or "2015.0" from spreadsheets). */
export function readYear(table: DelimitedTable, rowIndex: number, column: number): number {
  return yearCell(table, table.rows[rowIndex], table.lines[rowIndex], column);
}

/** `readYear` for a row in hand. */
export function yearCell(table: CellSource, row: readonly string[], line: number, column: number): number {
  const cell = row[column].trim();
  const year = Number(cell);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new InputError({ file: table.fileName, line, column: table.header[column] }, `"${cell}" is not a year`);
  }
  return year;
}

/**
 * The trimmed region and category of a row, or undefined (with the row recorded as unused and
 * why) when either is empty.
 */
export function readRowKeys(table: DelimitedTable, rowIndex: number, region: number, category: number, report: TableReport): { regionId: string; categoryId: string } | undefined {
  return rowKeys(table.rows[rowIndex], table.lines[rowIndex], region, category, report);
}

/** `readRowKeys` for a row in hand. */
export function rowKeys(row: readonly string[], line: number, region: number, category: number, report: TableReport): { regionId: string; categoryId: string } | undefined {
  const regionId = row[region].trim();
  const categoryId = row[category].trim();
  if (regionId === '' || categoryId === '') {
    report.unused.push({ line, reason: regionId === '' ? 'empty region' : 'empty category' });
    return undefined;
  }
  return { regionId, categoryId };
}

/**
 * A wide establishments table read beside a wide employment table (as packed datasets carry them):
 * its counts by region and year, in the employment table's category order, for the employment
 * reader to put beside each row (wideTable.ts).
 *
 * Read from a parsed table, or streamed from its text like the employment itself: plain rows in the
 * scanner's own loop, the rest cell by cell. Both give the same counts and the same errors: a count
 * cell that is not a number names the file, line and column; a row's region is trimmed; a later
 * row of the same region and year replaces an earlier one.
 */
import type { DelimitedTable } from './delimited';
import type { TableReport } from './cubeBuilder';
import { plainColumns } from './plainRows';
import type { PlainRows } from './delimitedScanner';
import type { DecimalMark } from './numbers';
import { requireColumn } from './tableColumns';
import { cellsCount, cellsYear, consumeTable, streamTable, type ParseOptions, type RowConsumer, type TableHead } from './tableRows';

/** The establishments file's text, to be streamed when the employment reader starts. */
export interface EstablishmentsText {
  text: string | Uint8Array;
  fileName: string;
}

/**
 * Counts by region and year, one per category in the order asked for: the rows side by side in one
 * growing array, found through a map per region (no key string is built per row).
 */
export class EstablishmentsByKey {
  private readonly rows = new Map<string, Map<number, number>>();
  private counts: Float64Array;
  private used = 0;

  constructor(private readonly width: number) {
    this.counts = new Float64Array(Math.max(1, width) * 1024);
  }

  /** A row's counts; a later row of the same region and year replaces an earlier one. */
  set(region: string, year: number, counts: ArrayLike<number>): void {
    let years = this.rows.get(region);
    if (!years) this.rows.set(region, (years = new Map()));
    let at = years.get(year);
    if (at === undefined) {
      at = this.used;
      if (at + this.width > this.counts.length) {
        const grown = new Float64Array(2 * this.counts.length);
        grown.set(this.counts);
        this.counts = grown;
      }
      this.used += this.width;
      years.set(year, at);
    }
    for (let k = 0; k < this.width; k++) this.counts[at + k] = counts[k];
  }

  get(region: string, year: number): Float64Array | undefined {
    const at = this.rows.get(region)?.get(year);
    return at === undefined ? undefined : this.counts.subarray(at, at + this.width);
  }
}

/** Where the region and year are, and the category columns in the order wanted. */
interface Columns {
  region: number;
  /** -1 without a year column (every row is year 0, as the employment's default year is matched by it). */
  year: number;
  categories: number[];
}

function columnsOf(table: TableHead, mapping: { region?: string; year?: string }, categories: readonly string[]): Columns {
  return {
    region: requireColumn(table, mapping.region!),
    year: mapping.year ? requireColumn(table, mapping.year) : -1,
    categories: categories.map((name) => requireColumn(table, name)),
  };
}

/** A report whose counts nobody reads: the employment table's report is the one shown. */
const scratchReport = (file: string): TableReport => ({ file, rowsRead: 0, rowsUsed: 0, missingCells: 0, unused: [], notes: [] });

/** From a parsed table: the same reader as the streamed text's, over its rows. */
export function establishmentsOfTable(table: DelimitedTable, mapping: { region?: string; year?: string }, categories: readonly string[]): EstablishmentsByKey {
  return consumeTable(table, (head) => establishmentsReader(head, mapping, categories));
}

/** Streamed from the text: the rows never exist as arrays of strings. */
export function streamEstablishments(source: EstablishmentsText, mapping: { region?: string; year?: string }, categories: readonly string[], parse: ParseOptions = {}): EstablishmentsByKey {
  return streamTable(source.text, source.fileName, (head) => establishmentsReader(head, mapping, categories), parse);
}

/**
 * The rows' counts by region and year: plain rows (the region as a key, the counts and then the
 * year as digits) in the scanner's own loop when streamed, every other row cell by cell.
 */
function establishmentsReader(head: TableHead, mapping: { region?: string; year?: string }, categories: readonly string[]): RowConsumer<EstablishmentsByKey> {
  const { region, year, categories: columns } = columnsOf(head, mapping, categories);
  const nC = columns.length;
  const byKey = new EstablishmentsByKey(nC);
  const counts = new Float64Array(nC);
  const scratch = scratchReport(head.fileName);
  let mark: DecimalMark = '.';
  const plain = plainColumns(head.header.length, [region], year >= 0 ? [...columns, year] : columns);
  const plainRows: PlainRows | undefined = plain && {
    ...plain,
    row(_line, names) {
      const y = year >= 0 ? plain.values[nC] : 0;
      if (year >= 0 && (y < 1000 || y > 9999)) return false;
      byKey.set(names[plain.keys[0]], y, plain.values);
      return true;
    },
  };
  return {
    numericColumns: columns,
    plainRows,
    begin(m) {
      mark = m;
    },
    row(cells, line) {
      const y = year >= 0 ? cellsYear(head, cells, line, year) : 0;
      for (let k = 0; k < nC; k++) counts[k] = cellsCount(head, cells, line, columns[k], mark, scratch);
      byKey.set(cells.key(region), y, counts);
    },
    finish: () => byKey,
  };
}

import type { DelimitedTable } from './delimited';
import { delimitedReader } from './delimited';
import { ArrayCells, type Cells, type PlainRows, type ScannedCells } from './delimitedScanner';
import { type DecimalMark, detectDecimalMark } from './numbers';
import type { TableReport } from './cubeBuilder';
import { countedRows } from './plainRows';
import type { SuppressionPolicy } from './suppression';
import { countCell, yearCell } from './tableColumns';

/** What a table reader knows before the first row: enough to check its columns and name locations. */
export interface TableHead {
  fileName: string;
  delimiter: string;
  header: string[];
  /** Line of the first data row; undefined for a table without rows. */
  firstLine?: number;
  /** Rows the table probably has (streamed from a large text), to size the cube's buffers. */
  expectedRows?: number;
}

/**
 * A table layout's reader (long, wide, year columns) as rows arrive, so the same code serves a
 * parsed table and rows streamed straight from the parser.
 */
export interface RowConsumer<T> {
  /** Columns whose first cells decide the file's decimal mark. */
  numericColumns: number[];
  /** Called once with the decimal mark, before any `row`. */
  begin(mark: DecimalMark): void;
  /** A row's cells, valid during the call only. */
  row(cells: Cells, line: number): void;
  /**
   * The reader's plain rows (see `PlainRows`), read in the scanner's own loop once the decimal
   * mark is decided: the same effect as `row` on each row it takes.
   */
  plainRows?: PlainRows;
  finish(blankLines: number): T;
}

/** How to parse the text of a streamed table (as `parseDelimited`'s options). */
export interface ParseOptions {
  delimiter?: string;
  onProgress?: (fraction: number) => void;
}

/** `detectDecimalMark` stops after this many cells; the streamed path holds back as many. */
const MARK_SAMPLE_CELLS = 5001;

/** Runs a reader over a parsed table. */
export function consumeTable<T>(table: DelimitedTable, make: (head: TableHead) => RowConsumer<T>): T {
  const consumer = make({ fileName: table.fileName, delimiter: table.delimiter, header: table.header, firstLine: table.lines[0] });
  const { numericColumns } = consumer;
  function* cells() {
    for (const row of table.rows) for (const c of numericColumns) yield row[c];
  }
  consumer.begin(detectDecimalMark(cells(), table.delimiter));
  const row = new ArrayCells();
  for (let i = 0; i < table.rows.length; i++) {
    row.row = table.rows[i];
    consumer.row(row, table.lines[i]);
  }
  return consumer.finish(table.blankLines);
}

/**
 * Runs a reader over rows as they are parsed from the text, without keeping them: same result,
 * report and error as `consumeTable(parseDelimited(text))`. Two things keep it so: the first
 * rows are held back until they decide the decimal mark (the parsed path looks at as many cells),
 * and a reader's error is held until the end of the text, because the parsed path would first
 * have met any malformed row (field count, quotes) further down.
 */
export function streamTable<T>(
  text: string | Uint8Array,
  fileName: string,
  make: (head: TableHead) => RowConsumer<T>,
  options: ParseOptions = {},
): T {
  const reader = tableReader(fileName, make, { ...options, totalLength: text.length });
  reader.push(text);
  return reader.end();
}

/** `streamTable` over text arriving in chunks (a file read piece by piece): `push` each, then `end`. */
export function tableReader<T>(
  fileName: string,
  make: (head: TableHead) => RowConsumer<T>,
  options: ParseOptions & { totalLength?: number } = {},
): { push(chunk: string | Uint8Array): void; end(): T } {
  let header: string[] = [];
  let delimiter = ',';
  let consumer: RowConsumer<T> | undefined;
  let failure: { error: unknown } | undefined;
  let expectedRows: number | undefined;
  let held: { rows: string[][]; lines: number[]; cells: number } | undefined = { rows: [], lines: [], cells: 0 };

  const release = () => {
    const { rows, lines } = held!;
    held = undefined;
    function* cells() {
      for (const row of rows) for (const c of consumer!.numericColumns) yield row[c];
    }
    consumer!.begin(detectDecimalMark(cells(), delimiter));
    const row = new ArrayCells();
    for (let i = 0; i < rows.length; i++) {
      row.row = rows[i];
      consumer!.row(row, lines[i]);
    }
    reader.usePlainRows(consumer!.plainRows);
  };

  const reader = delimitedReader(fileName, {
    ...options,
    onHeader(h, _line, d, rows) {
      header = h;
      delimiter = d;
      expectedRows = rows;
    },
    onCells(cells, line) {
      if (failure) return;
      try {
        consumer ??= make({ fileName, delimiter, header, firstLine: line, expectedRows });
        if (!held) return consumer.row(cells, line);
        held.rows.push((cells as ScannedCells).strings());
        held.lines.push(line);
        held.cells += consumer.numericColumns.length;
        if (held.cells >= MARK_SAMPLE_CELLS) release();
      } catch (error) {
        failure = { error };
        held = undefined;
        // The rest of the text is only checked (field counts, quotes), as the parsed path would:
        // its plain rows counted in the scanner's own loop, as the inspection checks a large file.
        reader.usePlainRows(countedRows(header.length));
      }
    },
  });
  return {
    push: (chunk) => reader.push(chunk),
    end() {
      const head = reader.end();
      if (failure) throw failure.error;
      consumer ??= make({ fileName, delimiter, header: head.header, firstLine: undefined });
      if (held) release();
      return consumer.finish(head.blankLines);
    },
  };
}

/** A one-cell row for the general readers of `tableColumns`, which read `row[column]`. */
function oneCell(cells: Cells, column: number): string[] {
  const row: string[] = [];
  row[column] = cells.get(column);
  return row;
}

/** `countCell` on a row's cells: plain digits straight from the text, anything else (and every error) by `countCell`. */
export function cellsCount(table: TableHead, cells: Cells, line: number, column: number, mark: DecimalMark, report: TableReport, suppression?: SuppressionPolicy): number {
  const v = cells.digits(column);
  return v >= 0 ? v : countCell(table, oneCell(cells, column), line, column, mark, report, suppression);
}

/** `yearCell` on a row's cells. */
export function cellsYear(table: TableHead, cells: Cells, line: number, column: number): number {
  const v = cells.digits(column);
  return v >= 1000 && v <= 9999 ? v : yearCell(table, oneCell(cells, column), line, column);
}

/** A trimmed key cell, or undefined (the row recorded as unused, as `rowKeys` does) when it is empty. */
export function cellsKey(cells: Cells, column: number, line: number, report: TableReport, what: 'region' | 'category'): string | undefined {
  const key = cells.key(column);
  if (key !== '') return key;
  report.unused.push({ line, reason: `empty ${what}` });
  return undefined;
}

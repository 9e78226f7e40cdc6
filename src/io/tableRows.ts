import type { DelimitedTable } from './delimited';
import { streamDelimited } from './delimited';
import { type DecimalMark, detectDecimalMark } from './numbers';

/** What a table reader knows before the first row: enough to check its columns and name locations. */
export interface TableHead {
  fileName: string;
  delimiter: string;
  header: string[];
  /** Line of the first data row; undefined for a table without rows. */
  firstLine?: number;
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
  row(row: string[], line: number): void;
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
  for (let i = 0; i < table.rows.length; i++) consumer.row(table.rows[i], table.lines[i]);
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
  text: string,
  fileName: string,
  make: (head: TableHead) => RowConsumer<T>,
  options: ParseOptions = {},
): T {
  let header: string[] = [];
  let delimiter = ',';
  let consumer: RowConsumer<T> | undefined;
  let failure: { error: unknown } | undefined;
  let held: { rows: string[][]; lines: number[]; cells: number } | undefined = { rows: [], lines: [], cells: 0 };

  const release = () => {
    const { rows, lines } = held!;
    held = undefined;
    function* cells() {
      for (const row of rows) for (const c of consumer!.numericColumns) yield row[c];
    }
    consumer!.begin(detectDecimalMark(cells(), delimiter));
    for (let i = 0; i < rows.length; i++) consumer!.row(rows[i], lines[i]);
  };
  const attempt = (step: () => void) => {
    try {
      step();
    } catch (error) {
      failure = { error };
      held = undefined;
    }
  };

  const head = streamDelimited(text, fileName, {
    ...options,
    onHeader(h, _line, d) {
      header = h;
      delimiter = d;
    },
    onRow(row, line) {
      if (failure) return;
      attempt(() => {
        consumer ??= make({ fileName, delimiter, header, firstLine: line });
        if (!held) return consumer.row(row, line);
        held.rows.push(row);
        held.lines.push(line);
        held.cells += consumer.numericColumns.length;
        if (held.cells >= MARK_SAMPLE_CELLS) release();
      });
    },
  });
  if (failure) throw failure.error;
  consumer ??= make({ fileName, delimiter, header: head.header, firstLine: undefined });
  if (held) release();
  return consumer.finish(head.blankLines);
}

import Papa from 'papaparse';
import { InputError } from './errors';

/** A delimited text file as rows of strings, each row remembering its source line. */
export interface DelimitedTable {
  fileName: string;
  delimiter: string;
  header: string[];
  rows: string[][];
  /** 1-based line in the source of each row (quoted fields may span lines). */
  lines: number[];
  /** Blank lines skipped; reported rather than silently dropped. */
  blankLines: number;
}

const DELIMITERS = [',', ';', '\t', '|'];

/** A delimited file's header and counts, once every row has been handed on. */
export interface DelimitedHead {
  fileName: string;
  delimiter: string;
  header: string[];
  /** 1-based line of the header. */
  headerLine: number;
  /** Data rows handed on. */
  rowCount: number;
  /** Blank lines skipped (a trailing newline not counted). */
  blankLines: number;
}

export interface StreamOptions {
  delimiter?: string;
  onProgress?: (fraction: number) => void;
  /** Called once, before any row, with the checked header. */
  onHeader?: (header: string[], headerLine: number, delimiter: string) => void;
  /** Each data row with its 1-based source line; rows are not kept. */
  onRow: (row: string[], line: number) => void;
}

/**
 * Parse CSV/TSV as planners have it: any of `,` `;` tab `|` (detected), a BOM, quoted fields,
 * CRLF line ends. The first non-blank row is the header. A row whose field count differs
 * from the header's is an error naming its line, because shifted columns silently corrupt values.
 */
export function parseDelimited(
  text: string,
  fileName: string,
  options: { delimiter?: string; onProgress?: (fraction: number) => void } = {},
): DelimitedTable {
  const rows: string[][] = [];
  const lines: number[] = [];
  const head = streamDelimited(text, fileName, {
    ...options,
    onRow(row, line) {
      rows.push(row);
      lines.push(line);
    },
  });
  return { fileName, delimiter: head.delimiter, header: head.header, rows, lines, blankLines: head.blankLines };
}

/**
 * The same reading as `parseDelimited`, with the same errors, but each row goes to `onRow` as it
 * is parsed instead of into an array: a 100 MB table then never exists as millions of strings at once.
 */
export function streamDelimited(text: string, fileName: string, options: StreamOptions): DelimitedHead {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputError({ file: fileName }, 'the file is empty');
  const delimiter = options.delimiter ?? detectDelimiter(text);

  let rowCount = 0;
  let blankLines = 0;
  let header: string[] | undefined;
  let headerLine = 0;
  // Papa reports the cursor after each row; counting newlines between cursors gives line numbers
  // in one pass even when quoted fields contain newlines.
  let lastCursor = 0;
  let line = 1;
  let failure: unknown;
  // About a hundred progress reports for a large file, none for a small one.
  const progressStep = text.length > 1_000_000 ? Math.ceil(text.length / 100) : Infinity;
  let nextProgress = progressStep;

  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step(result, parser) {
      const rowLine = line;
      const cursor = result.meta.cursor;
      for (let i = lastCursor; i < cursor; i++) if (text.charCodeAt(i) === 10) line++;
      lastCursor = cursor;
      if (cursor >= nextProgress && options.onProgress) {
        options.onProgress(cursor / text.length);
        nextProgress = cursor + progressStep;
      }
      const row = result.data;
      if (result.errors.length > 0) {
        const quoteError = result.errors.find((e) => e.type === 'Quotes');
        if (quoteError) {
          failure = new InputError({ file: fileName, line: rowLine }, `unbalanced quotes (${quoteError.message})`);
          parser.abort();
          return;
        }
      }
      if (row.length === 0 || (row.length === 1 && row[0].trim() === '')) {
        if (cursor < text.length || row.length > 0) blankLines++;
        return;
      }
      if (!header) {
        header = row.map((h) => h.trim());
        headerLine = rowLine;
        checkHeader(header, fileName, headerLine);
        try {
          options.onHeader?.(header, headerLine, delimiter);
        } catch (error) {
          failure = error;
          parser.abort();
        }
        return;
      }
      if (row.length !== header.length) {
        failure = new InputError(
          { file: fileName, line: rowLine },
          `expected ${header.length} fields as in the header (line ${headerLine}), found ${row.length}` +
            (delimiter === ',' && row.length > header.length ? ' — a decimal comma in a comma-separated file? Quote such numbers or use ";"' : ''),
        );
        parser.abort();
        return;
      }
      rowCount++;
      try {
        options.onRow(row, rowLine);
      } catch (error) {
        failure = error;
        parser.abort();
      }
    },
  });
  if (failure) throw failure;
  options.onProgress?.(1);
  if (!header) throw new InputError({ file: fileName }, 'no header row found');
  // A trailing newline is not a blank line worth reporting.
  if (text.endsWith('\n') && blankLines > 0) blankLines--;
  return { fileName, delimiter, header, headerLine, rowCount, blankLines };
}

function checkHeader(header: string[], file: string, line: number): void {
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name === '') throw new InputError({ file, line }, `column ${i + 1} of the header has no name`);
    const key = name.toLowerCase();
    if (seen.has(key)) throw new InputError({ file, line }, `column "${name}" appears twice in the header`);
    seen.add(key);
  });
}

/** The delimiter that splits the first lines into the most equal, non-trivial field counts. */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024).split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
  let best = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = sample.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length;
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n++;
  }
  return n;
}

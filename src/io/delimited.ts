import { InputError } from './errors';
import { type Cells, DelimitedScanner, guessLineEnd, type PlainRows, type ScannedCells } from './delimitedScanner';

export type { Cells } from './delimitedScanner';

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
  /**
   * Called once, before any row, with the checked header (and, with `totalLength`, the number of
   * rows the file probably has, from the line ends in its first megabytes: for sizing buffers).
   */
  onHeader?: (header: string[], headerLine: number, delimiter: string, expectedRows?: number) => void;
  /** Each data row with its 1-based source line; rows are not kept. */
  onRow?: (row: string[], line: number) => void;
  /**
   * Instead of `onRow`: each data row's cells, valid only during the call (no string per cell is
   * made unless asked for), with its 1-based source line.
   */
  onCells?: (cells: Cells, line: number) => void;
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
export function streamDelimited(text: string | Uint8Array, fileName: string, options: StreamOptions): DelimitedHead {
  const reader = delimitedReader(fileName, { ...options, totalLength: text.length });
  reader.push(text);
  return reader.end();
}

/** A delimited file read chunk by chunk (as it comes off the disk): `push` each chunk of text or UTF-8 bytes, then `end`. */
export interface DelimitedReader {
  push(chunk: string | Uint8Array): void;
  /** The header and counts; throws the first problem of the file (as `streamDelimited`). */
  end(): DelimitedHead;
  /**
   * From the next row on, rows plain for `plain` go to it instead of `onCells` (undefined: every
   * row to `onCells` again). Set after the header, from within `onCells` or between pushes.
   */
  usePlainRows(plain: PlainRows | undefined): void;
}

/** The line end and delimiter are judged on the first megabyte of text, which this many UTF-8 bytes always hold. */
const GUESS_BYTES = 4 * 1024 * 1024;
const HEAD_CHARS = 1024 * 1024;

const encoder = new TextEncoder();

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Anything but whitespace (as trim() sees it)? */
function hasContent(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b >= 128) return /\S/.test(new TextDecoder().decode(bytes));
    if (b !== 32 && (b < 9 || b > 13)) return true;
  }
  return false;
}

/** `streamDelimited` over text that arrives in chunks; `totalLength` (in UTF-8 bytes, or characters as an estimate) drives progress. */
export function delimitedReader(fileName: string, options: StreamOptions & { totalLength?: number }): DelimitedReader {
  let scanner: DelimitedScanner | undefined;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let first = true;
  let content = false;
  let lastByte = -1;
  let delimiter = options.delimiter ?? ',';
  let rowCount = 0;
  let blankLines = 0;
  let header: string[] | undefined;
  let headerLine = 0;
  let failure: { error: unknown } | undefined;
  let expectedRows: number | undefined;
  const total = options.totalLength ?? 0;
  // About a hundred progress reports for a large file, none for a small one.
  const progressStep = total > 1_000_000 ? Math.ceil(total / 100) : Infinity;
  let nextProgress = progressStep;
  const { onProgress, onHeader, onRow, onCells } = options;

  const sink = (cells: Cells, line: number, end: number): boolean => {
    if (end >= nextProgress && onProgress) {
      onProgress(Math.min(1, end / total));
      nextProgress = end + progressStep;
    }
    if (cells.length === 1 && cells.get(0).trim() === '') {
      blankLines++;
      return true;
    }
    try {
      if (!header) {
        header = (cells as ScannedCells).strings().map((h) => h.trim());
        headerLine = line;
        checkHeader(header, fileName, headerLine);
        onHeader?.(header, headerLine, delimiter, expectedRows);
        return true;
      }
      if (cells.length !== header.length) {
        throw new InputError(
          { file: fileName, line },
          `expected ${header.length} fields as in the header (line ${headerLine}), found ${cells.length}` +
            (delimiter === ',' && cells.length > header.length ? ' — a decimal comma in a comma-separated file? Quote such numbers or use ";"' : ''),
        );
      }
      rowCount++;
      if (onCells) onCells(cells, line);
      else onRow?.((cells as ScannedCells).strings(), line);
      return true;
    } catch (error) {
      failure = { error };
      return false;
    }
  };

  // Rows read by the scanner's plain-row loop: counted and reported as `sink` does.
  const taken = (rows: number, end: number) => {
    rowCount += rows;
    if (end >= nextProgress && onProgress) {
      onProgress(Math.min(1, end / total));
      nextProgress = end + progressStep;
    }
  };

  const start = (bytes: Uint8Array) => {
    // Judged on the first megabyte of text, as papaparse did: GUESS_BYTES of UTF-8 hold at least
    // that much, and as many bytes hold it when each byte gave a character (ASCII: decoded once).
    let head = new TextDecoder().decode(bytes.subarray(0, HEAD_CHARS));
    if (bytes.length > HEAD_CHARS && head.length < HEAD_CHARS) head = new TextDecoder().decode(bytes.subarray(0, GUESS_BYTES));
    if (!options.delimiter) delimiter = detectDelimiter(head);
    // The rows to come, from the line ends of the first bytes (a whole file pushed at once included),
    // so the cube's buffers are sized once instead of doubling up to millions of cells.
    if (total > GUESS_BYTES || total > bytes.length) {
      const sample = Math.min(bytes.length, HEAD_CHARS);
      let lines = 0;
      for (let i = 0; i < sample; i++) if (bytes[i] === 10) lines++;
      expectedRows = Math.ceil((lines / sample) * total * 1.05);
    }
    scanner = new DelimitedScanner(delimiter, guessLineEnd(head), sink, taken);
  };

  const feed = (chunk: Uint8Array) => {
    if (chunk.length === 0) return;
    if (!content) content = hasContent(chunk);
    lastByte = chunk[chunk.length - 1];
    if (scanner) {
      scanner.push(chunk);
      return;
    }
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= GUESS_BYTES) flushPending();
  };

  const flushPending = () => {
    const bytes = concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    start(bytes);
    scanner!.push(bytes);
  };

  return {
    push(chunk) {
      if (failure || scanner?.quoteProblem) return;
      let bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
      if (first && bytes.length > 0) {
        first = false;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      }
      feed(bytes);
    },
    end() {
      if (!content && !failure) throw new InputError({ file: fileName }, 'the file is empty');
      if (!scanner && !failure) flushPending();
      if (!failure && !scanner!.quoteProblem) scanner!.end();
      if (failure) throw failure.error;
      const quotes = scanner!.quoteProblem;
      if (quotes) throw new InputError({ file: fileName, line: quotes.line }, `unbalanced quotes (${quotes.problem})`);
      onProgress?.(1);
      if (!header) throw new InputError({ file: fileName }, 'no header row found');
      // A trailing newline is not a blank line worth reporting.
      if (lastByte === 10 && blankLines > 0) blankLines--;
      return { fileName, delimiter, header, headerLine, rowCount, blankLines };
    },
    usePlainRows(plain) {
      // Rows plain for a reader have the header's field count: only checked against a header seen.
      if (scanner && header && (!plain || plain.kinds.length === header.length)) scanner.plain = plain;
    },
  };
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

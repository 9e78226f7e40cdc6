/**
 * The delimited-text scanner under `streamDelimited`: one pass over the UTF-8 bytes (or over chunks
 * of them as a file is read), each row's cells kept as offsets into the bytes rather than as
 * strings. Readers ask a cell for what they need — its digits as a number, its trimmed text as an
 * interned key, or its text — so a 100 MB table does not become tens of millions of strings.
 * Splitting bytes is splitting text: the delimiter, quote and line ends are ASCII, and no byte of
 * a multi-byte UTF-8 character is ASCII.
 *
 * Rows are split exactly as papaparse (which this replaced) splits them, quirks included, so files
 * read as they always did: the line end is guessed once from the first megabyte ("\n", "\r\n" or
 * "\r"); a field is quoted when its first character is `"`, `""` inside is a quote, and a closing
 * quote may be followed by whitespace before the delimiter or line end; anything else after a
 * closing quote, or a quote never closed, is an error for the row. After every line end a row
 * begins, so a final line end gives a last, empty row (the caller does not count it as blank).
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** A row's cells, read without making a string per cell where the reader does not need one. */
export interface Cells {
  readonly length: number;
  /** The cell as parsed: quotes removed, `""` unescaped, not trimmed. */
  get(c: number): string;
  /** The cell's value when it is 1–15 ASCII digits and nothing else, else -1. */
  digits(c: number): number;
  /** The cell trimmed (as `String.prototype.trim`); equal cells of a scanned table are one string. */
  key(c: number): string;
  /**
   * A number that stands for the cell's `key` (equal keys, equal numbers; from 0 up, dense), or -1
   * when the cell has none (empty, quoted, or with spaces to trim: ask `key`). Readers map it to
   * their own slots through an array, so a row costs no string and no map lookup per id.
   */
  keyIndex(c: number): number;
}

const PLAIN_COUNT = /^\d{1,15}$/;

/** The cells of a row already split into strings (a parsed table's row). */
export class ArrayCells implements Cells {
  row: readonly string[] = [];
  get length(): number {
    return this.row.length;
  }
  get(c: number): string {
    return this.row[c];
  }
  digits(c: number): number {
    return PLAIN_COUNT.test(this.row[c]) ? +this.row[c] : -1;
  }
  key(c: number): string {
    return this.row[c].trim();
  }
  keyIndex(): number {
    return -1;
  }
}


const utf8 = new TextDecoder();

/** The text of bytes[start, end): short ASCII runs without the decoder's call overhead. */
export function decodeRange(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 16) {
    let ascii = '';
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      if (b >= 128) return utf8.decode(bytes.subarray(start, end));
      ascii += String.fromCharCode(b);
    }
    return ascii;
  }
  return utf8.decode(bytes.subarray(start, end));
}

/**
 * Equal keys as one string: an open-addressing table over the bytes of cell ranges, so a region
 * or category id seen before costs a hash and a compare, not a new string. The map lookups that
 * follow then hit a string whose hash V8 has already computed.
 */
class KeyPool {
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  readonly keys: string[] = [];
  /** Each key's bytes, one after the other (`offsets[k]` to `offsets[k + 1]`). */
  bytes = new Uint8Array(4096);
  offsets = new Int32Array(1025);

  /** The pooled index of bytes[start, end), added when new. */
  intern(bytes: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 16777619);
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const k = this.slots[s];
      if (k === 0) break;
      if (this.hashes[s] === h && this.same(k - 1, bytes, start, end)) return k - 1;
    }
    const k = this.keys.length;
    this.keys.push(decodeRange(bytes, start, end));
    this.store(k, bytes, start, end);
    if (this.keys.length * 2 > this.slots.length) this.grow();
    this.place(h, k + 1);
    return k;
  }

  same(k: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.offsets[k];
    if (this.offsets[k + 1] - from !== end - start) return false;
    const pooled = this.bytes;
    for (let i = start, j = from; i < end; i++, j++) if (pooled[j] !== bytes[i]) return false;
    return true;
  }

  private store(k: number, bytes: Uint8Array, start: number, end: number): void {
    const from = this.offsets[k];
    if (k + 2 > this.offsets.length) {
      const offsets = new Int32Array(this.offsets.length * 2);
      offsets.set(this.offsets);
      this.offsets = offsets;
    }
    if (from + end - start > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, from + end - start));
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes.set(bytes.subarray(start, end), from);
    this.offsets[k + 1] = from + end - start;
  }

  private place(h: number, k: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = k;
    this.hashes[s] = h;
  }

  private grow(): void {
    const { slots, hashes } = this;
    this.slots = new Int32Array(slots.length * 2);
    this.hashes = new Int32Array(slots.length * 2);
    for (let s = 0; s < slots.length; s++) if (slots[s] !== 0) this.place(hashes[s], slots[s]);
  }
}

/** Whether pooled key `k` has the bytes[s, e) (compared here: this is the cost of every key of every row). */
function pooledIs(pool: KeyPool, k: number, bytes: Uint8Array, s: number, e: number): boolean {
  const { offsets, bytes: pooled } = pool;
  const from = offsets[k];
  const n = e - s;
  if (offsets[k + 1] - from !== n) return false;
  for (let i = 0; i < n; i++) if (pooled[from + i] !== bytes[s + i]) return false;
  return true;
}

/** A scanned row: offsets of each cell into the current bytes; quoted cells keep their unescaped text. */
export class ScannedCells implements Cells {
  bytes: Uint8Array = new Uint8Array(0);
  length = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** Each cell's `digits`, when the scan worked them out on its way (`scannedDigits`). */
  values = new Float64Array(64);
  scannedDigits = false;
  /** The unescaped text of quoted cells, by column (undefined for an unquoted one). */
  quoted: (string | undefined)[] = [];
  anyQuoted = false;
  private readonly pool = new KeyPool();
  /**
   * Per column, its last key (pool index, compared first: a long table's rows of one region come
   * together) and the key that followed each key last time (compared next: categories repeat in one order).
   */
  private keyColumns: ({ last: number; next: Int32Array; moved: boolean } | undefined)[] = [];

  get(c: number): string {
    if (this.anyQuoted) {
      const q = this.quoted[c];
      if (q !== undefined) return q;
    }
    return decodeRange(this.bytes, this.starts[c], this.ends[c]);
  }

  digits(c: number): number {
    if (this.scannedDigits) return this.values[c];
    if (this.anyQuoted && this.quoted[c] !== undefined) {
      const q = this.quoted[c]!;
      return PLAIN_COUNT.test(q) ? +q : -1;
    }
    const { bytes } = this;
    const start = this.starts[c];
    const end = this.ends[c];
    if (end - start < 1 || end - start > 15) return -1;
    let v = 0;
    for (let i = start; i < end; i++) {
      const d = bytes[i] - 48;
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v;
  }

  keyIndex(c: number): number {
    if (this.anyQuoted && this.quoted[c] !== undefined) return -1;
    return this.keyAt(c, this.bytes, this.starts[c], this.ends[c]);
  }

  /** `keyIndex` of column `c` for the unquoted cell bytes[s, e) (the plain-row loop's cells are not pushed). */
  keyAt(c: number, bytes: Uint8Array, s: number, e: number): number {
    if (e === s) return -1;
    // Printable ASCII at both ends (almost every id): nothing to trim. Anything else goes to `key`.
    const first = bytes[s];
    const last = bytes[e - 1];
    if (!(first > 32 && first < 127 && last > 32 && last < 127)) return -1;
    const column = this.keyColumns[c] ?? (this.keyColumns[c] = { last: -1, next: new Int32Array(64).fill(-1), moved: false });
    const { pool } = this;
    const previous = column.last;
    if (previous >= 0) {
      // The same key as the row before, or the key that followed it last time (a table's keys
      // mostly repeat one order): whichever came last time is compared first.
      const guess = previous < column.next.length ? column.next[previous] : -1;
      const first = column.moved && guess >= 0 ? guess : previous;
      if (pooledIs(pool, first, bytes, s, e)) {
        column.moved = first !== previous;
        column.last = first;
        return first;
      }
      const second = first === previous ? guess : previous;
      if (second >= 0 && pooledIs(pool, second, bytes, s, e)) {
        column.moved = second !== previous;
        column.last = second;
        return second;
      }
    }
    return this.keyMiss(column, bytes, s, e);
  }

  /** A key that is neither of the two compared first: looked up (or added) in the pool, and remembered as following the one before. */
  private keyMiss(column: { last: number; next: Int32Array; moved: boolean }, bytes: Uint8Array, s: number, e: number): number {
    const previous = column.last;
    column.moved = true;
    const k = this.pool.intern(bytes, s, e);
    if (previous >= 0) {
      if (previous >= column.next.length) {
        const grown = new Int32Array(Math.max(previous + 1, column.next.length * 2)).fill(-1);
        grown.set(column.next);
        column.next = grown;
      }
      column.next[previous] = k;
    }
    column.last = k;
    return k;
  }

  /** The text of each key number (`keyIndex`). */
  get keyNames(): readonly string[] {
    return this.pool.keys;
  }

  key(c: number): string {
    if (this.anyQuoted && this.quoted[c] !== undefined) return this.quoted[c]!.trim();
    const k = this.keyIndex(c);
    if (k >= 0) return this.pool.keys[k];
    const s = this.starts[c];
    const e = this.ends[c];
    return e === s ? '' : decodeRange(this.bytes, s, e).trim();
  }

  strings(): string[] {
    const out = new Array<string>(this.length);
    for (let c = 0; c < this.length; c++) out[c] = this.get(c);
    return out;
  }

  /** Room for `n` cells, the first `length` kept. */
  room(n: number): void {
    if (n <= this.starts.length) return;
    const starts = new Int32Array(n);
    starts.set(this.starts.subarray(0, this.length));
    const ends = new Int32Array(n);
    ends.set(this.ends.subarray(0, this.length));
    this.starts = starts;
    this.ends = ends;
    const values = new Float64Array(n);
    values.set(this.values.subarray(0, this.length));
    this.values = values;
  }

  push(start: number, end: number, quoted: string | undefined): void {
    const n = this.length;
    if (n === this.starts.length) this.room(n * 2);
    this.starts[n] = start;
    this.ends[n] = end;
    if (quoted !== undefined || this.anyQuoted) {
      this.quoted[n] = quoted;
      if (quoted !== undefined) this.anyQuoted = true;
    }
    this.length = n + 1;
  }

  reset(bytes: Uint8Array): void {
    this.bytes = bytes;
    this.length = 0;
    this.scannedDigits = false;
    if (this.anyQuoted) {
      this.quoted.length = 0;
      this.anyQuoted = false;
    }
  }
}

/** The line end papaparse would use for this text (it looks at the first megabyte, quoted parts left out). */
export function guessLineEnd(text: string): '\n' | '\r\n' | '\r' {
  let input = text.substring(0, 1024 * 1024);
  if (input.includes('"')) input = input.replace(/"([^]*?)"/gm, '');
  // Papaparse splits the text at "\r" and at "\n" (tens of thousands of strings for a megabyte);
  // the same answer from where the first of each is and what follows each "\r".
  const firstCr = input.indexOf('\r');
  if (firstCr === -1) return '\n';
  const firstLf = input.indexOf('\n');
  if (firstLf !== -1 && firstLf < firstCr) return '\n';
  let parts = 1;
  let withN = 0;
  for (let i = firstCr; i !== -1; i = input.indexOf('\r', i + 1)) {
    parts++;
    if (input.charCodeAt(i + 1) === 10) withN++;
  }
  return withN >= parts / 2 ? '\r\n' : '\r';
}

export type QuoteProblem = 'Trailing quote on quoted field is malformed' | 'Quoted field unterminated';

/** What the scanner's caller does with each row: return false to stop. */
export type RowSink = (cells: Cells, line: number, end: number) => boolean;

/** What the plain-row loop does with a column's cells (`PlainRows.kinds`). */
export const PLAIN_SKIP = 0;
/** An id: printable ASCII at both ends (nothing to trim), matched to its key number. */
export const PLAIN_KEY = 1;
/** A count: 1–15 ASCII digits and nothing else, valued. */
export const PLAIN_DIGITS = 2;

/**
 * A table reader's own handling of plain rows, which the scanner then reads in one loop of its
 * own, with no call per cell and no cells object: every cell unquoted and as `kinds` asks, the
 * row's field count the header's, the line end one byte ("\n") or "\r\n". Any other row — and
 * any row `row` declines — goes through the general scan and the reader's `row` as before, so
 * what is unusual (and every error) is read the one way it always was.
 */
export interface PlainRows {
  /** Per column: PLAIN_SKIP, PLAIN_KEY or PLAIN_DIGITS (as many as the header has columns). */
  readonly kinds: Uint8Array;
  /** Per column: where its key number goes in `keys`, or its value in `values`. */
  readonly at: Int32Array;
  readonly keys: Int32Array;
  readonly values: Float64Array;
  /**
   * A plain row, its cells in `keys` and `values`: false (nothing changed) leaves it to the
   * general path. `names` gives each key number's text.
   */
  row(line: number, names: readonly string[]): boolean;
}

/** Entries of a column's table of packed ids (a power of two: the top bits of a hash pick one). */
const PACKED_SHIFT = 20;
const PACKED_SIZE = 1 << (32 - PACKED_SHIFT);

/** The plain-row loop rests for this many rows at most after rows it could not take. */
const PLAIN_REST_MAX = 4096;

/**
 * Scans rows as UTF-8 bytes arrive. `push` as often as needed, then `end`: a row cut by a chunk's
 * end waits for the next chunk. Line numbers count "\n" characters, as they always did (a file with
 * "\r" line ends is one line long to them).
 */
export class DelimitedScanner {
  private readonly cells = new ScannedCells();
  private readonly d: number;
  /** First byte of the line end: LF, or CR for "\r\n" and "\r". */
  private readonly nl0: number;
  private readonly crlf: boolean;
  private readonly newlineLength: number;
  private rest: Uint8Array | undefined;
  /** Bytes consumed before `rest` (for progress). */
  consumed = 0;
  /** 1-based line of the next row. */
  line = 1;
  /** Set when a row's quotes are broken: the problem and the row's line. */
  quoteProblem: { problem: QuoteProblem; line: number } | undefined;
  private stopped = false;
  /** A reader's plain rows, read by `takePlain` between rows of the general scan (set by the caller). */
  plain: PlainRows | undefined;
  /** Rows the plain-row loop sits out (after rows it could not take), and how often it has missed in a row. */
  private plainRest = 0;
  /** 1 for the bytes that end an unquoted cell in the plain-row loop, or make its row not plain (a quote). */
  private readonly stops = new Uint8Array(256);
  private plainMisses = 0;

  constructor(
    delimiter: string,
    newline: '\n' | '\r\n' | '\r',
    private readonly sink: RowSink,
    /** Rows read by the plain-row loop, up to byte `end` of the text (for counts and progress). */
    private readonly taken: (rows: number, end: number) => void = () => {},
  ) {
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) >= 128) throw new Error(`a delimiter is one ASCII character, not "${delimiter}"`);
    this.d = delimiter.charCodeAt(0);
    for (const b of [this.d, LF, CR, QUOTE]) this.stops[b] = 1;
    this.nl0 = newline.charCodeAt(0);
    this.crlf = newline === '\r\n';
    this.newlineLength = newline.length;
  }

  push(chunk: Uint8Array): boolean {
    if (this.stopped) return false;
    let bytes = chunk;
    if (this.rest) {
      bytes = new Uint8Array(this.rest.length + chunk.length);
      bytes.set(this.rest);
      bytes.set(chunk, this.rest.length);
      this.rest = undefined;
    }
    const at = this.scan(bytes, false);
    if (at < bytes.length && !this.stopped) this.rest = bytes.slice(at);
    this.consumed += at;
    return !this.stopped;
  }

  end(): boolean {
    if (this.stopped) return false;
    const bytes = this.rest ?? new Uint8Array(0);
    this.rest = undefined;
    this.scan(bytes, true);
    this.consumed += bytes.length;
    return !this.stopped;
  }

  /** Scans whole rows of `bytes` from its start; returns where the first unfinished row starts. */
  private scan(bytes: Uint8Array, final: boolean): number {
    const { cells, d, nl0, crlf } = this;
    const nlHasLf = nl0 === LF || crlf ? 1 : 0;
    const n = bytes.length;
    // A reader's plain rows first (they have no quote); then, with one-byte line ends, rows up to
    // the first holding a quote in one tight loop; without a quote in the rest of the chunk no
    // field is quoted: the quote check per field is skipped. (The quote is looked for from where
    // the tight loop stopped: a look over a whole chunk without one costs as much as 5% of a read.)
    let pos = this.plain !== undefined ? this.takePlain(bytes, 0, n) : 0;
    if (!crlf) {
      pos = this.scanPlain(bytes, nlHasLf, pos);
      if (this.stopped) return pos;
    }
    const quotes = bytes.indexOf(QUOTE, pos) !== -1;
    if (!quotes && !crlf && !final) return pos;
    // With the final bytes, the row after the last line end (possibly empty) is a row too.
    while (pos < n || final) {
      if (this.plain !== undefined) {
        pos = this.takePlain(bytes, pos, n);
        if (pos >= n && !final) break;
      }
      const rowStart = pos;
      const rowLine = this.line;
      cells.reset(bytes);
      let i = pos;
      let lfs = 0;
      let complete = false;
      let terminated = false;
      row: for (;;) {
        if (quotes && i < n && bytes[i] === QUOTE) {
          // Quoted field: find its closing quote, "" being a quote inside.
          const open = i + 1;
          let q = i;
          for (;;) {
            q = bytes.indexOf(QUOTE, q + 1);
            if (q === -1) {
              if (!final) break row;
              this.stop('Quoted field unterminated', rowLine);
              return n;
            }
            if (q === n - 1) {
              if (!final) break row;
              // Closing quote at the end of the text: the field and the row end here.
              cells.push(open, q, unescape(bytes, open, q));
              lfs += countLf(bytes, open, q);
              i = n;
              complete = true;
              break row;
            }
            const next = bytes[q + 1];
            if (next === QUOTE) {
              q++;
              continue;
            }
            if (next === d) {
              cells.push(open, q, unescape(bytes, open, q));
              lfs += countLf(bytes, open, q);
              i = q + 2;
              continue row;
            }
            if (next === nl0) {
              if (!crlf) {
                cells.push(open, q, unescape(bytes, open, q));
                lfs += countLf(bytes, open, q) + nlHasLf;
                i = q + 2;
                complete = terminated = true;
                break row;
              }
              if (q + 2 >= n && !final) break row;
              if (q + 2 < n && bytes[q + 2] === LF) {
                cells.push(open, q, unescape(bytes, open, q));
                lfs += countLf(bytes, open, q) + 1;
                i = q + 3;
                complete = terminated = true;
                break row;
              }
            }
            // Whitespace after the closing quote, then the delimiter or the line end (papaparse allows it).
            const after = this.afterQuote(bytes, q, final);
            if (after === undefined) break row;
            if (after.kind === 'bad') {
              this.stop('Trailing quote on quoted field is malformed', rowLine);
              return n;
            }
            cells.push(open, q, unescape(bytes, open, q));
            lfs += countLf(bytes, open, after.next);
            i = after.next;
            if (after.kind === 'field') continue row;
            complete = terminated = true;
            break row;
          }
        }
        // Unquoted field: up to the delimiter or the line end.
        const start = i;
        for (;;) {
          if (i >= n) {
            if (!final) break row;
            cells.push(start, n, undefined);
            complete = true;
            break row;
          }
          const ch = bytes[i];
          if (ch === d) {
            cells.push(start, i, undefined);
            i++;
            continue row;
          }
          if (ch === nl0) {
            if (!crlf) {
              cells.push(start, i, undefined);
              lfs += nlHasLf;
              i++;
              complete = terminated = true;
              break row;
            }
            if (i + 1 >= n) {
              if (!final) break row;
            } else if (bytes[i + 1] === LF) {
              cells.push(start, i, undefined);
              lfs++;
              i += 2;
              complete = terminated = true;
              break row;
            }
          } else if (ch === LF) lfs++;
          i++;
        }
      }
      if (!complete) return rowStart;
      pos = i;
      this.line = rowLine + lfs;
      if (!this.sink(cells, rowLine, this.consumed + pos)) {
        this.stopped = true;
        return n;
      }
      // At the end of the text, a row ended by a line end is followed by one more (empty) row.
      if (final && pos === n && !terminated) break;
    }
    return pos;
  }

  /**
   * Rows of a chunk from `from` with one-byte line ends, up to the last complete row or the first
   * holding a quote (returns where the rest starts); `scan` goes on from there.
   */
  private scanPlain(bytes: Uint8Array, nlHasLf: number, from: number): number {
    const { cells, d, nl0 } = this;
    const n = bytes.length;
    // In a "\r" file a "\n" inside a line still counts as a line (as it always did).
    const lfInside = nl0 !== LF;
    cells.reset(bytes);
    cells.scannedDigits = true;
    // One loop over the bytes, the cells' offsets (and values when they are plain digits) written
    // here directly: a call per cell, an `indexOf` per row or a second look at a number's bytes
    // costs more than the scan itself.
    let { starts, ends, values } = cells;
    let pos = from;
    let k = 0;
    let start = pos;
    let lfs = nlHasLf;
    // The cell's digits so far, -1 once anything else is met.
    let v = 0;
    for (let i = pos; i < n; i++) {
      const ch = bytes[i];
      const digit = ch - 48;
      if (digit >= 0 && digit <= 9) {
        if (v >= 0) v = v * 10 + digit;
        continue;
      }
      if (ch === d) {
        if (k === starts.length - 1) {
          cells.length = k;
          cells.room(k * 2);
          ({ starts, ends, values } = cells);
        }
        starts[k] = start;
        ends[k] = i;
        values[k] = v >= 0 && i > start && i - start <= 15 ? v : -1;
        k++;
        start = i + 1;
        v = 0;
      } else if (ch === nl0) {
        starts[k] = start;
        ends[k] = i;
        values[k] = v >= 0 && i > start && i - start <= 15 ? v : -1;
        cells.length = k + 1;
        const rowLine = this.line;
        pos = i + 1;
        this.line = rowLine + lfs;
        if (!this.sink(cells, rowLine, this.consumed + pos)) {
          this.stopped = true;
          return n;
        }
        if (this.plain !== undefined) {
          pos = this.takePlain(bytes, pos, n);
          i = pos - 1;
        }
        k = 0;
        start = pos;
        lfs = nlHasLf;
        v = 0;
      } else if (ch === QUOTE) {
        // The row is read from its start with quotes (`scan`).
        return pos;
      } else {
        v = -1;
        if (lfInside && ch === LF) lfs++;
      }
    }
    return pos;
  }

  /**
   * Whole plain rows of bytes from `from` (see `PlainRows`), in one loop with the reader's `row`
   * per row: returns where the first row it did not take starts. After a row it could not take it
   * rests for a number of rows that doubles with each miss in a row (a file of decimal commas
   * costs a look at a few rows, not two scans of each).
   */
  private takePlain(bytes: Uint8Array, from: number, n: number): number {
    if (this.plainRest > 0) {
      this.plainRest--;
      return from;
    }
    const plain = this.plain!;
    // One-byte "\r" line ends (and "\n" counted inside them) are left to the general scan.
    if (this.nl0 !== LF && !this.crlf) return from;
    const { kinds, at, keys, values } = plain;
    const runs = this.digitRuns(plain);
    const { d, crlf, cells, stops } = this;
    const names = cells.keyNames;
    const columns = kinds.length;
    // Every row taken ends with a "\n" at or before `last`: it stops each cell's loop, so no
    // loop below looks past the bytes.
    const last = bytes.lastIndexOf(LF, n - 1);
    let pos = from;
    let line = this.line;
    rows: while (pos <= last) {
      let i = pos;
      let ch = 0;
      for (let c = 0; c < columns; c++) {
        const kind = kinds[c];
        const s = i;
        ch = bytes[i];
        if (kind === PLAIN_DIGITS) {
          // A run of counts (year or category columns) in one loop, each to the next place in `values`.
          const runEnd = runs[c];
          let to = at[c];
          for (let start = s; ; start = i) {
            let v = ch - 48;
            if (v < 0 || v > 9) break rows;
            ch = bytes[++i];
            while (ch >= 48 && ch <= 57) {
              v = v * 10 + (ch - 48);
              ch = bytes[++i];
            }
            if (i - start > 15) break rows;
            values[to] = v;
            if (c === runEnd) break;
            if (ch !== d) break rows;
            ch = bytes[++i];
            to++;
            c++;
          }
        } else if (kind === PLAIN_KEY) {
          // The id's bytes packed into two integers on the way (exact up to 8 bytes, the first
          // being printable): a table of them by column gives the key number without comparing bytes.
          let hi = 0;
          let lo = 0;
          while (stops[ch] === 0) {
            hi = (hi << 8) | (lo >>> 24);
            lo = (lo << 8) | ch;
            ch = bytes[++i];
          }
          if (ch === QUOTE) break rows;
          const n = i - s;
          const first = bytes[s];
          const end = lo & 255;
          let k: number;
          if (n > 0 && n <= 8 && first > 32 && first < 127 && end > 32 && end < 127) {
            const table = this.packedKeys[c] ?? this.packedKeyTable(c);
            const e = (Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> PACKED_SHIFT) * 3;
            if (table[e] === hi && table[e + 1] === lo) k = table[e + 2];
            else {
              k = cells.keyAt(c, bytes, s, i);
              table[e] = hi;
              table[e + 1] = lo;
              table[e + 2] = k;
            }
          } else k = cells.keyAt(c, bytes, s, i);
          if (k < 0) break rows;
          keys[at[c]] = k;
        } else {
          while (stops[ch] === 0) ch = bytes[++i];
          if (ch === QUOTE) break rows;
        }
        if (c < columns - 1) {
          if (ch !== d) break rows;
          i++;
        }
      }
      let next: number;
      if (ch === LF && !crlf) next = i + 1;
      else if (ch === CR && crlf && bytes[i + 1] === LF) next = i + 2;
      else break;
      if (!plain.row(line, names)) break;
      pos = next;
      line++;
    }
    const rows = line - this.line;
    if (rows > 0) {
      this.line = line;
      this.plainMisses = 0;
      this.taken(rows, this.consumed + pos);
    }
    if (pos <= last) {
      // A row left to the general scan.
      this.plainRest = Math.min(PLAIN_REST_MAX, (1 << Math.min(this.plainMisses, 12)) - 1);
      this.plainMisses++;
    }
    return pos;
  }

  private runsOf: PlainRows | undefined;
  private runs = new Int32Array(0);

  /**
   * By column of counts: the last column of the run of counts it starts, whose values go to
   * consecutive places in `values` (`takePlain` reads such a run in one loop).
   */
  private digitRuns(plain: PlainRows): Int32Array {
    if (this.runsOf === plain) return this.runs;
    const { kinds, at } = plain;
    const runs = new Int32Array(kinds.length);
    for (let c = kinds.length - 1; c >= 0; c--) {
      const next = c + 1 < kinds.length && kinds[c + 1] === PLAIN_DIGITS && at[c + 1] === at[c] + 1;
      runs[c] = kinds[c] === PLAIN_DIGITS && next ? runs[c + 1] : c;
    }
    this.runsOf = plain;
    this.runs = runs;
    return runs;
  }

  /** By column: ids of up to 8 bytes packed (two integers) and their key numbers, PACKED_SIZE entries (0, 0: empty). */
  private readonly packedKeys: (Int32Array | undefined)[] = [];

  private packedKeyTable(c: number): Int32Array {
    return (this.packedKeys[c] = new Int32Array(PACKED_SIZE * 3));
  }

  /** Where the line end starts at or after `from`, or -1. */
  private nextNewline(bytes: Uint8Array, from: number): number {
    if (!this.crlf) return bytes.indexOf(this.nl0, from);
    for (let i = bytes.indexOf(CR, from); i !== -1; i = bytes.indexOf(CR, i + 1)) if (bytes[i + 1] === LF) return i;
    return -1;
  }

  /** After a closing quote at q not directly followed by the delimiter or line end: papaparse's rule. */
  private afterQuote(bytes: Uint8Array, q: number, final: boolean): { kind: 'field' | 'row' | 'bad'; next: number } | undefined {
    const nextNewline = this.nextNewline(bytes, q + 1);
    const nextDelim = bytes.indexOf(this.d, q + 1);
    // Undecided until a line end has arrived (undefined: wait for more text).
    if (nextNewline === -1 && !final) return undefined;
    const checkUpTo = nextNewline === -1 ? nextDelim : Math.min(nextDelim, nextNewline);
    // Papaparse skips what lies between the quote and `index` when it is all whitespace (as trim() sees it).
    const spaces = (index: number) => (index > q + 1 && decodeRange(bytes, q + 1, index).trim() === '' ? index - q - 1 : 0);
    const s1 = spaces(checkUpTo);
    if (bytes[q + 1 + s1] === this.d && q + 1 + s1 < bytes.length) return { kind: 'field', next: q + 2 + s1 };
    const s2 = spaces(nextNewline);
    const at = q + 1 + s2;
    if (at < bytes.length && bytes[at] === this.nl0 && (!this.crlf || bytes[at + 1] === LF)) return { kind: 'row', next: at + this.newlineLength };
    return { kind: 'bad', next: q + 1 };
  }

  private stop(problem: QuoteProblem, line: number): void {
    this.quoteProblem = { problem, line };
    this.stopped = true;
  }
}

function countLf(bytes: Uint8Array, from: number, to: number): number {
  let lines = 0;
  for (let i = from; i < to; i++) if (bytes[i] === LF) lines++;
  return lines;
}

function unescape(bytes: Uint8Array, from: number, to: number): string {
  const s = decodeRange(bytes, from, to);
  return s.includes('"') ? s.replace(/""/g, '"') : s;
}

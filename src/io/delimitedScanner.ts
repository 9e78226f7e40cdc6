/**
 * The delimited-text scanner under `streamDelimited`: one pass of `charCodeAt` over the text (or
 * over chunks of it as a file is read), each row's cells kept as offsets into the text rather than
 * as strings. Readers ask a cell for what they need — its digits as a number, its trimmed text as
 * an interned key, or its text — so a 100 MB table does not become tens of millions of strings.
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

/** A row's cells, read without making a string per cell where the reader does not need one. */
export interface Cells {
  readonly length: number;
  /** The cell as parsed: quotes removed, `""` unescaped, not trimmed. */
  get(c: number): string;
  /** The cell's value when it is 1–15 ASCII digits and nothing else, else -1. */
  digits(c: number): number;
  /** The cell trimmed (as `String.prototype.trim`); equal cells of a scanned table are one string. */
  key(c: number): string;
}

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
    return digitsOf(this.row[c], 0, this.row[c].length);
  }
  key(c: number): string {
    return this.row[c].trim();
  }
}

/** 1–15 ASCII digits in text[start, end) as a number, else -1. */
function digitsOf(text: string, start: number, end: number): number {
  if (end - start < 1 || end - start > 15) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Equal keys as one string: an open-addressing table over the characters of text ranges, so a
 * region or category id seen before costs a hash and a compare, not a new string. The map lookups
 * that follow then hit a string whose hash V8 has already computed.
 */
class KeyPool {
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private keys: string[] = [];

  intern(text: string, start: number, end: number): string {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    const mask = this.slots.length - 1;
    const n = end - start;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const k = this.slots[s];
      if (k === 0) break;
      if (this.hashes[s] !== h) continue;
      const key = this.keys[k - 1];
      if (key.length !== n) continue;
      let same = true;
      for (let i = 0; i < n; i++) {
        if (key.charCodeAt(i) !== text.charCodeAt(start + i)) {
          same = false;
          break;
        }
      }
      if (same) return key;
    }
    // Sliced then flattened: a pooled key must not keep a whole chunk of text alive.
    const key = flat(text.slice(start, end));
    this.keys.push(key);
    if (this.keys.length * 2 > this.slots.length) this.grow();
    this.place(h, this.keys.length);
    return key;
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

/** A copy of a (possibly sliced) string that does not point into its parent. */
function flat(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Is the character one `String.prototype.trim` removes? */
function isTrimmed(ch: number): boolean {
  return ch <= 32 ? ch === 32 || (ch >= 9 && ch <= 13) : ch >= 0xa0 && /\s/.test(String.fromCharCode(ch));
}

/** A scanned row: offsets of each cell into the current text; quoted cells keep their unescaped text. */
export class ScannedCells implements Cells {
  text = '';
  length = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** The unescaped text of quoted cells, by column (undefined for an unquoted one). */
  quoted: (string | undefined)[] = [];
  anyQuoted = false;
  readonly pool = new KeyPool();
  private readonly lastKeys: (string | undefined)[] = [];

  get(c: number): string {
    if (this.anyQuoted) {
      const q = this.quoted[c];
      if (q !== undefined) return q;
    }
    return this.text.slice(this.starts[c], this.ends[c]);
  }

  digits(c: number): number {
    if (this.anyQuoted && this.quoted[c] !== undefined) return digitsOf(this.quoted[c]!, 0, this.quoted[c]!.length);
    return digitsOf(this.text, this.starts[c], this.ends[c]);
  }

  key(c: number): string {
    if (this.anyQuoted && this.quoted[c] !== undefined) return this.quoted[c]!.trim();
    const { text } = this;
    let s = this.starts[c];
    let e = this.ends[c];
    // Printable ASCII at both ends (almost every id): nothing to trim.
    const first = text.charCodeAt(s);
    const last = text.charCodeAt(e - 1);
    if (!(e > s && first > 32 && first < 127 && last > 32 && last < 127)) {
      while (s < e && isTrimmed(text.charCodeAt(s))) s++;
      while (e > s && isTrimmed(text.charCodeAt(e - 1))) e--;
    }
    // The same key as this column's last one (a long table sorted by region): no hash, no probe.
    const previous = this.lastKeys[c];
    if (previous !== undefined && previous.length === e - s) {
      let same = true;
      for (let i = 0; i < previous.length; i++) {
        if (previous.charCodeAt(i) !== text.charCodeAt(s + i)) {
          same = false;
          break;
        }
      }
      if (same) return previous;
    }
    const key = this.pool.intern(text, s, e);
    this.lastKeys[c] = key;
    return key;
  }

  strings(): string[] {
    const out = new Array<string>(this.length);
    for (let c = 0; c < this.length; c++) out[c] = this.get(c);
    return out;
  }

  push(start: number, end: number, quoted: string | undefined): void {
    const n = this.length;
    if (n === this.starts.length) {
      const starts = new Int32Array(n * 2);
      starts.set(this.starts);
      const ends = new Int32Array(n * 2);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[n] = start;
    this.ends[n] = end;
    if (quoted !== undefined || this.anyQuoted) {
      this.quoted[n] = quoted;
      if (quoted !== undefined) this.anyQuoted = true;
    }
    this.length = n + 1;
  }

  reset(text: string): void {
    this.text = text;
    this.length = 0;
    if (this.anyQuoted) {
      this.quoted.length = 0;
      this.anyQuoted = false;
    }
  }
}

/** The line end papaparse would use for this text (it looks at the first megabyte, quoted parts left out). */
export function guessLineEnd(text: string): '\n' | '\r\n' | '\r' {
  const input = text.substring(0, 1024 * 1024).replace(/"([^]*?)"/gm, '');
  const r = input.split('\r');
  const n = input.split('\n');
  const nAppearsFirst = n.length > 1 && n[0].length < r[0].length;
  if (r.length === 1 || nAppearsFirst) return '\n';
  let withN = 0;
  for (const part of r) if (part[0] === '\n') withN++;
  return withN >= r.length / 2 ? '\r\n' : '\r';
}

export type QuoteProblem = 'Trailing quote on quoted field is malformed' | 'Quoted field unterminated';

/** What the scanner's caller does with each row: return false to stop. */
export type RowSink = (cells: Cells, line: number, end: number) => boolean;

/**
 * Scans rows as text arrives. `push` as often as needed, then `end`: a row cut by a chunk's end
 * waits for the next chunk. Line numbers count "\n" characters, as they always did (a file with
 * "\r" line ends is one line long to them).
 */
export class DelimitedScanner {
  private readonly cells = new ScannedCells();
  private readonly d: number;
  private readonly delimiter: string;
  private readonly newline: string;
  /** First character of the line end: LF, or CR for "\r\n" and "\r". */
  private readonly nl0: number;
  private readonly crlf: boolean;
  private rest = '';
  /** Characters consumed before `rest` (for progress). */
  consumed = 0;
  /** 1-based line of the next row. */
  line = 1;
  /** Set when a row's quotes are broken: the problem and the row's line. */
  quoteProblem: { problem: QuoteProblem; line: number } | undefined;
  private stopped = false;

  constructor(delimiter: string, newline: '\n' | '\r\n' | '\r', private readonly sink: RowSink) {
    if (delimiter.length !== 1) throw new Error(`a delimiter is one character, not "${delimiter}"`);
    this.delimiter = delimiter;
    this.d = delimiter.charCodeAt(0);
    this.newline = newline;
    this.nl0 = newline.charCodeAt(0);
    this.crlf = newline === '\r\n';
  }

  push(chunk: string): boolean {
    if (this.stopped) return false;
    const text = this.rest === '' ? chunk : this.rest + chunk;
    this.rest = '';
    const at = this.scan(text, false);
    if (at < text.length && !this.stopped) this.rest = text.slice(at);
    this.consumed += at;
    return !this.stopped;
  }

  end(): boolean {
    if (this.stopped) return false;
    const text = this.rest;
    this.rest = '';
    this.scan(text, true);
    this.consumed += text.length;
    return !this.stopped;
  }

  /** Scans whole rows of `text` from its start; returns where the first unfinished row starts. */
  private scan(text: string, final: boolean): number {
    const { cells, d, nl0, crlf } = this;
    const nlHasLf = this.newline !== '\r' ? 1 : 0;
    const n = text.length;
    let pos = 0;
    // With a final text, the row after the last line end (possibly empty) is a row too.
    while (pos < n || final) {
      const rowStart = pos;
      const rowLine = this.line;
      cells.reset(text);
      let i = pos;
      let lfs = 0;
      let complete = false;
      let terminated = false;
      row: for (;;) {
        if (i < n && text.charCodeAt(i) === QUOTE) {
          // Quoted field: find its closing quote, "" being a quote inside.
          const open = i + 1;
          let q = i;
          for (;;) {
            q = text.indexOf('"', q + 1);
            if (q === -1) {
              if (!final) break row;
              this.stop('Quoted field unterminated', rowLine);
              return n;
            }
            if (q === n - 1) {
              if (!final) break row;
              // Closing quote at the end of the text: the field and the row end here.
              cells.push(open, q, unescape(text, open, q));
              lfs += countLf(text, open, q);
              i = n;
              complete = true;
              break row;
            }
            const next = text.charCodeAt(q + 1);
            if (next === QUOTE) {
              q++;
              continue;
            }
            if (next === d) {
              cells.push(open, q, unescape(text, open, q));
              lfs += countLf(text, open, q);
              i = q + 2;
              continue row;
            }
            if (next === nl0) {
              if (!crlf) {
                cells.push(open, q, unescape(text, open, q));
                lfs += countLf(text, open, q) + nlHasLf;
                i = q + 2;
                complete = terminated = true;
                break row;
              }
              if (q + 2 >= n && !final) break row;
              if (q + 2 < n && text.charCodeAt(q + 2) === LF) {
                cells.push(open, q, unescape(text, open, q));
                lfs += countLf(text, open, q) + 1;
                i = q + 3;
                complete = terminated = true;
                break row;
              }
            }
            // Whitespace after the closing quote, then the delimiter or the line end (papaparse allows it).
            const after = this.afterQuote(text, q, final);
            if (after === undefined) break row;
            if (after.kind === 'bad') {
              this.stop('Trailing quote on quoted field is malformed', rowLine);
              return n;
            }
            cells.push(open, q, unescape(text, open, q));
            lfs += countLf(text, open, after.next);
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
          const ch = text.charCodeAt(i);
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
            } else if (text.charCodeAt(i + 1) === LF) {
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

  /** After a closing quote at q not directly followed by the delimiter or line end: papaparse's rule. */
  private afterQuote(text: string, q: number, final: boolean): { kind: 'field' | 'row' | 'bad'; next: number } | undefined {
    const nextNewline = text.indexOf(this.newline, q + 1);
    const nextDelim = text.indexOf(this.delimiter, q + 1);
    // Undecided until a line end has arrived (undefined: wait for more text).
    if (nextNewline === -1 && !final) return undefined;
    const checkUpTo = nextNewline === -1 ? nextDelim : Math.min(nextDelim, nextNewline);
    const spaces = (index: number) => {
      if (index === -1) return 0;
      const between = text.substring(q + 1, index);
      return between && between.trim() === '' ? between.length : 0;
    };
    const s1 = spaces(checkUpTo);
    if (text.startsWith(this.delimiter, q + 1 + s1)) return { kind: 'field', next: q + 1 + s1 + 1 };
    const s2 = spaces(nextNewline);
    if (text.startsWith(this.newline, q + 1 + s2)) return { kind: 'row', next: q + 1 + s2 + this.newline.length };
    return { kind: 'bad', next: q + 1 };
  }

  private stop(problem: QuoteProblem, line: number): void {
    this.quoteProblem = { problem, line };
    this.stopped = true;
  }
}

function countLf(text: string, from: number, to: number): number {
  let lines = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === LF) lines++;
  return lines;
}

function unescape(text: string, from: number, to: number): string {
  const s = text.slice(from, to);
  return s.includes('"') ? s.replace(/""/g, '"') : s;
}

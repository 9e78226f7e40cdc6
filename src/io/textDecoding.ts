import { InputError } from './errors';

/**
 * One decoder for every door (import worker, CLI, packer): the bytes of a text file become text
 * in the encoding it was written in, or a located error. Planners' files come from Excel on
 * Russian or Western Windows (Windows-1251, Windows-1252), old Unix exports (KOI8-R), Excel's
 * "Unicode text" (UTF-16 LE with a BOM) and everything else (UTF-8): each is recognised, and a
 * file that fits none says so with its line instead of being read garbled.
 */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251', 'koi8-r', 'windows-1252'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** How the encoding was known: a byte-order mark, valid UTF-8, a guess from the bytes, or the user's choice. */
  by: 'bom' | 'valid' | 'detected' | 'chosen';
}

export function isTextEncoding(value: string): value is TextEncoding {
  return (TEXT_ENCODINGS as readonly string[]).includes(value);
}

/** A short description of a binary file's format from its first bytes, or undefined for text. */
export function binaryFormat(head: Uint8Array): string | undefined {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'a PNG image';
  if (starts(0xff, 0xd8, 0xff)) return 'a JPEG image';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'a GIF image';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'a PDF document';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'an Excel 97–2003 workbook (.xls) or another old Office file: save it as .xlsx or CSV';
  if (starts(0x1f, 0x8b)) return 'a gzip archive: unpack it first';
  if (starts(0x37, 0x7a, 0xbc, 0xaf)) return 'a 7-Zip archive: unpack it first';
  if (starts(0x52, 0x61, 0x72, 0x21)) return 'a RAR archive: unpack it first';
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'a zip archive';
  return undefined;
}

const BOMS: [TextEncoding, number[]][] = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

function bomOf(bytes: Uint8Array): { encoding: TextEncoding; length: number } | undefined {
  for (const [encoding, bom] of BOMS) if (bom.every((b, i) => bytes[i] === b)) return { encoding, length: bom.length };
  return undefined;
}

/**
 * UTF-16 without a BOM: text that is mostly ASCII has a NUL in every other byte, the high byte
 * of each code unit (second in LE, first in BE). Cyrillic UTF-16 has 0x04 there instead.
 */
function utf16Order(head: Uint8Array): TextEncoding | undefined {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  let evenCyr = 0;
  let oddCyr = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
    if (head[i] === 0x04) evenCyr++;
    if (head[i + 1] === 0x04) oddCyr++;
  }
  const pairs = n / 2;
  if ((oddZero + oddCyr) / pairs > 0.6 && evenZero / pairs < 0.05) return 'utf-16le';
  if ((evenZero + evenCyr) / pairs > 0.6 && oddZero / pairs < 0.05) return 'utf-16be';
  return undefined;
}

/** 1-based line of a byte offset (LF, CRLF and lone CR all end a line), for single-byte and UTF-8 text. */
function lineOfByte(bytes: Uint8Array, offset: number, step = 1, first = 0): number {
  let line = 1;
  for (let i = first; i < offset && i < bytes.length; i += step) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    else if (b === 0x0d && bytes[i + step] !== 0x0a) line++;
  }
  return line;
}

/** 1-based line of an offset in decoded text. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/** Offset of the first byte that breaks UTF-8, or -1. */
function utf8ErrorOffset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Russian letter frequencies (per cent), to tell Windows-1251 from KOI8-R: both put Cyrillic in 0xC0–0xFF, in different orders. */
const RUSSIAN: Record<string, number> = {
  о: 10.97, е: 8.45, а: 8.01, и: 7.35, н: 6.7, т: 6.26, с: 5.47, р: 4.73, в: 4.54, л: 4.4, к: 3.49, м: 3.21, д: 2.98, п: 2.81, у: 2.62, я: 2.01,
  ы: 1.9, ь: 1.74, г: 1.7, з: 1.65, б: 1.59, ч: 1.44, й: 1.21, х: 0.97, ж: 0.94, ш: 0.73, ю: 0.64, ц: 0.48, щ: 0.36, э: 0.32, ф: 0.26, ъ: 0.04, ё: 0.04,
};

/** Non-letter characters a high byte may plausibly stand for in a table (quotes, dashes, №, °, nbsp …). */
const PUNCTUATION = /[\u00a0«»“”„‘’‚–—…№°±§©®•·€\u00b2\u00b3\u00bd\u00bc\u00be\u00d7]/;

/**
 * How well `text` reads as words of its script: words (runs of letters) with a non-ASCII letter
 * score by the case pattern real words have (lower, UPPER, Capitalised) and, for Cyrillic, how
 * common their letters are in Russian; high characters that are no letter and no usual mark, or
 * words mixing scripts, count against. Returns a score per high character, about 1 for real text.
 */
function readability(text: string, script: 'cyrillic' | 'latin'): number {
  let high = 0;
  let score = 0;
  const word = script === 'cyrillic' ? /^[\u0400-\u04ff]+$/ : /^[A-Za-z\u00c0-\u024f]+$/;
  for (const match of text.matchAll(/[\p{L}]+|[^\p{L}\x00-\x7f]/gu)) {
    const token = match[0];
    let nonAscii = 0;
    for (const ch of token) if (ch.charCodeAt(0) > 0x7f) nonAscii++;
    if (nonAscii === 0) continue;
    high += nonAscii;
    if (token.length === 1 && !/\p{L}/u.test(token)) {
      score += PUNCTUATION.test(token) ? 0.5 : -2;
      continue;
    }
    if (!word.test(token)) {
      score -= 2 * nonAscii;
      continue;
    }
    const rest = token.slice(1);
    const caseOk = rest === rest.toLowerCase() || token === token.toUpperCase();
    if (!caseOk) {
      score -= nonAscii;
      continue;
    }
    if (script === 'cyrillic') {
      let freq = 0;
      for (const ch of token.toLowerCase()) freq += RUSSIAN[ch] ?? 0;
      // Real Russian averages about 5.5 per letter; letters of a wrongly ordered code page about 3.
      score += nonAscii * Math.min(1.5, freq / token.length / 4);
    } else {
      // Western words carry an accent or two; a word of accented letters only is Cyrillic misread.
      score += nonAscii / token.length <= 0.5 ? nonAscii : -nonAscii;
    }
  }
  return high === 0 ? 0 : score / high;
}

const SINGLE_BYTE: [TextEncoding, 'cyrillic' | 'latin'][] = [
  ['windows-1251', 'cyrillic'],
  ['koi8-r', 'cyrillic'],
  ['windows-1252', 'latin'],
];
const SAMPLE_BYTES = 256 * 1024;

/** The single-byte code page whose letters read best, or undefined when none reads like words. */
export function guessSingleByte(bytes: Uint8Array): TextEncoding | undefined {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let best: { encoding: TextEncoding; score: number } | undefined;
  for (const [encoding, script] of SINGLE_BYTE) {
    const score = readability(new TextDecoder(encoding).decode(sample), script);
    if (!best || score > best.score) best = { encoding, score };
  }
  return best && best.score >= 0.5 ? best.encoding : undefined;
}

const LABELS: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1251': 'Windows-1251',
  'koi8-r': 'KOI8-R',
  'windows-1252': 'Windows-1252',
};
export const encodingLabel = (encoding: TextEncoding) => LABELS[encoding];

/**
 * The text of a file's bytes. Without a chosen encoding: a BOM decides; else UTF-16 by its NUL
 * pattern; else UTF-8 if the bytes are valid UTF-8; else the single-byte code page (Windows-1251,
 * KOI8-R, Windows-1252) whose letters read as words. Binary files (NUL bytes, images, archives)
 * and bytes that fit no encoding are errors naming the line. Lone CR line ends (old Mac Excel)
 * become LF, so every reader counts lines alike; a BOM is dropped.
 */
export function decodeText(bytes: Uint8Array, fileName: string, chosen?: TextEncoding): DecodedText {
  const bom = bomOf(bytes);
  if (chosen) {
    const skip = bom && bom.encoding === chosen ? bom.length : 0;
    return { text: strictDecode(bytes, skip, chosen, fileName), encoding: chosen, by: 'chosen' };
  }
  if (bom) return { text: strictDecode(bytes, bom.length, bom.encoding, fileName), encoding: bom.encoding, by: 'bom' };
  const head = bytes.subarray(0, 65536);
  const utf16 = utf16Order(head);
  if (utf16) return { text: strictDecode(bytes, 0, utf16, fileName), encoding: utf16, by: 'detected' };
  const binary = binaryFormat(head);
  if (binary) throw new InputError({ file: fileName }, `this is ${binary}, not a text file`);
  const nul = head.indexOf(0);
  if (nul >= 0) throw new InputError({ file: fileName, line: lineOfByte(bytes, nul) }, `a NUL byte at offset ${nul}: this is a binary file, not text (or UTF-16 without a byte-order mark that could not be recognised; choose the encoding)`);
  // The native decoder checks validity fast; the byte-by-byte scan only locates the break.
  try {
    return { text: finish(new TextDecoder('utf-8', { fatal: true }).decode(bytes), fileName), encoding: 'utf-8', by: 'valid' };
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  const bad = utf8ErrorOffset(bytes);
  const guess = guessSingleByte(bytes);
  if (!guess) {
    throw new InputError(
      { file: fileName, line: lineOfByte(bytes, bad) },
      `byte 0x${bytes[bad].toString(16).toUpperCase().padStart(2, '0')} at offset ${bad} is not valid UTF-8, and the text does not read as Windows-1251, KOI8-R or Windows-1252 either; choose the encoding it was saved in`,
    );
  }
  return { text: finish(new TextDecoder(guess).decode(bytes), fileName), encoding: guess, by: 'detected' };
}

/**
 * A large file's bytes as they are, when they are the UTF-8 text `decodeText` would give (BOM or
 * valid UTF-8 with no BOM, and no lone CR to turn into LF): readers then scan the bytes, and a
 * 100 MB file never becomes a string of 100 million characters. Undefined when the text must be
 * decoded instead (another encoding, UTF-16, lone CR line ends, a NUL or U+FFFD, which the text
 * path refuses with their line, as for any file). Validity is checked in 1 MB steps, so no string
 * of the whole file is made on the way either.
 */
export function plainUtf8(bytes: Uint8Array): { body: Uint8Array; by: DecodedText['by'] } | undefined {
  const bom = bomOf(bytes);
  if (bom && bom.encoding !== 'utf-8') return undefined;
  const body = bom ? bytes.subarray(bom.length) : bytes;
  const head = body.subarray(0, 65536);
  if (!bom && (utf16Order(head) || binaryFormat(head))) return undefined;
  // Most large tables are ASCII with "\n" line ends: one pass over 32-bit words tells so, and
  // ASCII is valid UTF-8 with no U+FFFD (in Chromium the checks below cost eight times as much).
  if (plainAscii(body)) return { body, by: bom ? 'bom' : 'valid' };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const STEP = 1 << 20;
  try {
    for (let at = 0; at < body.length; at += STEP) decoder.decode(body.subarray(at, at + STEP), { stream: at + STEP < body.length });
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
  // NUL and U+FFFD (EF BF BD) are errors: the text path names them as for any file.
  if (body.indexOf(0) >= 0) return undefined;
  for (let i = body.indexOf(0xef); i >= 0; i = body.indexOf(0xef, i + 1)) if (body[i + 1] === 0xbf && body[i + 2] === 0xbd) return undefined;
  for (let i = body.indexOf(0x0d); i >= 0; i = body.indexOf(0x0d, i + 1)) if (body[i + 1] !== 0x0a) return undefined;
  return { body, by: bom ? 'bom' : 'valid' };
}

/** Only ASCII bytes, none of them NUL or CR? (False may also mean "look closer": it errs only that way.) */
export function plainAscii(bytes: Uint8Array): boolean {
  const n = bytes.length;
  const plainByte = (b: number) => b !== 0 && b !== 0x0d && b < 0x80;
  // Words need an aligned start: the bytes before it, and after the last whole word, one by one.
  const start = Math.min(n, (4 - (bytes.byteOffset & 3)) & 3);
  const words = (n - start) >> 2;
  const end = start + words * 4;
  for (let i = 0; i < start; i++) if (!plainByte(bytes[i])) return false;
  for (let i = end; i < n; i++) if (!plainByte(bytes[i])) return false;
  if (words === 0) return true;
  const w = new Uint32Array(bytes.buffer, bytes.byteOffset + start, words);
  // Per word: a high bit set, a zero byte, or a CR byte (a zero byte of x ^ 0x0d0d0d0d) sets a
  // high bit of `seen`. The zero-byte test may flag a byte above a real zero byte, never a word with none.
  let seen = 0;
  for (let i = 0; i < words; i++) {
    const x = w[i];
    const cr = x ^ 0x0d0d0d0d;
    seen |= x | ((x - 0x01010101) & ~x) | ((cr - 0x01010101) & ~cr);
    // Checked now and then, so a file with a non-ASCII byte near its start is not scanned to its end.
    if ((i & 0xffff) === 0xffff && (seen & 0x80808080) !== 0) return false;
  }
  return (seen & 0x80808080) === 0;
}

function strictDecode(bytes: Uint8Array, skip: number, encoding: TextEncoding, fileName: string): string {
  const body = bytes.subarray(skip);
  const multiByte = encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be';
  if (!multiByte) return finish(new TextDecoder(encoding).decode(body), fileName);
  try {
    return finish(new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body), fileName);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
  // Locate the break: decode leniently and find the first replacement character.
  const lenient = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
  const at = lenient.indexOf('\ufffd');
  const line = lineOfOffset(lenient, at < 0 ? lenient.length : at);
  const why = encoding === 'utf-8' ? 'a byte sequence that is not valid UTF-8' : body.length % 2 === 1 ? 'an odd number of bytes, or a broken surrogate pair' : 'a broken surrogate pair';
  throw new InputError({ file: fileName, line }, `the file says it is ${LABELS[encoding]} but holds ${why}; choose another encoding or save it again`);
}

/** Checks for characters lost before the file reached us, and unifies line ends. */
function finish(text: string, fileName: string): string {
  const lost = text.indexOf('\ufffd');
  if (lost >= 0) {
    throw new InputError(
      { file: fileName, line: lineOfOffset(text, lost) },
      'holds the replacement character U+FFFD ("�"): characters were lost when this file was converted to text earlier; export it again from its source',
    );
  }
  if (text.includes('\0')) {
    const at = text.indexOf('\0');
    throw new InputError({ file: fileName, line: lineOfOffset(text, at) }, 'holds a NUL character: this is a binary file, or the wrong encoding was chosen');
  }
  return /\r(?!\n)/.test(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}

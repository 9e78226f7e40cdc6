/**
 * The text encoding of a .dbf: the .cpg file's word when there is one, else the language driver
 * byte (LDID, offset 29 of the header) that dBASE and ArcGIS write, else a guess from the bytes.
 * Russian shapefiles from older tools carry Windows-1251 or CP866 with only the LDID to say so;
 * read as UTF-8 their names are garbled and no join finds them.
 */
// Only the code pages a TextDecoder knows (the WHATWG encodings; DOS pages other than 866 are not among them).
const LDID: Record<number, string> = {
  0x03: 'windows-1252', 0x13: 'shift_jis', 0x26: 'ibm866', 0x4d: 'gbk', 0x4e: 'euc-kr', 0x4f: 'big5', 0x50: 'windows-874',
  0x57: 'windows-1252', 0x58: 'windows-1252', 0x59: 'windows-1252', 0x65: 'ibm866', 0x78: 'big5', 0x79: 'euc-kr',
  0x7a: 'gbk', 0x7b: 'shift_jis', 0x7c: 'windows-874', 0x7d: 'windows-1255', 0x7e: 'windows-1256', 0xc8: 'windows-1250',
  0xc9: 'windows-1251', 0xca: 'windows-1254', 0xcb: 'windows-1253', 0xcc: 'windows-1257',
};

export interface DbfEncoding {
  encoding: string;
  /** Where it came from, for the notes. */
  source: 'chosen' | '.cpg' | 'code page byte' | 'guessed';
}

/** A .cpg's content ("UTF-8", "1251", "ANSI 1251", "CP1251", "windows-1251") as a TextDecoder label, or undefined. */
export function cpgEncoding(cpg: string): string | undefined {
  const word = cpg.trim();
  const digits = /^(?:ANSI\s*|CP\s*|WINDOWS-)?(\d{3,5})$/i.exec(word);
  const candidates = digits ? [Number(digits[1]) >= 1250 && Number(digits[1]) <= 1258 ? `windows-${digits[1]}` : `ibm${digits[1]}`, `cp${digits[1]}`] : [word];
  for (const label of candidates) if (isEncoding(label)) return label;
  return undefined;
}

export function isEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

export function dbfEncoding(dbf: Uint8Array, cpg: string | undefined, chosen?: string): DbfEncoding {
  if (chosen !== undefined) return { encoding: chosen, source: 'chosen' };
  const fromCpg = cpg === undefined ? undefined : cpgEncoding(cpg);
  if (fromCpg) return { encoding: fromCpg, source: '.cpg' };
  const ldid = dbf.byteLength > 29 ? LDID[dbf[29]] : undefined;
  if (ldid) return { encoding: ldid, source: 'code page byte' };
  return { encoding: guessEncoding(dbf), source: 'guessed' };
}

/**
 * UTF-8 when the bytes are valid UTF-8 (plain ASCII included); else Windows-1251 when most high
 * bytes fall in its Cyrillic letters (0xC0–0xFF), CP866 when they fall in CP866's (0x80–0xAF,
 * 0xE0–0xEF), and Windows-1252 otherwise.
 */
function guessEncoding(bytes: Uint8Array): string {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    // not UTF-8
  }
  let high = 0;
  let cp1251 = 0;
  let cp866 = 0;
  for (let i = 32; i < bytes.byteLength; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    high++;
    if (b >= 0xc0) cp1251++;
    if (b <= 0xaf || (b >= 0xe0 && b <= 0xef)) cp866++;
  }
  if (cp1251 >= 0.8 * high && cp1251 >= cp866) return 'windows-1251';
  if (cp866 >= 0.8 * high) return 'ibm866';
  return 'windows-1252';
}

/**
 * Text travels inside the PNG as well as on it: title, notes (e.g. the LISA significance level,
 * permutations, seed and Moran's I) and attribution as iTXt chunks (UTF-8, so Cyrillic names
 * survive), placed right after the header where any PNG reader finds them.
 */
const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** An iTXt chunk: keyword (Latin-1, 1–79 chars), uncompressed UTF-8 text. */
function itxt(keyword: string, text: string): Uint8Array {
  const key = new TextEncoder().encode(keyword.replace(/[^\x20-\x7e]/g, '').slice(0, 79) || 'Comment');
  const body = new TextEncoder().encode(text);
  // keyword \0, compression flag 0, method 0, language tag "" \0, translated keyword "" \0, text
  const data = new Uint8Array(key.length + 5 + body.length);
  data.set(key, 0);
  data.set(body, key.length + 5);
  return chunk('iTXt', data);
}

/** The PNG with text chunks added after IHDR. */
export function addPngText(png: Uint8Array, entries: [string, string][]): Uint8Array {
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error('not a PNG');
  const ihdrEnd = 8 + 12 + new DataView(png.buffer, png.byteOffset).getUint32(8);
  const chunks = entries.filter(([, text]) => text !== '').map(([k, v]) => itxt(k, v));
  const size = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(png.length + size);
  out.set(png.subarray(0, ihdrEnd), 0);
  let at = ihdrEnd;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(ihdrEnd), at);
  return out;
}

/** Reads a PNG's size and its tEXt/iTXt entries (for checks and tests). */
export function readPng(png: Uint8Array): { width: number; height: number; text: Record<string, string> } {
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const text: Record<string, string> = {};
  const decoder = new TextDecoder();
  let at = 8;
  let width = 0;
  let height = 0;
  while (at + 12 <= png.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
    } else if (type === 'tEXt' || type === 'iTXt') {
      const zero = data.indexOf(0);
      const key = decoder.decode(data.subarray(0, zero));
      if (type === 'tEXt') text[key] = String.fromCharCode(...data.subarray(zero + 1));
      else {
        // flag, method, then language and translated keyword, each ending in \0
        let p = zero + 3;
        p = data.indexOf(0, p) + 1;
        p = data.indexOf(0, p) + 1;
        text[key] = decoder.decode(data.subarray(p));
      }
    } else if (type === 'IEND') break;
    at += 12 + length;
  }
  return { width, height, text };
}

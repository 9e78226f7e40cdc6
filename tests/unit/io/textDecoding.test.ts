import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeText, plainAscii, plainUtf8 } from '../../../src/io/textDecoding';

describe('plainUtf8: bytes a reader may scan as they are', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it('gives the bytes of UTF-8 text (without its BOM) that decodeText would give unchanged', () => {
    const text = 'region;name\r\nRU-TVE;Тверская область\r\n';
    expect(plainUtf8(utf8(text))).toEqual({ body: utf8(text), by: 'valid' });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    const got = plainUtf8(withBom)!;
    expect(got.by).toBe('bom');
    expect(new TextDecoder().decode(got.body)).toBe(decodeText(withBom, 'f.csv').text);
  });

  it('checks validity in steps without losing a character cut at a step', () => {
    // A two-byte letter across the 1 MB step.
    const text = 'a'.repeat((1 << 20) - 1) + 'Ж\n';
    expect(plainUtf8(utf8(text))?.body.length).toBe((1 << 20) + 2);
    const broken = utf8(text);
    broken[(1 << 20) - 1] = 0xd0; // a lead byte followed by another lead byte: not UTF-8
    broken[1 << 20] = 0xd0;
    expect(plainUtf8(broken)).toBeUndefined();
  });

  it('leaves to decodeText what it must change or refuse: other encodings, lone CR, NUL, U+FFFD, binary', () => {
    expect(plainUtf8(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toBeUndefined();
    expect(plainUtf8(new Uint8Array([0xd2, 0xe2, 0xe5, 0xf0, 0xfc]))).toBeUndefined(); // Windows-1251 "Тверь"
    expect(plainUtf8(utf8('a;b\rc;d\r'))).toBeUndefined();
    expect(plainUtf8(utf8('a;b\n\u0000;d\n'))).toBeUndefined();
    expect(plainUtf8(utf8('a;b\n\ufffd;d\n'))).toBeUndefined();
    expect(plainUtf8(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeUndefined();
  });
});

describe('plainAscii: the word-at-a-time check for plain ASCII bytes', () => {
  const byByte = (bytes: Uint8Array) => bytes.every((b) => b !== 0 && b !== 0x0d && b < 0x80);

  it('agrees with a byte-by-byte check at every alignment and length', () => {
    // Mostly ASCII with now and then a NUL, CR, high byte or 0x01 (the borrow case of the zero-byte test).
    const byte = fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) }, fc.constantFrom(0, 0x0d, 0x80, 0xff, 0x01, 0x0a, 0x0c, 0x0e));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 80 }), fc.integer({ min: 0, max: 3 }), (values, offset) => {
        const buffer = new Uint8Array(values.length + offset + 4).fill(0xff);
        const bytes = buffer.subarray(offset, offset + values.length);
        bytes.set(values);
        expect(plainAscii(bytes)).toBe(byByte(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds one odd byte anywhere in a long table, including past its early checks', () => {
    const bytes = new TextEncoder().encode('region,category,year,employment\n'.repeat(40_000));
    expect(plainAscii(bytes)).toBe(true);
    for (const at of [0, 3, 262_143, 262_144, 600_001, bytes.length - 1]) {
      for (const odd of [0, 0x0d, 0xd0]) {
        const copy = bytes.slice();
        copy[at] = odd;
        expect(plainAscii(copy)).toBe(false);
        expect(plainUtf8(copy)).toBeUndefined();
      }
    }
  });
});

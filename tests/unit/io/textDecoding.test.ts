import { describe, expect, it } from 'vitest';
import { decodeText, plainUtf8 } from '../../../src/io/textDecoding';

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

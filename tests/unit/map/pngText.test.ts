import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync } from 'node:zlib';
import { addPngText, crc32, readPng } from '../../../src/map/pngText';
import { pngTextLines } from '../../../src/map/exportPng';

/** A real 3×2 grey PNG, built by hand (signature, IHDR, IDAT, IEND). */
function tinyPng(width = 3, height = 2): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(new Uint8Array(Buffer.concat([head.subarray(4), data]))), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0;
  return new Uint8Array(Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}

describe('text inside the PNG', () => {
  it('computes the PNG CRC-32 (known value of "IEND")', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });

  it('adds UTF-8 entries after the header and reads them back with the size unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (note) => {
        const png = addPngText(tinyPng(), [['Title', 'Занятость — LQ'], ['Description', note]]);
        const read = readPng(png);
        expect(read.width).toBe(3);
        expect(read.height).toBe(2);
        expect(read.text.Title).toBe('Занятость — LQ');
        if (note !== '') expect(read.text.Description).toBe(note);
        // Every chunk's CRC is right (a strict reader would refuse the file otherwise).
        const view = new DataView(png.buffer);
        for (let at = 8; at < png.length; ) {
          const length = view.getUint32(at);
          expect(view.getUint32(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
          at += 12 + length;
        }
      }),
      { numRuns: 50 },
    );
  });

  it('refuses what is not a PNG', () => {
    expect(() => addPngText(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]), [])).toThrow('not a PNG');
  });

  it('writes the LISA note (significance, permutations, seed, Moran’s I) among the image’s lines', () => {
    const note = 'Local Moran, 999 conditional permutations (seed 1), p < 0.05; queen contiguity, row-standardised.';
    const lines = pngTextLines({ title: 'LISA', subtitle: 'Demo', units: 'Values tested: LQ', notes: ['Global Moran’s I: I = 0.41, z = 30.2, p < 0.001', note], legend: [], attribution: 'x' });
    expect(lines).toEqual(['Demo', 'Values tested: LQ', 'Global Moran’s I: I = 0.41, z = 30.2, p < 0.001', note]);
  });
});

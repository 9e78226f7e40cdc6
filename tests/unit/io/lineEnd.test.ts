import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { guessLineEnd } from '../../../src/io/delimitedScanner';

/** Papaparse's guess of the line end as it wrote it (splitting the first megabyte at "\r" and at "\n"). */
function bySplitting(text: string): '\n' | '\r\n' | '\r' {
  const input = text.substring(0, 1024 * 1024).replace(/"([^]*?)"/gm, '');
  const r = input.split('\r');
  const n = input.split('\n');
  const nAppearsFirst = n.length > 1 && n[0].length < r[0].length;
  if (r.length === 1 || nAppearsFirst) return '\n';
  let withN = 0;
  for (const part of r) if (part[0] === '\n') withN++;
  return withN >= r.length / 2 ? '\r\n' : '\r';
}

describe('the line end guessed from the first megabyte', () => {
  it('is the one papaparse guessed, on text of line ends of every kind, quotes, and none', () => {
    const piece = fc.constantFrom('\n', '\r', '\r\n', '\r\r', '\n\r', 'a', 'b,c', '"', '"x\r\ny"', '""', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(guessLineEnd(text)).toBe(bySplitting(text));
        expect(guessLineEnd(text)).toBe(Papa.parse(text).meta.linebreak || '\n');
      }),
      { numRuns: 2000, seed: 20261202 },
    );
  });

  it('looks at the first megabyte only', () => {
    const text = 'a,b\r\n'.repeat(300_000) + 'a\n'.repeat(10);
    expect(guessLineEnd(text)).toBe('\r\n');
    expect(guessLineEnd('x'.repeat(1024 * 1024) + '\r\n')).toBe('\n');
    expect(guessLineEnd('a\rb\rc\r\nd')).toBe('\r');
    expect(guessLineEnd('a\r\nb\r\nc\rd')).toBe('\r\n');
  });
});

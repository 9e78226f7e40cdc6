import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../../src/state/hash';

describe('URL hash', () => {
  it('round-trips the stable keys and the selected region', () => {
    const view = { cat: 'biopharma', ind: 'stars' as const, year: 2020, region: '06037' };
    expect(formatHash(view)).toBe('#cat=biopharma&ind=stars&year=2020&region=06037');
    expect(parseHash(formatHash(view))).toEqual({ view, rejected: [] });
  });

  it('rejects unknown indicators and non-integer years, keeping the rest', () => {
    expect(parseHash('#cat=a&ind=evil()&year=20x0')).toEqual({ view: { cat: 'a' }, rejected: ['ind', 'year'] });
  });

  it('keeps text that looks like markup as plain text (it is only ever compared with ids)', () => {
    expect(parseHash('#cat=%3Cimg%20src%3Dx%3E').view.cat).toBe('<img src=x>');
  });

  it('ignores unrelated keys', () => {
    expect(parseHash('#foo=1&ind=lq').view).toEqual({ ind: 'lq' });
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DECK_LIMITS, decodeDeck, deckFileText, encodeDeck, fromBase64Url, isDeckHash, readDeckFile, toBase64Url, type Slide } from '../../../src/state/deck';
import { formatHash, PALETTES } from '../../../src/state/hash';
import { InputError } from '../../../src/io/errors';

const viewArb = fc.record(
  {
    cat: fc.string({ minLength: 1, maxLength: 40 }),
    ind: fc.constantFrom('employment', 'lq', 'stars', 'focus', 'size'),
    year: fc.integer({ min: 1990, max: 2030 }),
    mode: fc.constantFrom('choropleth', 'lisa', 'gistar', 'change'),
    region: fc.string({ minLength: 1, maxLength: 30 }),
    classification: fc.record({ method: fc.constantFrom('quantile', 'equal', 'ckmeans'), classes: fc.integer({ min: 2, max: 9 }), palette: fc.constantFrom(...PALETTES) }),
  },
  { requiredKeys: ['cat', 'ind', 'year'] },
);
const boundsArb = fc
  .tuple(fc.double({ min: -180, max: 179, noNaN: true }), fc.double({ min: -89, max: 89, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }))
  .map(([w, s, dw, dh]) => [w, s, w + dw, Math.min(90, s + dh)] as [number, number, number, number]);
const round = (b: number[]) => b.map((x) => Math.round(x * 1e4) / 1e4 || 0);
const slideArb = fc.record({
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  hash: viewArb.map((v) => formatHash(v as any)),
  caption: fc.string({ maxLength: 200, unit: 'grapheme' }).map((c) => c.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')),
  bounds: fc.option(boundsArb, { nil: undefined }),
});

describe('decks in links', () => {
  it('round-trip any deck exactly: views, captions in any script, bounds to 4 decimals', () => {
    fc.assert(
      fc.property(fc.array(slideArb, { maxLength: 12 }), (slides) => {
        const link = encodeDeck(slides);
        expect(link).toMatch(/^#deck=[A-Za-z0-9_-]*$/);
        expect(isDeckHash(link)).toBe(true);
        const decoded = decodeDeck(link);
        expect(decoded.dropped).toEqual([]);
        expect(decoded.slides).toEqual(slides.map((s) => ({ hash: s.hash, caption: s.caption, ...(s.bounds ? { bounds: round(s.bounds) } : {}) })));
      }),
      { numRuns: 200 },
    );
  });

  it('base64url carries any UTF-8 text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(fromBase64Url(toBase64Url(text))).toBe(text);
      }),
    );
    // Known value: RFC 4648 alphabet with - and _, no padding.
    expect(toBase64Url('\u00fb\u00ff')).toBe('w7vDvw');
  });

  it('is compact: three slides fit comfortably in a link', () => {
    const slides: Slide[] = [1, 2, 3].map((i) => ({ hash: `#v=2&cat=it&ind=lq&year=202${i}&mode=choropleth&rule=eco&cut=0.1&lqmin=2&class=quantile&classes=5&palette=Blues`, caption: `Slide ${i}: IT grows`, bounds: [-100.12345, 30.5, -80.25, 45] }));
    expect(encodeDeck(slides).length).toBeLessThan(700);
  });

  it('migrates each slide: an unversioned (v1) view comes back in the current hash version', () => {
    const link = `#deck=${toBase64Url(JSON.stringify({ v: 1, s: [['cat=biopharma&ind=stars&year=2012', 'Old link']] }))}`;
    const { slides } = decodeDeck(link);
    expect(slides).toHaveLength(1);
    const params = Object.fromEntries(new URLSearchParams(slides[0].hash.slice(1)));
    expect(params).toMatchObject({ v: '2', cat: 'biopharma', ind: 'stars', year: '2012', mode: 'choropleth', rule: 'eco', cut: '0.1', lqmin: '2' });
    expect(slides[0].caption).toBe('Old link');
  });

  it('reads a deck from a newer version as far as it can, and says so', () => {
    const decoded = decodeDeck(`#deck=${toBase64Url(JSON.stringify({ v: 7, s: [['v=2&cat=a&ind=lq&year=2020', 'x', null, 'future']] }))}`);
    expect(decoded.newer).toBe(true);
    expect(decoded.slides).toHaveLength(1);
  });

  it('leaves out hostile or broken slides with their numbers, keeps the rest, runs nothing', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const payload = {
      v: 1,
      s: [
        ['v=2&cat=ok&ind=lq&year=2020', evil],
        ['v=2&ind=evil()&year=2020', 'bad indicator'],
        'not a slide',
        [42, 'hash is a number'],
        ['v=2&cat=a&ind=lq&year=2020', { toString: 1 }],
        ['v=2&cat=a&ind=lq&year=2020', 'bounds backwards', [10, 10, 0, 0]],
        ['v=2&cat=a&ind=lq&year=2020', 'bounds NaN', ['a', 1, 2, 3]],
        ['x'.repeat(DECK_LIMITS.hash + 1), 'too long'],
        ['foo=bar', 'says nothing'],
        ['v=2&cat=b&ind=lq&year=2021', 'ctrl\u0000\u001b chars\nkept line'],
      ],
    };
    const decoded = decodeDeck(`#deck=${toBase64Url(JSON.stringify(payload))}`);
    expect(decoded.slides.map((s) => s.caption)).toEqual([evil, 'ctrl chars\nkept line']);
    expect(decoded.dropped.map((d) => d.slide)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(decoded.dropped[0].problem).toContain('“ind”');
  });

  it('refuses a payload that is not a deck with a reason', () => {
    expect(() => decodeDeck('#deck=%3Cscript%3E')).toThrow(/base64url/);
    expect(() => decodeDeck(`#deck=${toBase64Url('{not json')}`)).toThrow(/not readable/);
    expect(() => decodeDeck(`#deck=${toBase64Url('{"s":[]}')}`)).toThrow(/version/);
    expect(() => decodeDeck(`#deck=${toBase64Url('{"v":1}')}`)).toThrow(/no slides/);
    expect(() => decodeDeck(`#deck=${'A'.repeat(DECK_LIMITS.linkChars + 4)}`)).toThrow(/longer/);
    expect(() => decodeDeck(`#deck=${toBase64Url('\u00ff')}`.replace('w78', '_-8'))).toThrow();
    // Too many slides: the first 50 kept, the rest counted.
    const many = Array.from({ length: 60 }, (_, i) => [`v=2&cat=c${i}&ind=lq&year=2020`, '']);
    const decoded = decodeDeck(`#deck=${toBase64Url(JSON.stringify({ v: 1, s: many }))}`);
    expect(decoded.slides).toHaveLength(50);
    expect(decoded.dropped).toHaveLength(10);
  });
});

describe('deck files', () => {
  it('round-trip through the file with titles', () => {
    fc.assert(
      fc.property(fc.array(slideArb, { maxLength: 8 }), fc.string({ maxLength: 30 }), (slides, title) => {
        const withTitle = slides.map((s) => ({ ...s, title: title || undefined, bounds: s.bounds && (round(s.bounds) as Slide['bounds']) }));
        const decoded = readDeckFile(deckFileText(withTitle, 'demo'), 'deck.json');
        expect(decoded.dropped).toEqual([]);
        expect(decoded.slides).toEqual(withTitle.map((s) => JSON.parse(JSON.stringify(s))));
      }),
      { numRuns: 100 },
    );
  });

  it('reports where a file is wrong', () => {
    const located = (text: string) => {
      try {
        readDeckFile(text, 'talk.json');
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as Error).message;
      }
      throw new Error('no error');
    };
    expect(located('{oops')).toMatch(/^talk\.json: not JSON/);
    expect(located('[]')).toBe('talk.json at $: not a deck (expected an object)');
    expect(located('{"format":"x","version":1,"slides":[]}')).toMatch(/^talk\.json at \$\.format: expected "cluster-atlas-deck"/);
    expect(located('{"format":"cluster-atlas-deck","version":"1","slides":[]}')).toMatch(/at \$\.version/);
    expect(located('{"format":"cluster-atlas-deck","version":1,"slides":{}}')).toMatch(/at \$\.slides: expected a list/);
    const partly = readDeckFile('{"format":"cluster-atlas-deck","version":1,"slides":[{"hash":"#v=2&cat=a&ind=lq&year=2020","caption":"ok"},{"hash":"#v=2&palette=<b>","caption":"x"}]}', 'talk.json');
    expect(partly.slides).toHaveLength(1);
    expect(partly.dropped).toEqual([{ slide: 2, problem: '$.slides[1]: the view has bad values for “palette”' }]);
  });

  it('opens the saved-views list of earlier versions (before captions)', () => {
    const old = JSON.stringify({ format: 'cluster-atlas-saved-views', version: 1, views: [{ hash: '#v=2&cat=a&ind=lq&year=2020', label: 'LQ of A' }, { hash: 'javascript:alert(1)', label: 'x' }] });
    const decoded = readDeckFile(old, 'views.json');
    expect(decoded.slides).toEqual([{ hash: '#v=2&cat=a&ind=lq&year=2020', caption: '', title: 'LQ of A' }]);
    expect(decoded.dropped).toHaveLength(1);
  });
});

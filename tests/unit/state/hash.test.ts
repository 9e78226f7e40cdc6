import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { HASH_VERSION, formatHash, parseHash, roundViewport, type HashView } from '../../../src/state/hash';
import { migrateParams } from '../../../src/state/hashMigrations';
import { BREAKS_HOLD, CHANGE_MEASURES, CLASS_METHODS, MAP_MODES, type View } from '../../../src/state/store';
import { INDICATORS } from '../../../src/model/dataset';
import { DIVERGING_PALETTES, MAX_CLASSES, MIN_CLASSES, SEQUENTIAL_PALETTES } from '../../../src/map/classify';
import { HASH_LIMITS, PALETTES } from '../../../src/state/hash';

const fullView: View = {
  cat: 'biopharma',
  ind: 'lq',
  year: 2022,
  baseYear: 2012,
  mode: 'change',
  change: 'cagr',
  rule: { kind: 'cmp', cutShare: 0.05, lqThreshold: 1.5 },
  classification: { method: 'manual', classes: 4, palette: 'RdBu', thresholds: [0.5, 1, 2] },
  region: '06037',
  viewport: { lng: -98.25, lat: 39.5, zoom: 3.75 },
  lang: 'ru',
};

describe('URL hash, version 2', () => {
  it('writes every view field under a readable key, the stable keys first', () => {
    expect(formatHash(fullView)).toBe(
      '#v=2&cat=biopharma&ind=lq&year=2022&base=2012&mode=change&change=cagr&rule=cmp&cut=0.05&lqmin=1.5' +
        '&class=manual&classes=4&palette=RdBu&breaks=0.5,1,2&region=06037&at=-98.25,39.5,3.75&lang=ru',
    );
  });

  it('reads back exactly what it wrote', () => {
    expect(parseHash(formatHash(fullView))).toEqual({ view: fullView, rejected: [], version: 2, newer: false });
    const minimal: HashView = { cat: 'it', ind: 'stars', year: 2014 };
    expect(parseHash(formatHash(minimal)).view).toEqual(minimal);
  });

  it('carries a minimum cell size as minemp / minest, and links without them keep their form', () => {
    const rule = { kind: 'eco' as const, cutShare: 0.1, lqThreshold: 2, minEmployment: 2.5, minEstablishments: 3 };
    const text = formatHash({ cat: 'A', ind: 'stars', year: 2015, rule });
    expect(text).toBe('#v=2&cat=A&ind=stars&year=2015&rule=eco&cut=0.1&lqmin=2&minemp=2.5&minest=3');
    expect(parseHash(text).view.rule).toEqual(rule);
    // An older link, and one with only a minimum: the rule as before, its other parts defaulted.
    expect(parseHash('#v=2&cat=A&rule=eco&cut=0.1&lqmin=2').view.rule).toEqual({ kind: 'eco', cutShare: 0.1, lqThreshold: 2 });
    expect(formatHash({ rule: { kind: 'eco', cutShare: 0.1, lqThreshold: 2 } })).toBe('#v=2&rule=eco&cut=0.1&lqmin=2');
    expect(parseHash('#v=2&minemp=10').view.rule).toEqual({ kind: 'eco', cutShare: 0.1, lqThreshold: 2, minEmployment: 10 });
    expect(parseHash('#v=2&minemp=-1&minest=x').rejected).toEqual(['minemp', 'minest']);
  });

  it('carries breaks held across years as hold, and links without it keep their meaning (held only while playing)', () => {
    const classification = { method: 'quantile' as const, classes: 5, palette: 'Blues' };
    const text = formatHash({ cat: 'A', classification: { ...classification, hold: 'all' } });
    expect(text).toBe('#v=2&cat=A&class=quantile&classes=5&palette=Blues&hold=all');
    expect(parseHash(text).view.classification).toEqual({ ...classification, hold: 'all' });
    expect(parseHash('#v=2&class=quantile&classes=5&palette=Blues&hold=year').view.classification?.hold).toBe('year');
    expect(parseHash('#v=2&class=quantile&classes=5&palette=Blues').view.classification).toEqual(classification);
    expect(formatHash({ classification })).not.toContain('hold');
    const bad = parseHash('#v=2&class=quantile&hold=always');
    expect(bad.rejected).toEqual(['hold']);
    expect(bad.view.classification).toEqual(classification);
    // A v1 link (no `v`) knew nothing of it: dropped, not read.
    expect(parseHash('#cat=A&hold=all').view.classification).toBeUndefined();
  });

  it.each([
    { what: 'the employment circles as sym=1 (links without it draw none)', key: 'sym', on: '1', off: '0', field: 'symbols' as const, value: true as const },
    { what: 'hidden place names as labels=0 (links without it show them)', key: 'labels', on: '0', off: '1', field: 'labels' as const, value: false as const },
  ])('carries $what', ({ key, on, off, field, value }) => {
    expect(formatHash({ cat: 'A', [field]: value })).toBe(`#v=2&cat=A&${key}=${on}`);
    expect(parseHash(`#v=2&cat=A&${key}=${on}`).view).toEqual({ cat: 'A', [field]: value });
    // The other value is the default: accepted, and the link reads as without the key.
    expect(parseHash(`#v=2&cat=A&${key}=${off}`)).toEqual({ view: { cat: 'A' }, rejected: [], version: 2, newer: false });
    expect(parseHash(`#v=2&cat=A&${key}=yes`).rejected).toEqual([key]);
    expect(parseHash('#v=2&cat=A').view[field]).toBeUndefined();
  });

  it('round-trips any valid view (property)', () => {
    const id = fc.string({ minLength: 1, maxLength: 40 });
    const decimal = (min: number, max: number) =>
      fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => Number(x.toFixed(4))).filter((x) => !Object.is(x, -0));
    const view = fc.record(
      {
        cat: id,
        ind: fc.constantFrom(...INDICATORS),
        year: fc.integer({ min: 1900, max: 2100 }),
        baseYear: fc.integer({ min: 1900, max: 2100 }),
        mode: fc.constantFrom(...MAP_MODES),
        change: fc.constantFrom(...CHANGE_MEASURES),
        rule: fc.record({ kind: fc.constantFrom('eco' as const, 'paper' as const, 'cmp' as const), cutShare: decimal(0, 1), lqThreshold: decimal(0, 100) }),
        classification: fc.record({
          method: fc.constantFrom(...CLASS_METHODS),
          classes: fc.integer({ min: 2, max: 9 }),
          palette: fc.constantFrom('Blues', 'RdBu', 'YlOrRd', 'PuOr'),
          hold: fc.constantFrom(...BREAKS_HOLD),
        }, { requiredKeys: ['method', 'classes', 'palette'] }),
        region: id,
        viewport: fc.record({ lng: decimal(-180, 180), lat: decimal(-85, 85), zoom: decimal(0, 22) }).map(roundViewport),
        lang: fc.constantFrom('en' as const, 'ru' as const),
        symbols: fc.constant(true as const),
        labels: fc.constant(false as const),
      },
      { requiredKeys: ['cat', 'ind', 'year'] },
    );
    fc.assert(
      fc.property(view, (v) => {
        const parsed = parseHash(formatHash(v));
        expect(parsed.rejected).toEqual([]);
        expect(parsed.view).toEqual(v);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects values of the wrong form one by one, keeping the rest, and names each rejected key', () => {
    const bad = '#v=2&cat=it&ind=evil()&year=20x0&base=1e3&mode=3d&change=x&rule=nsa&cut=1.5&lqmin=-1&class=jenks&classes=40&palette=Rainbow&breaks=2,1&at=200,0,3&lang=de';
    const parsed = parseHash(bad);
    expect(parsed.view).toEqual({ cat: 'it' });
    expect(parsed.rejected.sort()).toEqual(
      ['ind', 'year', 'base', 'mode', 'change', 'rule', 'cut', 'lqmin', 'class', 'classes', 'palette', 'breaks', 'at', 'lang'].sort(),
    );
  });

  it('refuses numbers in disguise: hex, exponents, Infinity, empty parts', () => {
    for (const cut of ['0x1', '1e-1', 'Infinity', 'NaN', '', ' 0.1', '.']) expect(parseHash(`#v=2&cut=${encodeURIComponent(cut)}`).rejected, cut).toEqual(['cut']);
    for (const at of ['1,2', '1,2,3,4', '1,,3', 'a,b,c', '0,91,2', '0,0,25']) expect(parseHash(`#v=2&at=${at}`).rejected, at).toEqual(['at']);
    expect(parseHash('#v=2&breaks=1,1').rejected).toEqual(['breaks']);
    expect(parseHash('#v=2&classes=2.5').rejected).toEqual(['classes']);
    expect(parseHash(`#v=2&breaks=${Array.from({ length: 21 }, (_, i) => i).join(',')}`).rejected).toEqual(['breaks']);
  });

  it('fills the rest of a partly named rule or classification with the v2 defaults', () => {
    expect(parseHash('#v=2&cut=0.2').view.rule).toEqual({ kind: 'eco', cutShare: 0.2, lqThreshold: 2 });
    expect(parseHash('#v=2&palette=Greens').view.classification).toEqual({ method: 'quantile', classes: 5, palette: 'Greens' });
    expect(parseHash('#v=2&breaks=-1,0.5').view.classification).toEqual({ method: 'quantile', classes: 5, palette: 'Blues', thresholds: [-1, 0.5] });
  });

  it('keeps text that looks like markup or script as plain text (it is only ever compared with ids)', () => {
    expect(parseHash('#v=2&cat=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E').view.cat).toBe('<img src=x onerror=alert(1)>');
    expect(parseHash('#v=2&region=javascript%3Aalert(1)').view.region).toBe('javascript:alert(1)');
    const cat = '<b>&"\'#=,';
    expect(parseHash(formatHash({ cat })).view.cat).toBe(cat);
    expect(parseHash(`#v=2&cat=${'x'.repeat(257)}`).rejected).toEqual(['cat']);
  });

  it('ignores unrelated keys and an empty hash', () => {
    expect(parseHash('#v=2&foo=1&ind=lq').view).toEqual({ ind: 'lq' });
    expect(parseHash('')).toEqual({ view: { mode: 'choropleth', rule: { kind: 'eco', cutShare: 0.1, lqThreshold: 2 } }, rejected: [], version: 1, newer: false });
  });

  it('reads a link from a newer version as far as it can, and says so', () => {
    const parsed = parseHash('#v=7&cat=it&ind=lq&year=2020&hologram=1');
    expect(parsed).toEqual({ view: { cat: 'it', ind: 'lq', year: 2020 }, rejected: [], version: 7, newer: true });
  });

  it('reports a version that is not a number and reads the link as current', () => {
    expect(parseHash('#v=two&ind=lq')).toEqual({ view: { ind: 'lq' }, rejected: ['v'], version: HASH_VERSION, newer: false });
  });
});

describe('links written before versioning (fixtures)', () => {
  const fixtures = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/links/v1.json'), 'utf8')) as {
    note: string;
    link: string;
    view: HashView;
    rejected?: string[];
  }[];

  it.each(fixtures.map((f) => [f.note, f] as const))('%s', (_, fixture) => {
    const parsed = parseHash(fixture.link);
    expect(parsed.version).toBe(1);
    expect(parsed.view).toEqual(fixture.view);
    expect(parsed.rejected.sort()).toEqual((fixture.rejected ?? []).sort());
    // Once migrated, the link is written in the current version and reads back the same.
    const rewritten = formatHash(parsed.view);
    expect(rewritten.startsWith(`#v=${HASH_VERSION}&`)).toBe(true);
    expect(parseHash(rewritten).view).toEqual(fixture.view);
  });

  it('keeps the stable keys readable and in place after migration', () => {
    const migrated = formatHash(parseHash('#cat=automotive&ind=lq&year=2022').view);
    expect(migrated).toMatch(/^#v=2&cat=automotive&ind=lq&year=2022&/);
  });

  it('migrates step by step from the version the link names', () => {
    const explicitV1 = migrateParams(new URLSearchParams('v=1&cat=it&mode=lisa'));
    expect(explicitV1.version).toBe(1);
    expect(Object.fromEntries(explicitV1.params)).toEqual({ cat: 'it', mode: 'choropleth', rule: 'eco', cut: '0.1', lqmin: '2' });
    const current = migrateParams(new URLSearchParams('v=2&cat=it&mode=lisa'));
    expect(Object.fromEntries(current.params)).toEqual({ cat: 'it', mode: 'lisa' });
  });
});

describe('what a link may ask for matches what the map can draw', () => {
  it('accepts exactly the palettes and class counts of the classification', () => {
    expect([...PALETTES].sort()).toEqual([...SEQUENTIAL_PALETTES, ...DIVERGING_PALETTES].sort());
    expect(HASH_LIMITS.classes).toEqual([MIN_CLASSES, MAX_CLASSES]);
    expect(parseHash('#v=2&classes=10').rejected).toEqual(['classes']);
    expect(parseHash('#v=2&palette=Spectral').rejected).toEqual(['palette']);
  });
});

describe('viewport rounding', () => {
  it('rounds zoom to 0.01 and the centre to about a screen pixel', () => {
    expect(roundViewport({ lng: -98.123456, lat: 39.987654, zoom: 3.14159 })).toEqual({ lng: -98.12, lat: 39.99, zoom: 3.14 });
    // At zoom 12 a pixel is about 0.00017°: four decimals.
    expect(roundViewport({ lng: 2.3522219, lat: 48.856614, zoom: 12 })).toEqual({ lng: 2.3522, lat: 48.8566, zoom: 12 });
    expect(roundViewport({ lng: 10.55, lat: -5.44, zoom: 0 })).toEqual({ lng: 10.6, lat: -5.4, zoom: 0 });
  });
});

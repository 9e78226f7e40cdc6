import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../../src/io/delimited';
import { longTableToCube } from '../../../src/io/longTable';
import { wideTableToCube } from '../../../src/io/wideTable';
import { CBP_EMPLOYMENT_RANGES, suppressedValue } from '../../../src/io/suppression';
import { aggregateIndustries, categoryOfCode, normaliseIndustryCode, parseIndustryMapping } from '../../../src/io/industryMapping';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/io/${name}`, import.meta.url)), 'utf8');
const cbp = () => parseDelimited(fixture('cbp-small.csv'), 'cbp-small.csv');
const mapping = () => parseIndustryMapping(fixture('naics-categories.csv'), 'naics-categories.csv');

describe('suppression flags', () => {
  it('gives each County Business Patterns letter the U.S. Cluster Mapping midpoint of its class (M: its lower bound)', () => {
    expect(Object.keys(CBP_EMPLOYMENT_RANGES).join('')).toBe('ABCEFGHIJKLM');
    // The published convention: A=10, B=60, C=175, E=375, F=750, G=1,750, H=3,750, I=7,500,
    // J=17,500, K=37,500, L=75,000, M=100,000.
    const published = { A: 10, B: 60, C: 175, E: 375, F: 750, G: 1750, H: 3750, I: 7500, J: 17500, K: 37500, L: 75000, M: 100000 };
    for (const [flag, value] of Object.entries(published)) expect(suppressedValue(flag, 'midpoint')).toBe(value);
    expect(suppressedValue('b', 'midpoint')).toBe(60);
    expect(suppressedValue('C', 'missing')).toBeNaN();
    expect(() => suppressedValue('D', 'midpoint')).toThrow(/unknown suppression flag "D"/);
  });

  it('replaces EMP by the EMPFLAG letter and counts every flagged cell', () => {
    const { cube, report } = longTableToCube(cbp(), undefined, { suppression: 'midpoint' });
    const at = (region: string, code: string) => cube.employment[0][cube.regions.findIndex((r) => r.id === region) * cube.categories.length + cube.categories.findIndex((c) => c.id === code)];
    expect(at('01001', '3254//')).toBe(60);
    expect(at('01001', '325///')).toBe(175);
    expect(at('01003', '4411//')).toBe(100000);
    expect(at('01001', '311///')).toBe(120);
    expect(report.suppressed).toEqual({ policy: 'midpoint', cells: 5, byFlag: { B: 1, C: 1, A: 2, M: 1 } });
    expect(report.rowsUsed).toBe(12);
    const missing = longTableToCube(cbp(), undefined, { suppression: 'missing' });
    expect(missing.report.suppressed).toEqual({ policy: 'missing', cells: 5, byFlag: { B: 1, C: 1, A: 2, M: 1 } });
    expect(missing.cube.employment[0][3]).toBeNaN();
  });

  it('asks for a policy rather than guessing, naming the line', () => {
    expect(() => longTableToCube(cbp())).toThrow('cbp-small.csv, line 5, column "empflag": suppression flag "B": choose what it becomes (missing, or the midpoint of its range)');
    const badFlag = parseDelimited(fixture('cbp-small.csv').replace('0,B,2', '0,Q,2'), 'cbp.csv');
    expect(() => longTableToCube(badFlag, undefined, { suppression: 'midpoint' })).toThrow(/line 5, column "empflag": "Q" is not a suppression flag/);
  });

  it('reads a letter standing in the number column itself', () => {
    const wide = parseDelimited('region;x;y\nA;12;B\nB;c;3\n', 'w.csv');
    expect(() => wideTableToCube(wide)).toThrow('w.csv, line 2, column "y": "B" is a suppression flag: choose what it becomes (missing, or the midpoint of its range)');
    const { cube, report } = wideTableToCube(wide, undefined, { suppression: 'midpoint' });
    expect([...cube.employment[0]]).toEqual([12, 60, 175, 3]);
    expect(report.suppressed).toEqual({ policy: 'midpoint', cells: 2, byFlag: { B: 1, C: 1 } });
  });
});

describe('industry → category mapping', () => {
  it('normalises padded codes and lets the longest prefix win', () => {
    expect(normaliseIndustryCode(' 31---- ')).toBe('31');
    expect(normaliseIndustryCode('3111//')).toBe('3111');
    expect(normaliseIndustryCode('------')).toBe('');
    expect(normaliseIndustryCode('c10.1')).toBe('C10.1');
    const m = mapping();
    expect(m.categories).toEqual([
      { id: 'manufacturing', name: 'Manufacturing' },
      { id: 'pharma', name: 'Pharmaceuticals' },
      { id: 'retail', name: 'Retail trade' },
    ]);
    expect(categoryOfCode(m, '325412')).toBe('pharma');
    expect(categoryOfCode(m, '325211')).toBe('manufacturing');
    expect(categoryOfCode(m, '3254')).toBe('pharma');
    expect(categoryOfCode(m, '3')).toBeUndefined();
    expect(categoryOfCode(m, '9999')).toBeUndefined();
    // OKVED and NACE codes with dots and letters work the same way.
    const okved = parseIndustryMapping('code_prefix,category\n10,food\n10.5,dairy\nC,manufacturing\n', 'okved.csv');
    expect(categoryOfCode(okved, '10.51')).toBe('dairy');
    expect(categoryOfCode(okved, '10.1')).toBe('food');
    expect(categoryOfCode(okved, 'C20.1')).toBe('manufacturing');
  });

  it('rejects a prefix mapped to two categories, naming both lines', () => {
    expect(() => parseIndustryMapping('code_prefix,category\n31,a\n31--,b\n', 'm.csv')).toThrow('m.csv, line 3: prefix 31 already maps to "a" on line 2');
    expect(() => parseIndustryMapping('naics,category\n31,a\n', 'm.csv')).toThrow(/no code_prefix column/);
  });

  it('sums fine codes into categories, skips aggregates and reports unmapped codes', () => {
    const { cube } = longTableToCube(cbp(), undefined, { suppression: 'midpoint' });
    const { cube: out, report } = aggregateIndustries(cube, mapping());
    expect(out.categories.map((c) => c.id)).toEqual(['manufacturing', 'pharma', 'retail']);
    expect(out.regions.map((r) => r.id)).toEqual(['01001', '01003']);
    // 01001: manufacturing 311 = 120; pharma 3254 = B → 60; retail 4411 + 4412 = 80 + A → 90.
    // 01003: manufacturing 311 = A → 10; pharma 40; retail 4411 = M → 100000 (4412 absent).
    expect([...out.employment[0]]).toEqual([120, 60, 90, 10, 40, 100000]);
    // Establishments are summed the same way: 01001 4 | 2 | 5+1; 01003 1 | 2 | 3.
    expect([...out.establishments![0]]).toEqual([4, 2, 6, 1, 2, 3]);
    expect(report.aggregates).toEqual([
      { code: '------', finer: 7 },
      { code: '31----', finer: 1 },
      { code: '325///', finer: 1 },
    ]);
    expect(report.unmapped).toEqual([{ code: '9999//', cells: 1, employment: 7 }]);
    expect(report.mapped).toEqual([
      { code: '311///', category: 'manufacturing' },
      { code: '3254//', category: 'pharma' },
      { code: '4411//', category: 'retail' },
      { code: '4412//', category: 'retail' },
    ]);
    expect(report.partialCells).toBe(1);
  });

  it('keeps a category cell NaN only when none of its codes was reported', () => {
    const { cube } = longTableToCube(cbp(), undefined, { suppression: 'missing' });
    const { cube: out, report } = aggregateIndustries(cube, mapping());
    expect([...out.employment[0]]).toEqual([120, NaN, 80, NaN, 40, NaN]);
    expect(report.partialCells).toBe(1);
  });
});

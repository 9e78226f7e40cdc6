/**
 * The engine on real data (Eurostat LFS 2015, NUTS-2 × NACE sections, read in place) against an
 * independent implementation in base R (tests/reference/indicators/eurostat_indicators.R, which
 * parses the file itself and follows the rules as written). Stars and strong flags must agree
 * exactly, real numbers to a relative 1e-12.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { haveSharedData, sharedDataPath } from '../../shared-data';
import { computeIndicators } from '../../../src/indicators/computeIndicators';
import { categoryConcentration } from '../../../src/indicators/concentration';
import { regionProfile } from '../../../src/indicators/regionProfile';
import type { IndicatorInput } from '../../../src/indicators/types';
import { parseEurostatTsv } from '../../../src/io/eurostatTsv';
import { eurostatToCube } from '../../../src/io/eurostatCube';
import { DEFAULT_RULE, STAR_BITS } from '../../../src/model/dataset';
import { focusAt, lqAt, sizeAt, strong10At, strongAt } from '../../../src/indicators/cellValues';
import { strongFlags } from './helpers';

const FILE = 'eu/lfst_r_lfe2en2_2008-2015.tsv';
const SECTIONS = ['A', 'B-E', 'F', 'G-I', 'J', 'K', 'L', 'M_N', 'O-Q', 'R-U'];
const referenceDir = resolve(__dirname, '../../reference/indicators');

function readReference(name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(resolve(referenceDir, name), 'utf8').trim().split('\n');
  const cols = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [cols[i], v])));
}

/** R writes NA as an empty field. */
const num = (text: string) => (text === '' ? NaN : Number(text));

function expectClose(actual: number, expected: number, what: string): void {
  if (Number.isNaN(expected)) return expect(actual, what).toBeNaN();
  const scale = Math.max(Math.abs(expected), 1e-300);
  expect(Math.abs(actual - expected) / scale, `${what}: ${actual} vs ${expected}`).toBeLessThan(1e-12);
}

describe.skipIf(!haveSharedData(FILE))('indicators on Eurostat LFS 2015 NUTS-2 against base R', () => {
  const table = parseEurostatTsv(readFileSync(sharedDataPath(FILE), 'utf8'), FILE);
  const { cube } = eurostatToCube(table, { filters: { unit: ['THS'], age: ['Y_GE15'], nace_r2: SECTIONS }, benchmarkId: 'EU28' });
  const y = cube.years.indexOf(2015);
  const regionIds = cube.regions.map((r) => r.id).filter((id) => /^[A-Z]{2}[0-9A-Z]{2}$/.test(id) && !/^(EU|EA)/.test(id));
  const regionIndex = new Map(cube.regions.map((r, i) => [r.id, i]));
  const categoryIndex = SECTIONS.map((s) => cube.categories.findIndex((c) => c.id === s));
  const nC = SECTIONS.length;
  const employment = new Float64Array(regionIds.length * nC);
  regionIds.forEach((id, r) =>
    categoryIndex.forEach((c, k) => (employment[r * nC + k] = cube.employment[y][regionIndex.get(id)! * cube.categories.length + c])),
  );
  const input: IndicatorInput = { nRegions: regionIds.length, nCategories: nC, employment };
  const eu28 = Float64Array.from(categoryIndex, (c) => cube.benchmark![y][c]);

  const eco = computeIndicators(input, DEFAULT_RULE);
  const cmp = computeIndicators(input, { ...DEFAULT_RULE, kind: 'cmp' });
  const withEu28 = computeIndicators({ ...input, benchmark: eu28 }, DEFAULT_RULE);
  const cellsRef = readReference('eurostat_2015_cells.csv');

  it('covers the same regions and cells', () => {
    expect(regionIds.length).toBe(335);
    expect(cellsRef).toHaveLength(335 * nC);
    expect(employment.filter(Number.isNaN)).toHaveLength(358);
  });

  it('LQ, shares, stars and strong clusters per cell', () => {
    const row = new Map(regionIds.map((id, r) => [id, r]));
    for (const ref of cellsRef) {
      const i = row.get(ref.region)! * nC + SECTIONS.indexOf(ref.category);
      const where = `${ref.region}/${ref.category}`;
      expectClose(lqAt(eco, i), num(ref.lq), `lq ${where}`);
      expectClose(focusAt(eco, i), num(ref.focus), `focus ${where}`);
      expectClose(sizeAt(eco, i), num(ref.size), `size ${where}`);
      expect(eco.stars[i], `stars ${where}`).toBe(Number(ref.stars));
      expect(strongAt(cmp, i), `strong ${where}`).toBe(Number(ref.strong));
      expect(strong10At(cmp, i), `strong10 ${where}`).toBe(Number(ref.strong10));
      // Under cmp the byte holds the same star bits as under eco (cmp's specialisation is eco's).
      expect(cmp.stars[i] & STAR_BITS, `cmp stars ${where}`).toBe(Number(ref.stars));
      expectClose(lqAt(withEu28, i), num(ref.lq_eu28), `lq vs EU28 ${where}`);
      expectClose(sizeAt(withEu28, i), num(ref.size_eu28), `size vs EU28 ${where}`);
      expect(withEu28.stars[i], `stars vs EU28 ${where}`).toBe(Number(ref.stars_eu28));
    }
    // Not a vacuous comparison: real stars of every kind occur.
    expect(new Set(eco.stars)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7]));
    expect(strongFlags(cmp).strong.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
  });

  it('thresholds, percentiles and concentration per category', () => {
    const k = categoryConcentration(input);
    readReference('eurostat_2015_categories.csv').forEach((ref) => {
      const c = SECTIONS.indexOf(ref.category);
      expect(eco.thresholds.eligible[c]).toBe(Number(ref.eligible));
      expect(eco.thresholds.size[c]).toBe(num(ref.size_threshold));
      expectClose(eco.thresholds.focus[c], num(ref.focus_threshold), `focus threshold ${ref.category}`);
      expectClose(cmp.cmp!.lqStrong[c], num(ref.lq_p75), `P75 ${ref.category}`);
      expectClose(cmp.cmp!.lqStrong10[c], num(ref.lq_p90), `P90 ${ref.category}`);
      expectClose(cmp.cmp!.employmentFloor[c], num(ref.employment_p25), `P25 ${ref.category}`);
      for (const key of ['hhi', 'gini', 'krugman', 'hoover'] as const) expectClose(k[key][c], num(ref[key]), `${key} ${ref.category}`);
    });
  });

  it('specialisation, diversity and starred categories per region', () => {
    const p = regionProfile(eco);
    const row = new Map(regionIds.map((id, r) => [id, r]));
    for (const ref of readReference('eurostat_2015_regions.csv')) {
      const r = row.get(ref.region)!;
      expectClose(p.krugman[r], num(ref.krugman_specialisation), `krugman ${ref.region}`);
      expectClose(p.shannon[r], num(ref.shannon), `shannon ${ref.region}`);
      expect(p.starred[r]).toBe(Number(ref.starred));
    }
  });
});

/**
 * Invariants of computeIndicators on random tables (fast-check), and an independent reference
 * for the star rules: exact rational arithmetic (BigInt cross-multiplication) and full sorts,
 * sharing no code with the engine. Values are small integers, so that distinct ratios are
 * distinct doubles and exact ties are exact double ties: the comparison is then exact.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantile } from 'd3-array';
import { computeIndicators } from '../../../src/indicators/computeIndicators';
import type { IndicatorInput } from '../../../src/indicators/types';
import { STAR_FOCUS, STAR_SIZE, STAR_SPECIALISATION, type StarRule } from '../../../src/model/dataset';
import { focusAt, lqAt, sizeAt, strong10At, strongAt } from '../../../src/indicators/cellValues';
import { cellMatrices } from '../../cellMatrices';
import { strongFlags } from './helpers';

const cellValue = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 50 }) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.constant(NaN) },
);

const tableArb = fc
  .record({ nRegions: fc.integer({ min: 1, max: 12 }), nCategories: fc.integer({ min: 1, max: 5 }) })
  .chain(({ nRegions, nCategories }) =>
    fc.record({
      nRegions: fc.constant(nRegions),
      nCategories: fc.constant(nCategories),
      values: fc.array(cellValue, { minLength: nRegions * nCategories, maxLength: nRegions * nCategories }),
      establishments: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: nRegions * nCategories, maxLength: nRegions * nCategories }),
      mask: fc.array(fc.constantFrom(0, 1), { minLength: nCategories, maxLength: nCategories }),
      benchmarkExtra: fc.array(fc.integer({ min: 1, max: 200 }), { minLength: nCategories, maxLength: nCategories }),
    }),
  );

type Generated = { nRegions: number; nCategories: number; values: number[]; establishments: number[]; mask: number[]; benchmarkExtra: number[] };

function inputOf(g: Generated, opts: { mask?: boolean; benchmark?: boolean } = {}): IndicatorInput {
  const employment = Float64Array.from(g.values);
  const input: IndicatorInput = { nRegions: g.nRegions, nCategories: g.nCategories, employment };
  if (opts.mask && g.mask.includes(1)) input.lqDenominatorMask = Uint8Array.from(g.mask);
  if (opts.benchmark) {
    // A benchmark that contains the regions plus the rest of the country.
    input.benchmark = Float64Array.from(g.benchmarkExtra, (extra, c) => {
      let s = extra;
      for (let r = 0; r < g.nRegions; r++) s += g.values[r * g.nCategories + c] || 0;
      return s;
    });
  }
  return input;
}

/** cutShare as percent, so that ⌈p·n/100⌉ is integer arithmetic. */
const cutPercent = fc.constantFrom(5, 10, 20, 25, 30, 50, 100);
/** lqThreshold as halves. */
const lqHalves = fc.constantFrom(0, 1, 2, 3, 4, 6);

const big = (x: number) => BigInt(x);
const v = (x: number) => (Number.isNaN(x) ? 0 : x);

/** Stars by the rules as written, on exact rationals. */
function referenceStars(input: IndicatorInput, kind: 'eco' | 'paper', percent: number, halves: number): number[] {
  const { nRegions: nR, nCategories: nC, employment: emp } = input;
  const mask = input.lqDenominatorMask;
  const er = Array.from({ length: nR }, (_, r) => emp.slice(r * nC, (r + 1) * nC).reduce((s, x) => s + v(x), 0));
  const dr = Array.from({ length: nR }, (_, r) => emp.slice(r * nC, (r + 1) * nC).reduce((s, x, c) => s + (!mask || mask[c] ? v(x) : 0), 0));
  const ec = Array.from({ length: nC }, (_, c) => (input.benchmark ? input.benchmark[c] : Array.from({ length: nR }, (_, r) => v(emp[r * nC + c])).reduce((a, b) => a + b, 0)));
  const D = ec.reduce((s, x, c) => s + (!mask || mask[c] ? x : 0), 0);
  type Frac = [bigint, bigint]; // numerator, positive denominator
  const ge = (a: Frac, b: Frac) => a[0] * b[1] >= b[0] * a[1];
  const cmpDesc = (a: Frac, b: Frac) => (a[0] * b[1] > b[0] * a[1] ? -1 : a[0] * b[1] < b[0] * a[1] ? 1 : 0);
  const lqFrac = (r: number, c: number): Frac | undefined =>
    dr[r] > 0 && ec[c] > 0 && D > 0 ? [big(emp[r * nC + c]) * big(D), big(dr[r]) * big(ec[c])] : undefined;
  const stars = new Array<number>(nR * nC).fill(0);
  for (let c = 0; c < nC; c++) {
    const eligible = Array.from({ length: nR }, (_, r) => r).filter((r) => emp[r * nC + c] > 0);
    const top = (fracs: Frac[]): Frac | undefined => {
      const k = Math.floor((percent * fracs.length + 99) / 100);
      return k === 0 ? undefined : [...fracs].sort(cmpDesc)[k - 1];
    };
    const sizeT = top(eligible.map((r) => [big(emp[r * nC + c]), 1n]));
    const focusT = top(eligible.map((r) => [big(emp[r * nC + c]), big(er[r])]));
    const lqT: Frac | undefined =
      kind === 'eco' ? [big(halves), 2n] : top(eligible.map((r) => lqFrac(r, c)).filter((f): f is Frac => f !== undefined));
    for (const r of eligible) {
      const e = emp[r * nC + c];
      let s = 0;
      if (sizeT && ge([big(e), 1n], sizeT)) s |= STAR_SIZE;
      const q = lqFrac(r, c);
      if (q && lqT && ge(q, lqT)) s |= STAR_SPECIALISATION;
      if (focusT && ge([big(e), big(er[r])], focusT)) s |= STAR_FOCUS;
      stars[r * nC + c] = s;
    }
  }
  return stars;
}

const ruleOf = (kind: StarRule['kind'], percent: number, halves: number): StarRule => ({ kind, cutShare: percent / 100, lqThreshold: halves / 2 });

describe('star rules against an exact reference', () => {
  it.each(['eco', 'paper'] as const)('%s: every star, with or without benchmark and denominator group', (kind) => {
    fc.assert(
      fc.property(tableArb, cutPercent, lqHalves, fc.boolean(), fc.boolean(), (g, percent, halves, mask, benchmark) => {
        const input = inputOf(g, { mask, benchmark });
        const res = computeIndicators(input, ruleOf(kind, percent, halves));
        expect([...res.stars]).toEqual(referenceStars(input, kind, percent, halves));
        const popcount = [...res.stars].map((s) => (s & 1) + ((s >> 1) & 1) + ((s >> 2) & 1));
        expect([...cellMatrices(res).starCount]).toEqual(popcount);
      }),
      { numRuns: 300 },
    );
  });

  it('cmp: strong and strong10 from d3.quantile percentiles', () => {
    fc.assert(
      fc.property(tableArb, fc.boolean(), (g, withEstablishments) => {
        const input = inputOf(g, { mask: true });
        if (withEstablishments) input.establishments = Float64Array.from(g.establishments);
        const res = computeIndicators(input, ruleOf('cmp', 10, 4));
        const { nRegions: nR, nCategories: nC, employment: emp } = input;
        for (let c = 0; c < nC; c++) {
          const rs = Array.from({ length: nR }, (_, r) => r).filter((r) => emp[r * nC + c] > 0);
          const lqs = rs.map((r) => lqAt(res, r * nC + c)).filter((q) => !Number.isNaN(q));
          const p75 = quantile(lqs, 0.75) ?? NaN;
          const p90 = quantile(lqs, 0.9) ?? NaN;
          const e25 = quantile(rs.map((r) => emp[r * nC + c]), 0.25) ?? NaN;
          const n25 = quantile(rs.map((r) => g.establishments[r * nC + c]), 0.25) ?? NaN;
          expect(res.cmp!.lqStrong[c]).toBe(p75);
          expect(res.cmp!.lqStrong10[c]).toBe(p90);
          expect(res.cmp!.employmentFloor[c]).toBe(e25);
          if (withEstablishments) expect(res.cmp!.establishmentsFloor[c]).toBe(n25);
          for (let r = 0; r < nR; r++) {
            const i = r * nC + c;
            const base = emp[i] > 0 && lqAt(res, i) >= 1 && emp[i] > e25 && (!withEstablishments || g.establishments[i] > n25);
            expect(strongAt(res, i)).toBe(base && lqAt(res, i) >= p75 ? 1 : 0);
            expect(strong10At(res, i)).toBe(base && lqAt(res, i) >= p90 ? 1 : 0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('invariants', () => {
  it('the LQ weighted by denominator employment averages 1 in every category', () => {
    fc.assert(
      fc.property(tableArb, fc.boolean(), (g, mask) => {
        const input = inputOf(g, { mask });
        const res = computeIndicators(input, ruleOf('eco', 10, 4));
        const { nRegions: nR, nCategories: nC } = input;
        for (let c = 0; c < nC; c++) {
          // Every region with employment in c must have a denominator for the identity to hold.
          let covered = res.categoryTotal[c] > 0 && res.denominatorTotal > 0;
          let mean = 0;
          for (let r = 0; r < nR; r++) {
            const q = lqAt(res, r * nC + c);
            if (input.employment[r * nC + c] > 0 && !(res.regionDenominator[r] > 0)) covered = false;
            if (!Number.isNaN(q)) mean += (res.regionDenominator[r] / res.denominatorTotal) * q;
          }
          if (covered) expect(mean).toBeCloseTo(1, 12);
        }
      }),
    );
  });

  it('focus shares sum to 1 in every region and size shares in every category', () => {
    fc.assert(
      fc.property(tableArb, (g) => {
        const res = computeIndicators(inputOf(g), ruleOf('eco', 10, 4));
        const { nRegions: nR, nCategories: nC } = res;
        for (let r = 0; r < nR; r++) {
          if (!(res.regionTotal[r] > 0)) continue;
          let s = 0;
          for (let c = 0; c < nC; c++) s += v(focusAt(res, r * nC + c));
          expect(s).toBeCloseTo(1, 12);
        }
        for (let c = 0; c < nC; c++) {
          if (!(res.categoryTotal[c] > 0)) continue;
          let s = 0;
          for (let r = 0; r < nR; r++) s += v(sizeAt(res, r * nC + c));
          expect(s).toBeCloseTo(1, 12);
        }
      }),
    );
  });

  it('stars are monotone in the thresholds', () => {
    fc.assert(
      fc.property(tableArb, cutPercent, cutPercent, lqHalves, lqHalves, fc.constantFrom('eco', 'paper') as fc.Arbitrary<'eco' | 'paper'>, (g, p1, p2, h1, h2, kind) => {
        const input = inputOf(g);
        const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
        const [hLo, hHi] = h1 <= h2 ? [h1, h2] : [h2, h1];
        // A larger cut share admits at least the same regions; a higher LQ threshold at most.
        const narrow = computeIndicators(input, ruleOf(kind, lo, hHi)).stars;
        const wide = computeIndicators(input, ruleOf(kind, hi, hLo)).stars;
        for (let i = 0; i < narrow.length; i++) expect(narrow[i] & ~wide[i]).toBe(0);
      }),
    );
  });

  it('results do not depend on the order of regions or of categories', () => {
    fc.assert(
      fc.property(tableArb, fc.integer(), fc.constantFrom('eco', 'paper', 'cmp') as fc.Arbitrary<StarRule['kind']>, (g, seed, kind) => {
        const input = inputOf(g, { mask: kind === 'cmp' });
        input.establishments = Float64Array.from(g.establishments);
        const { nRegions: nR, nCategories: nC } = input;
        const rPerm = shuffled(nR, seed);
        const cPerm = shuffled(nC, seed * 31 + 7);
        const permute = (m: ArrayLike<number>) => {
          const out = new Float64Array(nR * nC);
          for (let r = 0; r < nR; r++) for (let c = 0; c < nC; c++) out[r * nC + c] = m[rPerm[r] * nC + cPerm[c]];
          return out;
        };
        const permuted: IndicatorInput = {
          nRegions: nR,
          nCategories: nC,
          employment: permute(input.employment),
          establishments: permute(input.establishments),
          lqDenominatorMask: input.lqDenominatorMask ? Uint8Array.from(cPerm, (c) => input.lqDenominatorMask![c]) : undefined,
        };
        const rule = ruleOf(kind, 20, 3);
        const a = computeIndicators(input, rule);
        const b = computeIndicators(permuted, rule);
        expect([...b.stars]).toEqual([...permute(a.stars)]);
        for (const key of ['lq', 'focus', 'size', 'starCount'] as const) {
          expect([...cellMatrices(b)[key]]).toEqual([...permute(cellMatrices(a)[key])]);
        }
        if (a.cmp) expect([...strongFlags(b).strong]).toEqual([...permute(strongFlags(a).strong)]);
        expect([...b.thresholds.size]).toEqual(cPerm.map((c) => a.thresholds.size[c]));
        expect([...b.thresholds.specialisation]).toEqual(cPerm.map((c) => a.thresholds.specialisation[c]));
      }),
    );
  });
});

/** A seeded permutation of 0..n-1. */
function shuffled(n: number, seed: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  let s = seed >>> 0 || 1;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('thresholds equal order statistics of the published matrices', () => {
  // Larger tables with fractional values (e.g. Eurostat thousands), several four-category blocks
  // and a remainder: the gathered columns must match the published focus and LQ bit for bit.
  const wide = fc
    .record({ nRegions: fc.integer({ min: 1, max: 300 }), nCategories: fc.integer({ min: 4, max: 11 }), seed: fc.integer() })
    .map(({ nRegions, nCategories, seed }) => {
      let s = seed >>> 0 || 1;
      const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
      const employment = Float64Array.from({ length: nRegions * nCategories }, () => {
        const u = next();
        return u < 0.2 ? 0 : u < 0.25 ? NaN : Math.round(next() * 5000) / 10;
      });
      const lqDenominatorMask = Uint8Array.from({ length: nCategories }, (_, c) => (c % 3 === 2 ? 0 : 1));
      return { nRegions, nCategories, employment, lqDenominatorMask } satisfies IndicatorInput;
    });

  const kthLargest = (xs: number[], k: number) => (xs.length === 0 ? NaN : k === 0 ? Infinity : [...xs].sort((a, b) => b - a)[k - 1]);

  it.each(['eco', 'paper', 'cmp'] as const)('%s', (kind) => {
    fc.assert(
      fc.property(wide, (input) => {
        const res = computeIndicators(input, ruleOf(kind, 10, 4));
        const { nRegions: nR, nCategories: nC, employment: emp } = input;
        for (let c = 0; c < nC; c++) {
          const rows = Array.from({ length: nR }, (_, r) => r * nC + c).filter((i) => emp[i] > 0);
          const k = Math.ceil(rows.length / 10 - 1e-9);
          expect(res.thresholds.eligible[c]).toBe(rows.length);
          expect(res.thresholds.size[c]).toBe(kthLargest(rows.map((i) => emp[i]), k));
          expect(res.thresholds.focus[c]).toBe(kthLargest(rows.map((i) => focusAt(res, i)), k));
          const lqs = rows.map((i) => lqAt(res, i)).filter((q) => !Number.isNaN(q));
          if (kind === 'paper') expect(res.thresholds.specialisation[c]).toBe(kthLargest(lqs, Math.ceil(lqs.length / 10 - 1e-9)));
          if (kind === 'cmp') expect(res.cmp!.lqStrong[c]).toBe(quantile(lqs, 0.75) ?? NaN);
        }
      }),
      { numRuns: 60 },
    );
  });
});

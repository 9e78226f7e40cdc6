/**
 * Benchmark: computeIndicators on a synthetic seeded 100,000-region × 100-category table,
 * against one plain summing pass over the same Float64Array (the floor any full-table computation
 * pays). Median of several runs after a warm-up. Run alone: `npx tsx bench/indicators.ts`.
 */
import { loadavg } from 'node:os';
import { DEFAULT_RULE, type StarRule } from '../src/model/dataset';
import { computeIndicators } from '../src/indicators/computeIndicators';
import type { IndicatorInput } from '../src/indicators/types';

export interface RuleTiming {
  /** Median ms with fresh output buffers (what a first computation pays). */
  medianMs: number;
  minMs: number;
  ratioToPlainPass: number;
  /** Median ms when the previous result's buffers are reused (`reuse` option: a recompute). */
  reuseMedianMs: number;
  reuseRatioToPlainPass: number;
}

export interface IndicatorsBench {
  name: 'indicators';
  regions: number;
  categories: number;
  runs: number;
  /** One summing pass over the same Float64Array: the floor of any full-table computation. */
  plainPassMs: number;
  rules: Record<string, RuleTiming>;
  /** 1-minute load average at the start: the machine is shared, so read the ratios first. */
  loadAverage: number;
}

/** Mulberry32: small, seeded, good enough for synthetic tables. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Regions of very unequal size, categories of unequal weight, a region-specific tilt per category,
 * about a quarter of cells zero and a few not reported, integer counts: the shape of real tables.
 */
export function syntheticTable(nRegions: number, nCategories: number, seed = 1): IndicatorInput {
  const random = rng(seed);
  const weight = Float64Array.from({ length: nCategories }, () => 0.2 + random() * 2);
  const employment = new Float64Array(nRegions * nCategories);
  const establishments = new Float64Array(nRegions * nCategories);
  for (let r = 0, i = 0; r < nRegions; r++) {
    const regionSize = Math.exp(4 + 4 * random());
    for (let c = 0; c < nCategories; c++, i++) {
      const u = random();
      if (u < 0.25) continue;
      if (u > 0.999) {
        employment[i] = NaN;
        establishments[i] = NaN;
        continue;
      }
      const e = Math.round(regionSize * weight[c] * Math.exp(2 * (random() - 0.5)));
      employment[i] = e;
      establishments[i] = e === 0 ? 0 : 1 + Math.floor(e / (5 + 20 * random()));
    }
  }
  const lqDenominatorMask = Uint8Array.from({ length: nCategories }, (_, c) => (c % 3 === 0 ? 0 : 1));
  return { nRegions, nCategories, employment, establishments, lqDenominatorMask };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function plainPass(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

function timeRuns(runs: number, f: () => void): number[] {
  const times: number[] = [];
  // One warm-up run, not counted (JIT compilation).
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    f();
    if (i > 0) times.push(performance.now() - t);
  }
  return times;
}

export async function benchIndicators(nRegions = 100_000, nCategories = 100, runs = 7): Promise<IndicatorsBench> {
  const loadAverage = round(loadavg()[0]);
  const input = syntheticTable(nRegions, nCategories);
  // NaN cells make the plain sum NaN; summing into a kept variable stops the loop being elided.
  let sink = 0;
  // The plain pass is short, so more runs steady its median on a shared machine.
  const plainPassMs = median(timeRuns(4 * runs, () => (sink += plainPass(input.employment))));
  const rules: Record<string, RuleTiming> = {};
  const ruleList: StarRule[] = [DEFAULT_RULE, { ...DEFAULT_RULE, kind: 'paper' }, { ...DEFAULT_RULE, kind: 'cmp' }];
  for (const rule of ruleList) {
    const fresh = timeRuns(runs, () => (sink += computeIndicators(input, rule).starCount[0]));
    let previous = computeIndicators(input, rule);
    const reused = timeRuns(runs, () => {
      previous = computeIndicators(input, rule, { reuse: previous });
      sink += previous.starCount[0];
    });
    const medianMs = median(fresh);
    const reuseMedianMs = median(reused);
    rules[rule.kind] = {
      medianMs: round(medianMs),
      minMs: round(Math.min(...fresh)),
      ratioToPlainPass: round(medianMs / plainPassMs),
      reuseMedianMs: round(reuseMedianMs),
      reuseRatioToPlainPass: round(reuseMedianMs / plainPassMs),
    };
  }
  if (sink === 42) console.error('');
  return { name: 'indicators', regions: nRegions, categories: nCategories, runs, plainPassMs: round(plainPassMs), rules, loadAverage };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchIndicators().then((r) => console.log(JSON.stringify(r, null, 2)));
}

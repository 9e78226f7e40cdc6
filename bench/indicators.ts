/**
 * Benchmark: computeIndicators on a synthetic seeded 100,000-region × 100-category table,
 * against one plain summing pass over the same Float64Array (the floor any full-table computation
 * pays). Median of several runs after a warm-up. Run alone: `npx tsx bench/indicators.ts`.
 */
import { DEFAULT_RULE, type StarRule } from '../src/model/dataset';
import { computeIndicators } from '../src/indicators/computeIndicators';
import type { IndicatorInput } from '../src/indicators/types';

export interface IndicatorsBench {
  name: 'indicators';
  regions: number;
  categories: number;
  runs: number;
  plainPassMs: number;
  rules: Record<string, { medianMs: number; minMs: number; ratioToPlainPass: number }>;
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

export async function benchIndicators(nRegions = 100_000, nCategories = 100, runs = 7): Promise<IndicatorsBench> {
  const input = syntheticTable(nRegions, nCategories);
  const plain: number[] = [];
  let sink = 0;
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    sink += plainPass(input.employment);
    if (i > 0) plain.push(performance.now() - t);
  }
  const plainPassMs = median(plain);
  const rules: IndicatorsBench['rules'] = {};
  const ruleList: StarRule[] = [DEFAULT_RULE, { ...DEFAULT_RULE, kind: 'paper' }, { ...DEFAULT_RULE, kind: 'cmp' }];
  for (const rule of ruleList) {
    const times: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const t = performance.now();
      const result = computeIndicators(input, rule);
      const dt = performance.now() - t;
      sink += result.starCount[0];
      if (i > 0) times.push(dt);
    }
    const medianMs = median(times);
    rules[rule.kind] = { medianMs: round(medianMs), minMs: round(Math.min(...times)), ratioToPlainPass: round(medianMs / plainPassMs) };
  }
  if (Number.isNaN(sink)) console.error('');
  return { name: 'indicators', regions: nRegions, categories: nCategories, runs, plainPassMs: round(plainPassMs), rules };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchIndicators().then((r) => console.log(JSON.stringify(r, null, 2)));
}

/**
 * Benchmark: computeIndicators on a synthetic seeded 100,000-region × 100-category table,
 * against one plain summing pass over the same Float64Array (the floor any full-table computation
 * pays), each computation timed right after one plain pass and the ratios taken to those. Median
 * of several runs after a warm-up, in wall-clock and in CPU time (user + system of
 * this process: on a shared machine another process's load preempts a run and inflates its
 * wall-clock time, not its CPU time). Two floors are measured beside them: writing the table's
 * output matrix once — a byte a cell, its star bits and under cmp its strong-cluster bits (LQ,
 * shares and star counts are derived on demand, not stored) — into a buffer already in memory and
 * into a fresh one (a fresh buffer is zero pages the kernel maps on first write, a cost no
 * arithmetic can avoid).
 * Run alone: `npx tsx bench/indicators.ts`.
 */
import { loadavg } from 'node:os';
import { DEFAULT_RULE, type StarRule } from '../src/model/dataset';
import { computeIndicators } from '../src/indicators/computeIndicators';
import type { IndicatorInput } from '../src/indicators/types';

export interface RuleTiming {
  /** Median ms with fresh output buffers (what a first computation pays). */
  medianMs: number;
  minMs: number;
  /** Median of the plain passes run one before each of this rule's computations (`timeRunsBeside`). */
  plainPassMs: number;
  /** Over those plain passes, as every ratio below. */
  ratioToPlainPass: number;
  /** Median ms when the previous result's buffers are reused (`reuse` option: a recompute). */
  reuseMedianMs: number;
  reuseRatioToPlainPass: number;
  /** The same two in CPU time, each over the plain pass's CPU time. */
  cpuMs: number;
  cpuRatioToPlainPass: number;
  reuseCpuMs: number;
  reuseCpuRatioToPlainPass: number;
}

/** Writing a result's one output matrix once (the star bits, and under cmp the strong-cluster bits). */
export interface OutputFloor {
  /** Into buffers already in memory, CPU ms and over the plain pass. */
  writeCpuMs: number;
  writeRatioToPlainPass: number;
  /** Into freshly allocated buffers. */
  freshCpuMs: number;
  freshRatioToPlainPass: number;
}

export interface IndicatorsBench {
  name: 'indicators';
  regions: number;
  categories: number;
  runs: number;
  /**
   * One summing pass over the same Float64Array: the floor of any full-table computation, measured
   * alone, after a buffer was detached (see `benchIndicators`); the floors' ratios are to it.
   */
  plainPassMs: number;
  plainPassCpuMs: number;
  /** The same pass before any buffer of the process was detached: the faster of V8's two states. */
  plainPassBeforeAnyDetachMs: number;
  rules: Record<string, RuleTiming>;
  /** What writing the results alone costs: every rule writes one byte matrix (cmp wrote three before 4 December). */
  outputFloor: { stars: OutputFloor };
  /** 1-minute load average at the start and at the end: the machine is shared, so read the ratios first. */
  loadAverage: number;
  loadAverageEnd: number;
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

/** Detaches one small buffer, as a transfer to a worker or a WebAssembly memory's growth does. */
function detachOneBuffer(): void {
  const buffer = new ArrayBuffer(8);
  structuredClone(buffer, { transfer: [buffer] });
  if (buffer.byteLength !== 0) throw new Error('the buffer was not detached');
}

function plainPass(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

interface Times {
  wall: number[];
  cpu: number[];
}

/** One timed run of `f` into `into`: wall-clock and CPU milliseconds. */
function timeOnce(f: () => void, into: Times): void {
  const c = process.cpuUsage();
  const t = performance.now();
  f();
  into.wall.push(performance.now() - t);
  const used = process.cpuUsage(c);
  into.cpu.push((used.user + used.system) / 1000);
}

function timeRuns(runs: number, f: () => void): Times {
  const times: Times = { wall: [], cpu: [] };
  // One warm-up run, not counted (JIT compilation).
  f();
  for (let i = 0; i < runs; i++) timeOnce(f, times);
  return times;
}

/**
 * `f` timed as `timeRuns` does, each run right after a timed plain pass, so that the ratio does not
 * compare runs far apart: a shared machine drifts. The plain pass before it runs untimed first,
 * taking whatever the previous run left behind (its garbage collection): that belongs to `f`.
 */
function timeRunsBeside(runs: number, f: () => void, plain: () => void): Times & { plain: Times } {
  const both: Times & { plain: Times } = { wall: [], cpu: [], plain: { wall: [], cpu: [] } };
  plain();
  f();
  for (let i = 0; i < runs; i++) {
    plain();
    timeOnce(plain, both.plain);
    timeOnce(f, both);
  }
  return both;
}

/** Writes every output matrix once (the cell's value, or a flag of it; no arithmetic): the table's write floor. */
function writeOutputs(values: Float64Array, u8: Uint8Array[]): void {
  for (const out of u8) for (let i = 0; i < values.length; i++) out[i] = +(values[i] > 0);
}

function outputFloor(values: Float64Array, nU8: number, runs: number, plainCpu: number): OutputFloor {
  const n = values.length;
  const u8 = () => Array.from({ length: nU8 }, () => new Uint8Array(n));
  const kept = u8();
  const write = median(timeRuns(runs, () => writeOutputs(values, kept)).cpu);
  const fresh = median(timeRuns(runs, () => writeOutputs(values, u8())).cpu);
  return {
    writeCpuMs: round(write),
    writeRatioToPlainPass: round(write / plainCpu),
    freshCpuMs: round(fresh),
    freshRatioToPlainPass: round(fresh / plainCpu),
  };
}

export async function benchIndicators(nRegions = 100_000, nCategories = 100, runs = 7): Promise<IndicatorsBench> {
  const loadAverage = round(loadavg()[0]);
  const input = syntheticTable(nRegions, nCategories);
  // NaN cells make the plain sum NaN; summing into a kept variable stops the loop being elided.
  let sink = 0;
  const plainRun = () => (sink += plainPass(input.employment));
  // V8 runs a loop over a typed array at two speeds: until any ArrayBuffer of the process is
  // detached, and after, when every access also checks that its buffer was not (8.5 and 16.7 ms
  // for this plain pass on this machine). A worker is in the second state once it has transferred
  // a result, and so is any process once the kernels' memory has grown (growing detaches the old
  // buffer): the table is always computed there. The plain pass is measured in both; the ratios
  // are to the second, the state the table is computed in.
  const intact = timeRuns(2 * runs, plainRun);
  detachOneBuffer();
  // The plain pass is short, so more runs steady its median on a shared machine.
  const plain = timeRuns(4 * runs, plainRun);
  const plainPassMs = median(plain.wall);
  const plainPassCpuMs = median(plain.cpu);
  const rules: Record<string, RuleTiming> = {};
  const ruleList: StarRule[] = [DEFAULT_RULE, { ...DEFAULT_RULE, kind: 'paper' }, { ...DEFAULT_RULE, kind: 'cmp' }];
  for (const rule of ruleList) {
    const fresh = timeRunsBeside(runs, () => (sink += computeIndicators(input, rule).stars[0]), plainRun);
    let previous = computeIndicators(input, rule);
    const reused = timeRunsBeside(
      runs,
      () => {
        previous = computeIndicators(input, rule, { reuse: previous });
        sink += previous.stars[0];
      },
      plainRun,
    );
    const medianMs = median(fresh.wall);
    const reuseMedianMs = median(reused.wall);
    const cpuMs = median(fresh.cpu);
    const reuseCpuMs = median(reused.cpu);
    // The ratios are to the plain passes run beside this rule's computations.
    const beside = median([...fresh.plain.wall, ...reused.plain.wall]);
    const besideCpu = median([...fresh.plain.cpu, ...reused.plain.cpu]);
    rules[rule.kind] = {
      medianMs: round(medianMs),
      minMs: round(Math.min(...fresh.wall)),
      plainPassMs: round(beside),
      ratioToPlainPass: round(medianMs / beside),
      reuseMedianMs: round(reuseMedianMs),
      reuseRatioToPlainPass: round(reuseMedianMs / beside),
      cpuMs: round(cpuMs),
      cpuRatioToPlainPass: round(cpuMs / besideCpu),
      reuseCpuMs: round(reuseCpuMs),
      reuseCpuRatioToPlainPass: round(reuseCpuMs / besideCpu),
    };
  }
  const floors = {
    stars: outputFloor(input.employment, 1, runs, plainPassCpuMs),
  };
  if (sink === 42) console.error('');
  return {
    name: 'indicators',
    regions: nRegions,
    categories: nCategories,
    runs,
    plainPassMs: round(plainPassMs),
    plainPassCpuMs: round(plainPassCpuMs),
    plainPassBeforeAnyDetachMs: round(median(intact.wall)),
    rules,
    outputFloor: floors,
    loadAverage,
    loadAverageEnd: round(loadavg()[0]),
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchIndicators().then((r) => console.log(JSON.stringify(r, null, 2)));
}

/**
 * Order statistics on a scratch buffer, without sorting.
 *
 * The star thresholds need one order statistic per category and indicator; sorting 100,000 values
 * 300 times would dominate the whole computation, and d3-array's generic `quickselect` pays for a
 * comparator call per comparison. This is Floyd–Rivest selection on doubles with inline
 * comparisons, run in WebAssembly (kernels/select.wat, kernels/selectKernel.ts). Inputs must hold
 * no NaN.
 */
import { kth, least, load, unload } from './kernels/selectKernel';

/**
 * Reorders `a[0..n)` in place so that `a[k]` is the k-th smallest (0-based), everything before it
 * is ≤ and everything after it is ≥, and returns `a[k]`.
 */
export function selectKth(a: Float64Array, n: number, k: number): number {
  if (!(k >= 0 && k < n)) throw new RangeError(`selectKth: k=${k} outside 0..${n - 1}`);
  load(a, n);
  const v = kth(k, 0, n - 1);
  unload(a, n);
  return v;
}

/** The k-th largest (1-based: k = 1 is the maximum) of `a[0..n)`; reorders `a`. */
export function kthLargest(a: Float64Array, n: number, k: number): number {
  return selectKth(a, n, n - k);
}

/**
 * Below this many values a selection in place is cheaper: the thresholds' buckets, a few thousand
 * values, take 6 ns a value in place against 10 through a sample at 3,000, and the two are even at
 * 20,000. Above it, see `OrderStatistics` (at 100,000 values 3.3 ns against 4.4).
 */
export const FILTER_FROM = 32768;
/** Values sampled to bracket a rank (a bracket that misses costs one fallback, never a wrong answer). */
const SAMPLE = 1024;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

// Reused between calls: the sample, and the values that fall inside a bracket, one buffer per
// level of filtering (grown on demand).
const sample = new Float64Array(SAMPLE);
const buckets = [new Float64Array(FILTER_FROM), new Float64Array(FILTER_FROM)];
/**
 * The (i + 1)-th smallest, set by `find(…, true, …)`. A module variable, not a field: the store to
 * a field on the rarely taken path (every value of a bracket equal, as establishments' P25 often
 * is) had no type feedback when `find` was optimized, and deoptimized it about fifteen times a
 * cmp table, each time finishing that search's loops in unoptimized code.
 */
let nextRank = NaN;

/**
 * Order statistics of one buffer (`a[0..n)`, no NaN), each query answered on its own.
 *
 * Short buffers: Floyd–Rivest selection in place. Long ones (the 100,000-region columns of the
 * indicator table, gathered when a bracket missed): selection reads and writes the whole buffer
 * several times over. Instead, a sample of the buffer (one value from each of SAMPLE equal
 * stretches, at an offset stepped by the golden ratio: ascending addresses the prefetcher follows —
 * random ones cost 4× — and neither sorted nor periodic data fool it) brackets the wanted rank
 * between two sample values lo ≤ hi; one branch-free pass counts the values below lo and copies
 * those within [lo, hi] (a few percent) to a bucket, and the rank is found there the same way (a
 * second level), then by selection. If a bracket misses the rank, that level's values are selected
 * directly. Either buffer is only read: a short one is selected in a copy (selectKernel.ts).
 */
export class OrderStatistics {
  constructor(
    private readonly a: Float64Array,
    private readonly n: number,
  ) {}

  /** The i-th smallest, 0-based. */
  rank(i: number): number {
    if (!(i >= 0 && i < this.n)) throw new RangeError(`OrderStatistics: rank ${i} outside 0..${this.n - 1}`);
    return this.find(this.a, this.n, i, false, 0);
  }

  /** The k-th largest, 1-based; +∞ when k = 0 (nothing qualifies), NaN when there are no values. */
  kthLargest(k: number): number {
    if (this.n === 0) return NaN;
    if (k <= 0) return Infinity;
    return this.rank(this.n - Math.min(k, this.n));
  }

  /**
   * Quantile by linear interpolation between order statistics (Hyndman & Fan type 7, R's default
   * and d3-array's `quantile`); NaN when there are no values.
   */
  quantile(p: number): number {
    const n = this.n;
    if (n === 0 || Number.isNaN(p)) return NaN;
    if (p <= 0 || n < 2) return this.rank(0);
    if (p >= 1) return this.rank(n - 1);
    const h = (n - 1) * p;
    const i0 = Math.floor(h);
    if (h === i0) return this.rank(i0);
    return this.between(i0, h - i0);
  }

  /** The i-th and (i + 1)-th smallest, found in one search, which the next rank would otherwise repeat. */
  rankAndNext(i: number): [number, number] {
    if (!(i >= 0 && i + 1 < this.n)) throw new RangeError(`OrderStatistics: ranks ${i}, ${i + 1} outside 0..${this.n - 1}`);
    const v0 = this.find(this.a, this.n, i, true, 0);
    return [v0, nextRank];
  }

  /** The type-7 interpolation between the i-th smallest and the next (`interpolate`). */
  between(i: number, fraction: number): number {
    const [v0, v1] = this.rankAndNext(i);
    return interpolate(v0, v1, fraction);
  }

  /**
   * The i-th smallest of a[0..n); with `andNext` the (i + 1)-th too, in `nextRank` (i + 1 < n).
   * `level` picks the bucket this call may fill.
   */
  private find(a: Float64Array, n: number, i: number, andNext: boolean, level: number): number {
    if (n < FILTER_FROM || level >= buckets.length) return this.select(a, n, i, andNext);
    if (buckets[level].length < n) buckets[level] = new Float64Array(n);
    const b = buckets[level];
    // The bracket: sample ranks around where rank i falls.
    for (let j = 0, f = 0; j < SAMPLE; j++) {
      sample[j] = a[Math.floor(((j + f) * n) / SAMPLE)];
      f += GOLDEN;
      f -= +(f >= 1);
    }
    const q = i / n;
    const t = q * SAMPLE;
    // Half-width in sample ranks: 3.5 standard deviations of the sample rank, and a margin.
    const spread = 3.5 * Math.sqrt(SAMPLE * q * (1 - q)) + 2;
    const lo = selectKth(sample, SAMPLE, Math.max(0, Math.floor(t - spread)));
    const hi = selectKth(sample, SAMPLE, Math.min(SAMPLE - 1, Math.ceil(t + 1 + spread)));
    let below = 0;
    let m = 0;
    for (let j = 0; j < n; j++) {
      const x = a[j];
      below += +(x < lo);
      b[m] = x;
      m += +(x >= lo) & +(x <= hi);
    }
    const last = andNext ? i + 1 : i;
    if (!(below <= i && last < below + m)) return this.select(a, n, i, andNext);
    if (lo === hi) {
      // Every value in the bracket is that one value.
      nextRank = lo;
      return lo;
    }
    return this.find(b, m, i - below, andNext, level + 1);
  }

  /** Rank k of b[0..m), selected in the kernel; with `andNext` the next rank is the least value above it. */
  private select(b: Float64Array, m: number, k: number, andNext: boolean): number {
    load(b, m);
    const v = kth(k, 0, m - 1);
    if (andNext) nextRank = least(k + 1, m);
    return v;
  }
}

/** v0 + (v1 − v0) · fraction: type-7 interpolation between two adjacent ranks' values. */
export function interpolate(v0: number, v1: number, fraction: number): number {
  return v0 + (v1 - v0) * fraction;
}

/** Type-7 quantile of `a[0..n)` (as d3-array `quantile`); `a` is only read. */
export function quantileType7(a: Float64Array, n: number, p: number): number {
  return new OrderStatistics(a, n).quantile(p);
}

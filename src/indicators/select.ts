/**
 * Order statistics on a scratch buffer, without sorting.
 *
 * The star thresholds need one order statistic per category and indicator; sorting 100,000 values
 * 300 times would dominate the whole computation, and d3-array's generic `quickselect` pays for a
 * comparator call per comparison. This is the same Floyd–Rivest selection specialised to
 * Float64Array with inline comparisons (about 5× faster here). Inputs must hold no NaN.
 */

/**
 * Reorders `a[0..n)` in place so that `a[k]` is the k-th smallest (0-based), everything before it
 * is ≤ and everything after it is ≥, and returns `a[k]`.
 */
export function selectKth(a: Float64Array, n: number, k: number): number {
  if (!(k >= 0 && k < n)) throw new RangeError(`selectKth: k=${k} outside 0..${n - 1}`);
  floydRivest(a, k, 0, n - 1);
  return a[k];
}

function floydRivest(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      // Recurse on a small sample whose k-th element is very likely close to the answer,
      // so the partition below splits the range near k.
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      floydRivest(a, k, newLeft, newRight);
    }
    const t = a[k];
    let i = left;
    let j = right;
    let tmp = a[left];
    a[left] = a[k];
    a[k] = tmp;
    if (a[right] > t) {
      tmp = a[left];
      a[left] = a[right];
      a[right] = tmp;
    }
    while (i < j) {
      tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
      i++;
      j--;
      while (a[i] < t) i++;
      while (a[j] > t) j--;
    }
    if (a[left] === t) {
      tmp = a[left];
      a[left] = a[j];
      a[j] = tmp;
    } else {
      j++;
      tmp = a[j];
      a[j] = a[right];
      a[right] = tmp;
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/** The k-th largest (1-based: k = 1 is the maximum) of `a[0..n)`; reorders `a`. */
export function kthLargest(a: Float64Array, n: number, k: number): number {
  return selectKth(a, n, n - k);
}

/**
 * Several order statistics of one buffer. Each selection leaves everything above the selected
 * rank ≥ it, so a later query for a lower rank only has to search below: asking for ranks from
 * the highest down (the 90th percentile, then the 75th, then the 25th) makes every query after
 * the first cheaper. Any order is correct; out-of-order queries just search the whole buffer.
 */
export class OrderStatistics {
  /** a[hi + 1 .. n) are all ≥ a[0 .. hi]. */
  private hi: number;

  constructor(
    private readonly a: Float64Array,
    private readonly n: number,
  ) {
    this.hi = n - 1;
  }

  /** The i-th smallest, 0-based. */
  rank(i: number): number {
    if (!(i >= 0 && i < this.n)) throw new RangeError(`OrderStatistics: rank ${i} outside 0..${this.n - 1}`);
    if (i > this.hi) this.hi = this.n - 1;
    floydRivest(this.a, i, 0, this.hi);
    this.hi = i;
    return this.a[i];
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
    const { a, n } = this;
    if (n === 0 || Number.isNaN(p)) return NaN;
    if (p <= 0 || n < 2) return this.rank(0);
    if (p >= 1) return this.rank(n - 1);
    const h = (n - 1) * p;
    const i0 = Math.floor(h);
    // Before this selection a[0 .. hi] held the hi + 1 smallest values; selecting within that range
    // keeps the set, so the next order statistic after i0 is the minimum of a[i0 + 1 .. hi].
    const end = i0 < this.hi ? this.hi : n - 1;
    const v0 = this.rank(i0);
    if (h === i0) return v0;
    let v1 = Infinity;
    for (let i = i0 + 1; i <= end; i++) if (a[i] < v1) v1 = a[i];
    return v0 + (v1 - v0) * (h - i0);
  }
}

/** Type-7 quantile of `a[0..n)` (as d3-array `quantile`); reorders `a`. */
export function quantileType7(a: Float64Array, n: number, p: number): number {
  return new OrderStatistics(a, n).quantile(p);
}

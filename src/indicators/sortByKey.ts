/**
 * Sorts indices by a key, ties by index: the order a stable `order.sort((a, b) => key[a] - key[b])`
 * gives indices listed in ascending order, found without a comparator call per comparison (the
 * locational Gini of every category sorted its regions so, and the calls were most of its time).
 * Quicksort with a median of three, insertion sort for short runs; keys must not be NaN.
 */
export function sortByKey(order: Uint32Array, key: Float64Array): void {
  quick(order, key, 0, order.length - 1);
}

const SHORT = 16;

/** Whether index a goes before index b. */
function before(key: Float64Array, a: number, b: number): boolean {
  const ka = key[a];
  const kb = key[b];
  return ka < kb || (ka === kb && a < b);
}

function quick(order: Uint32Array, key: Float64Array, lo: number, hi: number): void {
  while (hi - lo > SHORT) {
    // Median of three to order[hi - 1] as the pivot; order[lo] ≤ pivot ≤ order[hi] bound the scans.
    const mid = (lo + hi) >>> 1;
    if (before(key, order[mid], order[lo])) swap(order, mid, lo);
    if (before(key, order[hi], order[lo])) swap(order, hi, lo);
    if (before(key, order[hi], order[mid])) swap(order, hi, mid);
    swap(order, mid, hi - 1);
    const pivot = order[hi - 1];
    let i = lo;
    let j = hi - 1;
    for (;;) {
      while (before(key, order[++i], pivot));
      while (before(key, pivot, order[--j]));
      if (i >= j) break;
      swap(order, i, j);
    }
    swap(order, i, hi - 1);
    // The shorter side first by recursion, the longer by the loop: the stack stays logarithmic.
    if (i - lo < hi - i) {
      quick(order, key, lo, i - 1);
      lo = i + 1;
    } else {
      quick(order, key, i + 1, hi);
      hi = i - 1;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const v = order[i];
    let j = i - 1;
    while (j >= lo && before(key, v, order[j])) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = v;
  }
}

function swap(order: Uint32Array, i: number, j: number): void {
  const t = order[i];
  order[i] = order[j];
  order[j] = t;
}

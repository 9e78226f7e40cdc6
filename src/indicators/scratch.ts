/**
 * Working arrays that one computation of the indicator table uses and drops — the sampled rows'
 * columns, the LQs of the cells a bracket kept — kept from one computation to the next in this
 * thread. A fresh array's pages are mapped on first write (about 7 ms per 10 MB on a 2-core VM,
 * 2.7 µs a page), and the sample alone is 13 MB of a 100,000 × 100 table under cmp. What a scratch
 * array held before is left in it: callers write before they read. A computation runs to its end
 * before the next starts (nothing here is asynchronous), so two never share one.
 */
const f64 = new Map<string, Float64Array>();

/** At least `length` doubles, reused under `name`; their contents are not cleared. */
export function scratchF64(name: string, length: number): Float64Array {
  let a = f64.get(name);
  if (!a || a.length < length) {
    a = new Float64Array(length);
    f64.set(name, a);
  }
  return a;
}


/**
 * Working arrays that one computation of the indicator table uses and drops — the sampled rows'
 * columns, the cells listed for settling — kept from one computation to the next in this thread.
 * A fresh array's pages are mapped on first write (about 7 ms per 10 MB on a 2-core VM, 2.7 µs a
 * page), so that a table of 100,000 × 100 paid some 15 ms a computation for memory it had just
 * freed. What a scratch array held before is left in it: callers write before they read. A
 * computation runs to its end before the next starts (nothing here is asynchronous), so two never
 * share one.
 */
const f64 = new Map<string, Float64Array>();
const i32 = new Map<string, Int32Array>();

function take<T extends Float64Array | Int32Array>(pool: Map<string, T>, make: (n: number) => T, name: string, length: number): T {
  let a = pool.get(name);
  if (!a || a.length < length) {
    a = make(length);
    pool.set(name, a);
  }
  return a;
}

/** At least `length` doubles, reused under `name`; their contents are not cleared. */
export function scratchF64(name: string, length: number): Float64Array {
  return take(f64, (n) => new Float64Array(n), name, length);
}

/** At least `length` 32-bit integers, reused under `name`; their contents are not cleared. */
export function scratchI32(name: string, length: number): Int32Array {
  return take(i32, (n) => new Int32Array(n), name, length);
}

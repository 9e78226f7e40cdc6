/**
 * Selection in the kernel of select.wat, on one buffer at a time copied into its memory: the same
 * Floyd–Rivest steps as the JavaScript it replaced, at half the cost a value (3 ns against 6 on a
 * bucket of a few thousand, the copy in included), because the workers' typed arrays pay a
 * detached-buffer check on every access and the kernel's memory does not. The copy costs a
 * fraction of a nanosecond a value; the thresholds select among a few million values a table.
 */
import { instantiate } from './instantiate';
import { SELECT_WASM } from './selectWasm';

interface Exports {
  memory: WebAssembly.Memory;
  floydRivest(a: number, k: number, left: number, right: number): void;
  least(a: number, from: number, to: number): number;
  countWithin(a: number, n: number, lo: number, hi: number): number;
}

let kernel: Exports | undefined;
/** The kernel's memory as doubles (replaced when the memory grows). */
let held = new Float64Array(0);

function exports(): Exports {
  return (kernel ??= instantiate<Exports>(SELECT_WASM, { math: { log: Math.log, exp: Math.exp } }));
}

/**
 * `values[0..n)` into the kernel's memory, which holds one buffer at a time: the next `load`
 * replaces it. Ranks below are 0-based positions in the loaded buffer.
 */
export function load(values: Float64Array, n: number = values.length): void {
  const k = exports();
  const short = n * 8 - k.memory.buffer.byteLength;
  if (short > 0) k.memory.grow(Math.ceil(short / 65536));
  if (held.buffer !== k.memory.buffer) held = new Float64Array(k.memory.buffer);
  held.set(n === values.length ? values : values.subarray(0, n));
}

/**
 * Reorders the loaded [left, right] so that position k holds its (k − left)-th smallest, those
 * before it ≤ and those after it ≥, and returns that value. No NaN.
 */
export function kth(k: number, left: number, right: number): number {
  exports().floydRivest(0, k, left, right);
  return held[k];
}

/** The least loaded value in [from, to); +∞ when that is empty. */
export function least(from: number, to: number): number {
  return exports().least(0, from, to);
}

/** How many of the loaded [0, n) are within [lo, hi]. */
export function countWithin(n: number, lo: number, hi: number): number {
  return exports().countWithin(0, n, lo, hi);
}

/** The loaded [0, n), in their present order, back into `target`. */
export function unload(target: Float64Array, n: number): void {
  target.set(held.subarray(0, n));
}

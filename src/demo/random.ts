/**
 * Seeded randomness for the synthetic demo economy. Math.random is never used: the demo must be
 * byte-identical for a given seed on every machine.
 *
 * Every draw comes from a stream keyed by (seed, what, who) through an integer hash, so a cell's
 * numbers do not depend on loop order or on which other regions and categories exist.
 */

/** 32-bit integer hash (the splitmix32 / murmur3 finaliser), mixing `h` and `v`. */
function mix(h: number, v: number): number {
  h = Math.imul(h ^ (v >>> 0), 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit key from any number of integers (e.g. seed, FIPS code, category key). */
export function hashKey(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) h = mix(h, p);
  return h;
}

/** FNV-1a of a string: a stable integer key for ids such as "aerospace". */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A stream of uniform, normal and Poisson draws (mulberry32 underneath). */
export class Stream {
  private state: number;

  constructor(key: number) {
    this.state = key >>> 0;
  }

  /** Uniform on (0, 1): never exactly 0, so log() and inverse CDFs are safe. */
  uniform(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  }

  /** Standard normal by Box–Muller (one of the pair is discarded to keep streams simple). */
  normal(): number {
    const u = this.uniform();
    const v = this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

/**
 * Smallest n with P(N ≤ n) ≥ u for N ~ Poisson(lambda), by summing the pmf. Callers keep lambda
 * small (the demo switches to a normal approximation above 30), so the loop stays short.
 * Using the same u for different lambdas gives counts that rise monotonically with lambda, which
 * keeps a county's plant count stable from year to year instead of flickering.
 */
export function poissonQuantile(u: number, lambda: number): number {
  if (!(lambda > 0)) return 0;
  let p = Math.exp(-lambda);
  let cumulative = p;
  let n = 0;
  while (cumulative < u && n < 1000) {
    n++;
    p *= lambda / n;
    cumulative += p;
  }
  return n;
}

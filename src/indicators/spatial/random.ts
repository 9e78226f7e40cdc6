/**
 * A small seeded generator (sfc32, seeded through splitmix32) so that permutation p-values are
 * reproducible from `--seed` on every platform; Math.random cannot be seeded. The permutation loop
 * calls it tens of millions of times, so its state lives in an Int32Array: as object fields, full
 * 32-bit integers are boxed wherever V8 compresses pointers (31-bit small integers, as in Chrome's
 * workers), which made the same loop about four times slower in the browser than in Node.
 */
export class Random {
  /** a, b, c, d of sfc32. */
  private readonly s = new Int32Array(4);

  constructor(seed: number) {
    let x = seed >>> 0;
    const splitmix = () => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s[0] = splitmix();
    this.s[1] = splitmix();
    this.s[2] = splitmix();
    this.s[3] = 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Uniform integer in [0, 2^32). */
  nextUint32(): number {
    const s = this.s;
    const a = s[0];
    const b = s[1];
    const c = s[2];
    const d = s[3];
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Uniform integer in [0, m), m ≤ 2^32; the bias of the multiply-and-floor is below m / 2^32. */
  below(m: number): number {
    return (this.nextUint32() * (m / 4294967296)) >>> 0;
  }
}

export function seededRandom(seed: number): Random {
  return new Random(seed);
}

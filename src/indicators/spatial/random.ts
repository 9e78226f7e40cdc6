/**
 * A small seeded generator (sfc32, seeded through splitmix32) so that permutation p-values are
 * reproducible from `--seed` on every platform; Math.random cannot be seeded. A class with
 * numeric fields, because the permutation loop calls it tens of millions of times.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(seed: number) {
    let s = seed >>> 0;
    const splitmix = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix() | 0;
    this.b = splitmix() | 0;
    this.c = splitmix() | 0;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Uniform integer in [0, 2^32). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
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

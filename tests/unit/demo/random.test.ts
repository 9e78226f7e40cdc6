import { describe, expect, it } from 'vitest';
import { Stream, hashKey, hashString, poissonQuantile } from '../../../src/demo/random';

describe('seeded streams', () => {
  it('repeat exactly for the same key and differ for another key', () => {
    const draw = (key: number) => {
      const s = new Stream(key);
      return Array.from({ length: 5 }, () => s.uniform());
    };
    expect(draw(hashKey(1, 2, 3))).toEqual(draw(hashKey(1, 2, 3)));
    expect(draw(hashKey(1, 2, 3))).not.toEqual(draw(hashKey(1, 2, 4)));
    expect(hashKey(1, 2)).not.toBe(hashKey(2, 1));
    expect(hashString('aerospace')).toBe(hashString('aerospace'));
    expect(hashString('aerospace')).not.toBe(hashString('automotive'));
  });

  it('give uniforms strictly inside (0, 1) with the right moments, and standard normals', () => {
    const s = new Stream(hashKey(42));
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = s.uniform();
      sum += u;
      sumSq += u * u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(1);
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sumSq / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 2);

    let zSum = 0;
    let zSq = 0;
    let beyond2 = 0;
    for (let i = 0; i < n; i++) {
      const z = s.normal();
      zSum += z;
      zSq += z * z;
      if (Math.abs(z) > 1.96) beyond2++;
    }
    expect(zSum / n).toBeCloseTo(0, 1);
    expect(zSq / n).toBeCloseTo(1, 1);
    expect(beyond2 / n).toBeCloseTo(0.05, 2);
  });
});

describe('poissonQuantile', () => {
  // Poisson(1): P(0) = e^-1 = 0.3679, P(≤1) = 0.7358, P(≤2) = 0.9197.
  it.each([
    [0.3, 0],
    [0.36, 0],
    [0.37, 1],
    [0.73, 1],
    [0.74, 2],
    [0.91, 2],
    [0.93, 3],
  ])('Poisson(1) quantile at %f is %i', (u, n) => {
    expect(poissonQuantile(u, 1)).toBe(n);
  });

  it('is 0 for lambda 0 and rises monotonically with lambda for a fixed u', () => {
    expect(poissonQuantile(0.99, 0)).toBe(0);
    for (const u of [0.1, 0.5, 0.9]) {
      let previous = 0;
      for (let lambda = 0.05; lambda < 30; lambda *= 1.3) {
        const n = poissonQuantile(u, lambda);
        expect(n).toBeGreaterThanOrEqual(previous);
        previous = n;
      }
    }
  });

  it('has the Poisson mean when u is uniform', () => {
    const s = new Stream(7);
    const n = 50_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += poissonQuantile(s.uniform(), 2.5);
    expect(sum / n).toBeCloseTo(2.5, 1);
  });
});

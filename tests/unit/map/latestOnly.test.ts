import { describe, expect, it } from 'vitest';
import { latestOnly, Superseded } from '../../../src/map/latestOnly';

describe('latestOnly', () => {
  it('runs the first call, drops the calls that a newer one replaced, then runs the newest', async () => {
    const started: number[] = [];
    const gates = new Map<number, () => void>();
    const run = latestOnly((n: number) => {
      started.push(n);
      return new Promise<number>((resolve) => gates.set(n, () => resolve(n * 10)));
    });
    const results = [1, 2, 3, 4].map((n) => run(n).then((v) => v, (e: unknown) => e));
    await Promise.resolve();
    expect(started).toEqual([1]);
    gates.get(1)!();
    expect(await results[0]).toBe(10);
    expect(await results[1]).toBeInstanceOf(Superseded);
    expect(await results[2]).toBeInstanceOf(Superseded);
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([1, 4]);
    gates.get(4)!();
    expect(await results[3]).toBe(40);
  });

  it('passes a failure to its own caller and carries on', async () => {
    const run = latestOnly(async (n: number) => {
      if (n === 1) throw new Error('boom');
      return n;
    });
    await expect(run(1)).rejects.toThrow('boom');
    await expect(run(2)).resolves.toBe(2);
  });
});

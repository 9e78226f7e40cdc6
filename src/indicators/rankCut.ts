/**
 * How many of n competing regions a "top cutShare" ranking admits: ⌈cutShare · n⌉, within 0..n.
 * The product is nudged down by a relative 1e-12 first because, in binary floating point,
 * 0.07 · 100 is 7.000000000000001 and must give 7, not 8.
 */
export function rankCut(cutShare: number, n: number): number {
  if (!(cutShare > 0) || n === 0) return 0;
  return Math.min(n, Math.ceil(cutShare * n * (1 - 1e-12)));
}

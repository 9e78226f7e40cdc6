/**
 * How many of n competing regions a "top cutShare" ranking admits: ⌈cutShare · n⌉, within 0..n.
 * The product is nudged down by a relative 1e-12 first because 0.1 · 30 is
 * 3.0000000000000004 in binary floating point and must give 3, not 4.
 */
export function rankCut(cutShare: number, n: number): number {
  if (!(cutShare > 0) || n === 0) return 0;
  return Math.min(n, Math.ceil(cutShare * n * (1 - 1e-12)));
}

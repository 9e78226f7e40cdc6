import type { IndicatorInput } from '../../../src/indicators/types';

/** Builds an input from rows of numbers (null = not reported). */
export function table(rows: (number | null)[][], extra: Partial<IndicatorInput> = {}): IndicatorInput {
  const nRegions = rows.length;
  const nCategories = nRegions ? rows[0].length : 0;
  const employment = Float64Array.from(rows.flat(), (v) => (v === null ? NaN : v));
  return { nRegions, nCategories, employment, ...extra };
}

/** Value of cell (r, c) of a region-major matrix. */
export function at<T extends ArrayLike<number>>(m: T, nCategories: number, r: number, c: number): number {
  return m[r * nCategories + c];
}

/** One matrix column as a plain array. */
export function column(m: ArrayLike<number>, nCategories: number, c: number): number[] {
  const out: number[] = [];
  for (let i = c; i < m.length; i += nCategories) out.push(m[i]);
  return out;
}

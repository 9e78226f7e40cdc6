import { STAR_BITS } from '../../../src/model/dataset';
import { strong10At, strongAt } from '../../../src/indicators/cellValues';
import type { IndicatorInput, IndicatorResult } from '../../../src/indicators/types';

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

/** A result's star bits alone, cell by cell (under cmp the byte also holds the strong-cluster flags). */
export function starBits(result: IndicatorResult): Uint8Array {
  return result.stars.map((s) => s & STAR_BITS);
}

/** A result's strong-cluster flags (0 / 1), cell by cell, read as every door reads them. */
export function strongFlags(result: IndicatorResult): { strong: Uint8Array; strong10: Uint8Array } {
  const n = result.stars.length;
  return { strong: Uint8Array.from({ length: n }, (_, i) => strongAt(result, i)), strong10: Uint8Array.from({ length: n }, (_, i) => strong10At(result, i)) };
}

/**
 * One category's values of an indicator over every year, pooled: what a classification held
 * across years computes its breaks from, so that a colour means the same value in every year.
 * Computed in the worker, where each year's indicators already are (cached); the page receives
 * only the finite values, sorted, and classes each year with them in one linear pass.
 */
import type { IndicatorId, StarRule } from '../model/dataset';

export interface PooledRequest {
  rule: StarRule;
  categoryIndex: number;
  indicator: IndicatorId;
}

export interface PooledValues {
  request: PooledRequest;
  /** The finite values of every year, ascending (NaN, not reported, left out). */
  sorted: Float64Array;
  /** First and last year pooled. */
  fromYear: number;
  toYear: number;
}

/** The finite values of the columns, together and ascending. */
export function pooledSorted(columns: readonly ArrayLike<number>[]): Float64Array {
  let n = 0;
  for (const column of columns) for (let i = 0; i < column.length; i++) if (Number.isFinite(column[i])) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (const column of columns) for (let i = 0; i < column.length; i++) if (Number.isFinite(column[i])) out[k++] = column[i];
  // A typed array sorts numerically (not as strings).
  return out.sort();
}

/**
 * A result's per-cell values as whole matrices, through the accessors every door uses
 * (src/indicators/cellValues.ts): for tests that compare tables cell by cell.
 */
import { focusAt, lqAt, sizeAt, starCountAt } from '../src/indicators/cellValues';
import type { IndicatorResult } from '../src/indicators/types';

export interface CellMatrices {
  lq: Float64Array;
  focus: Float64Array;
  size: Float64Array;
  starCount: Uint8Array;
}

export function cellMatrices(result: IndicatorResult): CellMatrices {
  const n = result.nRegions * result.nCategories;
  const out: CellMatrices = { lq: new Float64Array(n), focus: new Float64Array(n), size: new Float64Array(n), starCount: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    out.lq[i] = lqAt(result, i);
    out.focus[i] = focusAt(result, i);
    out.size[i] = sizeAt(result, i);
    out.starCount[i] = starCountAt(result, i);
  }
  return out;
}

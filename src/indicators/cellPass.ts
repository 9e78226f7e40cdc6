/**
 * The one per-cell pass: every cell judged once, from its employment, focus share and LQ, computed
 * with the arithmetic of cellValues.ts and not stored (a result derives them when asked). Every
 * threshold is exact by now: employment's, focus shares', establishments' and the LQ's were
 * selected from what the first pass kept (totals.ts, thresholds.ts).
 *
 * European Cluster Observatory stars: for each category c only regions with E(r,c) > 0 compete
 * (n of them). A ranking star goes to the top ⌈cutShare · n⌉: the threshold is the ⌈cutShare ·
 * n⌉-th largest value and every region at or above it earns the star, so ties at the threshold all
 * get it.
 *  - size: E(r,c) ranked;                         (eco and paper)
 *  - focus: E(r,c) / E(r) ranked;                 (eco and paper)
 *  - specialisation: LQ ≥ lqThreshold (eco and cmp), or LQ ranked like the others (paper; regions
 *    whose LQ is undefined do not compete).
 * A cell with E(r,c) = 0 or not reported earns no star under any rule. Under cmp, U.S. Cluster
 * Mapping's strong clusters too (strongClusters.ts). Only the verdicts are written: a byte per
 * cell, its star bits and under cmp its strong-cluster bits; the count of stars is derived from
 * the bits (cellValues.ts).
 *
 * The pass itself runs in the SIMD kernel of kernels/passes.wat, lane by lane and without
 * data-dependent branches (whether a cell is zero is unpredictable in real tables); a row or
 * column whose denominator is not positive gives Infinity or NaN there, and the judgement is told
 * by row flags and NaN column bars that such a value earns nothing.
 */
import { STAR_FOCUS, STAR_SIZE, STAR_SPECIALISATION, STRONG10_CLUSTER, STRONG_CLUSTER } from '../model/dataset';
import * as layout from './bracketTable';
import { cellPass } from './kernels/simdPasses';
import type { CellContext, ThresholdPlan } from './thresholds';

/**
 * The pass, against the bars of `plan.table` (thresholds.ts `planLq`). `stars` lends a previous
 * result's buffer to overwrite. Returns the star bytes (IndicatorResult.stars).
 */
export function judgeCells(ctx: CellContext, plan: ThresholdPlan, stars?: Uint8Array): Uint8Array {
  const { nRegions, nCategories, employment: emp } = ctx;
  const n = nRegions * nCategories;
  const out = stars && stars.length === n ? stars : new Uint8Array(n);
  const cmp = plan.rule.kind === 'cmp';
  const column = (field: number) => layout.tableColumn(plan.table, nCategories, field);
  cellPass(
    {
      nRegions,
      nCategories,
      employment: emp,
      // Without establishment counts the criterion is skipped: its bar is −∞ and the employment stands in.
      establishments: cmp ? (plan.establishmentsUsed ? ctx.establishments! : emp) : undefined,
      regionTotal: ctx.regionTotal,
      regionDenominator: ctx.regionDenominator,
      denominatorTotal: ctx.denominatorTotal,
      table: [EC, SIZE_T, LQ_BAR, FOCUS_T, E_FLOOR_T, M_FLOOR_T, STRONG_BAR, STRONG10_BAR].map(column),
      starBits: { size: STAR_SIZE, specialisation: STAR_SPECIALISATION, focus: STAR_FOCUS, strong: STRONG_CLUSTER, strong10: STRONG10_CLUSTER },
    },
    { stars: out, strongOn: cmp },
  );
  return out;
}

const { EC, E_FLOOR_SLOT, FOCUS_SLOT, LQ_BAR, M_FLOOR_SLOT, SIZE_SLOT, STRONG10_BAR, STRONG_BAR, hi } = layout;
/** The thresholds, where the first pass's brackets were (thresholds.ts `planLq`). */
const SIZE_T = hi(SIZE_SLOT);
const FOCUS_T = hi(FOCUS_SLOT);
const E_FLOOR_T = hi(E_FLOOR_SLOT);
const M_FLOOR_T = hi(M_FLOOR_SLOT);

/**
 * The one per-cell pass: every cell judged — stars (stars.ts) and, under `cmp`, strong clusters
 * (strongClusters.ts) — from its focus share and LQ, computed here with the arithmetic of
 * cellValues.ts and not stored (a result derives them when asked). Employment's, focus shares' and
 * establishments' thresholds are known by now (from the first pass, totals.ts); the LQ's, where a
 * rule ranks LQ, are counted and kept in this same pass (thresholds.ts), so until they are known a
 * cell is judged against the brackets that will hold them — an LQ above its bracket passes, one
 * below fails — and a cell whose LQ is inside a bracket is listed with that LQ, for
 * `settleCells` to rewrite the bits the LQ's rank decides (a few percent of the cells). Only the
 * verdicts are written: a byte per cell, its star bits and under cmp its strong-cluster bits.
 *
 * The pass itself runs in the SIMD kernel of kernels/passes.wat (its per-cell rule is cellStars's
 * and cellStrong's, lane by lane); a row or column whose denominator is not positive gives
 * Infinity or NaN there, and the judgement is told by row flags and NaN column bars that such a
 * value earns nothing.
 */
import { STAR_FOCUS, STAR_SIZE, STAR_SPECIALISATION, STRONG10_CLUSTER, STRONG_CLUSTER } from '../model/dataset';
import { cellStars } from './stars';
import { cellStrong, strongLqBar } from './strongClusters';
import * as layout from './bracketTable';
import { cellPass } from './kernels/simdPasses';
import type { CategoryThresholds, CellContext, ThresholdPlan } from './thresholds';

export interface CellVerdicts {
  /** Star bits and, under `cmp`, strong-cluster bits (IndicatorResult.stars). */
  stars: Uint8Array;
}

/**
 * The cells to settle, and for each the LQ its LQ-ranked verdict compares with the exact threshold
 * (under cmp −∞ where the cell fails a criterion other than the LQ's, so that no bar admits it).
 */
export interface Unsettled {
  cells: Int32Array;
  lq: Float64Array;
}

/**
 * The pass. `out` lends buffers of a previous result to overwrite. Returns the verdicts (final
 * except for the listed cells) and the list of cells to settle.
 */
export function judgeCells(ctx: CellContext, plan: ThresholdPlan, out: Partial<CellVerdicts> = {}): { verdicts: CellVerdicts; unsettled: Unsettled } {
  const { nRegions, nCategories, employment: emp, regionDenominator } = ctx;
  const n = nRegions * nCategories;
  const u8 = (a: Uint8Array | undefined) => (a && a.length === n ? a : new Uint8Array(n));
  const list = new layout.CellList();
  const { table: t, counts, buckets } = plan;
  const cmp = plan.rule.kind === 'cmp';
  // eco ranks no LQ: no bracket of it is counted, kept or listed (lqSlots below), paper one, cmp two.
  const ranksLq = plan.rule.kind !== 'eco';
  const verdicts: CellVerdicts = { stars: u8(out.stars) };
  // Without establishment counts the criterion is skipped: its bar is −∞ and the employment stands in.
  const est = plan.establishmentsUsed ? ctx.establishments! : emp;
  const D = ctx.denominatorTotal;
  const column = (field: number) => layout.tableColumn(t, nCategories, field);
  const pass = cellPass(
    {
      nRegions,
      nCategories,
      employment: emp,
      establishments: cmp ? est : undefined,
      regionTotal: ctx.regionTotal,
      regionDenominator,
      denominatorTotal: D,
      table: [
        column(EC),
        column(SIZE_T),
        column(LQ_BAR),
        column(FOCUS_T),
        column(LQ_LO),
        column(LQ_HI),
        column(LQ2_LO),
        column(LQ2_HI),
        column(E_FLOOR_T),
        column(M_FLOOR_T),
        column(STRONG_BAR),
        column(STRONG10_BAR),
      ],
      lqSlots: cmp ? 2 : ranksLq ? 1 : 0,
      starBits: { size: STAR_SIZE, specialisation: SPEC, focus: STAR_FOCUS, strong: STRONG, strong10: STRONG10 },
      expected: buckets.largest([LQ_SLOT, LQ2_SLOT], N_SLOTS, nCategories),
    },
    { stars: verdicts.stars, strongOn: cmp },
    // A cell whose LQ is inside a bracket, listed for settling with its LQ as the judgement
    // computes it; the LQs kept for the selection.
    (cells, lq) => list.append(cells, lq),
    (slot, c, lqs, last) => buckets.append(c * N_SLOTS + (slot === 0 ? LQ_SLOT : LQ2_SLOT), lqs, last),
  );
  if (ranksLq) {
    const { competing, belowFirst, belowSecond } = pass.counts;
    for (let c = 0, cc = 0; c < nCategories; c++, cc += COUNTS) {
      counts[cc + N_LQ] = competing[c];
      counts[cc + B_LQ] = belowFirst[c];
      if (cmp) counts[cc + B_LQ2] = belowSecond[c];
    }
  }
  return { verdicts, unsettled: list.values() };
}

/**
 * The listed cells, and every cell of a category whose bracket missed, judged against the exact
 * thresholds. A listed cell's verdicts were final but for what its LQ's rank decides (paper: the
 * specialisation star; cmp: strong and strong10 — its stars have a constant LQ bar), so only those
 * bits are rewritten, from the LQ listed with it: re-judging it from the matrices read five arrays
 * at scattered rows, a cache miss each, and cost about 100 ns a cell.
 */
export function settleCells(ctx: CellContext, thresholds: CategoryThresholds, verdicts: CellVerdicts, unsettled: Unsettled): void {
  const { nRegions, nCategories } = ctx;
  const { cells, lq } = unsettled;
  const { stars } = verdicts;
  // Every listed cell is in a category whose LQ is defined (the pass lists no other).
  if (thresholds.cmp) {
    const bar = thresholds.cmp.lqStrong.map((p) => strongLqBar(p, true));
    const bar10 = thresholds.cmp.lqStrong10.map((p) => strongLqBar(p, true));
    for (let j = 0; j < cells.length; j++) {
      const i = cells[j];
      const c = i % nCategories;
      stars[i] = (stars[i] & ~(STRONG | STRONG10)) | (+(lq[j] >= bar[c]) * STRONG) | (+(lq[j] >= bar10[c]) * STRONG10);
    }
  } else {
    const bar = thresholds.stars.specialisation;
    for (let j = 0; j < cells.length; j++) {
      const i = cells[j];
      stars[i] = (stars[i] & ~SPEC) | (+(lq[j] >= bar[i % nCategories]) * SPEC);
    }
  }
  const t = exactTable(ctx, thresholds);
  // Without establishment counts the criterion is skipped (its bar −∞) and the employment stands in.
  const m = thresholds.cmp?.establishmentsUsed ? ctx.establishments! : ctx.employment;
  for (let c = 0; c < nCategories; c++) {
    if (thresholds.missed[c] === 0) continue;
    for (let r = 0, i = c; r < nRegions; r++, i += nCategories) judgeExactly(ctx, t, m, verdicts, i, thresholds.cmp !== undefined);
  }
}

/** Per category at c · EXACT: E(c) and every exact threshold as the per-cell rules apply them. */
const EXACT = 8;
const X_SIZE = 1;
const X_LQ = 2;
const X_FOCUS = 3;
const X_E_FLOOR = 4;
const X_M_FLOOR = 5;
const X_BAR = 6;
const X_BAR10 = 7;

function exactTable(ctx: CellContext, thresholds: CategoryThresholds): Float64Array {
  const { nCategories, categoryTotal } = ctx;
  const D = ctx.denominatorTotal;
  const { stars, cmp: strong } = thresholds;
  const t = new Float64Array(nCategories * EXACT);
  for (let c = 0, k = 0; c < nCategories; c++, k += EXACT) {
    // A category whose LQ is undefined gets NaN LQ bars, which no LQ reaches.
    const lqDefined = categoryTotal[c] > 0 && D > 0;
    t[k] = categoryTotal[c];
    t[k + X_SIZE] = stars.size[c];
    t[k + X_LQ] = lqDefined ? stars.specialisation[c] : NaN;
    t[k + X_FOCUS] = stars.focus[c];
    if (strong) {
      t[k + X_E_FLOOR] = strong.employmentFloor[c];
      // A skipped criterion: every count passes it.
      t[k + X_M_FLOOR] = strong.establishmentsUsed ? strong.establishmentsFloor[c] : -Infinity;
      t[k + X_BAR] = strongLqBar(strong.lqStrong[c], lqDefined);
      t[k + X_BAR10] = strongLqBar(strong.lqStrong10[c], lqDefined);
    }
  }
  return t;
}

function judgeExactly(ctx: CellContext, t: Float64Array, establishments: Float64Array, verdicts: CellVerdicts, i: number, cmp: boolean): void {
  const nC = ctx.nCategories;
  const r = Math.floor(i / nC);
  const k = (i - r * nC) * EXACT;
  const D = ctx.denominatorTotal;
  const er = ctx.regionTotal[r];
  const dr = ctx.regionDenominator[r];
  const rowLq = +(dr > 0 && D > 0);
  const e = ctx.employment[i];
  const f = e / er;
  const q = (e * D) / (dr * t[k + EC]);
  let byte = cellStars(e, f, q, t[k + X_SIZE], t[k + X_LQ], t[k + X_FOCUS], +(er > 0), rowLq);
  if (cmp) {
    const w = cellStrong(e, q, establishments[i], t[k + X_E_FLOOR], t[k + X_M_FLOOR], t[k + X_BAR], t[k + X_BAR10], rowLq);
    byte |= (w & 1) * STRONG | (w >> 1) * STRONG10;
  }
  verdicts.stars[i] = byte;
}

const { COUNTS, EC, E_FLOOR_SLOT, FOCUS_SLOT, LQ2_SLOT, LQ_BAR, LQ_SLOT, M_FLOOR_SLOT, N_LQ, N_SLOTS, SIZE_SLOT, STRONG10_BAR, STRONG_BAR, below, hi, lo } = layout;
/** The thresholds already known, where the first pass's brackets were (thresholds.ts `planLq`). */
const SIZE_T = hi(SIZE_SLOT);
const FOCUS_T = hi(FOCUS_SLOT);
const E_FLOOR_T = hi(E_FLOOR_SLOT);
const M_FLOOR_T = hi(M_FLOOR_SLOT);
const LQ_LO = lo(LQ_SLOT);
const LQ_HI = hi(LQ_SLOT);
const LQ2_LO = lo(LQ2_SLOT);
const LQ2_HI = hi(LQ2_SLOT);
const B_LQ = below(LQ_SLOT);
const B_LQ2 = below(LQ2_SLOT);
const SPEC = STAR_SPECIALISATION;
const STRONG = STRONG_CLUSTER;
const STRONG10 = STRONG10_CLUSTER;

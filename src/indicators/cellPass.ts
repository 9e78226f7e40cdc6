/**
 * The one per-cell pass: every cell judged — stars (stars.ts) and, under `cmp`, strong clusters
 * (strongClusters.ts) — from its focus share and LQ, computed here with the arithmetic of
 * cellValues.ts and not stored (a result derives them when asked). Employment's, focus shares' and
 * establishments' thresholds are known by now (from the first pass, totals.ts); the LQ's, where a
 * rule ranks LQ, are counted and kept in this same pass (thresholds.ts), so until they are known a
 * cell is judged against the brackets that will hold them — an LQ above its bracket passes, one
 * below fails — and a cell whose LQ is inside a bracket is listed with that LQ, for
 * `settleCells` to rewrite the bits the LQ's rank decides (a few percent of the cells). Only the
 * verdicts are written: a byte per cell, three under cmp.
 *
 * The hot loops divide unconditionally and have no data-dependent branches but the rare one into
 * `keepLq`: a row or column whose denominator is not positive gives Infinity or NaN there, and the
 * judgement is told by row flags and NaN column bars that such a value earns nothing.
 */
import { STAR_SPECIALISATION } from '../model/dataset';
import { cellStars } from './stars';
import { cellStrong, strongLqBar } from './strongClusters';
import * as layout from './bracketTable';
import type { Buckets, CellList } from './bracketTable';
import type { CategoryThresholds, CellContext, ThresholdPlan } from './thresholds';

export interface CellVerdicts {
  stars: Uint8Array;
  /** Under `cmp`. */
  strong?: Uint8Array;
  strong10?: Uint8Array;
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
  const n = ctx.nRegions * ctx.nCategories;
  const u8 = (a: Uint8Array | undefined) => (a && a.length === n ? a : new Uint8Array(n));
  const list = new layout.CellList();
  const stars = u8(out.stars);
  if (plan.rule.kind === 'cmp') {
    const strong = u8(out.strong);
    const strong10 = u8(out.strong10);
    cmpPass(ctx, plan, stars, strong, strong10, list);
    return { verdicts: { stars, strong, strong10 }, unsettled: list.values() };
  }
  if (plan.rule.kind === 'paper') paperPass(ctx, plan, stars, list);
  else ecoPass(ctx, plan, stars);
  return { verdicts: { stars }, unsettled: list.values() };
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
  const { stars, strong, strong10 } = verdicts;
  // Every listed cell is in a category whose LQ is defined (the pass lists no other).
  if (thresholds.cmp && strong && strong10) {
    const bar = thresholds.cmp.lqStrong.map((p) => strongLqBar(p, true));
    const bar10 = thresholds.cmp.lqStrong10.map((p) => strongLqBar(p, true));
    for (let j = 0; j < cells.length; j++) {
      const i = cells[j];
      const c = i % nCategories;
      strong[i] = +(lq[j] >= bar[c]);
      strong10[i] = +(lq[j] >= bar10[c]);
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
    for (let r = 0, i = c; r < nRegions; r++, i += nCategories) judgeExactly(ctx, t, m, verdicts, i);
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

function judgeExactly(ctx: CellContext, t: Float64Array, establishments: Float64Array, verdicts: CellVerdicts, i: number): void {
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
  verdicts.stars[i] = cellStars(e, f, q, t[k + X_SIZE], t[k + X_LQ], t[k + X_FOCUS], +(er > 0), rowLq);
  if (verdicts.strong) {
    const w = cellStrong(e, q, establishments[i], t[k + X_E_FLOOR], t[k + X_M_FLOOR], t[k + X_BAR], t[k + X_BAR10], rowLq);
    verdicts.strong[i] = w & 1;
    verdicts.strong10![i] = w >> 1;
  }
}

/**
 * The row's listed cells (category | bits << 24; bit 0 the first LQ slot, bit 1 the second): their
 * LQ, as the pass computed it, kept for the selection, and the cells listed for settling with it
 * (−∞ for a cell under an employment or establishments floor: no LQ bar admits it).
 */
function keepLq(buckets: Buckets, list: CellList, listed: Int32Array, n: number, row: number, emp: Float64Array, est: Float64Array, D: number, dr: number, t: Float64Array): void {
  for (let j = 0; j < n; j++) {
    const c = listed[j] & 0xffffff;
    const inside = listed[j] >> 24;
    const i = row + c;
    const k = c * STRIDE;
    const q = (emp[i] * D) / (dr * t[k + EC]);
    list.push(i, emp[i] > t[k + E_FLOOR_T] && est[i] > t[k + M_FLOOR_T] ? q : -Infinity);
    if (inside & 1) buckets.add(c * N_SLOTS + LQ_SLOT, q);
    if (inside & 2) buckets.add(c * N_SLOTS + LQ2_SLOT, q);
  }
}

/**
 * The plan's table copied for a pass that counts: the size and focus brackets' bottoms, which no
 * cell pass reads, hold its counts, so that the hot loop holds one array per category instead of
 * three (each typed array held costs a data-pointer reload per cell, and registers).
 */
function countingTable(t: Float64Array): Float64Array {
  const a = Float64Array.from(t);
  for (let k = 0; k < a.length; k += STRIDE) {
    a[k + ACC_LQ] = 0;
    a[k + ACC_LQ2] = 0;
  }
  return a;
}

// The layout's constants as module locals: under Node's CommonJS interop each use of an imported
// binding in the hot loops would be a getter call.
const { COUNTS, EC, E_FLOOR_SLOT, FOCUS_SLOT, LQ2_SLOT, LQ_BAR, LQ_SLOT, M_FLOOR_SLOT, N_LQ, N_SLOTS, PAIR, SIZE_SLOT, STRIDE, STRONG10_BAR, STRONG_BAR, below, hi, lo, unpair } = layout;
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
/** In a counting table: LQ's competing cells + PAIR · those below its (first) bracket; those below the second. */
const ACC_LQ = lo(SIZE_SLOT);
const ACC_LQ2 = lo(FOCUS_SLOT);

/** eco: every threshold known, nothing kept. */
function ecoPass(ctx: CellContext, plan: ThresholdPlan, stars: Uint8Array): void {
  const { nRegions, nCategories, employment: emp, regionTotal, regionDenominator } = ctx;
  const t = plan.table;
  const D = ctx.denominatorTotal;
  // Imported functions in locals: under Node's CommonJS interop each use of an import is a getter call.
  const judgeStars = cellStars;
  const end = nCategories * STRIDE;
  for (let r = 0, i = 0; r < nRegions; r++) {
    const er = regionTotal[r];
    const dr = regionDenominator[r];
    const rowLq = +(dr > 0 && D > 0);
    const rowFocus = +(er > 0);
    for (let k = 0; k < end; k += STRIDE, i++) {
      const e = emp[i];
      const f = e / er;
      const q = (e * D) / (dr * t[k + EC]);
      stars[i] = judgeStars(e, f, q, t[k + SIZE_T], t[k + LQ_BAR], t[k + FOCUS_T], rowFocus, rowLq);
    }
  }
}

/** paper: the LQ ranked too, its threshold found in this pass. */
function paperPass(ctx: CellContext, plan: ThresholdPlan, stars: Uint8Array, list: CellList): void {
  const { nRegions, nCategories, employment: emp, regionTotal, regionDenominator } = ctx;
  const { counts, buckets } = plan;
  const t = countingTable(plan.table);
  const D = ctx.denominatorTotal;
  const judgeStars = cellStars;
  const keep_ = keepLq;
  const end = nCategories * STRIDE;
  // The row's cells with an LQ inside a bracket, kept after the row: the hot loop only lists them
  // (without branches), so that it holds no call a rarely taken path would deoptimise.
  const listed = new Int32Array(nCategories);
  for (let r = 0, i = 0, row = 0; r < nRegions; r++, row += nCategories) {
    const er = regionTotal[r];
    const dr = regionDenominator[r];
    const rowLq = +(dr > 0 && D > 0);
    const rowFocus = +(er > 0);
    let n = 0;
    for (let k = 0, c = 0; k < end; k += STRIDE, c++, i++) {
      const e = emp[i];
      const f = e / er;
      const ec = t[k + EC];
      const q = (e * D) / (dr * ec);
      const keepL = +(e > 0) & rowLq & +(ec > 0);
      const lLo = t[k + LQ_LO];
      t[k + ACC_LQ] += keepL + PAIR * (keepL & +(q < lLo));
      stars[i] = judgeStars(e, f, q, t[k + SIZE_T], t[k + LQ_BAR], t[k + FOCUS_T], rowFocus, rowLq);
      const inside = keepL & +(q >= lLo) & +(q <= t[k + LQ_HI]);
      listed[n] = c | (inside << 24);
      n += inside;
    }
    if (n > 0) keep_(buckets, list, listed, n, row, emp, emp, D, dr, t);
  }
  for (let c = 0, k = 0; c < nCategories; c++, k += STRIDE) unpair(t[k + ACC_LQ], counts, c * COUNTS + N_LQ, c * COUNTS + B_LQ);
}

/** cmp: the LQ's P90 and P75 found in this pass; the LQ star a constant bar. */
function cmpPass(ctx: CellContext, plan: ThresholdPlan, stars: Uint8Array, strong: Uint8Array, strong10: Uint8Array, list: CellList): void {
  const { nRegions, nCategories, employment: emp, regionTotal, regionDenominator } = ctx;
  const { counts, buckets } = plan;
  const t = countingTable(plan.table);
  // Without establishment counts the criterion is skipped: its bar is −∞ and the employment stands in.
  const est = plan.establishmentsUsed ? ctx.establishments! : emp;
  const D = ctx.denominatorTotal;
  const judgeStars = cellStars;
  const judgeStrong = cellStrong;
  const keep_ = keepLq;
  const end = nCategories * STRIDE;
  // The row's cells with an LQ inside a bracket, kept after the row: the hot loop only lists them
  // (without branches), so that it holds no call a rarely taken path would deoptimise.
  const listed = new Int32Array(nCategories);
  for (let r = 0, i = 0, row = 0; r < nRegions; r++, row += nCategories) {
    const er = regionTotal[r];
    const dr = regionDenominator[r];
    const rowLq = +(dr > 0 && D > 0);
    const rowFocus = +(er > 0);
    let n = 0;
    for (let k = 0, c = 0; k < end; k += STRIDE, c++, i++) {
      const e = emp[i];
      const f = e / er;
      const ec = t[k + EC];
      const q = (e * D) / (dr * ec);
      const keepL = +(e > 0) & rowLq & +(ec > 0);
      const lLo = t[k + LQ_LO];
      const l2Lo = t[k + LQ2_LO];
      t[k + ACC_LQ] += keepL + PAIR * (keepL & +(q < lLo));
      t[k + ACC_LQ2] += keepL & +(q < l2Lo);
      const inside = (0 - keepL) & ((+(q >= lLo) & +(q <= t[k + LQ_HI])) | ((+(q >= l2Lo) & +(q <= t[k + LQ2_HI])) << 1));
      stars[i] = judgeStars(e, f, q, t[k + SIZE_T], t[k + LQ_BAR], t[k + FOCUS_T], rowFocus, rowLq);
      const w = judgeStrong(e, q, est[i], t[k + E_FLOOR_T], t[k + M_FLOOR_T], t[k + STRONG_BAR], t[k + STRONG10_BAR], rowLq);
      strong[i] = w & 1;
      strong10[i] = w >> 1;
      listed[n] = c | (inside << 24);
      n += +(inside !== 0);
    }
    if (n > 0) keep_(buckets, list, listed, n, row, emp, est, D, dr, t);
  }
  for (let c = 0, k = 0; c < nCategories; c++, k += STRIDE) {
    unpair(t[k + ACC_LQ], counts, c * COUNTS + N_LQ, c * COUNTS + B_LQ);
    counts[c * COUNTS + B_LQ2] = t[k + ACC_LQ2];
  }
}

/**
 * Category columns of a region-major matrix, gathered four at a time.
 *
 * Reading one category's column strides through the whole matrix (one value per row); done per
 * category that is 100 strided sweeps, each missing the cache and the TLB on nearly every row,
 * and measured here at 2.5× the cost of a sequential pass. Reading four adjacent categories per
 * sweep uses each fetched cache line four times. Counters live in locals (the loop is unrolled by
 * hand): with the counts in an array the same loop ran several times slower.
 *
 * Only cells with E(r,c) > 0 are kept, compacted without branches (every value is written, the
 * count advances past the kept ones). Focus and LQ are derived on the way with the same
 * arithmetic as shares.ts, so they are bit-identical to the published matrices.
 */
import type { CellContext } from './thresholds';

export const LANES = 4;

/** Gathered columns: lane j occupies [j · nRegions, j · nRegions + count[j]) of each buffer. */
export interface ColumnScratch {
  nRegions: number;
  employment: Float64Array;
  focus: Float64Array;
  /** Whether LQ and establishments are gathered (their buffers exist when either is). */
  withLq: boolean;
  withEstablishments: boolean;
  /** Defined LQ values only (count in lqCount). */
  lq: Float64Array;
  lqCount: Int32Array;
  /** Reported establishment counts only (count in establishmentsCount). */
  establishments: Float64Array;
  establishmentsCount: Int32Array;
  count: Int32Array;
}

export function columnScratch(nRegions: number, withLq: boolean, withEstablishments: boolean): ColumnScratch {
  const size = LANES * nRegions;
  // The four-lane loop writes both extra buffers whenever it writes one (one loop body).
  const extra = withLq || withEstablishments ? size : 0;
  return {
    nRegions,
    withLq,
    withEstablishments,
    employment: new Float64Array(size),
    focus: new Float64Array(size),
    lq: new Float64Array(extra),
    lqCount: new Int32Array(LANES),
    establishments: new Float64Array(extra),
    establishmentsCount: new Int32Array(LANES),
    count: new Int32Array(LANES),
  };
}

/** Gathers categories c0 .. c0 + lanes − 1 (lanes ≤ 4) into the scratch's lanes 0 .. lanes − 1. */
export function gatherColumns(ctx: CellContext, c0: number, lanes: number, s: ColumnScratch): void {
  const withLq = s.withLq;
  const withM = s.withEstablishments && ctx.establishments !== undefined;
  if (lanes === LANES && !withLq && !withM) gatherFour(ctx, c0, s);
  else if (lanes === LANES) gatherFourFull(ctx, c0, s, withM);
  else for (let j = 0; j < lanes; j++) gatherOne(ctx, c0 + j, j, s, withLq, withM);
}

/** Whether a category's LQ can be defined at all (its total and the denominator positive). */
function lqScale(ctx: CellContext, c: number): boolean {
  return ctx.categoryTotal[c] > 0 && ctx.denominatorTotal > 0;
}

function gatherOne(ctx: CellContext, c: number, lane: number, s: ColumnScratch, withLq: boolean, withM: boolean): void {
  const { nRegions, nCategories, employment, regionTotal, regionDenominator } = ctx;
  const est = ctx.establishments;
  const D = ctx.denominatorTotal;
  const ec = ctx.categoryTotal[c];
  const lqOk = +lqScale(ctx, c);
  const off = lane * nRegions;
  let n = 0;
  let nl = 0;
  let nm = 0;
  for (let r = 0, i = c; r < nRegions; r++, i += nCategories) {
    const e = employment[i];
    const keep = +(e > 0);
    s.employment[off + n] = e;
    s.focus[off + n] = e / regionTotal[r];
    if (withLq) {
      const dr = regionDenominator[r];
      s.lq[off + nl] = (e * D) / (dr * ec);
      nl += keep & lqOk & +(dr > 0);
    }
    if (withM) {
      const m = est![i];
      s.establishments[off + nm] = m;
      nm += keep & +(m === m);
    }
    n += keep;
  }
  s.count[lane] = n;
  s.lqCount[lane] = nl;
  s.establishmentsCount[lane] = nm;
}

function gatherFour(ctx: CellContext, c0: number, s: ColumnScratch): void {
  const { nRegions, nCategories, employment: emp, regionTotal } = ctx;
  const E = s.employment;
  const F = s.focus;
  const o1 = nRegions;
  const o2 = 2 * nRegions;
  const o3 = 3 * nRegions;
  let n0 = 0;
  let n1 = 0;
  let n2 = 0;
  let n3 = 0;
  for (let r = 0, i = c0; r < nRegions; r++, i += nCategories) {
    const er = regionTotal[r];
    const e0 = emp[i];
    const e1 = emp[i + 1];
    const e2 = emp[i + 2];
    const e3 = emp[i + 3];
    E[n0] = e0;
    F[n0] = e0 / er;
    n0 += +(e0 > 0);
    E[o1 + n1] = e1;
    F[o1 + n1] = e1 / er;
    n1 += +(e1 > 0);
    E[o2 + n2] = e2;
    F[o2 + n2] = e2 / er;
    n2 += +(e2 > 0);
    E[o3 + n3] = e3;
    F[o3 + n3] = e3 / er;
    n3 += +(e3 > 0);
  }
  s.count[0] = n0;
  s.count[1] = n1;
  s.count[2] = n2;
  s.count[3] = n3;
}

/** LQ and establishments too; without establishment data, employment stands in (counts unused). */
function gatherFourFull(ctx: CellContext, c0: number, s: ColumnScratch, withM: boolean): void {
  const { nRegions, nCategories, employment: emp, regionTotal, regionDenominator } = ctx;
  const est = withM ? ctx.establishments! : emp;
  const D = ctx.denominatorTotal;
  const E = s.employment;
  const F = s.focus;
  const L = s.lq;
  const M = s.establishments;
  const ec0 = ctx.categoryTotal[c0];
  const ec1 = ctx.categoryTotal[c0 + 1];
  const ec2 = ctx.categoryTotal[c0 + 2];
  const ec3 = ctx.categoryTotal[c0 + 3];
  const ok0 = +lqScale(ctx, c0);
  const ok1 = +lqScale(ctx, c0 + 1);
  const ok2 = +lqScale(ctx, c0 + 2);
  const ok3 = +lqScale(ctx, c0 + 3);
  const o1 = nRegions;
  const o2 = 2 * nRegions;
  const o3 = 3 * nRegions;
  let n0 = 0, n1 = 0, n2 = 0, n3 = 0;
  let l0 = 0, l1 = 0, l2 = 0, l3 = 0;
  let m0 = 0, m1 = 0, m2 = 0, m3 = 0;
  for (let r = 0, i = c0; r < nRegions; r++, i += nCategories) {
    const er = regionTotal[r];
    const dr = regionDenominator[r];
    const drOk = +(dr > 0);
    const e0 = emp[i];
    const e1 = emp[i + 1];
    const e2 = emp[i + 2];
    const e3 = emp[i + 3];
    const k0 = +(e0 > 0);
    const k1 = +(e1 > 0);
    const k2 = +(e2 > 0);
    const k3 = +(e3 > 0);
    E[n0] = e0;
    F[n0] = e0 / er;
    L[l0] = (e0 * D) / (dr * ec0);
    M[m0] = est[i];
    E[o1 + n1] = e1;
    F[o1 + n1] = e1 / er;
    L[o1 + l1] = (e1 * D) / (dr * ec1);
    M[o1 + m1] = est[i + 1];
    E[o2 + n2] = e2;
    F[o2 + n2] = e2 / er;
    L[o2 + l2] = (e2 * D) / (dr * ec2);
    M[o2 + m2] = est[i + 2];
    E[o3 + n3] = e3;
    F[o3 + n3] = e3 / er;
    L[o3 + l3] = (e3 * D) / (dr * ec3);
    M[o3 + m3] = est[i + 3];
    n0 += k0;
    n1 += k1;
    n2 += k2;
    n3 += k3;
    l0 += k0 & ok0 & drOk;
    l1 += k1 & ok1 & drOk;
    l2 += k2 & ok2 & drOk;
    l3 += k3 & ok3 & drOk;
    m0 += k0 & +(est[i] === est[i]);
    m1 += k1 & +(est[i + 1] === est[i + 1]);
    m2 += k2 & +(est[i + 2] === est[i + 2]);
    m3 += k3 & +(est[i + 3] === est[i + 3]);
  }
  s.count.set([n0, n1, n2, n3]);
  s.lqCount.set([l0, l1, l2, l3]);
  s.establishmentsCount.set(withM ? [m0, m1, m2, m3] : [0, 0, 0, 0]);
}

/**
 * Per-category thresholds of every rule: order statistics, per category, of the employment, focus
 * share, LQ and establishments of the regions with E(r,c) > 0 — found without gathering columns and
 * without sorting, in the first pass over the table (totals.ts), before the cells are judged
 * (cellPass.ts).
 *
 *   1. `planThresholds`: a sample of about SAMPLE_ROWS rows spread over the table (every row of a
 *      smaller one) brackets, for each statistic, where its rank falls: two sample values
 *      lo ≤ hi, 3.5 standard deviations of the sample rank either side (±∞ past the sample's ends).
 *      The LQ's brackets are on E(r,c) / D(r): within a category the LQ is that times D / E(c),
 *      which are not known before the pass, and its order is theirs.
 *   2. The pass counts, per statistic, the competing values below lo and keeps those within
 *      [lo, hi] (a few percent of a column; of an LQ's, each cell's E(r,c) and D(r)).
 *   3. `resolveThresholds`: with the exact counts, each rank's place among the kept values is
 *      known, and selection there (select.ts) gives the threshold; a kept cell's LQ is computed
 *      exactly once E(c) and D are. A bracket that missed its rank (data the sample misjudged), or
 *      an LQ read within rounding of its bracket's end (where the LQ's order and E(r,c) / D(r)'s
 *      may differ by an ulp), costs that statistic a gathered column, never a wrong answer.
 * Gathering every column instead meant writing two or three table-sized buffers and reading them
 * back per statistic: more than all the arithmetic of the table. (Until 4 December the LQ's
 * brackets were counted in the per-cell pass itself, which judged the cells inside them
 * provisionally and settled them after: half that pass's time.) Focus and LQ are computed with
 * the arithmetic of cellValues.ts, so a threshold is bit-identical to the published value of the
 * cell that sets it.
 */
import type { StarRule } from '../model/dataset';
import { interpolate, OrderStatistics } from './select';
import { countWithin, kth, load } from './kernels/selectKernel';
import { scratchF64 } from './scratch';
import { rankCut } from './rankCut';
import { strongLqBar } from './strongClusters';
import * as layout from './bracketTable';
import type { CmpPercentiles, StarThresholds, StrongThresholds } from './types';

// The layout's constants as module locals: under Node's CommonJS interop each use of an imported
// binding would be a getter call.
const { Buckets, COUNTS, EC, EMPLOYMENT, ESTABLISHMENTS, E_FLOOR_SLOT, FOCUS, FOCUS_SLOT, LQ, LQ2_SLOT, LQ_BAR, LQ_SLOT, M_FLOOR_SLOT, N_EMPLOYMENT, N_ESTABLISHMENTS, N_LQ, N_SLOTS, SIZE_SLOT, SLOT_QUANTITY, STRIDE, STRONG10_BAR, STRONG_BAR, below, hi, lo } = layout;

/** What the threshold step reads: the matrices and the totals already computed. */
export interface CellContext {
  nRegions: number;
  nCategories: number;
  /** Employment as the judgement sees it: cells under the rule's minimum size are 0 (minSize.ts). */
  employment: Float64Array;
  establishments?: Float64Array;
  regionTotal: Float64Array;
  regionDenominator: Float64Array;
  categoryTotal: Float64Array;
  denominatorTotal: number;
}

export interface CategoryThresholds {
  stars: StarThresholds;
  cmp?: StrongThresholds;
}

/** A rank to find: the k-th largest at a share (a "top share" star) or a type-7 quantile. */
interface Query {
  slot: number;
  /** kth: k = ⌈share · n⌉ (rankCut); quantile: p. */
  kind: 'kth' | 'quantile';
  arg: number;
}

export interface ThresholdPlan {
  rule: StarRule;
  queries: Query[];
  /** Whether establishments' P25 is wanted (cmp with establishment counts). */
  establishmentsUsed: boolean;
  /** Brackets, then the per-cell pass's bars, per category (bracketTable.ts). */
  table: Float64Array;
  /** The passes' counts, per category (bracketTable.ts). */
  counts: Int32Array;
  /** The values the passes keep from within the brackets. */
  buckets: layout.Buckets;
  /** The rows sampled. */
  rows: Int32Array;
  /** Half-width of a bracket in standard deviations of the sample rank. */
  spread: number;
  /** The LQ brackets the first pass counts and keeps: eco 0, paper 1, cmp 2. */
  lqSlots: 0 | 1 | 2;
}

export interface BracketOptions {
  rows?: number;
  spread?: number;
}

/** Rows sampled to bracket the ranks: enough that a bracket holds a few percent of a column. */
const SAMPLE_ROWS = 4096;
/** A bracket misses its rank about once in 2,000 (two-sided normal tail), costing a gathered column. */
const SPREAD = 3.5;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * The brackets of employment, focus share and establishments, from the sampled rows: what the
 * first pass (totals.ts) counts and keeps, before any total is known.
 */
export function planThresholds(
  input: { nRegions: number; nCategories: number; employment: Float64Array; competing: Float64Array; establishments?: Float64Array; lqDenominatorMask?: Uint8Array },
  rule: StarRule,
  cmpPercentiles: CmpPercentiles,
  brackets: BracketOptions = {},
): ThresholdPlan {
  const { nRegions, nCategories, employment, competing, establishments } = input;
  const cmp = rule.kind === 'cmp';
  const establishmentsUsed = cmp && establishments !== undefined;
  const queries: Query[] = [
    { slot: SIZE_SLOT, kind: 'kth', arg: rule.cutShare },
    { slot: FOCUS_SLOT, kind: 'kth', arg: rule.cutShare },
  ];
  if (rule.kind === 'paper') queries.push({ slot: LQ_SLOT, kind: 'kth', arg: rule.cutShare });
  if (cmp) {
    queries.push(
      { slot: LQ_SLOT, kind: 'quantile', arg: cmpPercentiles.strong10Lq },
      { slot: LQ2_SLOT, kind: 'quantile', arg: cmpPercentiles.strongLq },
      { slot: E_FLOOR_SLOT, kind: 'quantile', arg: cmpPercentiles.floor },
    );
    if (establishmentsUsed) queries.push({ slot: M_FLOOR_SLOT, kind: 'quantile', arg: cmpPercentiles.floor });
  }
  const plan: ThresholdPlan = {
    rule,
    queries,
    establishmentsUsed,
    table: new Float64Array(nCategories * STRIDE),
    counts: new Int32Array(nCategories * COUNTS),
    buckets: new Buckets(),
    rows: sampledRows(nRegions, Math.max(1, Math.floor(brackets.rows ?? SAMPLE_ROWS))),
    spread: brackets.spread ?? SPREAD,
    lqSlots: queries.filter((q) => SLOT_QUANTITY[q.slot] === LQ).length as 0 | 1 | 2,
  };
  const sample = sampleFirst(plan.rows, nCategories, employment, competing, establishmentsUsed ? establishments : undefined, plan.lqSlots > 0, input.lqDenominatorMask);
  openBrackets(plan, queries, sample, nRegions, nCategories);
  return plan;
}

/**
 * The bars the per-cell pass judges by, once every threshold is known: the specialisation star's
 * (the paper rule's ranked threshold, else the rule's constant), the strong clusters' LQ bars, and
 * the employment and establishments floors.
 */
export function planLq(ctx: CellContext, plan: ThresholdPlan, found: CategoryThresholds): void {
  const { nCategories, categoryTotal } = ctx;
  const { rule, table } = plan;
  const D = ctx.denominatorTotal;
  for (let c = 0, k = 0; c < nCategories; c++, k += STRIDE) {
    const lqDefined = categoryTotal[c] > 0 && D > 0;
    table[k + EC] = categoryTotal[c];
    table[k + LQ_BAR] = !lqDefined ? NaN : rule.kind === 'paper' ? found.stars.specialisation[c] : rule.lqThreshold;
    table[k + hi(SIZE_SLOT)] = found.stars.size[c];
    table[k + hi(FOCUS_SLOT)] = found.stars.focus[c];
    if (found.cmp) {
      table[k + STRONG_BAR] = strongLqBar(found.cmp.lqStrong[c], lqDefined);
      table[k + STRONG10_BAR] = strongLqBar(found.cmp.lqStrong10[c], lqDefined);
      table[k + hi(E_FLOOR_SLOT)] = found.cmp.employmentFloor[c];
      // A skipped criterion: every count passes it.
      table[k + hi(M_FLOOR_SLOT)] = found.cmp.establishmentsUsed ? found.cmp.establishmentsFloor[c] : -Infinity;
    } else {
      table[k + hi(E_FLOOR_SLOT)] = -Infinity;
      table[k + hi(M_FLOOR_SLOT)] = -Infinity;
    }
  }
}

function openBrackets(plan: ThresholdPlan, queries: Query[], sample: Sample, nRegions: number, nCategories: number): void {
  const rows = plan.rows.length;
  for (const q of queries) {
    for (let c = 0; c < nCategories; c++) {
      const values = sample.column(SLOT_QUANTITY[q.slot], c);
      const [l, h, share] = bracket(values, fractionOf(q), plan.spread);
      plan.table[c * STRIDE + lo(q.slot)] = l;
      plan.table[c * STRIDE + hi(q.slot)] = h;
      // What the bracket should hold, with room to spare (a bucket grows when it must).
      const competing = rows > 0 ? (values.length / rows) * nRegions : 0;
      // An LQ's cells keep their D(r) beside their E(r,c): two doubles a cell.
      const perCell = SLOT_QUANTITY[q.slot] === LQ ? 2 : 1;
      plan.buckets.open(c * N_SLOTS + q.slot, perCell * (Math.ceil(share * competing * 1.25) + 64));
    }
  }
}

/** An empty set of thresholds, filled by `resolveThresholds`. */
export function emptyThresholds(nCategories: number, plan: ThresholdPlan): CategoryThresholds {
  const { rule } = plan;
  return {
    stars: {
      eligible: new Uint32Array(nCategories),
      rankCut: new Uint32Array(nCategories),
      size: new Float64Array(nCategories),
      focus: new Float64Array(nCategories),
      specialisation: new Float64Array(nCategories).fill(rule.lqThreshold),
    },
    cmp:
      rule.kind === 'cmp'
        ? {
            lqStrong: new Float64Array(nCategories),
            lqStrong10: new Float64Array(nCategories),
            employmentFloor: new Float64Array(nCategories),
            establishmentsFloor: new Float64Array(nCategories).fill(NaN),
            establishmentsUsed: plan.establishmentsUsed,
          }
        : undefined,
  };
}

/**
 * The thresholds of one quantity group (`lq` false: employment, focus share, establishments; true:
 * LQ) from what a pass counted and kept, into `found`.
 */
export function resolveThresholds(ctx: CellContext, plan: ThresholdPlan, lq: boolean, found: CategoryThresholds): void {
  const { nCategories } = ctx;
  const { rule, counts, table, buckets } = plan;
  const { stars, cmp: strong } = found;
  const out: Record<number, Float64Array> = { [SIZE_SLOT]: stars.size, [FOCUS_SLOT]: stars.focus };
  if (rule.kind === 'paper') out[LQ_SLOT] = stars.specialisation;
  if (strong) {
    out[LQ_SLOT] = strong.lqStrong10;
    out[LQ2_SLOT] = strong.lqStrong;
    out[E_FLOOR_SLOT] = strong.employmentFloor;
    out[M_FLOOR_SLOT] = strong.establishmentsFloor;
  }
  if (!lq) {
    for (let c = 0; c < nCategories; c++) {
      const n = counts[c * COUNTS + N_EMPLOYMENT];
      stars.eligible[c] = n;
      stars.rankCut[c] = rankCut(rule.cutShare, n);
    }
  }
  const D = ctx.denominatorTotal;
  for (const q of plan.queries) {
    const quantity = SLOT_QUANTITY[q.slot];
    if ((quantity === LQ) !== lq) continue;
    const countAt = quantity === LQ ? N_LQ : quantity === ESTABLISHMENTS ? N_ESTABLISHMENTS : N_EMPLOYMENT;
    for (let c = 0; c < nCategories; c++) {
      const ec = ctx.categoryTotal[c];
      // A category's LQ is defined only where E(c) > 0 and D > 0: otherwise no cell competes.
      const n = quantity !== LQ || (ec > 0 && D > 0) ? counts[c * COUNTS + countAt] : 0;
      const ranks = ranksOf(q, n);
      let value: number;
      if (typeof ranks === 'number') value = ranks;
      else {
        const under = counts[c * COUNTS + below(q.slot)];
        const key = c * N_SLOTS + q.slot;
        const kept = quantity === LQ ? keptLq(buckets.values(key), D, ec) : buckets.values(key);
        const inside = under <= ranks.first && ranks.last < under + kept.length;
        const [v0, v1] = inside ? rankValues(kept, under, ranks) : [NaN, NaN];
        // The LQ's bracket was on E(r,c) / D(r), whose order the LQ's rounding may break by an ulp
        // or two: the cells below the bracket and above it are on the right side of the values
        // read only when those are clear of the bracket's ends by more than that.
        const clear = quantity !== LQ || clearOf(v0, v1, table[c * STRIDE + lo(q.slot)], table[c * STRIDE + hi(q.slot)], D / ec);
        const [w0, w1] = inside && clear ? [v0, v1] : rankValues(gatherColumn(ctx, quantity, c), 0, ranks);
        value = ranks.fraction === 0 ? w0 : interpolate(w0, w1, ranks.fraction);
      }
      out[q.slot][c] = value;
    }
  }
}

/**
 * Whether the LQs read (v0 ≤ v1) are clear of a bracket [lo, hi] on E(r,c) / D(r) whose LQs are
 * those times K = D / E(c): an LQ is (E(r,c) / D(r)) · K within a few ulps (2⁻⁵² each), so a cell
 * below lo has an LQ under lo · K · (1 + 10⁻¹²) and one above hi over hi · K · (1 − 10⁻¹²).
 */
function clearOf(v0: number, v1: number, lo: number, hi: number, K: number): boolean {
  return (lo === -Infinity || v0 > lo * K * (1 + 1e-12)) && (hi === Infinity || v1 < hi * K * (1 - 1e-12));
}

/** The LQs of a bracket's cells, from their E(r,c), D(r) pairs, with the arithmetic of cellValues.ts. */
function keptLq(pairs: Float64Array, D: number, ec: number): Float64Array {
  const n = pairs.length >> 1;
  const lq = scratchF64('kept LQs', n);
  for (let k = 0, j = 0; k < n; k++, j += 2) lq[k] = (pairs[j] * D) / (pairs[j + 1] * ec);
  return lq.subarray(0, n);
}

interface Ranks {
  first: number;
  /** first + 1 when interpolating, else first. */
  last: number;
  /** Weight of `last` in the type-7 interpolation. */
  fraction: number;
}

/** The ranks (0-based, ascending) a query reads among n values, or its value when it reads none. */
function ranksOf(q: Query, n: number): Ranks | number {
  if (n === 0) return NaN;
  if (q.kind === 'kth') {
    const k = rankCut(q.arg, n);
    if (k <= 0) return Infinity;
    const first = n - Math.min(k, n);
    return { first, last: first, fraction: 0 };
  }
  const p = q.arg;
  if (Number.isNaN(p)) return NaN;
  if (p <= 0 || n < 2) return { first: 0, last: 0, fraction: 0 };
  if (p >= 1) return { first: n - 1, last: n - 1, fraction: 0 };
  const h = (n - 1) * p;
  const first = Math.floor(h);
  return h === first ? { first, last: first, fraction: 0 } : { first, last: first + 1, fraction: h - first };
}

/** The values at `ranks.first` and `ranks.last` among values whose first `offset` ranks are not in `values`. */
function rankValues(values: Float64Array, offset: number, ranks: Ranks): [number, number] {
  const stats = new OrderStatistics(values, values.length);
  if (ranks.last === ranks.first) {
    const v = stats.rank(ranks.first - offset);
    return [v, v];
  }
  return stats.rankAndNext(ranks.first - offset);
}

/** Where in its sorted column the query's rank falls, as a share (for the bracket). */
function fractionOf(q: Query): number {
  const share = Math.min(1, Math.max(0, q.arg));
  return q.kind === 'kth' ? 1 - share : Number.isNaN(q.arg) ? 0.5 : share;
}

/**
 * Two values of the sample around the share `q` of its sorted order, and the share of the sample
 * within them, ties included (what a pass keeps of a column of small integers, establishments,
 * is their ties too: sizing buckets by ranks alone overflowed them): `sd` standard deviations of
 * the sample rank either side and a margin; −∞ / +∞ where that reaches past the sample's ends (so
 * the extremes of a column, and small columns, are always inside). The sample is only read: it is
 * selected in the kernel's copy (selectKernel.ts).
 */
export function bracket(sample: Float64Array, q: number, sd: number): [number, number, number] {
  const m = sample.length;
  if (m === 0) return [-Infinity, Infinity, 1];
  const at = q * m;
  const spread = sd * Math.sqrt(m * q * (1 - q)) + (sd > 0 ? 2 : 0);
  // At the top of the sample (a share of 1 without a spread) the bottom is its largest value.
  const loRank = Math.min(m - 1, Math.floor(at - spread));
  const hiRank = Math.ceil(at + 1 + spread);
  load(sample, m);
  // The first selection leaves every value on either side of its rank on that side, and the
  // second is searched for on its side only: the first is the one that leaves the second the
  // smaller side (the top below the median, the bottom above it).
  let l: number;
  let h: number;
  if (loRank > 0 && hiRank < m - 1 && q < 0.5) {
    h = kth(hiRank, 0, m - 1);
    l = kth(loRank, 0, hiRank - 1);
  } else {
    l = loRank <= 0 ? -Infinity : kth(loRank, 0, m - 1);
    h = hiRank >= m - 1 ? Infinity : kth(hiRank, loRank <= 0 ? 0 : loRank + 1, m - 1);
  }
  return [l, h, countWithin(m, l, h) / m];
}

/** The value of a quantity at cell (r, c), NaN where the cell does not compete in it. */
function cellValue(ctx: CellContext, quantity: number, r: number, c: number): number {
  const i = r * ctx.nCategories + c;
  const e = ctx.employment[i];
  if (!(e > 0)) return NaN;
  if (quantity === EMPLOYMENT) return e;
  if (quantity === FOCUS) return e / ctx.regionTotal[r];
  if (quantity === LQ) {
    const D = ctx.denominatorTotal;
    const dr = ctx.regionDenominator[r];
    const ec = ctx.categoryTotal[c];
    return dr > 0 && D > 0 && ec > 0 ? (e * D) / (dr * ec) : NaN;
  }
  const m = ctx.establishments![i];
  return m === m ? m : NaN;
}

/** A whole column of competing values of one quantity (when a bracket missed). */
function gatherColumn(ctx: CellContext, quantity: number, c: number): Float64Array {
  const out = new Float64Array(ctx.nRegions);
  let n = 0;
  for (let r = 0; r < ctx.nRegions; r++) {
    const x = cellValue(ctx, quantity, r, c);
    if (x === x) out[n++] = x;
  }
  return out.subarray(0, n);
}

/**
 * `wanted` rows (every row of a smaller table) from equal stretches of the table, at
 * offsets stepped by the golden ratio: ascending, and neither a sorted nor a periodic order of the
 * regions biases them.
 */
function sampledRows(nRegions: number, wanted: number): Int32Array {
  const rows = Math.min(nRegions, wanted);
  const out = new Int32Array(rows);
  for (let j = 0, f = 0; j < rows; j++) {
    out[j] = rows === nRegions ? j : Math.floor(((j + f) * nRegions) / rows);
    f += GOLDEN;
    f -= +(f >= 1);
  }
  return out;
}

/** The sampled rows' competing values of some quantities, column by column. */
interface Sample {
  column(quantity: number, c: number): Float64Array;
}

/** Columns of `rows.length` values per category, filled in row order (`count` per category). */
class SampleColumns implements Sample {
  readonly values: Float64Array[] = [];
  readonly counts: Int32Array[] = [];
  constructor(
    private readonly n: number,
    nCategories: number,
    quantities: number[],
  ) {
    for (const q of quantities) {
      this.values[q] = scratchF64(`sample ${q}`, n * nCategories);
      this.counts[q] = new Int32Array(nCategories);
    }
  }

  column(q: number, c: number): Float64Array {
    return this.values[q].subarray(c * this.n, c * this.n + this.counts[q][c]);
  }
}

/**
 * The sampled rows' employment, focus share, (when given) establishments and (when `lqWanted`;
 * D(r) over the categories of `mask`, all without one) E(r,c) / D(r), whose order within a
 * category is the LQ's, of the cells that compete (E(r,c) > 0 as the judgement sees it; for the
 * LQ, D(r) > 0 too), a row's totals summed as the first pass sums them. Plain loops, one per row: this runs over a few
 * hundred thousand cells per computation.
 */
function sampleFirst(rows: Int32Array, nC: number, employment: Float64Array, competing: Float64Array, establishments: Float64Array | undefined, lqWanted: boolean, mask?: Uint8Array): Sample {
  const n = rows.length;
  const sample = new SampleColumns(n, nC, [EMPLOYMENT, FOCUS, ...(establishments ? [ESTABLISHMENTS] : []), ...(lqWanted ? [LQ] : [])]);
  const emp = sample.values[EMPLOYMENT];
  const focus = sample.values[FOCUS];
  const count = sample.counts[EMPLOYMENT];
  const est = establishments ? sample.values[ESTABLISHMENTS] : undefined;
  const estCount = sample.counts[ESTABLISHMENTS];
  const share = lqWanted ? sample.values[LQ] : undefined;
  const shareCount = sample.counts[LQ];
  for (let j = 0; j < n; j++) {
    const base = rows[j] * nC;
    let total = 0;
    let denominator = 0;
    for (let i = base, c = 0, end = base + nC; i < end; i++, c++) {
      const v = employment[i] === employment[i] ? employment[i] : 0;
      total += v;
      if (!mask || mask[c] !== 0) denominator += v;
    }
    for (let c = 0, i = base; c < nC; c++, i++) {
      const e = competing[i];
      if (!(e > 0)) continue;
      const at = c * n + count[c]++;
      emp[at] = e;
      focus[at] = e / total;
      if (est) {
        const m = establishments![i];
        if (m === m) est[c * n + estCount[c]++] = m;
      }
      if (share && denominator > 0) share[c * n + shareCount[c]++] = e / denominator;
    }
  }
  // Focus shares have the employment's count: the same cells compete.
  sample.counts[FOCUS] = count;
  return sample;
}

/**
 * Inputs and outputs of the indicator engine.
 *
 * Every matrix is dense and region-major like the model's EmploymentCube: the value of
 * (region r, category c) is at `r * nCategories + c`. NaN means "not reported": totals treat it
 * as 0, per-cell values of that cell are NaN and the cell earns no star. A result stores per cell
 * only what cannot be derived cheaply (the star bits and strong-cluster flags); see cellValues.ts. Values are counts,
 * ≥ 0 (the readers in src/io reject negative ones before they get here). All outputs are typed
 * arrays, numbers, booleans or strings, so a result can cross a worker boundary by structured
 * clone with its buffers transferred (see `transferables`).
 */
import type { StarRule } from '../model/dataset';

export interface IndicatorInput {
  nRegions: number;
  nCategories: number;
  /** Length nRegions × nCategories. */
  employment: Float64Array;
  /** Same layout; needed only by the `cmp` rule and by Ellison–Glaeser γ. */
  establishments?: Float64Array;
  /**
   * Length nCategories: a benchmark region's employment by category (e.g. the national row).
   * When given, E(c) and E come from it instead of from the sum of the regions, and the
   * benchmark region must not also be one of the nRegions rows.
   */
  benchmark?: Float64Array;
  /**
   * Length nCategories, 1 where the category counts in the LQ denominator (e.g. only `traded`
   * categories). Absent: all categories. Shares (focus, size) always use all categories.
   */
  lqDenominatorMask?: Uint8Array;
}

/** Percentiles of the U.S. Cluster Mapping rule, as probabilities. */
export interface CmpPercentiles {
  /** LQ percentile a strong cluster must reach (0.75). */
  strongLq: number;
  /** LQ percentile of the stricter `strong10` variant (0.9). */
  strong10Lq: number;
  /** Employment and establishments must exceed this percentile (0.25). */
  floor: number;
}

export const DEFAULT_CMP_PERCENTILES: CmpPercentiles = { strongLq: 0.75, strong10Lq: 0.9, floor: 0.25 };

/** Per-category thresholds actually applied, so the UI can explain each star. */
export interface StarThresholds {
  /** Regions with E(r,c) > 0: the n of the "top cutShare of n" rule. */
  eligible: Uint32Array;
  /** How many of them the rule admits: ⌈cutShare · n⌉. */
  rankCut: Uint32Array;
  /** Employment at or above which the size star is earned (NaN: no eligible region). */
  size: Float64Array;
  /** Focus share E(r,c)/E(r) at or above which the focus star is earned. */
  focus: Float64Array;
  /** LQ at or above which the specialisation star is earned (constant under `eco`). */
  specialisation: Float64Array;
}

/** Per category, over regions with E(r,c) > 0 (type-7 percentiles). */
export interface StrongThresholds {
  lqStrong: Float64Array;
  lqStrong10: Float64Array;
  employmentFloor: Float64Array;
  /** NaN for every category when establishments were not supplied. */
  establishmentsFloor: Float64Array;
  /** False when no establishment counts were supplied and that criterion was skipped. */
  establishmentsUsed: boolean;
}

export interface IndicatorResult {
  nRegions: number;
  nCategories: number;
  rule: StarRule;
  /** E(r): each region's employment over all categories. */
  regionTotal: Float64Array;
  /** E(c): from the benchmark when one is given, else the sum over regions. */
  categoryTotal: Float64Array;
  /** E: sum of categoryTotal. */
  total: number;
  /** Per region, the LQ denominator (equals regionTotal when no mask is given). */
  regionDenominator: Float64Array;
  /** The benchmark's LQ denominator (equals total when no mask is given). */
  denominatorTotal: number;
  /**
   * The employment the result was computed from (the input's own array, not a copy). LQ, focus
   * and size shares and star counts are not stored per cell: they follow from this and the
   * totals above, and cellValues.ts derives them (`lqAt`, `focusAt`, `sizeAt`, `starCountAt`,
   * `indicatorColumn`) with the arithmetic the stars were judged on.
   */
  employment: Float64Array;
  /**
   * Per cell, a bitmask of STAR_SIZE | STAR_SPECIALISATION | STAR_FOCUS and, under cmp,
   * STRONG_CLUSTER | STRONG10_CLUSTER (read them with cellValues.ts `starCountAt`, `strongAt`).
   */
  stars: Uint8Array;
  thresholds: StarThresholds;
  /** Present under the `cmp` rule: its thresholds (the flags are bits of `stars`). */
  cmp?: StrongThresholds;
  /** Things the caller should show the user (e.g. a criterion that could not be applied). */
  warnings: string[];
}

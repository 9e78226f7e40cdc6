/**
 * Domain types shared by every layer (io, indicators, worker, UI, CLI).
 * Nothing here imports anything: this is the bottom of the dependency graph.
 */

/** A cluster category (or industry) as the user's data names it. */
export interface Category {
  id: string;
  name: string;
  /** e.g. "traded" / "local" (U.S. Cluster Mapping); used as an LQ denominator. */
  group?: string;
}

/** A region as it appears on the map. */
export interface Region {
  id: string;
  name: string;
}

/**
 * Employment by region × category × year, dense and region-major:
 * value of (region r, category c) in year index y is `employment[y][r * nCategories + c]`.
 * NaN means "not reported" (distinct from a reported 0).
 */
export interface EmploymentCube {
  regions: Region[];
  categories: Category[];
  years: number[];
  employment: Float64Array[];
  /** Same layout as employment; absent when the data has no establishment counts. */
  establishments?: Float64Array[];
  /**
   * Region id whose rows supply the benchmark totals (e.g. "US", "EU27").
   * Its row is kept out of `regions`; its values are in `benchmark`.
   */
  benchmarkId?: string;
  /** Per year, length nCategories: the benchmark region's employment by category. */
  benchmark?: Float64Array[];
  /**
   * Per year, length nRegions: each region's total employment as the source states it (e.g.
   * Eurostat's TOTAL), which may exceed the sum of the categories; absent when not given.
   */
  regionTotals?: Float64Array[];
  /** Per year: cell index (as in `employment`) → the source's flags for that value (e.g. Eurostat "b", "u"). */
  flags?: Map<number, string>[];
}

export const STAR_SIZE = 1;
export const STAR_SPECIALISATION = 2;
export const STAR_FOCUS = 4;
/** The star bits of a cell's byte (IndicatorResult.stars). */
export const STAR_BITS = STAR_SIZE | STAR_SPECIALISATION | STAR_FOCUS;
/**
 * Under cmp, the cell's U.S. Cluster Mapping flags, in the same byte: one byte matrix a result
 * instead of three (a fresh computation maps 10 MB of pages for 100,000 × 100 cells, not 30).
 */
export const STRONG_CLUSTER = 8;
export const STRONG10_CLUSTER = 16;

export type RuleKind = 'eco' | 'paper' | 'cmp';

/** Which star or strength rule, with its parameters. */
export interface StarRule {
  kind: RuleKind;
  /** Share of regions that earns a ranking star (ECO: 0.1 = top 10%). */
  cutShare: number;
  /** LQ at or above which the ECO specialisation star is earned (ECO: 2). */
  lqThreshold: number;
  /**
   * Minimum size of a cell (employment, establishments) below which it earns no star, no strong
   * cluster and no ranking place (it does not compete in the thresholds). Off (absent or 0) by
   * default, so the ECO rule stays as published; a dataset may set it in its manifest.
   */
  minEmployment?: number;
  minEstablishments?: number;
  /**
   * What E(c) and E are taken from: absent, the data's stated total row if it has one, else the sum
   * of the regions; `regions`: the sum of the regions; `row`: the stated total row; a two-letter
   * country code (NUTS): the sum of that country's regions.
   */
  benchmark?: string;
}

/** One text per rule, for caches and comparisons: two rules with the same key give the same stars. */
export function ruleText(rule: StarRule): string {
  return `${rule.kind}|${rule.cutShare}|${rule.lqThreshold}|${rule.minEmployment ?? 0}|${rule.minEstablishments ?? 0}|${rule.benchmark ?? ''}`;
}

export const DEFAULT_RULE: StarRule = { kind: 'eco', cutShare: 0.1, lqThreshold: 2 };

export const INDICATORS = ['employment', 'lq', 'stars', 'focus', 'size'] as const;
export type IndicatorId = (typeof INDICATORS)[number];

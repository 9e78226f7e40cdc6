/**
 * Life-cycle stage of a regional cluster between two years, mapped to the source article's five
 * stages. The rule, applied in this order to one region × category:
 *
 *   none            employment not reported in either year (no trajectory), or no employment in
 *                   the later year (unless that is a loss of stars: see transformation)
 *   transformation  stars lost (fewer stars than before), or a starred cluster (in either year)
 *                   losing share: growing slower than its category by more than `tolerance`
 *   agglomeration   no stars in either year, LQ > 1 in the later year: a concentration that is
 *                   not (yet) a cluster by the star rule
 *   emerging        first stars: none before, at least one now (and not losing share)
 *   developing      more stars than before, or still one star (not losing share)
 *   mature          the same 2–3 stars as before (not losing share)
 *   none            everything else (no stars and LQ ≤ 1)
 *
 * "Losing share" compares growth rates per year (CAGR): the cell's against its category's
 * benchmark total, d = g(r,c) − g(c); declining ⇔ d < −tolerance (default half a percentage
 * point a year). A cell that grows from 0 grows faster than any category.
 */
export const LIFE_CYCLE_STAGES = ['none', 'agglomeration', 'emerging', 'developing', 'mature', 'transformation'] as const;
export type LifeCycleStage = (typeof LIFE_CYCLE_STAGES)[number];

export const STAGE_NONE = 0;
export const STAGE_AGGLOMERATION = 1;
export const STAGE_EMERGING = 2;
export const STAGE_DEVELOPING = 3;
export const STAGE_MATURE = 4;
export const STAGE_TRANSFORMATION = 5;

export const DEFAULT_STAGE_TOLERANCE = 0.005;

export interface StageInputs {
  /** Employment in the earlier and later year (NaN = not reported). */
  e0: number;
  e1: number;
  /** Star counts in the earlier and later year. */
  stars0: number;
  stars1: number;
  /** LQ in the later year. */
  lq1: number;
  /** Cell CAGR minus category CAGR (per year); +∞ when growing from 0. */
  relativeGrowth: number;
}

/** Stage code (index into LIFE_CYCLE_STAGES) by the rule above. */
export function lifeCycleStage(x: StageInputs, tolerance = DEFAULT_STAGE_TOLERANCE): number {
  if (Number.isNaN(x.e0) || Number.isNaN(x.e1)) return STAGE_NONE;
  const declining = x.relativeGrowth < -tolerance;
  if (x.stars1 < x.stars0 || (Math.max(x.stars0, x.stars1) >= 1 && declining)) return STAGE_TRANSFORMATION;
  if (!(x.e1 > 0)) return STAGE_NONE;
  if (x.stars1 === 0) return x.lq1 > 1 ? STAGE_AGGLOMERATION : STAGE_NONE;
  if (x.stars0 === 0) return STAGE_EMERGING;
  if (x.stars1 > x.stars0 || x.stars1 === 1) return STAGE_DEVELOPING;
  return STAGE_MATURE;
}

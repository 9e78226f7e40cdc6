/**
 * Requests and results of the worker's analysis beyond one year's indicators: per-category
 * concentration and Moran's I (with every compute), LISA and Gi* of one category's values, and
 * change between two years. Every array is typed and transferred, never copied as JSON.
 */
import type { IndicatorId, StarRule } from '../model/dataset';
import type { CategoryConcentration } from '../indicators/concentration';
import type { IndicatorChange } from '../indicators/change';
import type { ColumnSpatial } from './spatialColumn';

export type { WeightsSummary } from './regionWeights';

/** Per category (length nCategories) for the computed year and rule. */
export interface CategoryStats extends CategoryConcentration {
  /** Global Moran's I of the category's LQ is `moranI`; its randomisation z and two-sided p. */
  moranZ: Float64Array;
  moranP: Float64Array;
}

export interface SpatialRequest {
  yearIndex: number;
  rule: StarRule;
  categoryIndex: number;
  /** Whose values: employment, LQ, shares or star counts of the category. */
  indicator: IndicatorId;
  /** False: Gi* and global Moran only (no permutations). */
  lisa: boolean;
  permutations: number;
  seed: number;
  alpha: number;
}

/** LISA and Gi* per region in cube order (quadrant 255: not analysed), with the request and the worker's time. */
export interface SpatialView extends ColumnSpatial {
  request: SpatialRequest;
  /** The analysed values, cube region order (NaN: not on the map or undefined). */
  values: Float64Array;
  ms: number;
}

export interface ChangeRequest {
  fromYearIndex: number;
  toYearIndex: number;
  rule: StarRule;
}

export interface ChangeView {
  request: ChangeRequest;
  /** Region-major like the indicators (r · nCategories + c). */
  change: IndicatorChange;
  ms: number;
}

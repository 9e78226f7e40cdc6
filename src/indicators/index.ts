/**
 * The non-spatial indicator engine: the public surface used by the worker, the CLI and the UI.
 * Spatial weights and autocorrelation are in ./spatial.
 */
export { computeIndicators, transferables } from './computeIndicators';
export type { ComputeOptions } from './computeIndicators';
export type {
  CmpPercentiles,
  IndicatorInput,
  IndicatorResult,
  StarThresholds,
  StrongThresholds,
} from './types';
export { DEFAULT_CMP_PERCENTILES } from './types';
export { rankCut } from './rankCut';
export { categoryConcentration } from './concentration';
export type { CategoryConcentration, ConcentrationOptions } from './concentration';
export { regionProfile, topCategories } from './regionProfile';
export type { RegionProfile, TopBy } from './regionProfile';
export { cagr, indicatorChange } from './change';
export type { IndicatorChange, YearSnapshot } from './change';
export { DEFAULT_STAGE_TOLERANCE, LIFE_CYCLE_STAGES, lifeCycleStage } from './lifeCycle';
export type { LifeCycleStage, StageInputs } from './lifeCycle';
export { defaultDenominator, denominatorMask } from './denominator';
export { INDICATOR_COLUMNS, STRONG_COLUMNS, indicatorColumns, indicatorRows } from './indicatorRows';
export type { IndicatorRow } from './indicatorRows';

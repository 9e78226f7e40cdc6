/**
 * Everything the worker computes for the page, on one loaded dataset:
 *   compute(year, rule)  one year's indicators + per-category concentration and Moran's I of LQ
 *   spatial(request)     LISA (seeded permutations) and Gi* of one category's values
 *   change(request)      change between two years, with life-cycle stages
 *   series(request)      up to four regions' categories across all years (region dashboard)
 *   scatter(values)      the Moran scatterplot of any column of region values (linked views)
 *   pooled(request)      one category's values over all years, sorted (breaks held across years)
 * Results are cached by year and rule (resultCache.ts), concentration by year, category statistics
 * by year and LQ denominator (the cut share does not move them), weight subsets by mask
 * (regionWeights.ts): a new request recomputes only what it does not share with an old one.
 * Nothing here touches the DOM or worker globals, so the unit tests drive it directly in Node.
 */
import { benchmarkVector } from '../indicators/benchmarkChoice';
import type { EmploymentCube, IndicatorId, StarRule } from '../model/dataset';
import { computeIndicators } from '../indicators/computeIndicators';
import { categoryConcentration, type CategoryConcentration } from '../indicators/concentration';
import { indicatorChange } from '../indicators/change';
import { yearInput } from '../indicators/cubeInput';
import { defaultDenominator } from '../indicators/denominator';
import { indicatorColumn } from '../indicators/cellValues';
import type { IndicatorResult } from '../indicators/types';
import { ResultCache, ruleKey } from './resultCache';
import { buildRegionWeights, WeightsSubsets, type MapGeometry, type RegionWeights, type WeightsSummary } from './regionWeights';
import { NOT_ANALYSED, columnMoran, columnSpatial } from './spatialColumn';
import type { CategoryStats, ChangeRequest, ChangeView, SpatialRequest, SpatialView } from './analysisTypes';
import type { ComputedView } from '../engine/types';
import { moranScatter, type MoranScatter } from './moranScatter';
import { regionSeries, type RegionSeries, type RegionSeriesRequest } from './regionSeries';
import { pooledSorted, type PooledRequest, type PooledValues } from './pooledValues';

export class AnalysisEngine {
  private readonly results: ResultCache;
  private readonly concentrations: ResultCache<CategoryConcentration>;
  private readonly stats: ResultCache<CategoryStats>;
  private readonly weights?: RegionWeights;
  private readonly subsets?: WeightsSubsets;
  /** Why there are no spatial weights (e.g. a geometry that is not polygonal). */
  readonly weightsError?: string;

  constructor(
    private readonly cube: EmploymentCube,
    map?: MapGeometry,
  ) {
    const cells = cube.regions.length * cube.categories.length;
    this.results = new ResultCache(cells);
    this.concentrations = new ResultCache(cells / 8);
    this.stats = new ResultCache(cells / 8);
    if (!map) {
      this.weightsError = 'the dataset has no map geometry';
      return;
    }
    try {
      this.weights = buildRegionWeights(cube.regions, map);
      this.subsets = new WeightsSubsets(this.weights);
    } catch (error) {
      this.weightsError = error instanceof Error ? error.message : String(error);
    }
  }

  get weightsSummary(): WeightsSummary | undefined {
    return this.weights?.summary;
  }

  /** One year's indicators under a rule (cached; the caller must not modify or transfer it). */
  result(yearIndex: number, rule: StarRule): IndicatorResult {
    const { cube } = this;
    checkYear(cube, yearIndex);
    return this.results.get(ruleKey(yearIndex, rule), () =>
      computeIndicators({ ...yearInput(cube, yearIndex, rule.kind), benchmark: benchmarkVector(cube, yearIndex, rule.benchmark) }, rule),
    );
  }

  /** What the page draws for a year and rule: copies, so that transferring them leaves the cache intact. */
  compute(yearIndex: number, rule: StarRule, withStats = true): ComputedView {
    const started = performance.now();
    const result = this.result(yearIndex, rule);
    // Copies again: the page takes these buffers.
    const categoryStats = withStats ? this.categoryStatsFor(yearIndex, rule) : undefined;
    // One copy for the page: the result holds the year's employment (its LQ and shares are
    // derived from it), so the clone keeps the two one array.
    const sent = structuredClone({ employment: this.cube.employment[yearIndex], establishments: this.cube.establishments?.[yearIndex], result });
    return {
      yearIndex,
      ...sent,
      ...(categoryStats ? { categoryStats } : {}),
      computeMs: performance.now() - started,
    };
  }

  /** A copy of the cached per-category statistics of a year under a rule (the page takes the buffers). */
  categoryStatsFor(yearIndex: number, rule: StarRule): CategoryStats {
    return structuredClone(this.cachedCategoryStats(yearIndex, rule));
  }

  /**
   * Computes a year's per-category statistics into the cache without copying them out: the worker
   * does it as soon as it has sent a first map's indicators, while the page draws them, so that the
   * page's request for the statistics finds them ready.
   */
  warmCategoryStats(yearIndex: number, rule: StarRule): void {
    this.cachedCategoryStats(yearIndex, rule);
  }

  private cachedCategoryStats(yearIndex: number, rule: StarRule): CategoryStats {
    // Concentration and Moran's I of LQ depend on the year and the LQ denominator, not on the star cut-offs.
    const statsKey = `${yearIndex}|${defaultDenominator(this.cube.categories, rule.kind)}`;
    return this.stats.get(statsKey, () => this.categoryStats(yearIndex, this.result(yearIndex, rule)));
  }

  /** Concentration of every category (by year) and Moran's I of its LQ (by year and rule). */
  categoryStats(yearIndex: number, result: IndicatorResult): CategoryStats {
    const { cube } = this;
    const nC = cube.categories.length;
    const nR = cube.regions.length;
    const concentration = this.concentrations.get(String(yearIndex), () =>
      categoryConcentration({ nRegions: nR, nCategories: nC, employment: cube.employment[yearIndex], establishments: cube.establishments?.[yearIndex] }),
    );
    const stats: CategoryStats = {
      ...structuredClone(concentration),
      moranI: new Float64Array(nC).fill(NaN),
      moranZ: new Float64Array(nC).fill(NaN),
      moranP: new Float64Array(nC).fill(NaN),
    };
    if (!this.subsets) return stats;
    const column = new Float64Array(nR);
    for (let c = 0; c < nC; c++) {
      const moran = columnMoran(indicatorColumn(result, 'lq', c, column), this.subsets);
      if (!moran) continue;
      stats.moranI[c] = moran.I;
      stats.moranZ[c] = moran.z;
      stats.moranP[c] = moran.p;
    }
    return stats;
  }

  spatial(request: SpatialRequest): SpatialView {
    if (!this.subsets) throw new Error(`no spatial weights: ${this.weightsError}`);
    const started = performance.now();
    const { cube } = this;
    if (!(request.categoryIndex >= 0 && request.categoryIndex < cube.categories.length)) throw new Error(`no category at index ${request.categoryIndex}`);
    const result = this.result(request.yearIndex, request.rule);
    const values = indicatorValues(result, request.indicator, request.categoryIndex);
    const spatial = columnSpatial(values, this.subsets, request);
    for (let r = 0; r < values.length; r++) if (spatial.quadrant[r] === NOT_ANALYSED) values[r] = NaN;
    return { request, values, ...spatial, ms: performance.now() - started };
  }

  series(request: RegionSeriesRequest): RegionSeries[] {
    return regionSeries(this.cube, (y) => this.result(y, request.rule), request);
  }

  pooled(request: PooledRequest): PooledValues {
    const { cube } = this;
    if (!(request.categoryIndex >= 0 && request.categoryIndex < cube.categories.length)) throw new Error(`no category at index ${request.categoryIndex}`);
    const columns = cube.years.map((_, y) => indicatorValues(this.result(y, request.rule), request.indicator, request.categoryIndex));
    return { request, sorted: pooledSorted(columns), fromYear: Math.min(...cube.years), toYear: Math.max(...cube.years) };
  }

  scatter(values: Float64Array): MoranScatter {
    if (!this.subsets) throw new Error(`no spatial weights: ${this.weightsError}`);
    if (values.length !== this.cube.regions.length) throw new Error(`${values.length} values for ${this.cube.regions.length} regions`);
    return moranScatter(values, this.subsets.forValues(values));
  }

  change(request: ChangeRequest): ChangeView {
    const started = performance.now();
    const { cube } = this;
    const snapshot = (y: number) => ({ year: cube.years[y], employment: cube.employment[y], result: this.result(y, request.rule) });
    const from = snapshot(request.fromYearIndex);
    const to = snapshot(request.toYearIndex);
    return { request, change: indicatorChange(from, to), ms: performance.now() - started };
  }
}

function checkYear(cube: EmploymentCube, yearIndex: number): void {
  if (!(Number.isInteger(yearIndex) && yearIndex >= 0 && yearIndex < cube.years.length)) throw new Error(`no year at index ${yearIndex}`);
}

/** One category's values of an indicator, in region order (NaN where not reported). */
export function indicatorValues(result: IndicatorResult, indicator: IndicatorId, c: number): Float64Array {
  return indicatorColumn(result, indicator, c);
}

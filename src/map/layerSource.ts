/**
 * The page's side of the analysis: asks the worker for what the current mode needs (nothing more),
 * keeps recent answers, and builds the layer. Requests of a kind go through `latestOnly`, so a
 * burst of view changes (a dragged slider, a playing timeline) never queues stale work.
 */
import type { AtlasWorkerClient } from '../worker/client';
import type { ComputeRequest, ComputedView, LoadedDataset } from '../engine/types';
import type { ChangeView, SpatialRequest, SpatialView } from '../engine/analysisTypes';
import { latestOnly } from './latestOnly';
import type { Lang } from '../i18n/i18n';
import type { View } from '../state/store';
import type { PooledRequest, PooledValues } from '../engine/pooledValues';
import { breaksHeld, buildLayer, LISA_ALPHA, LISA_PERMUTATIONS, LISA_SEED, needsPooled, type Layer, type LayerInput } from './modes';

/** Circle sizes held across years: the largest value of any year gets the largest circle. */
export interface SymbolsHeld {
  maxValue: number;
  /** The values' sum in a mean year over maxValue (how much of the map the circles cover, in largest circles). */
  sumOverMax: number;
  fromYear: number;
  toYear: number;
}

/** A few answers of each kind; a change table of the demo is about 4 MB. */
const SPATIAL_CACHE = 24;
const CHANGE_CACHE = 4;
/** Pooled values of a category over all years: 3,142 counties × 6 years is 150 KB. */
const POOLED_CACHE = 8;

export class LayerSource {
  readonly compute: (request: ComputeRequest) => Promise<ComputedView>;
  private readonly spatialRequest: (request: SpatialRequest) => Promise<SpatialView>;
  private readonly changeRequest: AtlasWorkerClient['change'];
  private readonly spatialCache = new Map<string, SpatialView>();
  private readonly changeCache = new Map<string, ChangeView>();
  private readonly pooledRequest: (request: PooledRequest) => Promise<PooledValues>;
  private readonly pooledCache = new Map<string, PooledValues>();
  /** Bumped by reset(): an answer about an older dataset is used by its caller but never cached. */
  private epoch = 0;

  constructor(client: AtlasWorkerClient) {
    this.compute = latestOnly((request: ComputeRequest) => client.compute(request));
    this.spatialRequest = latestOnly((request: SpatialRequest) => client.spatial(request));
    this.changeRequest = latestOnly((request) => client.change(request));
    this.pooledRequest = latestOnly((request: PooledRequest) => client.pooled(request));
  }

  /** A new dataset: answers about the old one mean nothing. */
  reset(): void {
    this.epoch++;
    this.spatialCache.clear();
    this.changeCache.clear();
    this.pooledCache.clear();
  }

  /** `playing`: the timeline is playing (breaks are then held across years unless the view says otherwise). */
  async layer(dataset: LoadedDataset, view: View, computed: ComputedView, lang: Lang, playing = false): Promise<Layer> {
    const categoryIndex = dataset.categories.findIndex((c) => c.id === view.cat);
    const input = { view, categoryIndex, categoryName: dataset.categories[categoryIndex].name, computed, lang };
    if (view.mode === 'lisa' || view.mode === 'gistar') {
      const spatial = await this.spatial({
        yearIndex: computed.yearIndex,
        rule: view.rule,
        categoryIndex,
        indicator: view.ind,
        lisa: view.mode === 'lisa',
        permutations: LISA_PERMUTATIONS,
        seed: LISA_SEED,
        alpha: LISA_ALPHA,
      });
      return { ...buildLayer({ ...input, spatial }), workerMs: spatial.ms };
    }
    if (view.mode === 'change') {
      const fromYear = changeBaseYear(view, dataset.years);
      if (fromYear === undefined) return buildLayer(input);
      const change = await this.change(dataset.years.indexOf(fromYear), computed.yearIndex, view.rule);
      return { ...buildLayer({ ...input, change: { fromYear, change: change.change } }), workerMs: change.ms };
    }
    return buildLayer({ ...input, held: await this.held(dataset, view, categoryIndex, playing) });
  }

  /**
   * The largest employment of the category over all years, when circle sizes are held across years
   * as the breaks are (while playing, or by choice): one scale for every year, so a circle grows
   * and shrinks with its jobs instead of each year's largest always getting the largest circle.
   */
  async symbolsHeld(dataset: LoadedDataset, view: View, playing = false): Promise<SymbolsHeld | undefined> {
    if (!view.symbols || dataset.years.length < 2 || !breaksHeld(view.classification.hold, playing)) return undefined;
    const categoryIndex = dataset.categories.findIndex((c) => c.id === view.cat);
    if (categoryIndex < 0) return undefined;
    const pooled = await this.pooled({ rule: view.rule, categoryIndex, indicator: 'employment' });
    const { sorted } = pooled;
    const maxValue = sorted.length > 0 ? sorted[sorted.length - 1] : 0;
    if (!(maxValue > 0)) return undefined;
    let sum = 0;
    for (const v of sorted) if (v > 0) sum += v;
    return { maxValue, sumOverMax: sum / dataset.years.length / maxValue, fromYear: pooled.fromYear, toYear: pooled.toYear };
  }

  /** The choropleth's breaks held across years, when they are (with the pooled values the method needs). */
  private async held(dataset: LoadedDataset, view: View, categoryIndex: number, playing: boolean): Promise<LayerInput['held']> {
    if (dataset.years.length < 2 || view.ind === 'stars' || !breaksHeld(view.classification.hold, playing)) return undefined;
    const years = { fromYear: Math.min(...dataset.years), toYear: Math.max(...dataset.years) };
    if (!needsPooled(view.classification, view.ind)) return years;
    const pooled = await this.pooled({ rule: view.rule, categoryIndex, indicator: view.ind });
    return { ...years, pooled: pooled.sorted };
  }

  private pooled(request: PooledRequest): Promise<PooledValues> {
    const key = JSON.stringify(request);
    return this.cached(this.pooledCache, key, this.pooledCache.get(key), () => this.pooledRequest(request), POOLED_CACHE);
  }

  private spatial(request: SpatialRequest): Promise<SpatialView> {
    const key = (lisa: boolean) => JSON.stringify({ ...request, lisa });
    // A LISA answer carries Gi* too, so the Gi* map can reuse it.
    const hit = this.spatialCache.get(key(request.lisa)) ?? (request.lisa ? undefined : this.spatialCache.get(key(true)));
    return this.cached(this.spatialCache, key(request.lisa), hit, () => this.spatialRequest(request), SPATIAL_CACHE);
  }

  private change(fromYearIndex: number, toYearIndex: number, rule: View['rule']): Promise<ChangeView> {
    const request = { fromYearIndex, toYearIndex, rule };
    const key = JSON.stringify(request);
    return this.cached(this.changeCache, key, this.changeCache.get(key), () => this.changeRequest(request), CHANGE_CACHE);
  }

  /** The hit, or the worker's answer, kept under `key` unless a new dataset came meanwhile (its caller still gets it). */
  private async cached<T>(cache: Map<string, T>, key: string, hit: T | undefined, ask: () => Promise<T>, capacity: number): Promise<T> {
    if (hit) return hit;
    const epoch = this.epoch;
    const answer = await ask();
    if (epoch === this.epoch) remember(cache, key, answer, capacity);
    return answer;
  }
}

function remember<T>(cache: Map<string, T>, key: string, value: T, capacity: number): void {
  cache.set(key, value);
  while (cache.size > capacity) cache.delete(cache.keys().next().value!);
}

/**
 * The earlier year of a change map: the view's `baseYear` when it is a dataset year before `year`,
 * else the first year (when that is before `year`); undefined when `year` is the first year.
 */
export function changeBaseYear(view: Pick<View, 'year' | 'baseYear'>, years: readonly number[]): number | undefined {
  if (view.baseYear !== undefined && years.includes(view.baseYear) && view.baseYear < view.year) return view.baseYear;
  const first = Math.min(...years);
  return first < view.year ? first : undefined;
}

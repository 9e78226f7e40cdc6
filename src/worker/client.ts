import type { WithoutId, WorkerRequest, WorkerResponse } from './protocol';
import type { ComputeRequest, ComputedView, LoadedDataset } from '../engine/types';
import type { CategoryStats } from '../engine/analysisTypes';
import type { EmploymentCube } from '../model/dataset';
import { collectTransferables, packMessage, unpackMessage } from './transfer';
import type { RequestScope } from '../io/requestGate';
import type { ChangeRequest, ChangeView, SpatialRequest, SpatialView } from '../engine/analysisTypes';
import type { RegionSeries, RegionSeriesRequest } from '../engine/regionSeries';
import type { MoranScatter } from '../engine/moranScatter';
import type { MapFiles, RegionsFile } from '../engine/datasetSource';
import type { PooledRequest, PooledValues } from '../engine/pooledValues';
import { workerName, type FirstLoad } from './firstLoad';

type Pending = { resolve: (value: never) => void; reject: (error: Error) => void; onProgress?: (stage: string, fraction: number) => void; onMapFiles?: (files: MapFiles) => void; onRegionsFile?: (file: RegionsFile) => void };

/** The page's handle on the compute worker: one promise per request. */
export class AtlasWorkerClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** `first`: the load the page will ask for first, which the worker then starts on its own at once (firstLoad.ts). */
  constructor(first?: FirstLoad) {
    this.worker = new Worker(new URL('./atlas.worker.ts', import.meta.url), { type: 'module', name: workerName(first) });
    this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.receive(unpackMessage(event.data));
    this.worker.onerror = (event) => {
      const error = new Error(`compute worker failed: ${event.message}`);
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
  }

  /**
   * `onRegionsFile`: the boundaries' files as soon as the manifest is read; `onMapFiles`: what the
   * map draws once the boundaries are read, before the tables are.
   */
  load(manifestUrl: string, scope: RequestScope, onProgress?: Pending['onProgress'], onMapFiles?: Pending['onMapFiles'], onRegionsFile?: Pending['onRegionsFile']): Promise<LoadedDataset> {
    return this.request({ type: 'load', manifestUrl, scope }, onProgress, onMapFiles, onRegionsFile);
  }

  /**
   * Hands the worker a dataset built from the user's files; the cube's arrays are moved, not copied.
   * The dataset's regions and categories stay on the page and do not cross again either way (the
   * worker takes them from the cube): a million categories cost seconds of the main thread per crossing.
   */
  async adopt(dataset: LoadedDataset, cube: EmploymentCube, regions: Blob): Promise<LoadedDataset> {
    const loaded = await this.request<LoadedDataset>({ type: 'adopt', dataset: { ...dataset, regions: [], categories: [] }, cube, regions });
    return { ...loaded, regions: dataset.regions, categories: dataset.categories };
  }

  compute(request: ComputeRequest): Promise<ComputedView> {
    return this.request({ type: 'compute', ...request });
  }

  /** Concentration and Moran's I of every category for a year and rule (left out of a compute asked without them). */
  categoryStats(yearIndex: number, rule: ComputeRequest['rule']): Promise<CategoryStats> {
    return this.request({ type: 'categoryStats', yearIndex, rule });
  }

  spatial(request: SpatialRequest): Promise<SpatialView> {
    return this.request({ type: 'spatial', ...request });
  }

  change(request: ChangeRequest): Promise<ChangeView> {
    return this.request({ type: 'change', ...request });
  }

  /** Regions' categories across all years (typed arrays, moved). */
  series(request: RegionSeriesRequest): Promise<RegionSeries[]> {
    return this.request({ type: 'series', ...request });
  }

  /** The Moran scatterplot of region values (the array is moved to the worker). */
  scatter(values: Float64Array): Promise<MoranScatter> {
    return this.request({ type: 'scatter', values });
  }

  /** One category's values over all years, sorted (for breaks held across years). */
  pooled(request: PooledRequest): Promise<PooledValues> {
    return this.request({ type: 'pooled', ...request });
  }

  private request<T>(message: WithoutId<WorkerRequest>, onProgress?: Pending['onProgress'], onMapFiles?: Pending['onMapFiles'], onRegionsFile?: Pending['onRegionsFile']): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'], reject, onProgress, onMapFiles, onRegionsFile });
      const request = packMessage({ ...message, id } as WorkerRequest);
      this.worker.postMessage(request, collectTransferables(request));
    });
  }

  private receive(message: WorkerResponse): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message.stage, message.fraction);
      return;
    }
    if (message.type === 'mapFiles') {
      pending.onMapFiles?.(message.files);
      return;
    }
    if (message.type === 'regionsFile') {
      pending.onRegionsFile?.(message.file);
      return;
    }
    this.pending.delete(message.id);
    if (message.type === 'error') pending.reject(new Error(message.message));
    else if (message.type === 'loaded') pending.resolve(message.dataset as never);
    else if (message.type === 'spatial') pending.resolve(message.spatial as never);
    else if (message.type === 'change') pending.resolve(message.change as never);
    else if (message.type === 'series') pending.resolve(message.series as never);
    else if (message.type === 'scatter') pending.resolve(message.scatter as never);
    else if (message.type === 'pooled') pending.resolve(message.pooled as never);
    else if (message.type === 'categoryStats') pending.resolve(message.stats as never);
    else pending.resolve(message.view as never);
  }
}

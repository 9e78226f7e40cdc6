import type { EmploymentCube } from '../model/dataset';
import type { ChangeRequest, SpatialRequest } from '../engine/analysisTypes';
import type { ComputeRequest, ComputedView, LoadedDataset } from '../engine/types';
import type { CategoryStats } from '../engine/analysisTypes';
import type { ChangeView, SpatialView } from '../engine/analysisTypes';
import type { RequestScope } from '../io/requestGate';
import type { RegionSeries, RegionSeriesRequest } from '../engine/regionSeries';
import type { MoranScatter } from '../engine/moranScatter';
import type { MapFiles, RegionsFile } from '../engine/datasetSource';
import type { PooledRequest, PooledValues } from '../engine/pooledValues';

/** A message of a union without its `id` (each member's own fields kept): what a request or an answer is before it is numbered. */
export type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Messages between the page and the compute worker. */
export type WorkerRequest =
  /** `scope`: the site's folder and the origins the user agreed to (the worker checks the site is its own). */
  | { id: number; type: 'load'; manifestUrl: string; scope: RequestScope }
  /** A dataset built from the user's files (import worker): its cube and validated boundaries. */
  | { id: number; type: 'adopt'; dataset: LoadedDataset; cube: EmploymentCube; regions: Blob }
  | ({ id: number; type: 'compute' } & ComputeRequest)
  | { id: number; type: 'categoryStats'; yearIndex: number; rule: ComputeRequest['rule'] }
  | ({ id: number; type: 'spatial' } & SpatialRequest)
  | ({ id: number; type: 'change' } & ChangeRequest)
  | ({ id: number; type: 'series' } & RegionSeriesRequest)
  | { id: number; type: 'scatter'; values: Float64Array }
  | ({ id: number; type: 'pooled' } & PooledRequest);

export type WorkerResponse =
  | { id: number; type: 'progress'; stage: string; fraction: number }
  /** While a hosted dataset loads: what the map can start drawing. */
  | { id: number; type: 'mapFiles'; files: MapFiles }
  /** Before that, as soon as the manifest is read: the boundaries' files, for the map to start fetching. */
  | { id: number; type: 'regionsFile'; file: RegionsFile }
  | { id: number; type: 'loaded'; dataset: LoadedDataset }
  | { id: number; type: 'computed'; view: ComputedView }
  | { id: number; type: 'categoryStats'; stats: CategoryStats }
  | { id: number; type: 'spatial'; spatial: SpatialView }
  | { id: number; type: 'change'; change: ChangeView }
  | { id: number; type: 'series'; series: RegionSeries[] }
  | { id: number; type: 'scatter'; scatter: MoranScatter }
  | { id: number; type: 'pooled'; pooled: PooledValues }
  | { id: number; type: 'error'; message: string };

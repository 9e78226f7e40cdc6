/// <reference lib="webworker" />
import { loadHostedDataset } from '../engine/datasetSource';
import { adoptDataset } from '../engine/adoptDataset';
import { collectTransferables, packMessage, unpackMessage } from './transfer';
import { AnalysisEngine } from '../engine/analysisEngine';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { workerScope } from './workerScope';
import type { HostedYears } from '../engine/hostedYears';
import { yearsRead } from './yearsRead';
import { EarlyLoad, firstLoadOf, type FirstLoad, type Told } from './firstLoad';

// The cube lives here (in the engine, with its caches and spatial weights); the page receives only
// what it draws, as transferred typed arrays.
let engine: AnalysisEngine | undefined;
/** A binary pack's years, fetched when a request first reads them (absent: every year is in the cube). */
let years: HostedYears | undefined;

const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(message: WorkerResponse): void {
  const packed = packMessage(message);
  scope.postMessage(packed, collectTransferables(packed));
}

/** A hosted dataset read into the cube, telling `tell` how far it got and what the map can draw. */
function load(request: FirstLoad, tell: (message: Told) => void) {
  return loadHostedDataset(
    request.manifestUrl,
    workerScope(request.scope, scope.location.origin),
    (stage, fraction) => tell({ type: 'progress', stage, fraction }),
    (files) => tell({ type: 'mapFiles', files }),
    (file) => tell({ type: 'regionsFile', file }),
  );
}

// The dataset the page will ask for first, started now (firstLoad.ts).
const named = firstLoadOf(scope.name);
let early = named ? new EarlyLoad(named, (tell) => load(named, tell)) : undefined;

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = unpackMessage(event.data);
  try {
    if (request.type === 'load') {
      const tell = (message: Told) => post({ ...message, id: request.id });
      const started = early?.claim(request, tell);
      early = undefined;
      const loaded = await (started ?? load(request, tell));
      post({ id: request.id, type: 'progress', stage: 'weights', fraction: 0.95 });
      engine = new AnalysisEngine(loaded.cube, loaded.map);
      years = loaded.years;
      post({ id: request.id, type: 'loaded', dataset: { ...loaded.dataset, weights: engine.weightsSummary, weightsError: engine.weightsError } });
    } else if (request.type === 'adopt') {
      // The page keeps the dataset's regions and categories (see AtlasWorkerClient.adopt): they are not sent back.
      const adopted = await adoptDataset(request.dataset, request.cube, request.regions);
      engine = new AnalysisEngine(adopted.cube, adopted.map);
      years = undefined;
      post({ id: request.id, type: 'loaded', dataset: { ...adopted.dataset, regions: [], categories: [], weights: engine.weightsSummary, weightsError: engine.weightsError } });
    } else if (!engine) {
      throw new Error('no dataset loaded');
    } else {
      await answer(request, engine, years);
    }
  } catch (error) {
    post({ id: request.id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};

/** Answers a request on the dataset it was asked of, once the years it reads are fetched. */
async function answer(request: Exclude<WorkerRequest, { type: 'load' | 'adopt' }>, engine: AnalysisEngine, years: HostedYears | undefined): Promise<void> {
  if (years) await years.ensure(yearsRead(request, years));
  if (request.type === 'compute') {
    post({ id: request.id, type: 'computed', view: engine.compute(request.yearIndex, request.rule, request.categoryStats !== false) });
    // Asked without the statistics (a first map): they are computed now, while the page draws, not
    // when its request for them comes in. A request that arrives meanwhile waits its turn as before.
    if (request.categoryStats === false) setTimeout(() => warm(engine, request.yearIndex, request.rule), 0);
  } else if (request.type === 'categoryStats') {
    post({ id: request.id, type: 'categoryStats', stats: engine.categoryStatsFor(request.yearIndex, request.rule) });
  } else if (request.type === 'spatial') {
    post({ id: request.id, type: 'spatial', spatial: engine.spatial(request) });
  } else if (request.type === 'change') {
    post({ id: request.id, type: 'change', change: engine.change(request) });
  } else if (request.type === 'scatter') {
    post({ id: request.id, type: 'scatter', scatter: engine.scatter(request.values) });
  } else if (request.type === 'series') {
    post({ id: request.id, type: 'series', series: engine.series(request) });
  } else if (request.type === 'pooled') {
    post({ id: request.id, type: 'pooled', pooled: engine.pooled(request) });
  }
}

/** The statistics into the engine's cache; a failure is left for the request that asks for them to report. */
function warm(engine: AnalysisEngine, yearIndex: number, rule: Parameters<AnalysisEngine['warmCategoryStats']>[1]): void {
  try {
    engine.warmCategoryStats(yearIndex, rule);
  } catch {
    // The page's own request computes them again and posts the error.
  }
}

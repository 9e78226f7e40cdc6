/// <reference lib="webworker" />
import type { EmploymentCube } from '../model/dataset';
import { computeIndicators } from '../indicators/computeIndicators';
import { loadHostedDataset } from './datasetSource';
import { defaultDenominator, denominatorMask } from '../indicators/denominator';
import { collectTransferables } from './transfer';
import type { WorkerRequest, WorkerResponse, ComputedView } from './protocol';

// The cube lives here; the page receives only what it draws, as transferred typed arrays.
let cube: EmploymentCube | undefined;

const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(message: WorkerResponse): void {
  scope.postMessage(message, collectTransferables(message));
}

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'load') {
      const loaded = await loadHostedDataset(request.manifestUrl, (stage, fraction) =>
        post({ id: request.id, type: 'progress', stage, fraction }),
      );
      cube = loaded.cube;
      post({ id: request.id, type: 'loaded', dataset: loaded.dataset });
    } else if (request.type === 'compute') {
      if (!cube) throw new Error('no dataset loaded');
      post({ id: request.id, type: 'computed', view: computeView(cube, request.yearIndex, request.rule) });
    }
  } catch (error) {
    post({ id: request.id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};

function computeView(data: EmploymentCube, yearIndex: number, rule: ComputedView['result']['rule']): ComputedView {
  if (!(yearIndex >= 0 && yearIndex < data.years.length)) throw new Error(`no year at index ${yearIndex}`);
  const started = performance.now();
  const employment = data.employment[yearIndex];
  const establishments = data.establishments?.[yearIndex];
  const result = computeIndicators(
    {
      nRegions: data.regions.length,
      nCategories: data.categories.length,
      employment,
      establishments,
      benchmark: data.benchmark?.[yearIndex],
      lqDenominatorMask: denominatorMask(data.categories, defaultDenominator(data.categories, rule.kind)),
    },
    rule,
  );
  const computeMs = performance.now() - started;
  // Copies: the cube's own arrays must stay here for the next request.
  return { yearIndex, employment: employment.slice(), establishments: establishments?.slice(), result, computeMs };
}

import { describe, expect, it } from 'vitest';
import { LayerSource } from '../../../src/map/layerSource';
import { AnalysisEngine } from '../../../src/engine/analysisEngine';
import type { AtlasWorkerClient } from '../../../src/worker/client';
import type { LoadedDataset } from '../../../src/engine/types';
import { DEFAULT_RULE, type EmploymentCube } from '../../../src/model/dataset';
import { DEFAULT_CLASSIFICATION, type View } from '../../../src/state/store';
import { squareGrid } from '../indicators/spatial/grid';

// A 3 × 3 grid, two categories, two years; the engine stands in for the worker.
const ids = Array.from({ length: 9 }, (_, i) => `g${i}`);
const cube: EmploymentCube = {
  regions: ids.map((id) => ({ id, name: id })),
  categories: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }],
  years: [2010, 2020],
  employment: [2010, 2020].map((year) => Float64Array.from(ids.flatMap((_, i) => [i < 3 ? 50 + (year - 2010) : 5 + i, 40 + ((i * 7) % 5)]))),
};
const engine = new AnalysisEngine(cube, { ids, geometries: squareGrid(3, 3) });
const calls = { spatial: 0, change: 0 };
const gates: (() => void)[] = [];
let hold = false;
const client = {
  compute: async (r: { yearIndex: number }) => engine.compute(r.yearIndex, DEFAULT_RULE),
  spatial: async (r: Parameters<AnalysisEngine['spatial']>[0]) => {
    calls.spatial++;
    if (hold) await new Promise<void>((resolve) => gates.push(resolve));
    return engine.spatial(r);
  },
  change: async (r: Parameters<AnalysisEngine['change']>[0]) => {
    calls.change++;
    return engine.change(r);
  },
} as unknown as AtlasWorkerClient;

const dataset = { categories: cube.categories, years: cube.years, regions: cube.regions } as LoadedDataset;
const view = (v: Partial<View>): View => ({
  cat: 'a',
  ind: 'lq',
  mode: 'choropleth',
  year: 2020,
  change: 'abs',
  rule: DEFAULT_RULE,
  classification: DEFAULT_CLASSIFICATION,
  ...v,
});

describe('LayerSource', () => {
  it('asks the worker only for what the mode needs, and only once per question', async () => {
    const source = new LayerSource(client);
    const computed = await source.compute({ yearIndex: 1, rule: DEFAULT_RULE });
    await source.layer(dataset, view({}), computed, 'en');
    expect(calls).toEqual({ spatial: 0, change: 0 });
    const lisa = await source.layer(dataset, view({ mode: 'lisa' }), computed, 'en');
    await source.layer(dataset, view({ mode: 'lisa' }), computed, 'en');
    // The LISA answer carries Gi* too.
    await source.layer(dataset, view({ mode: 'gistar' }), computed, 'en');
    expect(calls.spatial).toBe(1);
    expect(lisa.workerMs).toBeGreaterThan(0);
    expect(lisa.classes.counts.reduce((a, b) => a + b, 0)).toBe(9);
    await source.layer(dataset, view({ mode: 'change', change: 'abs' }), computed, 'en');
    await source.layer(dataset, view({ mode: 'change', change: 'stage' }), computed, 'en');
    expect(calls.change).toBe(1);
    // Another category is another question.
    await source.layer(dataset, view({ mode: 'lisa', cat: 'b' }), computed, 'en');
    expect(calls.spatial).toBe(2);
  });

  it('never caches an answer about the dataset it had before a reset', async () => {
    const source = new LayerSource(client);
    const computed = await source.compute({ yearIndex: 0, rule: DEFAULT_RULE });
    calls.spatial = 0;
    hold = true;
    const pending = source.layer(dataset, view({ mode: 'gistar', year: 2010 }), computed, 'en');
    await new Promise((r) => setTimeout(r, 0));
    source.reset();
    hold = false;
    gates.splice(0).forEach((open) => open());
    await pending;
    await source.layer(dataset, view({ mode: 'gistar', year: 2010 }), computed, 'en');
    expect(calls.spatial).toBe(2);
  });
});

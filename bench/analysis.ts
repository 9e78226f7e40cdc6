/**
 * Benchmark: the worker's analysis on the built-in demo (3,142 counties × 52 categories).
 *  - node: the AnalysisEngine the worker runs, in Node — queen weights at load, one year's compute
 *    with per-category concentration and Moran's I (first and cached), LISA with 999 permutations
 *    plus Gi*, Gi* alone, and change between the first and last year;
 *  - browser: the built site in headless Chromium — the worker's own time for LISA as the page
 *    reports it (`#analysis[data-worker-ms]`), the time from a control change to `data-ready`, and
 *    the longest main-thread task meanwhile (the page must not freeze: long tasks are > 50 ms).
 * Run alone: `npx tsx bench/analysis.ts`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { AnalysisEngine } from '../src/engine/analysisEngine';
import { readMapBoundaries } from '../src/engine/mapBoundaries';
import { DEFAULT_RULE } from '../src/model/dataset';
import { DEMO_DIR, loadDemoCube } from '../tests/e2e/page';
import { serveBuiltSite } from '../tests/e2e/staticServer';
import { CHROMIUM, launchChromium } from '../tests/e2e/browser';

const ROOT = resolve(import.meta.dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(runs: number, f: () => unknown): { medianMs: number; minMs: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    f();
    times.push(performance.now() - started);
  }
  return { medianMs: median(times), minMs: Math.min(...times) };
}

function benchNode(runs: number) {
  const cube = loadDemoCube();
  const { map } = readMapBoundaries(readFileSync(resolve(DEMO_DIR, 'regions.geojson'), 'utf8'), 'regions.geojson', { id: 'id', name: 'name' });
  let engine!: AnalysisEngine;
  const load = time(3, () => (engine = new AnalysisEngine(cube, map)));
  const y = cube.years.length - 1;
  const firstCompute = time(1, () => engine.compute(y, DEFAULT_RULE));
  const cachedCompute = time(runs, () => engine.compute(y, DEFAULT_RULE));
  const request = { yearIndex: y, rule: DEFAULT_RULE, categoryIndex: 0, indicator: 'lq' as const, permutations: 999, seed: 1, alpha: 0.05 };
  const lisa = time(runs, () => engine.spatial({ ...request, lisa: true }));
  const gi = time(runs, () => engine.spatial({ ...request, lisa: false }));
  const change = time(runs, () => engine.change({ fromYearIndex: 0, toYearIndex: y, rule: DEFAULT_RULE }));
  return {
    regions: cube.regions.length,
    categories: cube.categories.length,
    weights: { ...engine.weightsSummary!, islands: engine.weightsSummary!.islands.length },
    loadWithWeightsMs: load,
    computeWithCategoryStatsMs: { first: firstCompute.medianMs, cached: cachedCompute },
    lisa999WithGiMs: lisa,
    giOnlyMs: gi,
    changeFirstToLastMs: change,
  };
}

/** Starts recording main-thread long tasks; `take()` returns the longest since the last take. */
async function watchLongTasks(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { __longest: number };
      const longest = w.__longest;
      w.__longest = 0;
      return longest;
    });
}

async function untilReady(page: Page, act: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await act();
  await page.waitForSelector('#map[data-ready="false"]', { timeout: 5_000 }).catch(() => undefined);
  await page.waitForSelector('#map[data-ready="true"]', { timeout: 120_000 });
  return Date.now() - started;
}

async function benchBrowser(runs: number) {
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM}` };
  const server = await serveBuiltSite({ quiet: true });
  const browser = await launchChromium();
  const lisaWorker: number[] = [];
  const lisaToReady: number[] = [];
  const ruleToReady: number[] = [];
  const longest: number[] = [];
  try {
    const categories = ['automotive', 'biopharma', 'financial', 'aerospace', 'coal'];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${server.url}#cat=${categories[i % categories.length]}&ind=lq`);
      await page.waitForSelector('#map[data-ready="true"]', { timeout: 120_000 });
      const take = await watchLongTasks(page);
      lisaToReady.push(await untilReady(page, () => page.locator('#map-mode').selectOption('lisa')));
      lisaWorker.push(Number(await page.getAttribute('#analysis', 'data-worker-ms')));
      await page.locator('#map-mode').selectOption('choropleth');
      await page.waitForSelector('#map[data-ready="true"]');
      // Dragging the cut share over ten steps: each step a new rule, stale answers dropped.
      ruleToReady.push(
        await untilReady(page, async () => {
          for (let cut = 11; cut <= 20; cut++) await page.locator('#rule-cut').fill(String(cut));
        }),
      );
      longest.push(await take());
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    runs,
    lisa999WorkerMs: { median: median(lisaWorker), all: lisaWorker },
    lisaSwitchToDataReadyMs: { median: median(lisaToReady), all: lisaToReady },
    ruleDragTenStepsToDataReadyMs: { median: median(ruleToReady), all: ruleToReady },
    longestMainThreadTaskMs: { median: median(longest), all: longest },
    note: 'headless Chromium with SwiftShader (software WebGL); the worker times are the worker’s own',
  };
}

export async function benchAnalysis(runs = 3) {
  execFileSync('npm', ['run', '-s', 'demo'], { cwd: ROOT, stdio: 'ignore' });
  return { node: benchNode(5), browser: await benchBrowser(runs) };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchAnalysis(), null, 2));
}

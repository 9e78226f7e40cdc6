/**
 * A table of very many categories over two regions (10^5 and 10^6 categories × 2 regions × 1 year)
 * opened through the app's file chooser in headless Chromium: the longest main-thread task while
 * the dataset is built, handed to the page and drawn (PerformanceObserver 'longtask'), the time
 * from Load to `#map[data-ready]`, how fast Cancel returns during the build, and, with
 * `--profile`, where the main thread's time goes (CDP CPU profile, self time by function).
 * Run alone: `npx tsx bench/manyCategories.ts [categories…] [--profile] [--site <url>]`.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { serveBuiltSite } from '../tests/e2e/staticServer';
import { CHROMIUM, launchChromium } from '../tests/e2e/browser';
import { PROBE, TIMELINE, readTimeline } from './importLarge';
import { packMessage, unpackMessage } from '../src/worker/transfer';

const root = resolve(import.meta.dirname, '..');
const REGIONS = resolve(root, 'tests/fixtures/import/regions.geojson');

function writeTable(path: string, categories: number): void {
  const rows: string[] = ['region,category,year,employment'];
  for (let c = 0; c < categories; c++) rows.push(`N1,c${c},2020,${(c % 97) + 1}`, `S1,c${c},2020,${(c % 89) + 1}`);
  writeFileSync(path, rows.join('\n') + '\n');
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

async function startProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return cdp;
}

/** Self and total (inclusive) time by function, the 20 largest of each. */
async function stopProfile(cdp: CDPSession): Promise<{ self: { fn: string; ms: number }[]; total: { fn: string; ms: number }[] }> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const key = keyOf(byId.get(id)!);
    self.set(key, (self.get(key) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = keyOf(byId.get(at)!);
      if (!seen.has(k)) total.set(k, (total.get(k) ?? 0) + ms);
      seen.add(k);
    }
  });
  const top = (m: Map<string, number>) => [...m].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, 20).map(([fn, ms]) => ({ fn, ms: Math.round(ms) }));
  return { self: top(self), total: top(total) };
}

const LONG_TASKS = `(() => {
  const p = window.__probe;
  p.stop = true;
  return { longTasks: p.longTasks.length, longestTaskMs: Math.max(0, ...p.longTasks), totalLongTaskMs: p.longTasks.reduce((a, b) => a + b, 0), maxFrameGapMs: Math.round(p.maxGap) };
})()`;

/** Long tasks with their start, to place them on the timeline of worker messages. */
const TASKS = `(() => {
  const t = (window.__tasks = []);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) t.push({ at: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask' });
})()`;

/** Opens the files and waits until they are inspected; the dialog is then ready to Load. */
async function openTable(browser: Browser, site: string, table: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(TIMELINE);
  await page.goto(site);
  await page.waitForSelector('#map[data-ready="true"]', { timeout: 120_000 });
  await page.click('#import-open');
  await page.setInputFiles('#import-files', [REGIONS, table]);
  await page.locator('li[data-file="many-categories.csv"]').waitFor({ timeout: 600_000 });
  await page.locator('.import-progress').waitFor({ state: 'hidden', timeout: 600_000 });
  return page;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; type?: string } };
}

/** The main thread's three longest tasks from a Chrome trace, each with the events inside it that took 20 ms or more. */
function longestTasks(trace: { traceEvents: TraceEvent[] }) {
  const events = trace.traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => b.dur! - a.dur!).slice(0, 3);
  return tasks.map((task) => ({
    ms: Math.round(task.dur! / 1000),
    inside: onMain
      .filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur! && e.dur! >= 20_000)
      .slice(0, 25)
      .map((e) => `${Math.round((e.ts - task.ts) / 1000)}+${Math.round(e.dur! / 1000)} ms ${e.name}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''}${e.args?.data?.type ? ` ${e.args.data.type}` : ''}${e.args?.data?.url ? ` ${e.args.data.url.split('/').pop()}` : ''}`),
  }));
}

async function measure(browser: Browser, site: string, categories: number, work: string, profile: boolean, trace = false) {
  const table = join(work, 'many-categories.csv');
  writeTable(table, categories);
  const page = await openTable(browser, site, table);
  await page.evaluate(PROBE);
  await page.evaluate(TASKS);
  const cdp = profile ? await startProfile(page) : undefined;
  if (trace) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'disabled-by-default-v8.gc', 'blink', 'loading'] });
  const from = (await page.evaluate('performance.now()')) as number;
  await page.click('[data-action="load-import"]');
  await page.locator('#import-report, .import-body > .import-error').first().waitFor({ timeout: 900_000 });
  const problem = page.locator('.import-body > .import-error [data-field="problem"]');
  const error = (await problem.count()) > 0 ? await problem.first().textContent() : null;
  let dataReadyMs: number | null = null;
  if (!error) {
    await page.click('[data-action="close-import"]');
    await page.waitForFunction(`(() => { const t = window.__timeline.filter((e) => e.type === 'data-ready' && e.at > ${from}); return t.length > 0; })()`, undefined, { timeout: 900_000 });
    dataReadyMs = Math.round(((await page.evaluate(`window.__timeline.filter((e) => e.type === 'data-ready' && e.at > ${from})[0].at`)) as number) - from);
    // Quiet for a moment: a long task right after data-ready (legend, picker) still counts.
    await page.waitForTimeout(1000);
  }
  const tasks = (await page.evaluate(LONG_TASKS)) as Record<string, number>;
  const longTaskAt = ((await page.evaluate('window.__tasks')) as { at: number; ms: number }[]).map((t) => ({ atMs: Math.round(t.at - from), ms: Math.round(t.ms) }));
  const timeline = await readTimeline(page, from);
  const top = cdp ? await stopProfile(cdp) : undefined;
  const longest = trace ? longestTasks(JSON.parse((await browser.stopTracing()).toString('utf8'))) : undefined;
  await page.close();

  // Cancel during the build (after the first build progress from the worker).
  const second = await openTable(browser, site, table);
  await second.click('[data-action="load-import"]');
  await second.locator('.import-progress').waitFor({ state: 'visible' });
  await second.waitForFunction(`window.__timeline.some((e) => e.dir === 'from' && e.type === 'progress')`, undefined, { timeout: 600_000 }).catch(() => undefined);
  const clickAt = Date.now();
  await second.click('[data-action="cancel-import"]');
  await second.locator('.import-progress').waitFor({ state: 'hidden', timeout: 600_000 });
  const cancelMs = Date.now() - clickAt;
  const message = await second.locator('.import-message').textContent();
  await second.close();
  return { categories, regions: 2, values: categories * 2, error, dataReadyMs, ...tasks, longTaskAt, cancel: { ms: cancelMs, message }, timeline, ...(top ? { mainThreadSelfMs: top } : {}), ...(longest ? { longestTasks: longest } : {}) };
}

/**
 * The hand-over of an import's categories between threads, side by side in one run (Node's V8
 * serializer, as the browser's): the structured clone of the category objects, as the page did
 * at each of three crossings, against packMessage → clone → unpackMessage, as it does now (once).
 */
function handOver(n: number) {
  const categories = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, name: `Category ${i}` }));
  const message = { type: 'built', result: { dataset: { categories }, cube: { categories, employment: [new Float64Array(2 * n)] } } };
  const best = (run: () => unknown) => {
    let ms = Infinity;
    for (let r = 0; r < 3; r++) {
      const t = performance.now();
      run();
      ms = Math.min(ms, performance.now() - t);
    }
    return Math.round(ms);
  };
  const structuredCloneMs = best(() => structuredClone(message));
  const packedMs = best(() => unpackMessage(structuredClone(packMessage(message))));
  return { categories: n, structuredCloneMs, packedMs, ratio: Math.round((structuredCloneMs / Math.max(1, packedMs)) * 10) / 10 };
}

export async function benchManyCategories(counts = [100_000, 1_000_000], options: { profile?: boolean; trace?: boolean; site?: string } = {}) {
  const handOvers = counts.map(handOver);
  if (!existsSync(CHROMIUM)) return { handOvers, page: { skipped: `no Chromium at ${CHROMIUM}` } };
  const work = mkdtempSync(join(tmpdir(), 'cluster-atlas-categories-bench-'));
  const server = options.site ? undefined : await serveBuiltSite({ quiet: true });
  const browser = await launchChromium();
  try {
    const runs = [];
    for (const n of counts) runs.push(await measure(browser, options.site ?? server!.url, n, work, options.profile ?? false, options.trace ?? false));
    return {
      handOvers,
      runs,
      note: 'handOvers: main-thread ms of one crossing, best of 3, structured clone of the category objects vs the packed columns; runs: headless Chromium, wall-clock ms (a shared machine inflates them), longestTaskMs from PerformanceObserver longtask between Load and a second after data-ready, cancel.ms from the click on Cancel during the build to the dialog idle',
    };
  } finally {
    await browser.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const site = args.includes('--site') ? args[args.indexOf('--site') + 1] : undefined;
  const counts = args.filter((a, i) => /^\d/.test(a) && args[i - 1] !== '--site').map(Number);
  console.log(JSON.stringify(await benchManyCategories(counts.length ? counts : undefined, { profile: args.includes('--profile'), trace: args.includes('--trace'), site }), null, 2));
}

import { pathToFileURL } from 'node:url';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { serveBuiltSite } from '../tests/e2e/staticServer';
import { CHROMIUM, launchChromium } from '../tests/e2e/browser';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  isEntry?: boolean;
}

/**
 * The JavaScript a visitor downloads before the page's code runs: the entry chunk and the chunks
 * it imports statically (transitively), gzipped as a host would send them. Read from Vite's manifest.
 */
export function initialJavaScript(outDir: string): { files: string[]; gzipBytes: number; rawBytes: number; cssGzipBytes: number } {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const seen = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const sheet of manifest[key].css ?? []) css.add(sheet);
    for (const next of manifest[key].imports ?? []) visit(next);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  const files = [...seen].map((key) => manifest[key].file);
  const bytes = (file: string) => readFileSync(join(outDir, file));
  return {
    files,
    gzipBytes: files.reduce((sum, f) => sum + gzipSync(bytes(f)).length, 0),
    rawBytes: files.reduce((sum, f) => sum + bytes(f).length, 0),
    cssGzipBytes: [...css].reduce((sum, f) => sum + gzipSync(bytes(f)).length, 0),
  };
}

/** CPU time (ms) of this process's children and theirs — Chromium's browser, renderer and GPU processes — exited ones included. */
export function childCpuMs(): number {
  const tick = 100; // USER_HZ on Linux
  const stats = new Map<number, { ppid: number; cpu: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      // After the name: state ppid … utime(12) stime(13) cutime(14) cstime(15), counted from state as 1.
      stats.set(Number(name), { ppid: Number(fields[1]), cpu: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) });
    } catch {
      // The process ended while being read.
    }
  }
  let total = 0;
  const walk = (pid: number) => {
    for (const [child, stat] of stats) {
      if (stat.ppid !== pid) continue;
      total += stat.cpu;
      walk(child);
    }
  };
  walk(process.pid);
  return (total * 1000) / tick;
}

/** Records the page's long tasks (over 50 ms) from its first script on: `window.__longTasks`, [start, duration] each. */
const LONG_TASKS = `window.__longTasks = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });`;

async function navigate(browser: Browser, url: string, ready: (page: import('playwright-core').Page) => Promise<void>) {
  const cpuBefore = childCpuMs();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(LONG_TASKS);
  const started = Date.now();
  await page.goto(url);
  await ready(page);
  const ms = Date.now() - started;
  return { page, ms, cpuMs: () => childCpuMs() - cpuBefore };
}

/**
 * Navigation → `data-ready="true"` on the built demo in headless Chromium (software WebGL here),
 * side by side with a navigation to an empty page on the same server in the same browser (the
 * ratio is what the app adds), with Chromium's CPU time for each, the page's own marks for where
 * the time went, the JavaScript fetched before the map was ready, and the initial JavaScript.
 */
export async function benchPageLoad(runs = 5) {
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM}` };
  const server = await serveBuiltSite({ quiet: true });
  const browser = await launchChromium();
  try {
    return await measureSite(browser, server, runs);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The figures of `benchPageLoad` for a site already built (with its manifest) and served. */
export async function measureSite(browser: Browser, server: { url: string; outDir: string }, runs: number) {
  const initial = initialJavaScript(server.outDir);
  writeFileSync(join(server.outDir, 'bench-empty.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>empty</title><link rel="icon" href="data:,"></head><body></body></html>');
  const loadBefore = loadavg();
  const toReady: number[] = [];
  const readyCpu: number[] = [];
  const empty: number[] = [];
  const emptyCpu: number[] = [];
  const workerCompute: number[] = [];
  const marks = new Map<string, number[]>();
  const jsBeforeReady: number[] = [];
  const longest: number[] = [];
  const over100: number[] = [];
  const recolour: number[] = [];
  const recolourLongest: number[] = [];
  for (let i = 0; i < runs; i++) {
    const blank = await navigate(browser, `${server.url}bench-empty.html`, async () => {});
    empty.push(blank.ms);
    await blank.page.close();
    emptyCpu.push(blank.cpuMs());

    const demo = await navigate(browser, server.url, (page) => page.waitForSelector('#map[data-ready="true"]', { timeout: 120_000 }).then(() => undefined));
    toReady.push(demo.ms);
    workerCompute.push(Number(await demo.page.getAttribute('#map', 'data-compute-ms')));
    const timeline = await demo.page.evaluate(() => ({
      marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('atlas:')).map((m) => [m.name, m.startTime] as const),
      ready: performance.getEntriesByName('atlas:data-ready')[0]?.startTime ?? Infinity,
      scripts: performance
        .getEntriesByType('resource')
        .filter((r) => /\.m?js$/.test(new URL(r.name).pathname))
        .map((r) => [new URL(r.name).pathname, r.startTime] as const),
    }));
    for (const [name, at] of timeline.marks) marks.set(name, [...(marks.get(name) ?? []), Math.round(at)]);
    const tasks = (await demo.page.evaluate('window.__longTasks')) as [number, number][];
    const untilReady = tasks.filter(([at]) => at < timeline.ready).map(([, ms]) => ms);
    longest.push(Math.max(0, ...untilReady));
    over100.push(untilReady.filter((ms) => ms > 100).length);
    // Another category: the worker computes, the map is coloured again; what a planner waits for at each pick.
    const seen = tasks.length;
    const next = await demo.page.$$eval('#category option', (options) => (options as HTMLOptionElement[]).map((o) => o.value).filter((v) => v)[1]);
    // Each refresh marks its end: the pick is timed from the input to the next \`atlas:data-ready\` mark, in the page's clock.
    const readyMarks = () => demo.page.evaluate(() => performance.getEntriesByName('atlas:data-ready').map((m) => m.startTime));
    const before = (await readyMarks()).length;
    const picked = await demo.page.evaluate(() => performance.now());
    await demo.page.selectOption('#category', next);
    await demo.page.waitForFunction((n) => performance.getEntriesByName('atlas:data-ready').length > n, before, { timeout: 60_000 });
    recolour.push(Math.round((await readyMarks())[before] - picked));
    recolourLongest.push(Math.max(0, ...((await demo.page.evaluate('window.__longTasks')) as [number, number][]).slice(seen).map(([, ms]) => ms)));
    const fetched = timeline.scripts.filter(([, at]) => at < timeline.ready).map(([path]) => path.split('/').pop()!);
    jsBeforeReady.push(fetched.reduce((sum, file) => sum + gzipSync(readFileSync(join(server.outDir, 'assets', file))).length, 0));
    await demo.page.close();
    readyCpu.push(demo.cpuMs());
  }
  const ms = median(toReady);
  return {
    runs,
    initialJs: { gzipKB: +(initial.gzipBytes / 1024).toFixed(1), rawKB: +(initial.rawBytes / 1024).toFixed(1), cssGzipKB: +(initial.cssGzipBytes / 1024).toFixed(1), files: initial.files },
    jsFetchedBeforeDataReadyGzipKB: +(median(jsBeforeReady) / 1024).toFixed(1),
    navigationToDataReadyMs: { median: ms, all: toReady },
    emptyPageNavigationMs: { median: median(empty), all: empty },
    ratioToEmptyPage: +(ms / Math.max(1, median(empty))).toFixed(1),
    chromiumCpuMs: { dataReady: median(readyCpu), emptyPage: median(emptyCpu) },
    marksMedianMs: Object.fromEntries([...marks].map(([name, at]) => [name.replace(/^atlas:/, ''), median(at)])),
    demoWorkerComputeMs: { median: median(workerCompute), all: workerCompute },
    /** The main thread's longest task from navigation to data-ready, and how many took over 100 ms (median of the runs). */
    longestMainThreadTaskMs: { median: median(longest), all: longest },
    mainThreadTasksOver100Ms: { median: median(over100), all: over100 },
    /** Another category picked → data-ready again, and the longest main-thread task meanwhile. */
    categoryChangeMs: { median: median(recolour), all: recolour },
    categoryChangeLongestTaskMs: { median: median(recolourLongest), all: recolourLongest },
    loadAverage: { before: loadBefore.map((x) => +x.toFixed(2)), after: loadavg().map((x) => +x.toFixed(2)) },
    note: 'headless Chromium with SwiftShader (software WebGL); a GPU browser draws faster. Wall times grow with the machine’s load: compare the CPU times and the ratio to the empty page',
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchPageLoad(), null, 2));
}

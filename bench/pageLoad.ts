import { pathToFileURL } from 'node:url';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
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

/**
 * A page that does only what no MapLibre page drawing the demo can skip: MapLibre's own bundle
 * (maplibre-gl's dist, as published), a map of the same size and options, and the demo's boundaries
 * and state outlines drawn from the same files as the app's layers draw them, grey — no worker of
 * ours, no tables, no colours, no panels. Navigation to its `idle` is the floor under the app's
 * navigation to `data-ready` in this browser: what the app adds is the difference.
 */
export function writeMapLibreFloor(outDir: string): string {
  const dist = join(dirname(createRequire(import.meta.url).resolve('maplibre-gl/package.json')), 'dist');
  for (const file of ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css']) copyFileSync(join(dist, file), join(outDir, `bench-floor-${file}`));
  const manifest = JSON.parse(readFileSync(join(outDir, 'geo/demo/manifest.json'), 'utf8')) as { regions: { file: string; id: string }; outlines?: { file: string } };
  const script = `import * as gl from './bench-floor-maplibre-gl.mjs';
const maplibregl = gl.default ?? gl;
maplibregl.setWorkerUrl(new URL('./bench-floor-maplibre-gl-worker.mjs', import.meta.url).href);
const map = new maplibregl.Map({ container: 'map', style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef2f5' } }] },
  bounds: [-125, 24, -66, 50], fitBoundsOptions: { padding: 20 }, fadeDuration: 0, canvasContextAttributes: { preserveDrawingBuffer: true }, renderWorldCopies: true });
map.on('load', () => {
  map.addSource('regions', { type: 'geojson', data: 'geo/demo/${manifest.regions.file}', promoteId: '${manifest.regions.id}', buffer: 4 });
  map.addLayer({ id: 'fill', type: 'fill', source: 'regions', paint: { 'fill-color': '#d9d9d9', 'fill-antialias': false } });
  map.addLayer({ id: 'lines', type: 'line', source: 'regions', paint: { 'line-color': '#ffffff', 'line-width': 0.3, 'line-opacity': 0.6 } });
  ${manifest.outlines ? `map.addSource('outlines', { type: 'geojson', data: 'geo/demo/${manifest.outlines.file}', buffer: 4 });
  map.addLayer({ id: 'outlines', type: 'line', source: 'outlines', paint: { 'line-color': '#4a4a4a', 'line-width': 0.8 } });` : ''}
  map.once('idle', () => (document.getElementById('map').dataset.ready = 'true'));
});
`;
  writeFileSync(join(outDir, 'bench-floor.mjs'), script);
  writeFileSync(
    join(outDir, 'bench-floor.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MapLibre floor</title><link rel="icon" href="data:,"><link rel="stylesheet" href="bench-floor-maplibre-gl.css">' +
      '<style>html,body,#map{margin:0;height:100%}</style></head><body><div id="map"></div><script type="module" src="bench-floor.mjs"></script></body></html>',
  );
  return 'bench-floor.html';
}

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
  const floorPage = writeMapLibreFloor(server.outDir);
  const loadBefore = loadavg();
  const floor: number[] = [];
  const floorCpu: number[] = [];
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

    const bare = await navigate(browser, `${server.url}${floorPage}`, (page) => page.waitForSelector('#map[data-ready="true"]', { timeout: 120_000 }).then(() => undefined));
    floor.push(bare.ms);
    await bare.page.close();
    floorCpu.push(bare.cpuMs());

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
    /** MapLibre alone drawing the demo's boundaries grey (`writeMapLibreFloor`): navigation → idle. */
    mapLibreFloorMs: { median: median(floor), all: floor },
    ratioToMapLibreFloor: +(ms / Math.max(1, median(floor))).toFixed(2),
    chromiumCpuMs: { dataReady: median(readyCpu), emptyPage: median(emptyCpu), mapLibreFloor: median(floorCpu) },
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

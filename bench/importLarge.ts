/**
 * A ~100 MB CSV opened through the app's file chooser in headless Chromium: how long reading and
 * building take (in the import worker), whether the page stays responsive meanwhile (longest gap
 * between animation frames and the long tasks on the main thread), and how fast Cancel returns.
 * The table is a synthetic long CSV over the demo's county ids (generated into a temporary folder,
 * never into the repository). Run alone: `npx tsx bench/importLarge.ts` (prints JSON).
 */
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { serveBuiltSite } from '../tests/e2e/staticServer';
import { CHROMIUM, launchChromium } from '../tests/e2e/browser';

const root = resolve(import.meta.dirname, '..');

/** region,category,year,employment,establishments for every demo county × 50 categories × enough years. */
export async function writeLargeCsv(path: string, regionIds: string[], targetBytes: number): Promise<{ rows: number; bytes: number }> {
  const out = createWriteStream(path);
  let bytes = 0;
  let rows = 0;
  const write = (text: string) => {
    bytes += text.length;
    return out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  };
  await write('region,category,year,employment,establishments\n');
  for (let year = 1990; bytes < targetBytes; year++) {
    const chunk: string[] = [];
    for (const [i, id] of regionIds.entries()) {
      for (let c = 0; c < 50; c++) {
        chunk.push(`${id},c${c},${year},${((i * 7919 + c * 104729 + year) % 5000) + 1},${(i + c) % 40}\n`);
        rows++;
      }
    }
    await write(chunk.join(''));
  }
  await new Promise<void>((r) => out.end(() => r()));
  return { rows, bytes };
}

/**
 * Records the longest gap between animation frames and the long tasks, from now on. A string, so
 * that the bundler's helpers (tsx names functions with __name) do not leak into the page.
 */
export const PROBE = `(() => {
  const p = (window.__probe = { maxGap: 0, maxGapAt: 0, start: performance.now(), last: performance.now(), longTasks: [], stop: false });
  const frame = (now) => {
    if (now - p.last > p.maxGap) p.maxGapAt = Math.round(p.last - p.start);
    p.maxGap = Math.max(p.maxGap, now - p.last);
    p.last = now;
    if (!p.stop) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) p.longTasks.push(Math.round(entry.duration));
  }).observe({ type: 'longtask' });
})()`;

/**
 * Timestamps every message between the page and its workers (type and stage) and the moments
 * `#map[data-ready]` turns true, so the build's time splits into the import worker's stages, the
 * hand-over to the compute worker, the first compute and the draw. Installed before the app loads.
 */
export const TIMELINE = `(() => {
  const t = (window.__timeline = []);
  const note = (dir, m) => t.push({ at: performance.now(), dir, type: m && m.type, stage: m && m.stage });
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (m, transfer) {
    note('to', m);
    return post.call(this, m, transfer);
  };
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => note('from', e.data));
    }
  };
  new MutationObserver(() => {
    const map = document.getElementById('map');
    if (map && map.dataset.ready === 'true') t.push({ at: performance.now(), dir: 'page', type: 'data-ready' });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
})()`;

/** Collapses the timeline since `from` into phases: each run of equal (direction, type, stage) messages. */
export async function readTimeline(page: Page, from: number): Promise<{ phase: string; startMs: number; ms: number }[]> {
  const events = (await page.evaluate('window.__timeline')) as { at: number; dir: string; type?: string; stage?: string }[];
  const phases: { phase: string; startMs: number; ms: number }[] = [];
  const kept = events.filter((e) => e.at >= from);
  for (const [i, e] of kept.entries()) {
    const phase = `${e.dir} ${e.type ?? ''}${e.stage ? ` ${e.stage}` : ''}`;
    const next = kept[i + 1]?.at ?? e.at;
    const last = phases.at(-1);
    if (last && last.phase === phase) last.ms = Math.round(next - from - last.startMs);
    else phases.push({ phase, startMs: Math.round(e.at - from), ms: Math.round(next - e.at) });
  }
  return phases;
}

/**
 * Cancel as the page sees it: from the click's event to the progress bar hidden, and to the next
 * frame painted after that. `msToIdle` adds Playwright's own round trip (its checks before a click
 * and its polling after), which is most of it: 50–160 ms on this machine.
 */
const CANCEL_PROBE = `(() => {
  const c = (window.__cancel = {});
  document.querySelector('[data-action="cancel-import"]').addEventListener('click', () => (c.click = performance.now()), { capture: true, once: true });
  const idle = () => {
    const bar = document.querySelector('.import-progress');
    return !bar || bar.hidden || bar.offsetParent === null;
  };
  new MutationObserver((_, observer) => {
    if (!c.click || !idle()) return;
    observer.disconnect();
    c.idle = performance.now();
    requestAnimationFrame(() => setTimeout(() => (c.frame = performance.now())));
  }).observe(document.body, { subtree: true, childList: true, attributes: true });
})()`;

async function startProbe(page: Page): Promise<void> {
  await page.evaluate(PROBE);
}

async function readProbe(page: Page): Promise<{ maxFrameGapMs: number; maxFrameGapAtMs: number; longTasks: number; longestTaskMs: number }> {
  return page.evaluate(`(() => {
    const p = window.__probe;
    p.stop = true;
    return { maxFrameGapMs: Math.round(p.maxGap), maxFrameGapAtMs: p.maxGapAt, longTasks: p.longTasks.length, longestTaskMs: Math.max(0, ...p.longTasks) };
  })()`);
}

export async function benchImportLarge(megabytes = 100) {
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM}` };
  const work = mkdtempSync(join(tmpdir(), 'cluster-atlas-import-bench-'));
  const regionsPath = resolve(root, 'public/geo/demo/regions.geojson');
  const regions = JSON.parse(readFileSync(regionsPath, 'utf8')) as { features: { properties: { id: string } }[] };
  const csvPath = join(work, 'large-employment.csv');
  const { rows } = await writeLargeCsv(csvPath, regions.features.map((f) => f.properties.id), megabytes * 1e6);
  const server = await serveBuiltSite({ quiet: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(TIMELINE);
    await page.goto(server.url);
    await page.waitForSelector('#map[data-ready="true"]', { timeout: 120_000 });

    await page.click('#import-open');
    await startProbe(page);
    let started = Date.now();
    await page.setInputFiles('#import-files', [regionsPath, csvPath]);
    await page.locator('li[data-file="large-employment.csv"]').waitFor({ timeout: 600_000 });
    await page.locator('.import-progress').waitFor({ state: 'hidden', timeout: 600_000 });
    const readMs = Date.now() - started;
    const reading = await readProbe(page);
    const fileError = await page.locator('li[data-file="large-employment.csv"] .import-error').count();

    await startProbe(page);
    started = Date.now();
    const buildFrom = (await page.evaluate('performance.now()')) as number;
    await page.click('[data-action="load-import"]');
    await page.locator('#import-report, .import-body > .import-error').first().waitFor({ timeout: 600_000 });
    // Counted first: textContent() on an absent element would wait out its 30 s timeout inside the timing.
    const problem = page.locator('.import-body > .import-error [data-field="problem"]');
    const buildError = (await problem.count()) > 0 ? await problem.first().textContent() : null;
    await page.waitForSelector('#map[data-ready="true"]', { timeout: 600_000 });
    const buildToMapMs = Date.now() - started;
    const building = await readProbe(page);
    const timeline = await readTimeline(page, buildFrom);
    const title = await page.locator('#dataset-title').textContent();
    await page.close();

    // Cancel while the large file is being read: the map keeps its dataset and the dialog is usable again.
    const second = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await second.goto(server.url);
    await second.waitForSelector('#map[data-ready="true"]', { timeout: 120_000 });
    await second.click('#import-open');
    await second.setInputFiles('#import-files', [csvPath]);
    await second.locator('.import-progress').waitFor({ state: 'visible' });
    // A moment into the read (which takes 0.8 s at the least here): under way, short of its end.
    await second.waitForTimeout(150);
    if (!(await second.locator('.import-progress').isVisible())) throw new Error('the read ended before Cancel could be pressed: nothing to measure');
    await second.evaluate(CANCEL_PROBE);
    started = Date.now();
    await second.click('[data-action="cancel-import"]');
    await second.locator('.import-progress').waitFor({ state: 'hidden' });
    const cancelMs = Date.now() - started;
    // Polled with evaluate: waitForFunction's string predicate is an eval, which the site's CSP refuses.
    let inPage = (await second.evaluate('window.__cancel')) as { click: number; idle: number; frame?: number };
    for (let tries = 0; inPage.frame === undefined && tries < 100; tries++) {
      await second.waitForTimeout(50);
      inPage = (await second.evaluate('window.__cancel')) as typeof inPage;
    }
    const cancelledMessage = await second.locator('.import-message').textContent();
    const mapStillReady = (await second.getAttribute('#map', 'data-ready')) === 'true';
    await second.close();

    return {
      csv: { megabytes: Math.round(statSync(csvPath).size / 1e5) / 10, rows, regions: regions.features.length, categories: 50 },
      readAndInspect: { ms: readMs, fileError: fileError > 0, ...reading },
      buildAdoptAndDraw: { ms: buildToMapMs, error: buildError, title, ...building, timeline },
      cancel: {
        msToIdle: cancelMs,
        inPage: { clickToIdleMs: Math.round(inPage.idle - inPage.click), clickToNextFrameMs: inPage.frame === undefined ? null : Math.round(inPage.frame - inPage.click) },
        message: cancelledMessage,
        mapStillReady,
      },
      note: 'headless Chromium, SwiftShader; main-thread figures: longest gap between animation frames and long tasks (>50 ms) while the import worker read and built the dataset',
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchImportLarge(Number(process.argv[2] ?? 100)), null, 2));
}

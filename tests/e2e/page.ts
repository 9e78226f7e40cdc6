import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parseDelimited } from '../../src/io/delimited';
import { wideTableToCube } from '../../src/io/wideTable';
import { categoriesFromTable } from '../../src/io/categoriesTable';
import { DEFAULT_RULE, type EmploymentCube, type StarRule } from '../../src/model/dataset';
import { computeIndicators } from '../../src/indicators/computeIndicators';
import { yearInput } from '../../src/indicators/cubeInput';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DEMO_DIR = resolve(ROOT, 'public/geo/demo');
/** Screenshots and downloads from e2e runs (git-ignored). */
export const OUTPUT_DIR = resolve(ROOT, 'test-output');

/** The demo recomputed in Node, independently of the page, to check what the page says. */
export function loadDemoCube(): EmploymentCube {
  const read = (f: string) => parseDelimited(readFileSync(resolve(DEMO_DIR, f), 'utf8'), f);
  const categories = categoriesFromTable(read('categories.csv'));
  return wideTableToCube(read('employment.csv'), undefined, { categories }, read('establishments.csv')).cube;
}

/** A year's indicators computed in Node with the inputs the worker uses, to check what the page shows. */
export function indicatorsLikeWorker(cube: EmploymentCube, yearIndex: number, rule: StarRule = DEFAULT_RULE) {
  return computeIndicators(yearInput(cube, yearIndex, rule.kind), rule);
}

export interface PageWatch {
  /** Console errors and uncaught exceptions: a test fails when any appear. */
  errors: string[];
  /** Requests to any origin other than the site's own. */
  foreignRequests: string[];
  /** Every request the page and its workers made, in order. */
  requests: string[];
}

export interface PageOptions {
  locale?: string;
  viewport?: { width: number; height: number };
  /** A phone: touch events, the viewport meta tag honoured, no hover. */
  mobile?: boolean;
}

export async function openPage(browser: Browser, url: string, options: PageOptions = {}): Promise<{ page: Page; watch: PageWatch }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'en-US',
    acceptDownloads: true,
    ...(options.mobile ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  const watch: PageWatch = { errors: [], foreignRequests: [], requests: [] };
  const origin = new URL(url).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(error.message));
  page.on('request', (request) => {
    const requestUrl = request.url();
    watch.requests.push(requestUrl);
    if (!requestUrl.startsWith('data:') && !requestUrl.startsWith('blob:') && new URL(requestUrl).origin !== origin) {
      watch.foreignRequests.push(requestUrl);
    }
  });
  // Closing the page closes its context; when the browser is already shutting down that may fail harmlessly.
  page.on('close', () => void context.close().catch(() => undefined));
  await page.goto(url);
  return { page, watch };
}

/** Waits for the stable contract: the map drawn with the latest results. */
export async function waitReady(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForSelector('#map[data-ready="true"]', { timeout });
}

/** Opens the import dialog with these files and waits until each is listed and read. */
export async function openImport(page: Page, files: string[]): Promise<void> {
  await page.click('#import-open');
  await page.locator('#import-dialog').waitFor({ state: 'visible' });
  await page.setInputFiles('#import-files', files);
  // Every file listed, and read (the progress bar gone).
  for (const f of files) await page.locator(`#import-dialog li[data-file="${f.split('/').pop()}"]`).waitFor();
  await page.locator('.import-progress').waitFor({ state: 'hidden', timeout: 60_000 });
}

const axeSource = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core violations on the page as it is (evaluated through the DevTools protocol: the CSP refuses inline scripts). */
export async function seriousViolations(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type Violation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: Violation[] }> } }).axe;
    const { violations } = await axe.run(document);
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

/** Which pixels of the map's canvas to count: those near a colour, or those strongly coloured (chroma above, opaque). */
export type PixelTest = { near: [number, number, number]; tolerance: number } | { chromaAbove: number };

/** The map's canvas pixels, as drawn now, that pass the test, and how many there are in all. */
export function countMapPixels(page: Page, test: PixelTest): Promise<{ matching: number; total: number }> {
  return page.evaluate((t) => {
    const canvas = document.querySelector<HTMLCanvasElement>('#map canvas')!;
    const copy = new OffscreenCanvas(canvas.width, canvas.height);
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
    let matching = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if ('near' in t ? Math.abs(r - t.near[0]) <= t.tolerance && Math.abs(g - t.near[1]) <= t.tolerance && Math.abs(b - t.near[2]) <= t.tolerance : a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > t.chromaAbove) matching++;
    }
    return { matching, total: data.length / 4 };
  }, test);
}

/**
 * A hosted dataset in the binary form (cube.json and one file per year) in the built site: the
 * demo's own cube, encoded by the packer's encoder and served beside the demo. The page fetches
 * only the year it opens on, a hovered county shows that year's value, and moving the year slider
 * fetches the next year's file and shows its value.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './useBrowser';
import { DEMO_DIR, loadDemoCube, waitReady } from './page';
import { encodeCube } from '../../src/io/cubeBlobs';
import { makeFormats } from '../../src/ui/format';

const formats = makeFormats('en');
const FOLDER = 'bindemo';

/** Serves the demo as a binary pack under geo/bindemo/ (`missing` answered 404); returns the files the page asked for there. */
async function serveBinaryDemo(page: Page, missing?: string): Promise<string[]> {
  const cube = loadDemoCube();
  const { index, files } = encodeCube(cube);
  const blobs = new Map(files.map((f) => [f.name, f.bytes]));
  const demoManifest = JSON.parse(readFileSync(resolve(DEMO_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const { establishments: _, ...rest } = demoManifest;
  const manifest = { ...rest, id: FOLDER, employment: { file: 'cube.json', layout: 'binary' } };
  const requested: string[] = [];
  await page.route(`**/geo/${FOLDER}/**`, async (route) => {
    const url = route.request().url();
    const name = url.slice(url.indexOf(`/geo/${FOLDER}/`) + FOLDER.length + 6);
    requested.push(name);
    if (name === missing) return route.fulfill({ status: 404, body: 'not found' });
    if (name === 'manifest.json') return route.fulfill({ contentType: 'application/json', body: JSON.stringify(manifest) });
    if (name === 'cube.json') return route.fulfill({ contentType: 'application/json', body: JSON.stringify(index) });
    const blob = blobs.get(name);
    if (blob) return route.fulfill({ contentType: 'application/octet-stream', body: Buffer.from(blob) });
    return route.fulfill({ response: await route.fetch({ url: url.replace(`/geo/${FOLDER}/`, '/geo/demo/') }) });
  });
  return requested;
}

/** Points over the mainland, tried in this order: the same county is found again at the same point. */
const POINTS = [0.35, 0.45, 0.55, 0.65].flatMap((fy) => [0.3, 0.4, 0.5, 0.6, 0.7].map((fx) => [fx, fy]));

/** Moves over the map until the tooltip shows a county with employment that `accept` takes; its name. */
async function hoverCounty(page: Page, accept: (name: string) => boolean): Promise<string> {
  const box = (await page.locator('#map canvas').boundingBox())!;
  const tooltip = page.locator('[role="tooltip"]');
  for (const [fx, fy] of POINTS) {
    await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
    try {
      await tooltip.locator('[data-field="employment"]').waitFor({ state: 'visible', timeout: 3000 });
      const name = (await tooltip.locator('[data-field="region"]').textContent())!;
      if (accept(name)) return name;
    } catch {
      /* no county under the pointer */
    }
  }
  throw new Error('no county taken under any point tried');
}

describe('a hosted binary pack in the page', () => {
  const browser = useBrowser();
  const site = inject('siteUrl');

  it('opens on its first year with only that year fetched; the year slider fetches the next year and shows its value', async () => {
    const cube = loadDemoCube();
    const regions = JSON.parse(readFileSync(resolve(DEMO_DIR, 'regions.geojson'), 'utf8')) as { features: { properties: { id: string; name: string } }[] };
    const idOf = new Map(regions.features.map((f) => [f.properties.name, f.properties.id]));
    // Names borne by one county only: the tooltip's name then tells which county's values to expect.
    const named = new Map<string, number>();
    for (const f of regions.features) named.set(f.properties.name, (named.get(f.properties.name) ?? 0) + 1);
    const value = (name: string, year: number, category: string) => {
      const r = cube.regions.findIndex((x) => x.id === idOf.get(name));
      return cube.employment[cube.years.indexOf(year)][r * cube.categories.length + cube.categories.findIndex((c) => c.id === category)];
    };
    const last = cube.years.at(-1)!;
    const previous = cube.years.at(-2)!;
    const { index } = encodeCube(cube);
    const filesOf = (year: number) => [index.employment, index.establishments!].map((blobs) => blobs.find((b) => b.year === year)!.file);

    const context = await browser().newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
    page.on('pageerror', (error) => errors.push(error.message));
    const requested = await serveBinaryDemo(page);
    await page.goto(`${site}?dataset=${encodeURIComponent(`geo/${FOLDER}/manifest.json`)}#v=2&cat=automotive&ind=employment`);
    await waitReady(page);
    const yearFiles = () => requested.filter((f) => /\.(u16|f32|f64)$/.test(f)).sort();
    expect(yearFiles()).toEqual(filesOf(last).sort());
    expect(requested).not.toContain('employment.csv');

    // A county whose value differs between the two years, so that the step below shows a change.
    const name = await hoverCounty(page, (n) => named.get(n) === 1 && value(n, previous, 'automotive') !== value(n, last, 'automotive'));
    const tooltip = page.locator('[role="tooltip"]');
    expect(await tooltip.locator('[data-field="employment"]').textContent()).toBe(formats.count(value(name, last, 'automotive')));

    // One step back on the slider: that year's files, and nothing else, are fetched.
    await page.locator('#year-slider').focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((year) => new URLSearchParams(location.hash.slice(1)).get('year') === String(year), previous);
    await waitReady(page);
    expect(yearFiles()).toEqual([...filesOf(last), ...filesOf(previous)].sort());
    await page.mouse.move(1, 1);
    expect(await hoverCounty(page, (n) => n === name)).toBe(name);
    expect(await tooltip.locator('[data-field="employment"]').textContent()).toBe(formats.count(value(name, previous, 'automotive')));
    expect(value(name, previous, 'automotive')).not.toBe(value(name, last, 'automotive'));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a year file that cannot be fetched is named in the status, and the year shown before stays usable', async () => {
    const cube = loadDemoCube();
    const previous = cube.years.at(-2)!;
    const missing = encodeCube(cube).index.employment.find((b) => b.year === previous)!.file;
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    await serveBinaryDemo(page, missing);
    await page.goto(`${site}?dataset=${encodeURIComponent(`geo/${FOLDER}/manifest.json`)}#v=2&cat=automotive&ind=employment`);
    await waitReady(page);
    await page.locator('#year-slider').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator('#status .error').textContent(), { timeout: 30_000 }).toBe(`Could not compute: ${missing}: could not be loaded (HTTP 404 Not Found)`);
    await page.keyboard.press('ArrowRight');
    await waitReady(page);
    expect(await page.locator('#status .error').count()).toBe(0);
    await context.close();
  });
});

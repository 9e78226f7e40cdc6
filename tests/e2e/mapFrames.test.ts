/**
 * What the map costs per frame and what makes it redraw while the page loads, checked in the
 * browser: the outlines of marked regions (hover, pin, keyboard focus) are drawn from a source that
 * holds those regions only, not over every region's geometry, and the map's canvas keeps the size it was made with from its creation to `data-ready`
 * (each resize of a WebGL canvas waits for everything queued on the GPU and redraws the whole map).
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './useBrowser';
import { countMapPixels, openPage, waitReady } from './page';

const MARK_LAYERS = ['regions-focus', 'regions-keyboard-halo', 'regions-keyboard-focus'];

type TestMap = {
  getLayer(id: string): { source: string } | undefined;
  getSource(id: string): { getData(): Promise<{ features: { id: string; properties: Record<string, boolean> }[] }> };
};

/** The marked regions' source: which regions it holds, and how each is marked. */
const marked = (page: Page) =>
  page.evaluate(async () => {
    const data = await (window as unknown as { atlasMap: TestMap }).atlasMap.getSource('region-marks').getData();
    return Object.fromEntries(data.features.map((f) => [f.id, f.properties]));
  });
const until = (page: Page, test: (marks: Record<string, Record<string, boolean>>) => boolean) =>
  expect.poll(async () => test(await marked(page)), { timeout: 10_000 }).toBe(true);

/** Pixels of the canvas close to a colour (per channel), as drawn now. */
const pixelsNear = async (page: Page, near: [number, number, number], tolerance: number) => (await countMapPixels(page, { near, tolerance })).matching;

const drawn = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => {
    // `idle` after the frame the change asked for; a map already idle past it would not fire again.
    (window as unknown as { atlasMap: { once(e: string, f: () => void): void } }).atlasMap.once('idle', () => resolve());
    setTimeout(resolve, 3000);
  }));

/** The ids of the regions drawn on the map now, and how many of them have a colour. */
const drawnRegions = (page: Page) =>
  page.evaluate(() => {
    const map = (window as unknown as { atlasMap: { queryRenderedFeatures(): { id?: unknown; source: string }[]; getFeatureState(f: { source: string; id: string }): Record<string, unknown> } }).atlasMap;
    const ids = [...new Set(map.queryRenderedFeatures().filter((f) => f.source === 'regions').map((f) => String(f.id)))];
    return { ids, coloured: ids.filter((id) => map.getFeatureState({ source: 'regions', id }).fill !== undefined).length };
  });

/** Records the MapLibre canvas's size when it is made and at every change of its width or height. */
const RECORD_CANVAS = `(() => {
  const sizes = (window.__canvasSizes = []);
  const watch = (canvas) => {
    sizes.push([canvas.width, canvas.height]);
    new MutationObserver(() => sizes.push([canvas.width, canvas.height])).observe(canvas, { attributes: true, attributeFilter: ['width', 'height'] });
  };
  new MutationObserver((records, observer) => {
    const canvas = document.querySelector('#map canvas.maplibregl-canvas');
    if (canvas) { observer.disconnect(); watch(canvas); }
  }).observe(document, { childList: true, subtree: true });
})()`;

/**
 * Counts the triangles each frame draws (WebGL draw calls grouped by animation frame) and notes, at
 * the frame's first draw call, whether every tile of the regions and the outlines was in and whether the first
 * colours were set (the page marks `atlas:drawn` right after). A frame that draws the regions or
 * the state lines draws thousands of triangles; one of the background or the marks a few dozen.
 */
const RECORD_TRIANGLES = `(() => {
  const frames = (window.__triangleFrames = []);
  let frame = 0;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => raf((time) => { frame++; callback(time); });
  const state = () => {
    const map = window.atlasMap;
    const loaded = !!(map && map.getSource('regions') && map.isSourceLoaded('regions') && (!map.getSource('outlines') || map.isSourceLoaded('outlines')));
    return [loaded, performance.getEntriesByName('atlas:drawn').length > 0];
  };
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    const drawElements = proto.drawElements;
    proto.drawElements = function (mode, count, type, offset) {
      if (mode === this.TRIANGLES) {
        const last = frames[frames.length - 1];
        if (last && last[0] === frame) last[1] += count; else frames.push([frame, count, ...state()]);
      }
      return drawElements.call(this, mode, count, type, offset);
    };
  }
})()`;

describe('map frames: what is drawn, and when the map redraws', () => {
  const browser = useBrowser();
  const site = inject('siteUrl');

  it('outlines a hovered or keyboard-focused region from a source holding the marked regions only', async () => {
    const { page, watch } = await openPage(browser(), site, { viewport: { width: 1280, height: 800 } });
    await waitReady(page);
    const sources = await page.evaluate((layers) => layers.map((id) => (window as unknown as { atlasMap: TestMap }).atlasMap.getLayer(id)?.source), MARK_LAYERS);
    expect(sources).toEqual(['region-marks', 'region-marks', 'region-marks']);
    expect(await marked(page)).toEqual({});
    // The hover outline is black; nothing else on the map is (the state lines are #4a4a4a).
    const blackBefore = await pixelsNear(page, [0, 0, 0], 60);

    const canvas = (await page.locator('#map canvas').boundingBox())!;
    await page.mouse.move(canvas.x + canvas.width * 0.55, canvas.y + canvas.height * 0.5);
    await until(page, (marks) => Object.values(marks).length === 1 && Object.values(marks)[0].hover === true);
    await drawn(page);
    // A county's outline, 1.5 px wide and antialiased: a few dozen pixels.
    expect(await pixelsNear(page, [0, 0, 0], 60)).toBeGreaterThan(blackBefore + 8);

    // The pointer off the map: nothing marked.
    await page.mouse.move(2, 2);
    await until(page, (marks) => Object.keys(marks).length === 0);

    // The keyboard's focus ring: a dark blue line on a white halo.
    const blueBefore = await pixelsNear(page, [0x0b, 0x3d, 0x91], 40);
    await page.locator('#map canvas').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#map')!.dataset.keyboardRegion !== undefined);
    const focused = await page.evaluate(() => document.querySelector<HTMLElement>('#map')!.dataset.keyboardRegion!);
    await until(page, (marks) => marks[focused]?.kbfocus === true);
    await drawn(page);
    expect(await pixelsNear(page, [0x0b, 0x3d, 0x91], 40)).toBeGreaterThan(blueBefore + 8);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('draws the regions whole, never tile by tile as they come in', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(RECORD_TRIANGLES);
    // The employment held back for a while: the boundaries' tiles all come in long before the colours.
    await context.route('**/geo/demo/employment-*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(site);
    await waitReady(page);
    const frames = (await page.evaluate('window.__triangleFrames')) as [number, number, boolean, boolean][];
    const shown = JSON.stringify(frames);
    // The coloured map was drawn: all of the regions, many thousands of triangles.
    expect(Math.max(...frames.map(([, triangles]) => triangles)), shown).toBeGreaterThan(100_000);
    // No frame drew regions or lines while their tiles were still coming in and they were uncoloured…
    const drawing = frames.filter(([, triangles]) => triangles > 1000);
    expect(drawing.filter(([, , loaded, coloured]) => !loaded && !coloured), shown).toEqual([]);
    // …so the regions were drawn whole, grey once their tiles were all in and then coloured: a few
    // frames, not one per tile (nor a fade's run of them). One or two more are allowed for the
    // marks' tiles or a resize coming in between.
    expect(drawing.length, shown).toBeLessThanOrEqual(4);
    // …at the opacities the regions are drawn with.
    const paint = await page.evaluate(() => {
      const map = (window as unknown as { atlasMap: { getPaintProperty(layer: string, name: string): unknown } }).atlasMap;
      return [map.getPaintProperty('regions-fill', 'fill-opacity'), map.getPaintProperty('regions-line', 'line-opacity'), map.getPaintProperty('outlines', 'line-opacity')];
    });
    expect(paint).toEqual([1, 0.6, 1]);
    await context.close();
  });

  it('has MapLibre fetch the boundaries as soon as the manifest names them, beside the compute worker, not after it has read them', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    // Each answer for the boundaries held back: what is asked for meanwhile was asked for without them.
    const asked: number[] = [];
    let firstAnswer = Infinity;
    await context.route('**/geo/demo/regions.geojson', async (route) => {
      asked.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 1500));
      firstAnswer = Math.min(firstAnswer, Date.now());
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(site);
    await waitReady(page);
    // The compute worker's request and MapLibre's, both before the first answer came.
    expect(asked.length).toBe(2);
    expect(Math.max(...asked)).toBeLessThan(firstAnswer);
    await context.close();
  });

  it('keeps the prefetched boundaries when the map words the attribution in the interface’s language', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    // A hosted folder exported from the user's own files carries the import's attribution, which the
    // map words in Russian: the sources put on the map early must be the ones the layers draw.
    await context.route('**/geo/eu-nuts2-lfs/manifest.json', async (route) => {
      const manifest = await (await route.fetch()).json();
      await route.fulfill({ json: { ...manifest, attribution: 'Your files: regions.geojson, employment.csv' } });
    });
    const asked: string[] = [];
    await context.route('**/geo/eu-nuts2-lfs/regions.geojson', async (route) => {
      asked.push(route.request().url());
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${site}?dataset=geo/eu-nuts2-lfs/manifest.json#lang=ru`);
    await waitReady(page);
    expect(await page.locator('#map .maplibregl-ctrl-attrib').textContent()).toContain('Ваши файлы');
    // The compute worker's request and MapLibre's: the source was not put on the map a second time.
    expect(asked).toHaveLength(2);
    await context.close();
  });

  it('replaces the prefetched boundaries with the read ones when the file cannot be drawn as it is (ids with spaces)', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    // Every region's id padded with spaces: the reader trims them, and the map must then draw the
    // read boundaries (ids as the cube has them), not the file it began to fetch.
    await context.route('**/geo/eu-nuts2-lfs/regions.geojson', async (route) => {
      const collection = await (await route.fetch()).json();
      for (const feature of collection.features) feature.properties.NUTS_ID = ` ${feature.properties.NUTS_ID} `;
      await route.fulfill({ json: collection });
    });
    const page = await context.newPage();
    await page.goto(`${site}?dataset=geo/eu-nuts2-lfs/manifest.json`);
    await waitReady(page);
    const drawn = await drawnRegions(page);
    expect(drawn.ids.length).toBeGreaterThan(100);
    expect(drawn.ids.filter((id) => id !== id.trim())).toEqual([]);
    expect(drawn.coloured).toBeGreaterThan(drawn.ids.length * 0.9);
    await context.close();
  });

  it('draws the demo when a linked dataset whose boundaries the map had begun to fetch fails to read', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    // The linked folder's manifest is fine, its boundaries are not for the compute worker: points,
    // not regions. It says so, and the demo takes their place while MapLibre's worker, which draws
    // points, is still parsing the 200,000 of them. That file must not end up under the demo's source.
    const points = { type: 'FeatureCollection', features: Array.from({ length: 200_000 }, (_, i) => ({ type: 'Feature', properties: { NUTS_ID: `P${i}`, Name: `P${i}` }, geometry: { type: 'Point', coordinates: [(i % 600) / 10 - 20, 35 + Math.floor(i / 600) / 12] } })) };
    const body = JSON.stringify(points);
    await context.route('**/geo/eu-nuts2-lfs/regions.geojson', (route) => route.fulfill({ body, contentType: 'application/geo+json' }));
    const page = await context.newPage();
    await page.goto(`${site}?dataset=geo/eu-nuts2-lfs/manifest.json`);
    await waitReady(page);
    const drawn = await drawnRegions(page);
    expect(drawn.ids.length).toBeGreaterThan(1000);
    expect(drawn.ids.filter((id) => !/^\d{5}$/.test(id))).toEqual([]);
    expect(drawn.coloured).toBeGreaterThan(drawn.ids.length * 0.9);
    expect(await page.locator('#notices').textContent()).toContain('regions.geojson');
    expect(await page.evaluate(() => (window as unknown as { atlasMap: { querySourceFeatures(id: string): { id?: unknown }[] } }).atlasMap.querySourceFeatures('regions').filter((f) => String(f.id).startsWith('P')).length)).toBe(0);
    await context.close();
  });

  it('keeps the canvas at its size when the demo gives way to another dataset (its notice keeps its room, unseen)', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(RECORD_CANVAS);
    const page = await context.newPage();
    await page.goto(site);
    await waitReady(page);
    expect(await page.locator('#synthetic-notice').isVisible()).toBe(true);
    const header = await page.locator('header').boundingBox();
    const picker = page.locator('#dataset-picker');
    const eu = (await picker.locator('option').allTextContents()).find((label) => label.startsWith('EU regions'))!;
    await picker.selectOption({ label: eu });
    await page.waitForFunction(() => document.querySelector('#dataset-title')?.textContent?.startsWith('EU regions'));
    await waitReady(page);
    expect(await page.locator('#synthetic-notice').isVisible()).toBe(false);
    expect((await page.locator('header').boundingBox())!.height).toBe(header!.height);
    const sizes = (await page.evaluate('window.__canvasSizes')) as [number, number][];
    expect(new Set(sizes.map(([w, h]) => `${w}×${h}`)), JSON.stringify(sizes)).toEqual(new Set([`${sizes[0][0]}×${sizes[0][1]}`]));
    // The EU's inset frames sit above its attribution: placed again when the attribution's text
    // changed, not only when the map resized (which used to hide that they were not).
    const foot = (await page.locator('#map .maplibregl-ctrl-attrib').boundingBox())!;
    const frames = await page.locator('#map .map-insets svg').evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().bottom));
    expect(frames.length).toBeGreaterThan(0);
    for (const bottom of frames) expect(bottom).toBeLessThanOrEqual(foot.y + 1);
    await context.close();
  });

  for (const [name, viewport, mobile] of [
    ['laptop', { width: 1366, height: 768 }, false],
    ['phone', { width: 390, height: 844 }, true],
  ] as const) {
    for (const lang of ['en', 'ru']) {
      it(`keeps the map's canvas at the size it was made with until data-ready (${name}, ${lang}): the header has its final size from the start`, async () => {
        const context = await browser().newContext({ viewport, isMobile: mobile, hasTouch: mobile });
        await context.addInitScript(RECORD_CANVAS);
        const page = await context.newPage();
        await page.goto(`${site}#lang=${lang}`);
        await waitReady(page);
        const sizes = (await page.evaluate('window.__canvasSizes')) as [number, number][];
        expect(sizes.length).toBeGreaterThan(0);
        // Made once, never resized while the dataset came in, the buttons arrived and the map drew.
        expect(new Set(sizes.map(([w, h]) => `${w}×${h}`))).toEqual(new Set([`${sizes[0][0]}×${sizes[0][1]}`]));
        // …and the header holds what arrived later: the title, the demo's notice, every share button.
        expect(await page.locator('#dataset-title').textContent()).not.toBe('');
        expect(await page.locator('#synthetic-notice').isVisible()).toBe(true);
        for (const id of ['share-copy-link', 'share-open', 'export-open', 'present-open']) expect(await page.locator(`#${id}`).count()).toBe(1);
        await context.close();
      });
    }
  }
});

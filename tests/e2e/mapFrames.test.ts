/**
 * What the map costs per frame and what makes it redraw while the page loads, checked in the
 * browser: the outlines of marked regions (hover, pin, keyboard focus) are not drawn while nothing
 * is marked, and the map's canvas keeps the size it was made with from its creation to `data-ready`
 * (each resize of a WebGL canvas waits for everything queued on the GPU and redraws the whole map).
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './useBrowser';
import { openPage, waitReady } from './page';

const MARK_LAYERS = ['regions-focus', 'regions-keyboard-halo', 'regions-keyboard-focus'];

type TestMap = { getPaintProperty(layer: string, property: string): unknown };

const opacities = (page: Page) =>
  page.evaluate((layers) => {
    const map = (window as unknown as { atlasMap: TestMap }).atlasMap;
    return layers.map((id) => map.getPaintProperty(id, 'line-opacity'));
  }, MARK_LAYERS);

/** Pixels of the canvas close to a colour (per channel), as drawn now. */
const pixelsNear = (page: Page, rgb: [number, number, number], tolerance: number) =>
  page.evaluate(
    ([[r, g, b], tol]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('#map canvas')!;
      const copy = new OffscreenCanvas(canvas.width, canvas.height);
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - r) <= tol && Math.abs(data[i + 1] - g) <= tol && Math.abs(data[i + 2] - b) <= tol) n++;
      return n;
    },
    [rgb, tolerance] as const,
  );

const drawn = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => {
    // `idle` after the frame the change asked for; a map already idle past it would not fire again.
    (window as unknown as { atlasMap: { once(e: string, f: () => void): void } }).atlasMap.once('idle', () => resolve());
    setTimeout(resolve, 3000);
  }));

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

describe('map frames: what is drawn, and when the map redraws', () => {
  const browser = useBrowser();
  const site = inject('siteUrl');

  it('draws the marked-region outlines only while a region is hovered, pinned or keyboard-focused', async () => {
    const { page, watch } = await openPage(browser(), site, { viewport: { width: 1280, height: 800 } });
    await waitReady(page);
    expect(await opacities(page)).toEqual([0, 0, 0]);
    // The hover outline is black; nothing else on the map is (the state lines are #4a4a4a).
    const blackBefore = await pixelsNear(page, [0, 0, 0], 60);

    const canvas = (await page.locator('#map canvas').boundingBox())!;
    await page.mouse.move(canvas.x + canvas.width * 0.55, canvas.y + canvas.height * 0.5);
    await page.waitForFunction(() => (window as unknown as { atlasMap: TestMap }).atlasMap.getPaintProperty('regions-focus', 'line-opacity') === 1);
    await drawn(page);
    // A county's outline, 1.5 px wide and antialiased: a few dozen pixels.
    expect(await pixelsNear(page, [0, 0, 0], 60)).toBeGreaterThan(blackBefore + 8);
    expect((await opacities(page)).slice(1)).toEqual([0, 0]);

    // The pointer off the map: nothing marked, the layer skipped again.
    await page.mouse.move(2, 2);
    await page.waitForFunction(() => (window as unknown as { atlasMap: TestMap }).atlasMap.getPaintProperty('regions-focus', 'line-opacity') === 0);

    // The keyboard's focus ring: a dark blue line on a white halo.
    const blueBefore = await pixelsNear(page, [0x0b, 0x3d, 0x91], 40);
    await page.locator('#map canvas').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#map')!.dataset.keyboardRegion !== undefined);
    await drawn(page);
    expect((await opacities(page)).slice(1)).toEqual([1, 1]);
    expect(await pixelsNear(page, [0x0b, 0x3d, 0x91], 40)).toBeGreaterThan(blueBefore + 8);
    expect(watch.errors).toEqual([]);
    await page.close();
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

import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowser } from './useBrowser';
import { countMapPixels, openPage, seriousViolations, waitReady } from './page';

/** Screenshots of each screen size, looked at by whoever changes the layout. */
const SHOTS = join(tmpdir(), 'cluster-atlas-layout');

type Box = { x: number; y: number; width: number; height: number };

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).boundingBox();
  if (!b) throw new Error(`${selector} is not on screen`);
  return b;
}

async function noSidewaysOverflow(page: Page): Promise<void> {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: innerWidth }));
  expect(scroll).toBeLessThanOrEqual(inner);
}

/** Waits for a sheet's slide to end (software rendering makes it slow), then checks it lies on screen. */
async function settledInside(page: Page, selector: string, width: number, height: number): Promise<void> {
  await expect.poll(async () => {
    const b = await page.locator(selector).boundingBox();
    return !!b && b.x >= 0 && b.y >= 0 && b.x + b.width <= width + 0.5 && b.y + b.height <= height + 0.5;
  }, { timeout: 10_000 }).toBe(true);
}

function inside(b: Box, width: number, height: number): void {
  expect(b.x).toBeGreaterThanOrEqual(0);
  expect(b.y).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width).toBeLessThanOrEqual(width + 0.5);
  expect(b.y + b.height).toBeLessThanOrEqual(height + 0.5);
}

/** Taps points of the map until one lands on a region (the details card appears); returns that point. */
async function tapRegion(page: Page): Promise<{ x: number; y: number }> {
  const map = await box(page, '#map canvas');
  for (const [fx, fy] of [[0.5, 0.4], [0.55, 0.45], [0.45, 0.35], [0.6, 0.5], [0.4, 0.45], [0.65, 0.35]]) {
    const point = { x: map.x + map.width * fx, y: map.y + map.height * fy };
    await page.touchscreen.tap(point.x, point.y);
    try {
      await page.locator('#region-card [data-field="region"]').waitFor({ state: 'visible', timeout: 10_000 });
      return point;
    } catch {
      /* water under the finger (or a card slower than 10 s on a busy machine): try another point */
    }
  }
  throw new Error('no tap landed on a region');
}

describe('the atlas on a phone, a tablet and a wide screen', () => {
  const browser = useBrowser();
  const site = inject('siteUrl');

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
  });

  for (const lang of ['en', 'ru'] as const) {
    it(`phone 390×844 (${lang}): the map first and at least half the screen, sheets over it, a tap shows the card, a second tap the profile`, async () => {
      const { page, watch } = await openPage(browser(), `${site}#lang=${lang}`, { viewport: { width: 390, height: 844 }, mobile: true });
      await waitReady(page);
      // `data-ready` means drawn: the regions are on the canvas at once, not after a refit.
      // Coloured: a class colour, far from the grey-white background and the see-through canvas.
      const pixels = await countMapPixels(page, { chromaAbove: 40 });
      const painted = pixels.matching / pixels.total;
      // About a tenth of the canvas is strongly coloured at the opening view; a blank map has none.
      expect(painted).toBeGreaterThan(0.04);
      const map = await box(page, '#map');
      expect(map.width).toBeGreaterThanOrEqual(389);
      expect(map.height).toBeGreaterThanOrEqual(844 / 2);
      // First under the header: nothing of the panels above it.
      expect(map.y).toBeLessThan(844 * 0.25);
      await noSidewaysOverflow(page);
      // The panels are closed sheets: off screen, their handles at the foot.
      expect(await page.locator('#controls').isVisible()).toBe(false);
      expect(await page.locator('#explore').isVisible()).toBe(false);
      inside(await box(page, '.sheet-handle[data-for="controls"]'), 390, 844);
      await page.screenshot({ path: join(SHOTS, `phone-${lang}-map.png`) });

      // A tap: the region's details in a card on screen, not a tooltip beside the finger.
      const point = await tapRegion(page);
      inside(await box(page, '#region-card'), 390, 844);
      expect(await page.locator('#region-card [data-field="lq"]').isVisible()).toBe(true);
      await noSidewaysOverflow(page);
      await page.screenshot({ path: join(SHOTS, `phone-${lang}-card.png`) });

      // A second tap on the same region opens its profile in the regions sheet — or, where the card
      // itself now covers the spot, its button does. Past the map's double-tap window (500 ms), so
      // the second tap is not read as a zoom.
      await page.waitForTimeout(700);
      const mapUnderFinger = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('#map canvas, .maplibregl-canvas') != null, point);
      if (mapUnderFinger) await page.touchscreen.tap(point.x, point.y);
      else await page.locator('#region-card [data-action="profile"]').tap();
      await page.locator('#explore.open').waitFor({ state: 'visible', timeout: 10_000 });
      await page.locator('#explore h2').first().waitFor({ state: 'visible', timeout: 10_000 });
      await settledInside(page, '#explore', 390, 844);
      expect(await page.locator('#explore h2').first().textContent()).toBe(await page.locator('#region-card [data-field="region"]').textContent());
      await waitReady(page);
      await noSidewaysOverflow(page);
      await page.screenshot({ path: join(SHOTS, `phone-${lang}-profile.png`) });
      expect(await seriousViolations(page)).toEqual([]);

      // Modal: Tab never leaves the open sheet (its handle included).
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press('Tab');
        const inSheet = await page.evaluate(() => {
          const a = document.activeElement;
          return !!a && (document.getElementById('explore')!.contains(a) || a.getAttribute('data-for') === 'explore');
        });
        expect(inSheet).toBe(true);
      }
      // Escape closes the profile, then the sheet.
      for (let i = 0; i < 3 && (await page.locator('#explore.open').count()) > 0; i++) await page.keyboard.press('Escape');
      expect(await page.locator('#explore.open').count()).toBe(0);
      await page.locator('#explore').waitFor({ state: 'hidden' });
      expect(await page.evaluate(() => (document.querySelector('#map') as HTMLElement).inert)).toBe(false);

      // The settings sheet by its handle; a swipe down closes it.
      await page.locator('.sheet-handle[data-for="controls"]').tap();
      await page.locator('#controls.open').waitFor({ state: 'visible' });
      await settledInside(page, '#controls', 390, 844);
      await noSidewaysOverflow(page);
      await page.screenshot({ path: join(SHOTS, `phone-${lang}-controls.png`) });
      expect(await seriousViolations(page)).toEqual([]);
      const handle = await box(page, '.sheet-handle[data-for="controls"]');
      await page.locator('.sheet-handle[data-for="controls"]').dispatchEvent('pointerdown', { clientY: handle.y + 10, pointerId: 7 });
      await page.locator('.sheet-handle[data-for="controls"]').dispatchEvent('pointerup', { clientY: handle.y + 80, pointerId: 7 });
      expect(await page.locator('#controls.open').count()).toBe(0);
      expect(watch.errors).toEqual([]);
      await page.close();
    });
  }

  for (const lang of ['en', 'ru'] as const) {
    it(`phone 390×844 (${lang}): the toolbar fits the screen (rows, no sideways scrolling), every action tappable, axe clean`, async () => {
      const { page, watch } = await openPage(browser(), `${site}#lang=${lang}`, { viewport: { width: 390, height: 844 }, mobile: true });
      await waitReady(page);
      const toolbar = await page.evaluate(() => {
        const bar = document.getElementById('share-tools')!;
        const r = bar.getBoundingClientRect();
        const buttons = [...bar.querySelectorAll<HTMLElement>('button')].filter((b) => b.offsetParent !== null);
        return {
          scrollWidth: bar.scrollWidth,
          clientWidth: bar.clientWidth,
          right: r.right,
          buttons: buttons.map((b) => { const q = b.getBoundingClientRect(); return { left: q.left, right: q.right, top: q.top, width: q.width, height: q.height, text: b.textContent }; }),
        };
      });
      expect(toolbar.scrollWidth).toBe(toolbar.clientWidth);
      expect(toolbar.right).toBeLessThanOrEqual(390);
      expect(toolbar.buttons.length).toBeGreaterThanOrEqual(5);
      for (const b of toolbar.buttons) {
        // Whole on screen, and big enough to tap.
        expect(b.left).toBeGreaterThanOrEqual(0);
        expect(b.right).toBeLessThanOrEqual(390);
        expect(b.height).toBeGreaterThanOrEqual(28);
      }
      // More than one row was needed for these labels at this width: the toolbar wraps rather than scrolls.
      expect(new Set(toolbar.buttons.map((b) => Math.round(b.top))).size).toBeGreaterThan(1);
      // The map still comes first and fills at least half the screen under the taller header.
      expect((await box(page, '#map')).height).toBeGreaterThanOrEqual(844 / 2);
      await noSidewaysOverflow(page);
      // Keyboard: Tab reaches every toolbar button in order.
      await page.locator('#share-tools button').first().focus();
      const reached = new Set<string>();
      for (let i = 0; i < toolbar.buttons.length; i++) {
        reached.add(await page.evaluate(() => document.activeElement?.textContent ?? ''));
        await page.keyboard.press('Tab');
      }
      expect(reached.size).toBe(toolbar.buttons.length);
      await page.screenshot({ path: join(SHOTS, `phone-${lang}-toolbar.png`) });
      expect(await seriousViolations(page)).toEqual([]);
      expect(watch.errors).toEqual([]);
      await page.close();
    });
  }

  it('tablet 1024×768: the map keeps at least half the width; the regions panel is a drawer', async () => {
    const { page, watch } = await openPage(browser(), site, { viewport: { width: 1024, height: 768 } });
    await waitReady(page);
    const map = await box(page, '#map');
    expect(map.width).toBeGreaterThanOrEqual(512);
    await noSidewaysOverflow(page);
    expect(await page.locator('#explore').isVisible()).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'tablet-en.png') });
    await page.locator('.sheet-handle[data-for="explore"]').click();
    await page.locator('#explore.open').waitFor({ state: 'visible' });
    await settledInside(page, '#explore', 1024, 768);
    expect((await box(page, '#map')).width).toBe(map.width);
    // Hover on a pointer device still gives the role="tooltip" contract.
    await page.keyboard.press('Escape');
    await page.locator('#explore').waitFor({ state: 'hidden' });
    const canvas = await box(page, '#map canvas');
    let hovered = false;
    for (const [fx, fy] of [[0.5, 0.45], [0.55, 0.5], [0.45, 0.4], [0.6, 0.4]]) {
      await page.mouse.move(canvas.x + canvas.width * fx, canvas.y + canvas.height * fy);
      if (await page.locator('[role="tooltip"] [data-field="region"]').isVisible()) {
        hovered = true;
        break;
      }
      await page.waitForTimeout(500);
    }
    expect(hovered).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'tablet-en-drawer.png') });
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  /** Width the tables of the regions panel need beyond their panel (0 when they fit). */
  async function tableOverflow(page: Page): Promise<number> {
    return page.evaluate(() => {
      const panel = document.getElementById('explore')!;
      const tables = [...panel.querySelectorAll<HTMLElement>('table')];
      const over = tables.map((t) => t.scrollWidth - t.parentElement!.clientWidth);
      return Math.max(0, panel.scrollWidth - panel.clientWidth, ...over);
    });
  }

  for (const [name, size, mobile] of [['wide 1440×900', { width: 1440, height: 900 }, false], ['phone 390×844', { width: 390, height: 844 }, true]] as const) {
    it(`${name} (ru): the profile and ranking tables fit their panel, the ranking opens at its top, bar labels are whole`, async () => {
      const { page, watch } = await openPage(browser(), `${site}#lang=ru`, { viewport: size, mobile });
      await waitReady(page);
      if (mobile) {
        await tapRegion(page);
        await page.locator('.region-card-open').tap();
      } else {
        const canvas = await box(page, '#map canvas');
        await page.mouse.click(canvas.x + canvas.width * 0.55, canvas.y + canvas.height * 0.45);
      }
      await page.locator('#profile-categories-table tbody tr').first().waitFor({ state: 'visible', timeout: 20_000 });
      await waitReady(page);
      expect(await tableOverflow(page)).toBe(0);
      // Every bar label starts inside the chart (none cut at its left edge).
      const labelLeft = await page.evaluate(() => Math.min(...[...document.querySelectorAll<SVGTextElement>('.profile-chart .chart-label')].map((l) => l.getBBox().x)));
      expect(labelLeft).toBeGreaterThanOrEqual(0);
      await page.screenshot({ path: join(SHOTS, `fit-${mobile ? 'phone' : 'wide'}-profile.png`) });

      await page.locator('[data-action="ranking"]').click();
      await page.locator('#category-ranking-table tbody tr').first().waitFor({ state: 'visible' });
      expect(await tableOverflow(page)).toBe(0);
      // Rows 1–25 with the pinned region elsewhere; one click pages to it.
      expect(await page.locator('#category-ranking-table tbody tr td').first().textContent()).toBe('1');
      const reveal = page.locator('[data-action="reveal-selected"]');
      const row = Number((await reveal.textContent())!.match(/(\d[\d\s]*)\)$/)![1].replace(/\s/g, ''));
      await reveal.click();
      expect(await page.locator('#category-ranking-table tr.current td').first().textContent()).toBe(String(row));
      await page.screenshot({ path: join(SHOTS, `fit-${mobile ? 'phone' : 'wide'}-ranking.png`) });
      // "All columns" brings the share columns back (the panel widens where there is room).
      expect(await page.locator('#category-ranking-table th[data-col="focus"]').isVisible()).toBe(false);
      await page.locator('[data-action="widen"]').click();
      expect(await page.locator('#category-ranking-table th[data-col="focus"]').isVisible()).toBe(true);
      if (!mobile) {
        expect(await tableOverflow(page)).toBe(0);
        expect((await box(page, '#map')).width).toBeGreaterThanOrEqual(size.width / 3);
      }
      await noSidewaysOverflow(page);
      expect(await seriousViolations(page)).toEqual([]);
      expect(watch.errors).toEqual([]);
      await page.close();
    });
  }

  it('wide 1440×900: three columns, the map at least half the width', async () => {
    const { page, watch } = await openPage(browser(), `${site}#lang=ru`, { viewport: { width: 1440, height: 900 } });
    await waitReady(page);
    expect((await box(page, '#map')).width).toBeGreaterThanOrEqual(720);
    expect(await page.locator('#explore').isVisible()).toBe(true);
    expect(await page.locator('#controls').isVisible()).toBe(true);
    expect(await page.locator('.sheet-bar').isVisible()).toBe(false);
    await noSidewaysOverflow(page);
    await page.screenshot({ path: join(SHOTS, 'wide-ru.png') });
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});

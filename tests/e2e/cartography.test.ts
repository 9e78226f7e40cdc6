import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { loadDemoCube, openPage, OUTPUT_DIR, seriousViolations, waitReady } from './page';

describe('cartography: legend classes, notes and rule sliders', () => {
  let browser: Browser;
  const site = inject('siteUrl');

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('classes the LQ at the documented fixed breaks, and the legend counts every grey region', async () => {
    const { page, watch } = await openPage(browser, site);
    await waitReady(page);
    expect(await page.locator('#legend li[data-kind="class"] .legend-label').allTextContents()).toEqual([
      '< 0.50',
      '0.50 – 0.80',
      '0.80 – 1.25',
      '1.25 – 2.00',
      '2.00 – 3.00',
      '≥ 3.00',
    ]);
    // No data: the regions without a value plus the map's features without data rows; every region counted once.
    const counts = (await page.locator('#legend .legend-count').allTextContents()).map((x) => Number(x.replace(/[^\d]/g, '')));
    const features = await page.evaluate(async () => {
      const response = await fetch(new URL('geo/demo/regions.geojson', document.baseURI));
      return ((await response.json()) as { features: unknown[] }).features.length;
    });
    expect(counts.reduce((a, b) => a + b, 0)).toBe(features);
    // The breaks are documented in the methodology panel.
    await page.locator('button', { hasText: /methodology/i }).first().click();
    expect(await page.locator('dialog[open]').textContent()).toContain('0.8 – 1.25');
    await page.keyboard.press('Escape');
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('says so when fewer classes come out than were asked', async () => {
    const { page, watch } = await openPage(browser, `${site}#v=2&ind=employment&class=quantile&classes=9`);
    await waitReady(page);
    const shown = await page.locator('#legend li[data-kind="class"]').count();
    expect(shown).toBeLessThan(9);
    const note = await page.locator('#legend .legend-fewer').textContent();
    expect(note).toContain(`${shown} classes shown of 9 asked`);
    for (const label of await page.locator('#legend li[data-kind="class"] .legend-label').allTextContents()) {
      const [lo, hi] = label.split(' – ');
      if (hi !== undefined) expect(lo).not.toBe(hi);
    }
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('disables the sliders U.S. Cluster Mapping does not use, with the reason', async () => {
    const { page, watch } = await openPage(browser, `${site}#v=2&rule=cmp&lang=ru`);
    await waitReady(page);
    expect(await page.locator('#rule-cut').isDisabled()).toBe(true);
    expect(await page.locator('#rule-lq').isDisabled()).toBe(true);
    expect(await page.locator('#rule-cut').getAttribute('aria-describedby')).toBe('rule-cut-why');
    expect(await page.locator('#rule-lq-why').textContent()).toContain('U.S. Cluster Mapping');
    await page.locator('#rule-kind').selectOption('eco');
    await waitReady(page);
    expect(await page.locator('#rule-cut').isDisabled()).toBe(false);
    expect(await page.locator('#rule-lq').isDisabled()).toBe(false);
    expect(await page.locator('#rule-lq-why').isVisible()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('holds one set of breaks across all years while playing, says so in the legend, and keeps the choice in the link', async () => {
    const { page, watch } = await openPage(browser, `${site}#v=2&cat=automotive&ind=employment&year=2012&class=quantile&classes=5&palette=Blues`);
    await waitReady(page);
    const legendAt = async (year: number) => {
      await page.waitForFunction((y) => document.querySelector('#year-slider-value')?.textContent === String(y) && document.querySelector<HTMLElement>('#map')?.dataset.ready === 'true', year, { timeout: 60_000 });
      return page.evaluate(() => ({
        labels: [...document.querySelectorAll('#legend li[data-kind="class"] .legend-label')].map((e) => e.textContent),
        colours: [...document.querySelectorAll<HTMLElement>('#legend li[data-kind="class"] .swatch')].map((e) => e.style.background),
        notes: document.querySelector('#legend .legend-notes')?.textContent ?? '',
      }));
    };
    // Not playing: each year its own quantiles, and no word of held breaks.
    const own2012 = await legendAt(2012);
    expect(own2012.notes).not.toContain('held');
    await page.locator('#year-slider').fill('1');
    const own2014 = await legendAt(2014);
    expect(own2014.labels).not.toEqual(own2012.labels);

    await page.locator('#year-play').click();
    const played2016 = await legendAt(2016);
    const played2018 = await legendAt(2018);
    // One set of classes for both years: the same value has the same colour in each.
    expect(played2018.labels).toEqual(played2016.labels);
    expect(played2018.colours).toEqual(played2016.colours);
    expect(played2016.notes).toContain('Breaks held across 2012–2022');
    expect(played2016.labels).not.toEqual(own2014.labels);
    // Stopped: back to the year's own classes.
    await page.locator('#year-play').click();
    await page.waitForFunction(() => !document.querySelector('#legend .legend-notes')?.textContent?.includes('held'), undefined, { timeout: 60_000 });

    // Held by choice: in the link, and restored from it without playing.
    await page.locator('#class-hold').selectOption('all');
    await waitReady(page);
    expect(new URL(page.url()).hash).toContain('hold=all');
    const held = await page.evaluate(() => document.querySelector('#legend .legend-notes')?.textContent ?? '');
    expect(held).toContain('Breaks held across 2012–2022');
    const { page: again } = await openPage(browser, page.url());
    await waitReady(again);
    expect(await again.locator('#class-hold').inputValue()).toBe('all');
    expect(await again.locator('#legend .legend-notes').textContent()).toContain('held across');
    await again.close();
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('draws circles sized by employment over the LQ colours, with radii in the ratio √(emp₁/emp₂) and a size key', async () => {
    const { page, watch } = await openPage(browser, `${site}#v=2&cat=automotive&ind=lq&year=2022`, { viewport: { width: 1366, height: 768 } });
    await waitReady(page);
    expect(await page.evaluate(() => !!(window as unknown as { atlasMap?: { getLayer(id: string): unknown } }).atlasMap?.getLayer('employment-circles'))).toBe(false);
    await page.locator('#overlay-symbols').check();
    await waitReady(page);
    expect(new URL(page.url()).hash).toContain('sym=1');
    type Circle = { id: string; value: number; radius: number };
    const circles = await page.evaluate(async () => {
      type Feature = { properties: { id: string; value: number }; geometry: unknown };
      type StyleLayer = { paint: { get(name: string): { evaluate(feature: unknown, state: object): number } } };
      const map = (window as unknown as { atlasMap: { loaded(): boolean; once(e: string, f: () => void): void; queryRenderedFeatures(o: object): Feature[]; getLayer(id: string): StyleLayer; getLayoutProperty(id: string, p: string): unknown } }).atlasMap;
      if (!map.loaded()) await new Promise<void>((resolve) => map.once('idle', resolve));
      const layer = map.getLayer('employment-circles');
      return {
        visibility: map.getLayoutProperty('employment-circles', 'visibility'),
        // The radius as MapLibre evaluates its paint property for each rendered feature.
        circles: map.queryRenderedFeatures({ layers: ['employment-circles'] }).map((f) => ({
          id: f.properties.id,
          value: f.properties.value,
          radius: layer.paint.get('circle-radius').evaluate({ type: 'Point', properties: f.properties, geometry: f.geometry }, {}),
        })),
      };
    });
    expect(circles.visibility).toBe('visible');
    const byId = new Map<string, Circle>(circles.circles.map((c) => [c.id, c]));
    expect(byId.size).toBeGreaterThan(1000);
    // The values are the counties' automotive jobs in 2022 as the raw demo files have them.
    const cube = loadDemoCube();
    const y = cube.years.indexOf(2022);
    const c = cube.categories.findIndex((cat) => cat.id === 'automotive');
    const jobs = (id: string) => cube.employment[y][cube.regions.findIndex((r) => r.id === id) * cube.categories.length + c];
    const sorted = [...byId.values()].sort((a, b) => b.value - a.value);
    const big = sorted[0];
    const mid = sorted[Math.floor(sorted.length / 2)];
    expect(big.value).toBe(jobs(big.id));
    expect(mid.value).toBe(jobs(mid.id));
    expect(big.value).toBeGreaterThan(mid.value);
    expect(big.radius / mid.radius).toBeCloseTo(Math.sqrt(jobs(big.id) / jobs(mid.id)), 6);
    // The largest circle has the view's maximum radius (a sixteenth of the map's shorter side, 10–36 px).
    expect(big.radius).toBeGreaterThanOrEqual(10);
    expect(big.radius).toBeLessThanOrEqual(36);
    // The size key: two or three reference circles of the same scale, with values and the unit.
    const key = await page.evaluate(() => ({
      title: document.querySelector('#legend .size-legend-title')?.textContent ?? '',
      circles: [...document.querySelectorAll('#legend .size-legend circle')].map((e) => ({ r: Number(e.getAttribute('r')), value: Number((e as SVGElement).dataset.value) })),
      texts: [...document.querySelectorAll('#legend .size-legend text')].map((e) => e.textContent),
    }));
    expect(key.title).toContain('Circle area: employment');
    expect(key.title).toContain('Automotive');
    expect(key.circles.length).toBeGreaterThanOrEqual(2);
    expect(key.circles.length).toBeLessThanOrEqual(3);
    for (const k of key.circles) expect(k.r / big.radius).toBeCloseTo(Math.sqrt(k.value / big.value), 6);
    expect(key.texts.length).toBe(key.circles.length);
    // The LQ colours stay under the circles.
    expect(await page.locator('#legend li[data-kind="class"]').count()).toBe(6);
    await page.screenshot({ path: `${OUTPUT_DIR}/carto-symbols-laptop.png` });
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#overlay-symbols').uncheck();
    await waitReady(page);
    expect(new URL(page.url()).hash).not.toContain('sym=');
    expect(await page.locator('#legend .size-legend').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { atlasMap: { getLayoutProperty(id: string, p: string): unknown } }).atlasMap.getLayoutProperty('employment-circles', 'visibility'))).toBe('none');
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});

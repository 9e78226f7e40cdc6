import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './useBrowser';
import { loadDemoCube, openPage, OUTPUT_DIR, seriousViolations, waitReady } from './page';

describe('cartography: legend classes, notes and rule sliders', () => {
  const browser = useBrowser();
  const site = inject('siteUrl');

  it('classes the LQ at the documented fixed breaks, and the legend counts every grey region', async () => {
    const { page, watch } = await openPage(browser(), site);
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
    const { page, watch } = await openPage(browser(), `${site}#v=2&ind=employment&class=quantile&classes=9`);
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
    const { page, watch } = await openPage(browser(), `${site}#v=2&rule=cmp&lang=ru`);
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
    // With the circles on: their sizes are held with the breaks.
    const { page, watch } = await openPage(browser(), `${site}#v=2&cat=automotive&ind=employment&year=2012&class=quantile&classes=5&palette=Blues&sym=1`);
    await waitReady(page);
    const legendAt = async (year: number) => {
      await page.waitForFunction((y) => document.querySelector('#year-slider-value')?.textContent === String(y) && document.querySelector<HTMLElement>('#map')?.dataset.ready === 'true', year, { timeout: 60_000 });
      return page.evaluate(() => ({
        labels: [...document.querySelectorAll('#legend li[data-kind="class"] .legend-label')].map((e) => e.textContent),
        colours: [...document.querySelectorAll<HTMLElement>('#legend li[data-kind="class"] .swatch')].map((e) => e.style.background),
        notes: document.querySelector('#legend .legend-notes')?.textContent ?? '',
        sizeTitle: document.querySelector('#legend .size-legend-title')?.textContent ?? '',
        // radius = k · √value: the circles' scale, read from the layer's paint property.
        k: ((window as unknown as { atlasMap: { getPaintProperty(l: string, p: string): unknown } }).atlasMap.getPaintProperty('employment-circles', 'circle-radius') as [string, number])[1],
      }));
    };
    // Not playing: each year its own quantiles, and no word of held breaks.
    const own2012 = await legendAt(2012);
    expect(own2012.notes).not.toContain('held');
    await page.locator('#year-slider').fill('1');
    const own2014 = await legendAt(2014);
    expect(own2014.labels).not.toEqual(own2012.labels);
    // Each year its own largest circle: the scales differ as the years' largest values do.
    expect(own2014.k).not.toBeCloseTo(own2012.k, 9);
    expect(own2014.sizeTitle).not.toContain('held');

    await page.locator('#year-play').click();
    const played2016 = await legendAt(2016);
    const played2018 = await legendAt(2018);
    // One set of classes for both years: the same value has the same colour in each.
    expect(played2018.labels).toEqual(played2016.labels);
    expect(played2018.colours).toEqual(played2016.colours);
    expect(played2016.notes).toContain('Breaks held across 2012–2022');
    // One circle scale for every year, from the largest value of any year (the raw demo files).
    expect(played2018.k).toBe(played2016.k);
    expect(played2016.sizeTitle).toContain('Sizes held across 2012–2022');
    const cube = loadDemoCube();
    const c = cube.categories.findIndex((cat) => cat.id === 'automotive');
    let most = 0;
    for (const year of cube.employment) for (let r = 0; r < cube.regions.length; r++) most = Math.max(most, year[r * cube.categories.length + c] || 0);
    const maxRadius = played2016.k * Math.sqrt(most);
    expect(maxRadius).toBeGreaterThanOrEqual(4);
    expect(maxRadius).toBeLessThanOrEqual(36);
    expect(Math.abs(maxRadius - Math.round(maxRadius))).toBeLessThan(1e-9);
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
    const { page: again } = await openPage(browser(), page.url());
    await waitReady(again);
    expect(await again.locator('#class-hold').inputValue()).toBe('all');
    expect(await again.locator('#legend .legend-notes').textContent()).toContain('held across');
    await again.close();
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('draws circles sized by employment over the LQ colours, with radii in the ratio √(emp₁/emp₂) and a size key', async () => {
    const { page, watch } = await openPage(browser(), `${site}#v=2&cat=automotive&ind=lq&year=2022`, { viewport: { width: 1366, height: 768 } });
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
    // The largest circle has the view's maximum radius (4–36 px: 3,142 counties' circles cover at most 15 % of the map).
    expect(big.radius).toBeGreaterThanOrEqual(4);
    expect(big.radius).toBeLessThanOrEqual(36);
    // The size key: two or three reference circles of the same scale, with values and the unit.
    const key = await page.evaluate(() => ({
      title: document.querySelector('#legend .size-legend-title')?.textContent ?? '',
      circles: [...document.querySelectorAll('#legend .size-legend circle')].map((e) => ({ r: Number(e.getAttribute('r')), value: Number((e as SVGElement).dataset.value) })),
      texts: [...document.querySelectorAll('#legend .size-legend text')].map((e) => e.textContent),
    }));
    // The demo states no unit: its counts are persons employed.
    expect(key.title).toBe('Circle area: persons employed');
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

  const labelBoxes = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('#map .map-label:not([hidden])')].map((e) => {
        const r = e.getBoundingClientRect();
        return { region: e.dataset.region!, text: e.textContent!, x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
  const noOverlap = (boxes: { x: number; y: number; width: number; height: number }[]) => {
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        if (!apart) return `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`;
      }
    return '';
  };

  it.each([
    { name: 'EU pack, English, laptop', url: '?dataset=geo/eu-nuts2-lfs/manifest.json', viewport: { width: 1366, height: 768 }, script: /^[^\u0400-\u04ff]+$/, least: 15, shot: 'carto-labels-eu-laptop' },
    { name: 'Russia pack, Russian, phone', url: '?dataset=geo/ru-okved1/manifest.json#lang=ru', viewport: { width: 390, height: 844 }, mobile: true, script: /[\u0400-\u04ff]/, least: 2, shot: 'carto-labels-ru-phone' },
    { name: 'Russia pack, English (Latin names), laptop', url: '?dataset=geo/ru-okved1/manifest.json#lang=en', viewport: { width: 1366, height: 768 }, script: /^[^\u0400-\u04ff]+$/, least: 4, shot: 'carto-labels-ru-en-laptop' },
    // County names are long: at the national view none fits its county; over California they do.
    { name: 'U.S. demo over California, laptop', url: '#v=2&at=-119.5,37.2,5.5', viewport: { width: 1366, height: 768 }, script: /, [A-Z]{2}$/, least: 3, shot: 'carto-labels-us-laptop' },
  ])('names the larger places ($name): none overlap, nothing leaves the site, they move with the map', async (c) => {
    const { page, watch } = await openPage(browser(), `${site}${c.url}`, { viewport: c.viewport, mobile: c.mobile });
    await waitReady(page);
    await page.waitForFunction((n) => document.querySelectorAll('#map .map-label:not([hidden])').length >= n, c.least, { timeout: 30_000 });
    const boxes = await labelBoxes(page);
    expect(boxes.length).toBeGreaterThanOrEqual(c.least);
    for (const b of boxes) expect(b.text).toMatch(c.script);
    expect(noOverlap(boxes)).toBe('');
    // Inside the map.
    const map = (await page.locator('#map').boundingBox())!;
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(map.x - 1);
      expect(b.x + b.width).toBeLessThanOrEqual(map.x + map.width + 1);
    }
    await page.screenshot({ path: `${OUTPUT_DIR}/${c.shot}.png` });
    // Zoomed in a step: names of smaller places come in, still none overlapping.
    type TestMap = { getZoom(): number; jumpTo(o: object): void; panBy(offset: [number, number], o: object): void; getCenter(): { lng: number; lat: number }; project(p: [number, number]): { x: number; y: number } };
    const frames = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))));
    await page.evaluate(() => {
      const map = (window as unknown as { atlasMap: TestMap }).atlasMap;
      map.jumpTo({ zoom: map.getZoom() + 1 });
    });
    await frames();
    const zoomed = await labelBoxes(page);
    const first = new Set(boxes.map((b) => b.region));
    expect(zoomed.some((b) => !first.has(b.region))).toBe(true);
    expect(noOverlap(zoomed)).toBe('');
    // Panned: each name still shown moves exactly as the map does.
    const before = new Map(zoomed.map((b) => [b.region, b]));
    const shift = await page.evaluate(() => {
      const map = (window as unknown as { atlasMap: TestMap }).atlasMap;
      const c = map.getCenter();
      const p0 = map.project([c.lng, c.lat]);
      map.panBy([50, -30], { animate: false });
      const p1 = map.project([c.lng, c.lat]);
      return { dx: p1.x - p0.x, dy: p1.y - p0.y };
    });
    expect(Math.hypot(shift.dx, shift.dy)).toBeGreaterThan(20);
    await frames();
    const after = await labelBoxes(page);
    const moved = after.filter((b) => before.has(b.region));
    expect(moved.length).toBeGreaterThan(0);
    // A name may change its line (on its point, above or below it: one or two lines away) when a
    // larger place's name comes into view where it was.
    let exact = 0;
    for (const b of moved) {
      const a = before.get(b.region)!;
      expect(Math.abs(b.x - a.x - shift.dx)).toBeLessThanOrEqual(1.5);
      const dy = b.y - a.y - shift.dy;
      if (Math.abs(dy) <= 1.5) exact++;
      else expect(Math.min(Math.abs(Math.abs(dy) - b.height), Math.abs(Math.abs(dy) - 2 * b.height))).toBeLessThanOrEqual(2);
    }
    expect(exact).toBeGreaterThanOrEqual(moved.length / 2);
    expect(noOverlap(after)).toBe('');
    // The names are text for the eye; screen readers reach the regions by the keyboard path.
    expect(await page.locator('#map .map-labels').getAttribute('aria-hidden')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('hides the names when asked, and the link keeps it', async () => {
    const { page, watch } = await openPage(browser(), `${site}?dataset=geo/eu-nuts2-lfs/manifest.json`);
    await waitReady(page);
    await page.waitForFunction(() => document.querySelectorAll('#map .map-label:not([hidden])').length > 0, undefined, { timeout: 30_000 });
    await page.locator('#overlay-labels').uncheck();
    await waitReady(page);
    expect(new URL(page.url()).hash).toContain('labels=0');
    expect(await page.locator('#map .map-labels').isVisible()).toBe(false);
    const { page: again } = await openPage(browser(), page.url());
    await waitReady(again);
    expect(await again.locator('#overlay-labels').isChecked()).toBe(false);
    expect(await again.locator('#map .map-label:not([hidden])').count()).toBe(0);
    await again.close();
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});

import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowser } from './useBrowser';
import { DEMO_DIR, ROOT, loadDemoCube, openPage, waitReady } from './page';
import { computeIndicators } from '../../src/indicators/computeIndicators';
import { indicatorChange } from '../../src/indicators/change';
import { categoryConcentration } from '../../src/indicators/concentration';
import { LIFE_CYCLE_STAGES } from '../../src/indicators/lifeCycle';
import { regionProfile, topCategories } from '../../src/indicators/regionProfile';
import { contiguityNeighbours, globalMoran, spatialWeights, subsetNeighbourList, type PolygonalGeometry } from '../../src/indicators/spatial';
import { mercatorPoints, nearestInDirection } from '../../src/map/keyboardNav';
import { regionPlaces } from '../../src/engine/regionPlaces';
import { DEFAULT_RULE } from '../../src/model/dataset';
import { makeFormats, ruleLqThresholds } from '../../src/ui/format';
import { formatIndex } from '../../src/ui/facts';
import { t } from '../../src/i18n/i18n';
import { focusAt, lqAt, sizeAt, starCountAt } from '../../src/indicators/cellValues';

/**
 * Understanding regions and categories, and accessibility, on the built demo: every value the
 * panels show is recomputed here in Node from the demo's files.
 */
describe('region profiles, category rankings, data table, region search and keyboard use', () => {
  const browser = useBrowser();
  const site = inject('siteUrl');
  const cube = loadDemoCube();
  // As the page formats them under its rule (the default, ECO): an LQ near the star's threshold with the digits that tell its side.
  const formats = makeFormats('en', ruleLqThresholds(DEFAULT_RULE));
  const nC = cube.categories.length;
  const boundaries = JSON.parse(readFileSync(resolve(DEMO_DIR, 'regions.geojson'), 'utf8')) as {
    features: { properties: { id: string; name: string }; geometry: PolygonalGeometry }[];
  };
  const places = regionPlaces(boundaries, 'id');
  const regionOf = new Map(cube.regions.map((r, i) => [r.id, i]));
  // The app names regions after the map's features (the data files carry ids only).
  const nameOf = new Map(boundaries.features.map((f) => [f.properties.id, f.properties.name]));
  for (const region of cube.regions) region.name = nameOf.get(region.id) ?? region.id;
  const axeSource = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const year = cube.years[cube.years.length - 1];
  const yi = cube.years.length - 1;
  const compute = (y: number) =>
    computeIndicators({ nRegions: cube.regions.length, nCategories: nC, employment: cube.employment[y], establishments: cube.establishments?.[y] }, DEFAULT_RULE);
  const current = compute(yi);
  const previous = compute(yi - 1);

  async function tabIntoMap(page: Page): Promise<void> {
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))) return;
    }
    throw new Error('Tab never reached the map');
  }

  async function seriousViolations(page: Page): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
    // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses inline script tags.
    await page.evaluate(axeSource);
    return page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const { violations } = await axe.run(document);
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
    });
  }

  it('reaches a region from the keyboard, moves with the arrows and opens its profile with the computed values', async () => {
    const { page, watch } = await openPage(browser(), site);
    await waitReady(page);
    const map = page.locator('#map');
    const tooltip = page.locator('[role="tooltip"]');

    await tabIntoMap(page);
    await page.waitForFunction(() => document.querySelector('#map')?.hasAttribute('data-keyboard-region'));
    const first = (await map.getAttribute('data-keyboard-region'))!;
    // Same tooltip as on hover, and the same words for screen readers.
    await tooltip.locator('[data-field="region"]').waitFor({ state: 'visible' });
    const firstName = boundaries.features.find((f) => f.properties.id === first)!.properties.name;
    expect(await tooltip.locator('[data-field="region"]').textContent()).toBe(firstName);
    expect(await page.locator('#map-announcer').textContent()).toContain(firstName);

    // Each arrow goes where the rule says, and really in that direction on the map.
    const plane = mercatorPoints(places.labels);
    const featureOf = new Map(places.ids.map((id, i) => [id, i]));
    let at = first;
    for (const [key, direction] of [['ArrowRight', 'right'], ['ArrowDown', 'down'], ['ArrowLeft', 'left'], ['ArrowUp', 'up']] as const) {
      const from = featureOf.get(at)!;
      const expected = nearestInDirection(plane, from, direction);
      await page.keyboard.press(key);
      await page.waitForFunction((id) => document.querySelector('#map')?.getAttribute('data-keyboard-region') !== id, at, { timeout: 5000 });
      const now = (await map.getAttribute('data-keyboard-region'))!;
      expect(now).toBe(places.ids[expected!]);
      const to = featureOf.get(now)!;
      if (direction === 'right') expect(plane.x[to]).toBeGreaterThan(plane.x[from]);
      if (direction === 'left') expect(plane.x[to]).toBeLessThan(plane.x[from]);
      if (direction === 'down') expect(plane.y[to]).toBeGreaterThan(plane.y[from]);
      if (direction === 'up') expect(plane.y[to]).toBeLessThan(plane.y[from]);
      expect(await tooltip.locator('[data-field="region"]').textContent()).toBe(boundaries.features[to].properties.name);
      at = now;
    }

    // Enter: the profile of that region, focus on its heading.
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.hash.includes(`region=${id}`), at);
    await waitReady(page);
    const profile = page.locator('#region-profile');
    const r = regionOf.get(at)!;
    expect(await profile.locator('h2').textContent()).toBe(cube.regions[r].name);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('region-profile-title');

    // Every category, strongest first, with the values recomputed here.
    const employment = cube.employment[yi];
    const order = topCategories(current, employment, r, nC);
    for (let c = 0; c < nC; c++) if (!order.includes(c)) order.push(c);
    const rows = profile.locator('tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-category')))).toEqual(order.map((c) => cube.categories[c].id));
    await page.waitForFunction(() => !document.querySelector('#region-profile')?.textContent?.includes('comparing with the previous year'));
    const change = indicatorChange({ year: cube.years[yi - 1], employment: cube.employment[yi - 1], result: previous }, { year, employment, result: current });
    for (const [k, c] of order.entries()) {
      const i = r * nC + c;
      const row = rows.nth(k);
      expect(await row.locator('[data-col="employment"]').textContent()).toBe(formats.count(employment[i]));
      expect(await row.locator('[data-col="lq"]').textContent()).toBe(formats.lq(lqAt(current, i)));
      expect(await row.locator('[data-col="focus"]').textContent()).toBe(formats.share(focusAt(current, i)));
      expect(await row.locator('[data-col="size"]').textContent()).toBe(formats.share(sizeAt(current, i)));
      expect(await row.locator('[data-stars]').getAttribute('data-stars')).toBe(String(starCountAt(current, i)));
      expect(await row.locator('[data-col="stage"]').textContent()).toBe(t(`profile.stage.${LIFE_CYCLE_STAGES[change.stage[i]]}` as never, {}, 'en'));
    }
    const indices = regionProfile(current);
    expect(await profile.locator('[data-fact="employment"]').textContent()).toBe(formats.count(current.regionTotal[r]));
    expect(await profile.locator('[data-fact="krugman"]').textContent()).toBe(formatIndex(indices.krugman[r], 'en'));
    expect(await profile.locator('[data-fact="shannon"]').textContent()).toBe(formatIndex(indices.shannon[r], 'en'));
    expect(await profile.locator('[data-fact="starred"]').textContent()).toBe(String(indices.starred[r]));
    // The chart: one bar per leading category, each with its name and value as text.
    expect(await profile.locator('svg[role="img"] rect').count()).toBe(Math.min(10, order.filter((c) => employment[r * nC + c] > 0).length));
    expect(await profile.locator('svg .chart-value').first().textContent()).toContain(formats.lq(lqAt(current, r * nC + order[0])));

    // Accessibility of the profile, then Escape: closed, unpinned, focus back on the map.
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !location.hash.includes('region='));
    expect(await page.locator('#region-profile').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(true);

    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('ranks the regions of a category from a profile, with sort, search and paging, and its indices', async () => {
    const cat = cube.categories.find((c) => c.id === 'automotive')!;
    const c = cube.categories.indexOf(cat);
    const r = regionOf.get('26163')!; // Wayne County, MI
    const { page, watch } = await openPage(browser(), `${site}#cat=biopharma&ind=lq&year=${year}&region=26163`);
    await waitReady(page);
    await page.locator('#region-profile').waitFor();
    expect(await page.locator('#region-profile h2').textContent()).toBe(cube.regions[r].name);

    // One click from the profile to the category's ranking; the map follows.
    await page.locator(`#region-profile button[data-category="${cat.id}"]`).click();
    await page.waitForFunction((id) => location.hash.includes(`cat=${id}`), cat.id);
    await waitReady(page);
    const view = page.locator('#category-view');
    expect(await view.locator('h2').textContent()).toBe(cat.name);

    const employment = cube.employment[yi];
    const at = (region: number) => region * nC + c;
    const concentration = categoryConcentration({ nRegions: cube.regions.length, nCategories: nC, employment, establishments: cube.establishments?.[yi] });
    for (const key of ['hhi', 'gini', 'krugman', 'hoover'] as const) {
      expect(await view.locator(`[data-fact="${key}"]`).textContent()).toBe(formatIndex(concentration[key][c], 'en'));
    }
    expect(await view.locator('[data-fact="eg"]').textContent()).toBe(formatIndex(concentration.egGamma[c], 'en'));
    // Moran's I of LQ over the regions with an LQ, queen contiguity, row-standardised.
    const nb = contiguityNeighbours(boundaries.features.map((f) => f.geometry), 'queen');
    const lq = Float64Array.from(cube.regions, (_, region) => lqAt(current, at(region)));
    const featureIndex = new Map(boundaries.features.map((f, i) => [f.properties.id, i]));
    // Feature order and cube order coincide in the demo; the check guards that assumption.
    expect(cube.regions.every((reg, i) => featureIndex.get(reg.id) === i)).toBe(true);
    const { list, kept } = subsetNeighbourList(nb, Array.from(lq, Number.isFinite));
    const moran = globalMoran(Float64Array.from(kept, (i) => lq[i]), spatialWeights(list, 'W'));
    expect(await view.locator('[data-fact="moran"]').textContent()).toBe(formatIndex(moran.I, 'en'));

    // Default order: stars, then LQ, then employment, all descending; the pinned region highlighted.
    const ids = () => view.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-region')));
    const regions = cube.regions.map((_, i) => i);
    const desc = (key: (i: number) => number) => (a: number, b: number) => {
      const ka = key(a);
      const kb = key(b);
      if (Number.isNaN(ka) || Number.isNaN(kb)) return Number.isNaN(ka) === Number.isNaN(kb) ? 0 : Number.isNaN(ka) ? 1 : -1;
      return kb - ka;
    };
    const byStrength = [...regions].sort(
      (a, b) => desc((i) => starCountAt(current, at(i)))(a, b) || desc((i) => lqAt(current, at(i)))(a, b) || desc((i) => employment[at(i)])(a, b) || a - b,
    );
    expect(await ids()).toEqual(byStrength.slice(0, 25).map((i) => cube.regions[i].id));
    expect(await view.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');

    // Sort by LQ, then flip it.
    await view.locator('button[data-sort="lq"]').click();
    const byLq = [...regions].sort((a, b) => desc((i) => lqAt(current, at(i)))(a, b) || a - b);
    expect(await ids()).toEqual(byLq.slice(0, 25).map((i) => cube.regions[i].id));
    expect(await view.locator('th[aria-sort]').textContent()).toContain('LQ');
    await view.locator('button[data-sort="lq"]').click();
    expect(await view.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    const ascending = [...regions].filter((i) => Number.isFinite(lqAt(current, at(i)))).sort((a, b) => lqAt(current, at(a)) - lqAt(current, at(b)) || a - b);
    expect(await ids()).toEqual(ascending.slice(0, 25).map((i) => cube.regions[i].id));
    expect(await view.locator('tbody tr').first().locator('[data-col="lq"]').textContent()).toBe(formats.lq(lqAt(current, at(ascending[0]))));

    // Search Texas, then page through it.
    const texas = ascending.filter((i) => / County, TX$/.test(cube.regions[i].name));
    const texasCount = cube.regions.filter((reg) => / County, TX$/.test(reg.name)).length;
    await view.locator('input[type="search"]').fill('County, TX');
    expect(await ids()).toEqual(texas.slice(0, 25).map((i) => cube.regions[i].id));
    expect(await view.locator('.table-range').textContent()).toBe(`Rows 1–25 of ${texasCount} matching, ${formats.count(cube.regions.length)} in all`);
    await view.locator('button[data-page="next"]').click();
    expect(await ids()).toEqual(texas.slice(25, 50).map((i) => cube.regions[i].id));
    expect(await view.locator('.table-range').textContent()).toBe(`Rows 26–50 of ${texasCount} matching, ${formats.count(cube.regions.length)} in all`);
    await view.locator('button[data-page="previous"]').click();
    expect(await view.locator('.table-range').textContent()).toContain('Rows 1–25');

    expect(await seriousViolations(page)).toEqual([]);

    // A region in the ranking opens its profile.
    const pick = texas[0];
    await view.locator(`button[data-region="${cube.regions[pick].id}"]`).click();
    await page.waitForFunction((id) => location.hash.includes(`region=${id}`), cube.regions[pick].id);
    await waitReady(page);
    expect(await page.locator('#region-profile h2').textContent()).toBe(cube.regions[pick].name);
    // Back returns to the ranking, which kept its search and page.
    await page.locator('#explore button[data-action="back"]').click();
    expect(await page.locator('#category-view input[type="search"]').inputValue()).toBe('County, TX');

    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('finds a region by name with the keyboard and pins it', async () => {
    const { page, watch } = await openPage(browser(), site);
    await waitReady(page);
    const input = page.locator('#region-search');
    expect(await input.getAttribute('role')).toBe('combobox');
    await input.focus();
    await page.keyboard.type('los ang');
    const options = page.locator('#region-search-options [role="option"]');
    await options.first().waitFor();
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    const names = await options.allTextContents();
    const expected = cube.regions.filter((r) => r.name.toLowerCase().includes('los ang')).map((r) => r.name);
    expect(names).toEqual(expected);
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe('region-search-option-0');
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    const id = cube.regions.find((r) => r.name === expected[0])!.id;
    await page.waitForFunction((region) => location.hash.includes(`region=${region}`), id);
    await waitReady(page);
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#region-profile h2').textContent()).toBe(expected[0]);
    // The map flew there: the region's label point is inside the map and its tooltip pinned.
    expect(await page.locator('[role="tooltip"] [data-field="region"]').textContent()).toBe(expected[0]);
    const box = (await page.locator('#map canvas').boundingBox())!;
    const tip = (await page.locator('[role="tooltip"]').boundingBox())!;
    expect(tip.x).toBeGreaterThanOrEqual(box.x);
    expect(tip.x).toBeLessThan(box.x + box.width);
    // Back to the map by keyboard: it starts at the pinned region.
    await page.keyboard.press('Shift+Tab');
    await page.locator('.maplibregl-canvas').focus();
    await page.waitForFunction(() => document.querySelector('#map')?.hasAttribute('data-keyboard-region'));
    expect(await page.locator('#map').getAttribute('data-keyboard-region')).toBe(id);

    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('shows the map as a sortable table with the mapped value, its class and the stars in words; no serious axe violations', async () => {
    const cat = cube.categories.find((c) => c.id === 'automotive')!;
    const c = cube.categories.indexOf(cat);
    const { page, watch } = await openPage(browser(), `${site}#cat=${cat.id}&ind=lq&year=${year}`);
    await waitReady(page);
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('#explore button[data-action="table"]').click();
    const table = page.locator('#data-table');
    await table.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('data-table-title');
    expect(await table.locator('caption').textContent()).toBe(await page.locator('#legend h2').textContent());
    expect(await table.locator('.table-range').textContent()).toBe(`Rows 1–50 of ${formats.count(cube.regions.length)}`);

    const lq = (r: number) => lqAt(current, r * nC + c);
    const top = cube.regions.map((_, i) => i).filter((i) => Number.isFinite(lq(i))).sort((a, b) => lq(b) - lq(a) || a - b);
    const first = table.locator('tbody tr').first();
    expect(await first.getAttribute('data-region')).toBe(cube.regions[top[0]].id);
    expect(await first.locator('[data-col="value"]').textContent()).toBe(formats.lq(lq(top[0])));
    // The class in words is the legend's top class (LQ ≥ 3).
    const legendTop = await page.locator('#legend li[data-kind="class"] .legend-label').last().textContent();
    expect(await first.locator('[data-col="class"]').textContent()).toBe(legendTop);
    const stars = starCountAt(current, top[0] * nC + c);
    expect(await first.locator('[data-stars]').getAttribute('data-stars')).toBe(String(stars));
    expect(await first.locator('[data-col="stars"]').textContent()).toMatch(stars === 0 ? /no star/ : /\d stars?: /);

    // Sorting by region name, A to Z.
    await table.locator('button[data-sort="region"]').click();
    const names = await table.locator('tbody th[data-col="region"]').allTextContents();
    const sorted = [...cube.regions.map((r) => r.name)].sort(new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare);
    expect(names).toEqual(sorted.slice(0, 50));
    expect(await seriousViolations(page)).toEqual([]);

    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });
});

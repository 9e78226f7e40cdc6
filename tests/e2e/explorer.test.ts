import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useBrowser } from './useBrowser';
import { DEMO_DIR, OUTPUT_DIR, loadDemoCube, openPage, waitReady } from './page';
import { computeIndicators } from '../../src/indicators/computeIndicators';
import { DEFAULT_RULE, STAR_FOCUS, STAR_SIZE, STAR_SPECIALISATION } from '../../src/model/dataset';
import { makeFormats } from '../../src/ui/format';
import { focusAt, lqAt, sizeAt, starCountAt } from '../../src/indicators/cellValues';

const outputDir = OUTPUT_DIR;
const demoDir = DEMO_DIR;

describe('explorer on the built-in demo', () => {
  const browser = useBrowser();
  const site = inject('siteUrl');
  const cube = loadDemoCube();
  const formats = makeFormats('en');

  beforeAll(async () => {
    mkdirSync(outputDir, { recursive: true });
  });

  it('draws the demo, shows computed values on hover, switches category, and stays on its origin', async () => {
    const { page, watch } = await openPage(browser(), site);
    await waitReady(page);
    expect(await page.locator('#synthetic-notice').isVisible()).toBe(true);
    expect(await page.locator('#synthetic-notice').textContent()).toMatch(/synthetic/i);

    const hash = new URLSearchParams((await page.evaluate(() => location.hash)).slice(1));
    const cat = hash.get('cat')!;
    const year = Number(hash.get('year'));
    expect(hash.get('ind')).toBe('lq');
    expect(cube.categories.some((c) => c.id === cat)).toBe(true);
    expect(cube.years).toContain(year);

    // Hover inside the map until the pointer is over a county with data.
    const box = (await page.locator('#map canvas').boundingBox())!;
    const tooltip = page.locator('[role="tooltip"]');
    let hovered = false;
    for (const [fx, fy] of [[0.55, 0.45], [0.45, 0.5], [0.6, 0.55], [0.35, 0.4], [0.7, 0.4]]) {
      await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
      try {
        await tooltip.locator('[data-field="lq"]').waitFor({ state: 'visible', timeout: 3000 });
        hovered = true;
        break;
      } catch {
        /* ocean or a county without data under the pointer: try another point */
      }
    }
    expect(hovered).toBe(true);
    const regionName = (await tooltip.locator('[data-field="region"]').textContent())!;

    // Find the hovered region by its name in the demo's boundaries.
    const regions = JSON.parse(readFileSync(resolve(demoDir, 'regions.geojson'), 'utf8')) as {
      features: { properties: { id: string; name: string } }[];
    };
    const regionId = regions.features.find((f) => f.properties.name === regionName)!.properties.id;
    const ri = cube.regions.findIndex((reg) => reg.id === regionId);
    expect(ri).toBeGreaterThanOrEqual(0);
    const ci = cube.categories.findIndex((c) => c.id === cat);
    const yi = cube.years.indexOf(year);
    const result = computeIndicators(
      {
        nRegions: cube.regions.length,
        nCategories: cube.categories.length,
        employment: cube.employment[yi],
        establishments: cube.establishments?.[yi],
      },
      DEFAULT_RULE,
    );
    const i = ri * cube.categories.length + ci;
    expect(await tooltip.locator('[data-field="category"]').textContent()).toContain(cube.categories[ci].name);
    expect(await tooltip.locator('[data-field="employment"]').textContent()).toBe(formats.count(cube.employment[yi][i]));
    expect(await tooltip.locator('[data-field="lq"]').textContent()).toBe(formats.lq(lqAt(result, i)));
    expect(await tooltip.locator('[data-field="focus"]').textContent()).toBe(formats.share(focusAt(result, i)));
    expect(await tooltip.locator('[data-field="size"]').textContent()).toBe(formats.share(sizeAt(result, i)));
    const stars = tooltip.locator('[data-field="stars"]');
    expect(await stars.getAttribute('data-stars')).toBe(String(starCountAt(result, i)));
    const starText = (await stars.textContent())!;
    expect(starText.includes('size')).toBe((result.stars[i] & STAR_SIZE) !== 0);
    expect(starText.includes('specialisation')).toBe((result.stars[i] & STAR_SPECIALISATION) !== 0);
    expect(starText.includes('focus')).toBe((result.stars[i] & STAR_FOCUS) !== 0);

    await page.screenshot({ path: resolve(outputDir, 'explorer-demo.png') });

    // Switch category by searching, then check the legend and the hash follow.
    const other = cube.categories.find((c) => c.id !== cat)!;
    await page.mouse.move(box.x + 5, box.y + 5);
    await page.fill('#category-search', other.name);
    await page.press('#category-search', 'Enter');
    await page.waitForFunction((id) => location.hash.includes(`cat=${id}`), other.id);
    await waitReady(page);
    expect(await page.locator('#legend h2').textContent()).toContain(other.name);
    const legendCounts = await page.locator('#legend .legend-count').allTextContents();
    const total = legendCounts.reduce((sum, t) => sum + Number(t.replace(/,/g, '')), 0);
    expect(total).toBe(cube.regions.length);

    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('restores the view from the URL hash', async () => {
    const category = cube.categories[3];
    const year = cube.years[0];
    const { page, watch } = await openPage(browser(), `${site}#cat=${category.id}&ind=stars&year=${year}`);
    await waitReady(page);
    expect(await page.locator('#indicator').inputValue()).toBe('stars');
    expect(await page.locator('#category').inputValue()).toBe(category.id);
    expect(await page.locator('#year').inputValue()).toBe(String(year));
    expect(await page.locator('#legend h2').textContent()).toContain(category.name);
    expect(await page.locator('#legend li[data-kind="class"]').count()).toBe(4);
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});

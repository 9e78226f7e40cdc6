import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { useBrowser } from './useBrowser';
import { DEMO_DIR, indicatorsLikeWorker, loadDemoCube, openPage, waitReady } from './page';
import { parseDelimited } from '../../src/io/delimited';
import { focusAt, lqAt, sizeAt, starCountAt } from '../../src/indicators/cellValues';

const hashParams = async (page: Page) => Object.fromEntries(new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)));

async function downloadOf(page: Page, trigger: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), trigger()]);
  const path = await download.path();
  return { download, bytes: readFileSync(path!) };
}

describe('sharing, presenting and export on the built-in demo', () => {
  const browser = useBrowser();
  const site = inject('siteUrl');
  const cube = loadDemoCube();
  const regionsGeojson = JSON.parse(readFileSync(resolve(DEMO_DIR, 'regions.geojson'), 'utf8')) as { features: { properties: { id: string; name: string } }[] };

  it('restores every hash key, keeps them through a reload, and follows a dragged map', async () => {
    const category = cube.categories.find((c) => c.id === 'biopharma')!;
    // A county with data for the pinned tooltip; names come from the boundaries.
    const regionId = cube.regions[200].id;
    const region = { id: regionId, name: regionsGeojson.features.find((f) => f.properties.id === regionId)!.properties.name };
    const wanted: Record<string, string> = {
      v: '2',
      cat: category.id,
      ind: 'focus',
      year: '2016',
      base: '2012',
      mode: 'change',
      change: 'cagr',
      rule: 'paper',
      cut: '0.2',
      lqmin: '1.5',
      class: 'equal',
      classes: '4',
      palette: 'PuOr',
      region: region.id,
      at: '-90.5,38.2,4.5',
      lang: 'ru',
    };
    const link = `${site}#${Object.entries(wanted).map(([k, v]) => `${k}=${v}`).join('&')}`;
    const { page, watch } = await openPage(browser(), link);
    await waitReady(page);

    const check = async () => {
      expect(await hashParams(page)).toEqual(wanted);
      expect(await page.locator('#category').inputValue()).toBe(category.id);
      expect(await page.locator('#indicator').inputValue()).toBe('focus');
      expect(await page.locator('#year').inputValue()).toBe('2016');
      // The analysis controls show the link's mode, change, rule and classification.
      const controls: [string, string][] = [
        ['#map-mode', 'change'],
        ['#change-measure', 'cagr'],
        ['#base-year', '2012'],
        ['#rule-kind', 'paper'],
        ['#rule-cut', '20'],
        ['#rule-lq', '1.5'],
        ['#class-method', 'equal'],
        ['#class-count', '4'],
        ['#class-palette', 'PuOr'],
      ];
      for (const [selector, value] of controls) expect(await page.locator(selector).inputValue(), selector).toBe(value);
      expect(await page.locator('html').getAttribute('lang')).toBe('ru');
      expect(await page.locator('h1').textContent()).toBe('Атлас кластеров');
      const tooltip = page.locator('[role="tooltip"]');
      await tooltip.locator('[data-field="region"]').waitFor({ state: 'visible', timeout: 10_000 });
      expect(await tooltip.locator('[data-field="region"]').textContent()).toBe(region.name);
      expect(await page.locator('#legend h2').textContent()).toContain(category.name);
    };
    await check();
    await page.reload();
    await waitReady(page);
    await check();

    // Move the map by hand: the camera goes into the hash and survives a reload.
    await page.locator('[role="tooltip"] button').first().click();
    const box = (await page.locator('#map canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.6);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5 - 150, box.y + box.height * 0.6 - 40, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction((before) => new URLSearchParams(location.hash.slice(1)).get('at') !== before, wanted.at, { timeout: 10_000 });
    await page.waitForTimeout(800); // inertia settles; the last moveend writes the hash
    const moved = (await hashParams(page)).at!;
    const [lng, lat, zoom] = moved.split(',').map(Number);
    expect(lng).toBeGreaterThan(-90.5);
    expect(zoom).toBeCloseTo(4.5, 1);
    expect(Math.abs(lat - 38.2)).toBeLessThan(5);
    await page.reload();
    await waitReady(page);
    expect((await hashParams(page)).at).toBe(moved);
    expect((await hashParams(page)).region).toBeUndefined();

    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.context().close();
  });

  it('migrates an unversioned link and ignores bad values with notices, never running them', async () => {
    const { page, watch } = await openPage(browser(), `${site}#cat=biopharma&ind=stars&year=2012`);
    await waitReady(page);
    const migrated = await hashParams(page);
    expect(migrated).toMatchObject({ v: '2', cat: 'biopharma', ind: 'stars', year: '2012', mode: 'choropleth', rule: 'eco', cut: '0.1', lqmin: '2' });
    expect(await page.locator('#notices p').count()).toBe(0);
    await page.context().close();

    const evil = encodeURIComponent('<img src=x onerror="document.title=\'pwned\'">');
    const bad = await openPage(browser(), `${site}#v=2&cat=${evil}&ind=evil()&year=1800&at=999,0,1&palette=${evil}&region=nowhere&lang=xx`);
    await waitReady(bad.page);
    const notices = await bad.page.locator('#notices p').allTextContents();
    for (const key of ['ind', 'at', 'palette', 'lang']) expect(notices.some((n) => n.includes(`“${key}”`)), key).toBe(true);
    expect(notices.some((n) => /category/.test(n))).toBe(true);
    expect(notices.some((n) => /1800/.test(n))).toBe(true);
    expect(notices.some((n) => /region/.test(n))).toBe(true);
    expect(await bad.page.locator('#notices img').count()).toBe(0);
    expect(await bad.page.title()).not.toBe('pwned');
    // The defaults are shown instead, and the hash is rewritten without the bad values.
    const shown = await hashParams(bad.page);
    expect(shown).toMatchObject({ cat: 'automotive', ind: 'lq', year: '2022' });
    expect(shown.at).toBeUndefined();
    expect(shown.region).toBeUndefined();
    // A link from a newer version is read as far as possible, with a notice.
    await bad.page.evaluate(() => (location.hash = '#v=9&cat=apparel&ind=lq&year=2020&hologram=1'));
    await bad.page.waitForFunction(() => location.hash.includes('cat=apparel') && location.hash.startsWith('#v=2&'));
    await waitReady(bad.page);
    expect((await bad.page.locator('#notices p').allTextContents()).some((n) => /newer version/.test(n))).toBe(true);
    expect(bad.watch.errors).toEqual([]);
    expect(watch.errors).toEqual([]);
    await bad.page.context().close();
  });

  it('switches language: strings, number formats and lang in the hash', async () => {
    const { page, watch } = await openPage(browser(), `${site}#v=2&cat=it&ind=employment&year=2022`, { locale: 'en-US' });
    await waitReady(page);
    expect(await page.locator('h1').textContent()).toBe('Cluster Atlas');
    expect(await page.locator('#share-copy-link').textContent()).toBe('Copy link');
    const enLabels = (await page.locator('#legend .legend-label').allTextContents()).join(' ');
    expect(enLabels).toMatch(/\d,\d{3}/);

    await page.selectOption('#lang', 'ru');
    await page.waitForFunction(() => location.hash.includes('lang=ru'));
    await waitReady(page);
    expect(await page.locator('h1').textContent()).toBe('Атлас кластеров');
    expect(await page.locator('#share-copy-link').textContent()).toBe('Копировать ссылку');
    expect(await page.locator('#legend h2').textContent()).toContain('Занятость');
    const ruLabels = (await page.locator('#legend .legend-label').allTextContents()).join(' ');
    expect(ruLabels).toMatch(/\d\u00a0\d{3}/);
    expect(ruLabels).not.toMatch(/\d,\d{3}/);

    // Shares: decimal point in English, decimal comma in Russian.
    await page.selectOption('#indicator', 'focus');
    await waitReady(page);
    expect((await page.locator('#legend .legend-label').allTextContents()).join(' ')).toMatch(/\d,\d+\s?%/);
    await page.selectOption('#lang', 'en');
    await page.waitForFunction(() => location.hash.includes('lang=en'));
    await waitReady(page);
    expect((await page.locator('#legend .legend-label').allTextContents()).join(' ')).toMatch(/\d\.\d+%/);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });

  it('copies the link, offers an embed snippet, and the embedded page shows only the map, title and legend', async () => {
    const { page, watch } = await openPage(browser(), `${site}#v=2&cat=automotive&ind=lq&year=2022`);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site).origin });
    await waitReady(page);
    await page.click('#share-copy-link');
    await page.locator('.share-tools-status').filter({ hasText: 'copied' }).waitFor({ timeout: 5000 });
    const href = await page.evaluate(() => location.href);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(href);

    await page.click('#share-open');
    expect(await page.locator('#share-link').inputValue()).toBe(href);
    const snippet = await page.locator('#share-embed').inputValue();
    expect(snippet).toMatch(/^<iframe src="[^"]*embed=1#v=2&amp;cat=automotive[^"]*" title="[^"]+"/);
    await page.click('#share-copy-embed');
    await page.locator('#share-dialog .share-status').filter({ hasText: /copied/ }).waitFor({ timeout: 5000 });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    await page.keyboard.press('Escape');
    expect(await page.locator('#share-dialog').isVisible()).toBe(false);

    const src = snippet.match(/src="([^"]+)"/)![1].replace(/&amp;/g, '&');
    const embedded = await openPage(browser(), src);
    await waitReady(embedded.page);
    expect(await embedded.page.locator('header').isVisible()).toBe(false);
    expect(await embedded.page.locator('#category').isVisible()).toBe(false);
    expect(await embedded.page.locator('#legend li').first().isVisible()).toBe(true);
    const card = embedded.page.locator('#title-card');
    expect(await card.isVisible()).toBe(true);
    expect(await card.locator('.title-card-title').textContent()).toBe(await embedded.page.locator('#legend h2').textContent());
    expect(await card.locator('.title-card-notice').isVisible()).toBe(true);
    const open = card.locator('a.title-card-open');
    expect(await open.getAttribute('href')).not.toContain('embed=1');
    expect(await open.getAttribute('target')).toBe('_blank');
    expect(embedded.watch.errors).toEqual([]);
    expect(watch.errors).toEqual([]);
    await embedded.page.context().close();
    await page.context().close();
  });

  it('falls back to a selected link when the Clipboard API is refused', async () => {
    const { page, watch } = await openPage(browser(), 'about:blank');
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
    });
    await page.goto(`${site}#v=2&cat=apparel&ind=lq&year=2022`);
    await waitReady(page);
    await page.click('#share-copy-link');
    await page.locator('#share-dialog').waitFor({ state: 'visible' });
    const href = await page.evaluate(() => location.href);
    expect(await page.locator('#share-link').inputValue()).toBe(href);
    const selection = await page.evaluate(() => {
      const field = document.activeElement as HTMLInputElement;
      return { id: field.id, start: field.selectionStart, end: field.selectionEnd, length: field.value.length };
    });
    expect(selection).toEqual({ id: 'share-link', start: 0, end: selection.length, length: href.length });
    expect(await page.locator('#share-dialog .share-status').textContent()).toMatch(/copied|Ctrl\+C/);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });

  it('downloads CSV, GeoJSON and PNG of the current view with the right contents', async () => {
    const cat = 'biopharma';
    const year = 2018;
    const { page, watch } = await openPage(browser(), `${site}#v=2&cat=${cat}&ind=lq&year=${year}`);
    await waitReady(page);
    await page.click('#export-open');

    // CSV: one row per region, values equal to a recomputation in Node.
    const csv = await downloadOf(page, () => page.click('#export-csv'));
    expect(csv.download.suggestedFilename()).toBe(`demo_${cat}_lq_${year}_eco.csv`);
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const table = parseDelimited(text, 'export.csv');
    expect(table.header.slice(0, 6)).toEqual(['region', 'name', 'category', 'year', 'employment', 'establishments']);
    expect(table.rows.length).toBe(cube.regions.length);
    const yi = cube.years.indexOf(year);
    const result = indicatorsLikeWorker(cube, yi);
    const ci = cube.categories.findIndex((c) => c.id === cat);
    const col = (name: string) => table.header.indexOf(name);
    const same = (cell: string, value: number) => (Number.isNaN(value) ? cell === '' : Number(cell) === value);
    let checked = 0;
    table.rows.forEach((row, r) => {
      const i = r * cube.categories.length + ci;
      expect(row[col('region')]).toBe(cube.regions[r].id);
      expect(row[col('category')]).toBe(cat);
      expect(row[col('year')]).toBe(String(year));
      if (!same(row[col('employment')], cube.employment[yi][i])) throw new Error(`employment of ${cube.regions[r].id}`);
      if (!same(row[col('lq')], lqAt(result, i))) throw new Error(`lq of ${cube.regions[r].id}: ${row[col('lq')]} vs ${lqAt(result, i)}`);
      if (!same(row[col('region_share')], focusAt(result, i))) throw new Error(`focus of ${cube.regions[r].id}`);
      if (!same(row[col('category_share')], sizeAt(result, i))) throw new Error(`size of ${cube.regions[r].id}`);
      if (!Number.isNaN(cube.employment[yi][i]) && Number(row[col('stars')]) !== starCountAt(result, i)) throw new Error(`stars of ${cube.regions[r].id}`);
      checked++;
    });
    expect(checked).toBe(cube.regions.length);
    const starred = table.rows.filter((row) => Number(row[col('stars')]) > 0).length;
    expect(starred).toBeGreaterThan(0);

    // GeoJSON: every map feature, with the same values.
    const geo = await downloadOf(page, () => page.click('#export-geojson'));
    expect(geo.download.suggestedFilename()).toBe(`demo_${cat}_lq_${year}_eco.geojson`);
    const collection = JSON.parse(geo.bytes.toString('utf8')) as {
      type: string;
      features: { geometry: { type: string }; properties: Record<string, unknown> }[];
      cluster_atlas: { category: string; year: number };
    };
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.length).toBe(regionsGeojson.features.length);
    expect(collection.cluster_atlas).toMatchObject({ category: cat, year });
    const r0 = cube.regions.findIndex((reg) => reg.id === collection.features[0].properties.region);
    expect(collection.features[0].properties.lq).toBe(lqAt(result, r0 * cube.categories.length + ci));
    expect(collection.features[0].geometry.type).toMatch(/Polygon/);

    // PNG: a real PNG of the map canvas's size.
    const png = await downloadOf(page, () => page.click('#export-png'));
    expect(png.download.suggestedFilename()).toBe(`demo_${cat}_lq_${year}_eco.png`);
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
    const size = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('#map canvas')!;
      return { width: canvas.width, height: canvas.height };
    });
    expect({ width: png.bytes.readUInt32BE(16), height: png.bytes.readUInt32BE(20) }).toEqual(size);
    expect(size.width).toBeGreaterThan(400);
    await page.locator('#export-dialog .share-status').filter({ hasText: '.png' }).waitFor({ timeout: 5000 });
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.context().close();
  });

  /** After a hash change: waits for the title card to name the category, then for the map. */
  async function waitForTitle(page: Page, text: string): Promise<void> {
    await page.waitForFunction((t) => document.querySelector('#title-card .title-card-title')?.textContent?.includes(t), text, { timeout: 30_000 });
    await waitReady(page);
  }

  // Once failed in most runs: a moveend between the slide's hash and its hashchange event wrote the
  // old view back. A shown hash is now applied at once.
  it('presents saved views: interface hidden, arrow keys step through them, Escape leaves; views survive a reload', async () => {
    const first = cube.categories.find((c) => c.id === 'automotive')!;
    const second = cube.categories.find((c) => c.id === 'it')!;
    const { page, watch } = await openPage(browser(), `${site}#v=2&cat=${first.id}&ind=lq&year=2022`);
    await waitReady(page);

    await page.click('#present-open');
    await page.click('#present-save');
    await page.locator('#present-dialog .share-status').filter({ hasText: '1 view' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await page.locator('#present-dialog').isVisible()).toBe(false);
    await page.selectOption('#category', second.id);
    await page.waitForFunction((id) => location.hash.includes(`cat=${id}`), second.id);
    await waitReady(page);
    await page.selectOption('#indicator', 'stars');
    await waitReady(page);
    await page.click('#present-open');
    await page.click('#present-save');
    await page.locator('#present-dialog .share-status').filter({ hasText: '2 views' }).waitFor();
    expect(await page.locator('#saved-views li').count()).toBe(2);

    await page.click('#present-start');
    await page.waitForFunction((id) => location.hash.includes(`cat=${id}`), first.id);
    await waitForTitle(page, first.name);
    expect(await page.evaluate(() => document.body.classList.contains('presenting'))).toBe(true);
    expect(await page.locator('header').isVisible()).toBe(false);
    expect(await page.locator('#category').isVisible()).toBe(false);
    const title = page.locator('#title-card .title-card-title');
    expect(await title.textContent()).toContain(first.name);
    expect(await page.locator('#legend li').first().isVisible()).toBe(true);
    expect(await page.locator('.present-counter').textContent()).toBe('1 / 2');

    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((id) => location.hash.includes(`cat=${id}`) && location.hash.includes('ind=stars'), second.id);
    await waitForTitle(page, second.name);
    expect(await title.textContent()).toContain(second.name);
    expect(await page.locator('.present-counter').textContent()).toBe('2 / 2');
    await page.keyboard.press('ArrowRight'); // past the end: stays
    expect(await page.locator('.present-counter').textContent()).toBe('2 / 2');

    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((id) => location.hash.includes(`cat=${id}`) && location.hash.includes('ind=lq'), first.id);
    await waitForTitle(page, first.name);
    expect(await title.textContent()).toContain(first.name);

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.body.classList.contains('presenting'));
    expect(await page.locator('header').isVisible()).toBe(true);
    expect(await page.locator('#title-card').isVisible()).toBe(false);

    await page.reload();
    await waitReady(page);
    await page.click('#present-open');
    expect(await page.locator('#saved-views li').count()).toBe(2);
    expect(await page.locator('#saved-views li .saved-view-open').first().textContent()).toContain(first.name);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });
});

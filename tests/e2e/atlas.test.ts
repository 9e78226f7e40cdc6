import { describe, expect, inject, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { useBrowser } from './useBrowser';
import { DEMO_DIR, OUTPUT_DIR, indicatorsLikeWorker, loadDemoCube, openPage, waitReady } from './page';
import { makeFormats } from '../../src/ui/format';
import { lqAt } from '../../src/indicators/cellValues';

// Presentations that travel, report-grade exports, the region dashboard and the linked views.
const axeSource = readFileSync(resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (sel) => {
    type Result = { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: Element) => Promise<Result> } }).axe;
    const { violations } = await axe.run(document.querySelector(sel)!);
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, selector);
}

async function downloadOf(page: Page, trigger: () => Promise<void>): Promise<{ download: Download; bytes: Buffer; path: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), trigger()]);
  const path = (await download.path())!;
  return { download, bytes: readFileSync(path), path };
}

mkdirSync(OUTPUT_DIR, { recursive: true });

describe('presentations that travel', () => {
  const browser = useBrowser();
  const site = inject('siteUrl');
  const cube = loadDemoCube();

  async function saveSlide(page: Page, caption: string, n: number): Promise<void> {
    await page.click('#present-open');
    await page.click('#present-save');
    await page.locator('#saved-views li').nth(n - 1).waitFor();
    await page.fill(`#slide-caption-${n - 1}`, caption);
    await page.keyboard.press('Escape');
  }

  it('a 3-slide deck with captions travels in a link and in a file', async () => {
    const cats = ['automotive', 'it', 'biopharma'].map((id) => cube.categories.find((c) => c.id === id)!);
    const captions = ['Cars: the Midwest leads', 'IT — «кластеры» & <b>bold</b> stays text', 'Biopharma\nsecond line'];
    const { page, watch } = await openPage(browser(), `${site}#v=2&cat=${cats[0].id}&ind=lq&year=2022`);
    await waitReady(page);
    await saveSlide(page, captions[0], 1);
    for (let i = 1; i < 3; i++) {
      await page.selectOption('#category', cats[i].id);
      await page.waitForFunction((id) => location.hash.includes(`cat=${id}`), cats[i].id);
      await waitReady(page);
      await saveSlide(page, captions[i], i + 1);
    }
    await page.click('#present-open');
    await page.click('#deck-copy-link');
    const link = await page.locator('#deck-link').inputValue();
    expect(link).toMatch(/#deck=[A-Za-z0-9_-]+$/);
    expect(link.length).toBeLessThan(2000);
    const file = await downloadOf(page, () => page.click('#deck-download'));
    expect(file.download.suggestedFilename()).toMatch(/\.deck\.json$/);
    const deck = JSON.parse(file.bytes.toString('utf8'));
    expect(deck).toMatchObject({ format: 'cluster-atlas-deck', version: 1 });
    expect(deck.slides.map((s: { caption: string }) => s.caption)).toEqual(captions);
    expect(await seriousViolations(page, '#present-dialog')).toEqual([]);
    await page.context().close();

    // A fresh page (no saved views in its storage) opens the link: same slides, same captions.
    const fresh = await openPage(browser(), link);
    await waitReady(fresh.page);
    expect(await fresh.page.evaluate(() => location.hash)).toContain(`cat=${cats[0].id}`);
    await fresh.page.click('#present-open');
    expect(await fresh.page.locator('#saved-views li').count()).toBe(3);
    for (let i = 0; i < 3; i++) expect(await fresh.page.locator(`#slide-caption-${i}`).inputValue()).toBe(captions[i]);
    expect(await fresh.page.locator('#present-dialog .share-status').textContent()).toContain('3 slides');
    await fresh.page.click('#present-start');
    const caption = fresh.page.locator('#title-card-caption');
    await caption.waitFor({ state: 'visible' });
    expect(await caption.textContent()).toBe(captions[0]);
    expect(await fresh.page.locator('#title-card b').count()).toBe(0);
    await fresh.page.keyboard.press('ArrowRight');
    await fresh.page.waitForFunction((id) => location.hash.includes(`cat=${id}`), cats[1].id);
    await waitReady(fresh.page);
    expect(await caption.textContent()).toBe(captions[1]);
    await fresh.page.waitForTimeout(300);
    await fresh.page.screenshot({ path: resolve(OUTPUT_DIR, 'deck-slide-2.png') });
    await fresh.page.keyboard.press('Escape');
    expect(fresh.watch.errors).toEqual([]);
    await fresh.page.context().close();

    // The file opens in another fresh page; a bad slide in it is left out with a notice.
    deck.slides.push({ hash: '#v=2&ind=evil()', caption: 'bad' });
    const other = await openPage(browser(), `${site}#v=2&cat=it&ind=lq&year=2022`);
    await waitReady(other.page);
    await other.page.click('#present-open');
    await other.page.setInputFiles('#deck-file', { name: 'talk.deck.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(deck)) });
    await other.page.locator('#saved-views li').nth(2).waitFor();
    expect(await other.page.locator('#saved-views li').count()).toBe(3);
    expect(await other.page.locator('#slide-caption-2').inputValue()).toBe(captions[2]);
    const status = await other.page.locator('#present-dialog .share-status').textContent();
    expect(status).toContain('1 slide was left out: 4');
    expect(status).toContain('$.slides[3]');
    await other.page.setInputFiles('#deck-file', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await other.page.locator('#present-dialog .share-status').filter({ hasText: 'notes.txt' }).waitFor();
    expect(other.watch.errors).toEqual([]);
    expect(watch.errors).toEqual([]);
    await other.page.context().close();
  });
});

describe('report-grade exports', () => {
  const browser = useBrowser();
  const site = inject('siteUrl');

  it('PNG at 1920×1080 and 2× carries the LISA note (drawn and in its text); A4 at 1×; CSV with names and units', async () => {
    const { readPng } = await import('../../src/map/pngText');
    const { page, watch } = await openPage(browser(), `${site}#v=2&cat=automotive&ind=lq&year=2022&mode=lisa`);
    await waitReady(page);
    const notes = await page.locator('#legend .legend-notes li').allTextContents();
    expect(notes.some((n) => /999/.test(n) && /seed 1/.test(n) && /p < 0\.05/.test(n))).toBe(true);
    expect(notes.some((n) => /Moran’s I: I = /.test(n))).toBe(true);
    await page.click('#export-open');
    expect(await seriousViolations(page, '#export-dialog')).toEqual([]);
    await page.selectOption('#export-size', 'hd');
    await page.selectOption('#export-ratio', '2');
    const hd = await downloadOf(page, () => page.click('#export-png'));
    const png = readPng(new Uint8Array(hd.bytes));
    expect({ width: png.width, height: png.height }).toEqual({ width: 3840, height: 2160 });
    expect(png.text.Title).toContain('LISA');
    for (const note of notes) expect(png.text.Description).toContain(note);
    expect(png.text.Description).toContain('Values tested');
    expect(png.text.Source).toContain('Census');
    await page.locator('#export-dialog .share-status').filter({ hasText: '.png' }).waitFor();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(resolve(OUTPUT_DIR, 'export-lisa-hd-2x.png'), hd.bytes);

    await page.selectOption('#export-size', 'a4');
    await page.selectOption('#export-ratio', '1');
    const a4 = readPng(new Uint8Array((await downloadOf(page, () => page.click('#export-png'))).bytes));
    expect({ width: a4.width, height: a4.height }).toEqual({ width: 1754, height: 1240 });

    const csv = await downloadOf(page, () => page.click('#export-csv'));
    const { parseDelimited } = await import('../../src/io/delimited');
    const table = parseDelimited(csv.bytes.toString('utf8'), 'export.csv');
    expect(table.header.slice(0, 6)).toEqual(['region', 'name', 'category', 'year', 'employment', 'establishments']);
    for (const column of ['category_name', 'employment_unit', 'lq_unit', 'share_unit', 'lisa_class']) expect(table.header).toContain(column);
    expect(table.rows[0][table.header.indexOf('category_name')]).toBe('Automotive');
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });
});

describe('region dashboard', () => {
  const browser = useBrowser();
  const site = inject('siteUrl');
  const cube = loadDemoCube();
  const regionsGeojson = JSON.parse(readFileSync(resolve(DEMO_DIR, 'regions.geojson'), 'utf8')) as { features: { properties: { id: string; name: string } }[] };

  it('charts the pinned region’s portfolio with values equal to a recomputation, compares regions, passes axe', async () => {
    const { indicatorsLikeWorker } = await import('./page');
    const r = 200;
    const region = cube.regions[r];
    const other = cube.regions[1000];
    const { page, watch } = await openPage(browser(), `${site}#v=2&cat=automotive&ind=lq&year=2022&base=2012&mode=change&change=cagr&region=${region.id}`);
    await page.setViewportSize({ width: 1440, height: 900 });
    await waitReady(page);
    await page.click('#dashboard-open');
    await page.locator('#portfolio-chart .bubble').first().waitFor();
    const nC = cube.categories.length;
    const y1 = cube.years.indexOf(2022);
    const y0 = cube.years.indexOf(2012);
    const result = indicatorsLikeWorker(cube, y1);
    const expected = cube.categories.flatMap((cat, c) => {
      const e1 = cube.employment[y1][r * nC + c];
      const e0 = cube.employment[y0][r * nC + c];
      return e1 > 0 && e0 > 0 ? [{ id: cat.id, name: cat.name, lq: lqAt(result, r * nC + c), growth: Math.pow(e1 / e0, 1 / 10) - 1, e1 }] : [];
    });
    expect(await page.locator('#portfolio-chart .bubble').count()).toBe(expected.length);
    const biggest = expected.sort((a, b) => b.e1 - a.e1)[0];
    const label = await page.locator(`#portfolio-chart .bubble[data-category="${biggest.id}"]`).getAttribute('aria-label');
    const f = (n: number, d: number) => new Intl.NumberFormat('en', { minimumFractionDigits: d, maximumFractionDigits: d }).format(n);
    expect(label).toContain(`${biggest.name}: LQ ${f(biggest.lq, 2)}`);
    expect(label).toContain(`growth ${biggest.growth > 0 ? '+' : ''}${f(biggest.growth * 100, 1)}%`);
    // Keyboard: tab to a bubble, its values appear as text.
    await page.locator('#portfolio-chart .bubble').first().focus();
    expect(await page.locator('#portfolio-readout').textContent()).toMatch(/LQ .*growth .*employment/);
    expect(await page.locator('#dashboard-lines tbody tr').count()).toBe(nC);
    const otherName = regionsGeojson.features.find((f) => f.properties.id === other.id)!.properties.name;
    await page.fill('#dashboard-region-1', other.id);
    await page.dispatchEvent('#dashboard-region-1', 'change');
    await page.waitForFunction(() => document.querySelectorAll('#dashboard-compare thead th').length === 3);
    expect(await page.locator('#dashboard-compare thead th').nth(2).textContent()).toBe(otherName);
    expect(await seriousViolations(page, '#dashboard-dialog')).toEqual([]);
    await page.screenshot({ path: resolve(OUTPUT_DIR, 'dashboard-1440-en.png') });
    await page.locator('#dashboard-lines').scrollIntoViewIfNeeded();
    await page.screenshot({ path: resolve(OUTPUT_DIR, 'dashboard-1440-en-lines.png') });
    expect(watch.errors).toEqual([]);
    await page.context().close();

    const phone = await openPage(browser(), `${site}#v=2&cat=automotive&ind=lq&year=2022&base=2012&region=${region.id}&lang=ru`, { locale: 'ru-RU' });
    await phone.page.setViewportSize({ width: 390, height: 844 });
    await waitReady(phone.page);
    await phone.page.click('#dashboard-open');
    await phone.page.locator('#portfolio-chart .bubble').first().waitFor();
    expect(await phone.page.locator('#dashboard-dialog h2').first().textContent()).toBe('Панель региона');
    const overflow = await phone.page.evaluate(() => document.querySelector('#dashboard-dialog')!.scrollWidth - document.querySelector('#dashboard-dialog')!.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(await seriousViolations(phone.page, '#dashboard-dialog')).toEqual([]);
    await phone.page.screenshot({ path: resolve(OUTPUT_DIR, 'dashboard-390-ru.png') });
    expect(phone.watch.errors).toEqual([]);
    await phone.page.context().close();
  });
});

describe('linked views', () => {
  const browser = useBrowser();
  const site = inject('siteUrl');
  const cube = loadDemoCube();

  it('scatterplot slope equals the legend’s Moran’s I; bars and a dragged rectangle highlight regions; the pinned region is marked', async () => {
    const region = cube.regions[200];
    const { page, watch } = await openPage(browser(), `${site}#v=2&cat=automotive&ind=lq&year=2022&mode=lisa&region=${region.id}`);
    await page.setViewportSize({ width: 1440, height: 900 });
    await waitReady(page);
    const notes = (await page.locator('#legend .legend-notes li').allTextContents()).join(' ');
    const legendI = /I = (-?[\d.]+)/.exec(notes)![1];
    await page.click('#linked-open');
    await page.locator('#moran-scatter').waitFor();
    expect(await page.locator('#scatter-slope').textContent()).toContain(`= ${legendI} `);
    // The histogram has the legend's classes, with its colours and counts.
    const legendCounts = await page.locator('#legend .legend-count').allTextContents();
    const bars = page.locator('#linked-histogram .hist-bar');
    const barCounts = await bars.locator('.hist-count').allTextContents();
    expect(barCounts).toEqual(legendCounts.slice(0, barCounts.length));
    expect(await bars.first().locator('.hist-fill').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(
      await page.locator('#legend .swatch').first().evaluate((e) => getComputedStyle(e).backgroundColor),
    );
    await bars.first().click();
    await page.locator('#linked-status').filter({ hasText: `${legendCounts[0]} regions highlighted` }).waitFor();
    expect(await bars.first().getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#moran-scatter circle.dot.brushed').count()).toBe(Number(legendCounts[0].replace(/,/g, '')));
    // Drag a rectangle over the upper right quadrant.
    const box = (await page.locator('#moran-scatter').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.05);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.97, box.y + box.height * 0.45, { steps: 5 });
    await page.mouse.up();
    const dragged = await page.locator('#moran-scatter circle.dot.brushed').count();
    expect(dragged).toBeGreaterThan(0);
    expect(await page.locator('#linked-status').textContent()).toContain(`${dragged} region`);
    // Keyboard: quadrant by arrows, Enter highlights.
    await page.locator('#moran-scatter').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.locator('#linked-status').filter({ hasText: 'highlighted' }).waitFor();
    // The pinned region is ringed and named.
    expect(await page.locator('#moran-scatter .picked-ring').count()).toBe(1);
    expect(await page.locator('#linked-picked').textContent()).toMatch(/^On the map: .+ — value /);
    expect(await page.locator('#linked-histogram .hist-bar.picked').count()).toBe(1);
    expect(await seriousViolations(page, '#linked-panel')).toEqual([]);
    await page.screenshot({ path: resolve(OUTPUT_DIR, 'linked-1440-en.png') });
    expect(watch.errors).toEqual([]);
    await page.context().close();

    const phone = await openPage(browser(), `${site}#v=2&cat=it&ind=lq&year=2022&lang=ru`, { locale: 'ru-RU' });
    await phone.page.setViewportSize({ width: 390, height: 844 });
    await waitReady(phone.page);
    await phone.page.click('#linked-open');
    await phone.page.locator('#moran-scatter').waitFor();
    expect(await phone.page.locator('#linked-heading').textContent()).toBe('Связанные графики');
    expect(await seriousViolations(phone.page, '#linked-panel')).toEqual([]);
    await phone.page.screenshot({ path: resolve(OUTPUT_DIR, 'linked-390-ru.png') });
    expect(phone.watch.errors).toEqual([]);
    await phone.page.context().close();
  });
});

type Bbox = [number, number, number, number];

/** Each region's bounding box (west, south, east, north) from the dataset's own boundary file. */
function regionBoxes(folder: string, idProperty: string): Map<string, Bbox> {
  const geojson = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/geo', folder, 'regions.geojson'), 'utf8')) as { features: { properties: Record<string, unknown>; geometry: { coordinates: unknown } }[] };
  const boxes = new Map<string, Bbox>();
  for (const f of geojson.features) {
    const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
    const visit = (c: unknown): void => {
      if (!Array.isArray(c)) return;
      if (typeof c[0] === 'number') {
        b[0] = Math.min(b[0], c[0]);
        b[1] = Math.min(b[1], c[1] as number);
        b[2] = Math.max(b[2], c[0]);
        b[3] = Math.max(b[3], c[1] as number);
      } else c.forEach(visit);
    };
    visit(f.geometry.coordinates);
    boxes.set(String(f.properties[idProperty]), b);
  }
  return boxes;
}

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/**
 * The shipped datasets and the regions that belong in an inset rather than the main view, named
 * here from outside the app: Alaska and Hawaii (the demo has no Puerto Rico), the EU's outermost
 * regions (TFEU art. 349) in the pack's NUTS 2013 codes; none for Russia, Chukotka included.
 */
const FRAMES = [
  { name: 'U.S. demo', query: '', folder: 'demo', id: 'id', nameProperty: 'name', outlying: (_id: string, name: string) => /, (AK|HI)$/.test(name) },
  { name: 'EU pack', query: '?dataset=geo/eu-nuts2-lfs/manifest.json', folder: 'eu-nuts2-lfs', id: 'NUTS_ID', nameProperty: 'Name', outlying: (id: string) => ['ES70', 'PT20', 'PT30', 'FRA1', 'FRA2', 'FRA3', 'FRA4', 'FRA5'].includes(id) },
  { name: 'Russia pack', query: '?dataset=geo/ru-okved1/manifest.json', folder: 'ru-okved1', id: 'name', nameProperty: 'name', outlying: () => false },
];

describe('the frame: every region in the opening view, on every screen', () => {
  const browser = useBrowser();
  const site = inject('siteUrl');

  for (const frame of FRAMES) {
    it(`${frame.name}: at 390×844, 1024×768 and 1440×900 the mainland's regions are all inside the map's view and fill it`, async () => {
      const boxes = regionBoxes(frame.folder, frame.id);
      const names = new Map<string, string>();
      const geo = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/geo', frame.folder, 'regions.geojson'), 'utf8')) as { features: { properties: Record<string, string> }[] };
      for (const f of geo.features) names.set(String(f.properties[frame.id]), f.properties[frame.nameProperty]);
      const mainland = [...boxes].filter(([id]) => !frame.outlying(id, names.get(id) ?? ''));
      expect(mainland.length).toBeGreaterThan(50);
      const union: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [, b] of mainland) {
        union[0] = Math.min(union[0], b[0]);
        union[1] = Math.min(union[1], b[1]);
        union[2] = Math.max(union[2], b[2]);
        union[3] = Math.max(union[3], b[3]);
      }
      for (const [viewport, mobile] of [[{ width: 390, height: 844 }, true], [{ width: 1024, height: 768 }, false], [{ width: 1440, height: 900 }, false]] as const) {
        const { page, watch } = await openPage(browser(), `${site}${frame.query}`, { viewport, mobile });
        await waitReady(page, 90_000);
        await page.waitForSelector('#map[data-view-bounds]');
        const view = (await page.getAttribute('#map', 'data-view-bounds'))!.split(',').map(Number) as Bbox;
        const outside = mainland.filter(([, b]) => b[0] < view[0] || b[1] < view[1] || b[2] > view[2] || b[3] > view[3]).map(([id]) => id);
        expect(outside, `${viewport.width}×${viewport.height}: regions outside the view ${view.join(', ')}`).toEqual([]);
        // Fitted, not merely inside: the mainland spans at least 80 % of the view's width or height (Mercator).
        const across = (union[2] - union[0]) / (view[2] - view[0]);
        const down = (mercatorY(union[3]) - mercatorY(union[1])) / (mercatorY(view[3]) - mercatorY(view[1]));
        expect(Math.max(across, down), `${viewport.width}×${viewport.height}`).toBeGreaterThan(0.8);
        // No camera in the link while the view is the fitted one: the link opens fitted to any screen.
        expect(await page.evaluate(() => location.hash)).not.toMatch(/[#&]at=/);
        if (viewport.width === 390) await page.screenshot({ path: resolve(OUTPUT_DIR, `frame-${frame.folder}-phone.png`) });
        expect(watch.errors).toEqual([]);
        await page.close();
      }
    });
  }

  /** Region ids drawn in the insets, frame by frame. */
  async function insetIds(page: Page): Promise<string[][]> {
    return page.evaluate(() => [...document.querySelectorAll('.map-inset')].map((svg) => [...svg.querySelectorAll<SVGPathElement>('path[data-region]')].map((p) => p.dataset.region!)));
  }

  it('insets: Alaska and Hawaii beside the U.S. mainland, the EU’s eight outermost regions one frame each, none for Russia', async () => {
    for (const frame of FRAMES) {
      const geo = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/geo', frame.folder, 'regions.geojson'), 'utf8')) as { features: { properties: Record<string, string> }[] };
      const expected = geo.features.filter((f) => frame.outlying(String(f.properties[frame.id]), f.properties[frame.nameProperty])).map((f) => String(f.properties[frame.id]));
      const { page, watch } = await openPage(browser(), `${site}${frame.query}`, { viewport: { width: 1440, height: 900 } });
      await waitReady(page, 90_000);
      const frames = await insetIds(page);
      expect(frames.flat().sort()).toEqual(expected.sort());
      if (frame.folder === 'demo') {
        expect(expected.length).toBe(34);
        // Two frames: Alaska's boroughs in one, Hawaii's counties in the other (west to east: Alaska's Aleutians first).
        expect(frames.map((ids) => new Set(ids.map((id) => geo.features.find((f) => f.properties.id === id)!.properties.name.slice(-2))))).toEqual([new Set(['AK']), new Set(['HI'])]);
      }
      if (frame.folder === 'eu-nuts2-lfs') expect(frames.map((ids) => ids.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
      // Coloured like the main map: no inset region left in the "no data" grey when it has data.
      const fills = await page.evaluate(() => [...document.querySelectorAll<SVGPathElement>('.map-inset path')].map((p) => p.getAttribute('fill')));
      if (fills.length > 0) expect(new Set(fills).size).toBeGreaterThan(1);
      // Every frame inside the map and clear of the attribution.
      const map = (await page.locator('#map').boundingBox())!;
      const attribution = (await page.locator('#map .maplibregl-ctrl-attrib').boundingBox())!;
      for (const b of await page.locator('.map-inset').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as { left: number; right: number; top: number; bottom: number }))) {
        expect(b.left).toBeGreaterThanOrEqual(map.x);
        expect(b.right).toBeLessThanOrEqual(map.x + map.width);
        expect(b.bottom).toBeLessThanOrEqual(attribution.y + 0.5);
      }
      await page.screenshot({ path: resolve(OUTPUT_DIR, `frame-${frame.folder}-1440.png`) });
      expect(watch.errors).toEqual([]);
      await page.close();
    }
  });

  it('an inset region hovered shows its tooltip with the LQ of the data; click pins it and opens its profile; the keyboard reaches it', async () => {
    const cube = loadDemoCube();
    const formats = makeFormats('en');
    const geo = JSON.parse(readFileSync(resolve(DEMO_DIR, 'regions.geojson'), 'utf8')) as { features: { properties: { id: string; name: string } }[] };
    const { page, watch } = await openPage(browser(), `${site}#v=2&cat=automotive&ind=lq&year=2022`, { viewport: { width: 1440, height: 900 } });
    await waitReady(page);
    const yi = cube.years.indexOf(2022);
    const ci = cube.categories.findIndex((c) => c.id === 'automotive');
    const result = indicatorsLikeWorker(cube, yi);
    const tooltip = page.locator('[role="tooltip"]');
    // The largest borough of Alaska's frame, hovered at its middle.
    const anchorage = geo.features.find((f) => f.properties.name.startsWith('Anchorage'))!.properties.id;
    const path = page.locator(`.map-inset path[data-region="${anchorage}"]`);
    const b = (await path.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await tooltip.locator('[data-field="region"]').waitFor({ state: 'visible', timeout: 10_000 });
    const hovered = await page.evaluate(() => document.querySelector('.map-inset path.hover')?.getAttribute('data-region'));
    const ri = cube.regions.findIndex((r) => r.id === hovered);
    expect(ri).toBeGreaterThanOrEqual(0);
    const nameOf = (id: string) => geo.features.find((f) => f.properties.id === id)!.properties.name;
    expect(await tooltip.locator('[data-field="region"]').textContent()).toBe(nameOf(hovered!));
    expect(await tooltip.locator('[data-field="lq"]').textContent()).toBe(formats.lq(lqAt(result, ri * cube.categories.length + ci)));
    // The inset colour is the main map's colour for that region: the legend class of its LQ.
    const fill = await page.locator(`.map-inset path[data-region="${hovered}"]`).getAttribute('fill');
    expect(fill).not.toBe(null);
    // Click: pinned (in the link) and its profile in the regions panel.
    await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
    await page.waitForFunction((id) => location.hash.includes(`region=${id}`), hovered);
    await page.locator('#explore h2').filter({ hasText: nameOf(hovered!) }).first().waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator(`.map-inset path[data-region="${hovered}"]`).getAttribute('class')).toContain('marked');
    // Keyboard: the Hawaii frame is a Tab stop; arrows step through its counties with the tooltip, Enter pins one.
    await page.locator('[role="tooltip"] .tooltip-close').click();
    const hawaii = page.locator('.map-inset').nth(1);
    await hawaii.focus();
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => document.querySelector('.map-inset path.hover')?.getAttribute('data-region'));
    const hi = cube.regions.findIndex((r) => r.id === focused);
    expect(hi).toBeGreaterThanOrEqual(0);
    expect(nameOf(focused!)).toMatch(/, HI$/);
    await tooltip.filter({ hasText: nameOf(focused!) }).waitFor({ state: 'visible', timeout: 10_000 });
    expect(await hawaii.getAttribute('aria-label')).toContain(nameOf(focused!));
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => location.hash.includes(`region=${id}`), focused);
    // Another category recolours the insets with the main map.
    const before = await page.locator('.map-inset path').evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')).join());
    await page.selectOption('#category', 'biopharma');
    await waitReady(page);
    await expect.poll(() => page.locator('.map-inset path').evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')).join())).not.toBe(before);
    expect(await seriousViolations(page, '#map')).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('the PNG carries the insets (bottom right, above the attribution) and, at the opening view, the mainland fitted to its own shape', async () => {
    const { readPng } = await import('../../src/map/pngText');
    const { page, watch } = await openPage(browser(), `${site}?dataset=geo/eu-nuts2-lfs/manifest.json`, { viewport: { width: 1366, height: 768 } });
    await waitReady(page, 90_000);
    await page.click('#export-open');
    await page.selectOption('#export-size', 'hd');
    await page.selectOption('#export-ratio', '1');
    const hd = await downloadOf(page, () => page.click('#export-png'));
    expect(readPng(new Uint8Array(hd.bytes))).toMatchObject({ width: 1920, height: 1080 });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(resolve(OUTPUT_DIR, 'frame-eu-hd.png'), hd.bytes);
    // Decoded in the page: the frames' border colour (#8c959f) along the lower right quarter, where only the insets draw it.
    const borderPixels = await page.evaluate(async (bytes) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(bitmap.width / 2, bitmap.height * 0.6, bitmap.width / 2, bitmap.height * 0.4);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - 0x8c) < 6 && Math.abs(data[i + 1] - 0x95) < 6 && Math.abs(data[i + 2] - 0x9f) < 6) n++;
      return n;
    }, [...hd.bytes]);
    // Eight frames of 50–130 px sides: well over a thousand border pixels.
    expect(borderPixels).toBeGreaterThan(1000);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('the PNG carries the place names, placed for the image\'s own size (none when they are turned off), and the sea where the canvas is see-through', async () => {
    const { page, watch } = await openPage(browser(), `${site}?dataset=geo/eu-nuts2-lfs/manifest.json`, { viewport: { width: 1366, height: 768 } });
    await waitReady(page, 90_000);
    await page.waitForFunction(() => document.querySelectorAll('#map .map-label:not([hidden])').length >= 15, undefined, { timeout: 30_000 });
    await page.click('#export-open');
    await page.selectOption('#export-size', 'hd');
    await page.selectOption('#export-ratio', '1');
    const named = await downloadOf(page, () => page.click('#export-png'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(resolve(OUTPUT_DIR, 'labels-eu-hd.png'), named.bytes);
    await page.keyboard.press('Escape');
    await page.locator('#overlay-labels').uncheck();
    await waitReady(page);
    await page.click('#export-open');
    const bare = await downloadOf(page, () => page.click('#export-png'));
    // The names' ink (#1a1a1a) is the one near-black the map itself never draws; the title and
    // legend are the same in both images, so the difference is the names.
    const dark = (bytes: Buffer) =>
      page.evaluate(async (b) => {
        const bitmap = await createImageBitmap(new Blob([new Uint8Array(b)], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] < 70 && data[i + 1] < 70 && data[i + 2] < 70 && data[i + 3] > 200) n++;
        return n;
      }, [...bytes]);
    const withNames = await dark(named.bytes);
    const without = await dark(bare.bytes);
    // Fifteen names or more of about ten letters: thousands of ink pixels.
    expect(withNames - without).toBeGreaterThan(2000);
    // Looking past Mercator's latitudes (the canvas is see-through there): the image has the sea, no hole.
    await page.keyboard.press('Escape');
    await page.evaluate(() => (window as unknown as { atlasMap: { jumpTo(o: object): void } }).atlasMap.jumpTo({ center: [20, 70], zoom: 0.5 }));
    await waitReady(page);
    await page.click('#export-open');
    await page.selectOption('#export-size', 'screen');
    const north = await downloadOf(page, () => page.click('#export-png'));
    writeFileSync(resolve(OUTPUT_DIR, 'labels-eu-north.png'), north.bytes);
    const seeThrough = await page.evaluate(async (b) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(b)], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] < 255) n++;
      return n;
    }, [...north.bytes]);
    expect(seeThrough).toBe(0);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('a deck opened from a link can be kept in this browser: its slides join the saved views and are there after a reload', async () => {
    const { encodeDeck } = await import('../../src/state/deck');
    const captions = ['Cars', 'Software'];
    const deck = encodeDeck([
      { hash: '#v=2&cat=automotive&ind=lq&year=2022', caption: captions[0] },
      { hash: '#v=2&cat=it&ind=lq&year=2022', caption: captions[1] },
    ]);
    const { page, watch } = await openPage(browser(), `${site}${deck}`);
    await waitReady(page);
    await page.click('#present-open');
    expect(await page.locator('#saved-views li').count()).toBe(2);
    const keep = page.locator('#deck-keep');
    expect(await keep.isVisible()).toBe(true);
    await keep.click();
    await page.locator('#present-dialog .share-status').filter({ hasText: '2 slides kept' }).waitFor();
    // The browser's own list is shown again (no more "keep"), with the deck's slides in it.
    expect(await keep.isVisible()).toBe(false);
    expect(await page.locator('#saved-views li').count()).toBe(2);
    expect(await seriousViolations(page, '#present-dialog')).toEqual([]);
    // A reload without the deck in the link: the slides are still there.
    await page.goto('about:blank');
    await page.goto(`${site}#v=2&cat=biopharma&ind=lq&year=2022`);
    await waitReady(page);
    await page.click('#present-open');
    expect(await page.locator('#saved-views li').count()).toBe(2);
    for (let i = 0; i < 2; i++) expect(await page.locator(`#slide-caption-${i}`).inputValue()).toBe(captions[i]);
    expect(await page.locator('#deck-keep').isVisible()).toBe(false);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('a slide is fitted around its regions in the part of the map below its title card, on a smaller screen than it was made on', async () => {
    const { encodeDeck } = await import('../../src/state/deck');
    // Texas and its neighbours' edges, as a slide saved on a wide screen would carry them.
    const bounds: Bbox = [-106.65, 25.84, -93.51, 36.5];
    const deck = encodeDeck([{ hash: '#v=2&cat=oil-gas&ind=lq&year=2022', caption: 'Oil and gas: the Gulf coast and the Permian basin', bounds }]);
    for (const [viewport, mobile] of [[{ width: 1024, height: 768 }, false], [{ width: 390, height: 844 }, true]] as const) {
      const { page, watch } = await openPage(browser(), `${site}${deck}`, { viewport, mobile });
      await waitReady(page);
      await page.click('#present-open');
      await page.click('#present-start');
      await page.locator('#title-card-caption').waitFor({ state: 'visible' });
      await waitReady(page);
      // Fitted: the view's bounds change to frame the slide (the opening view is wider than Texas).
      await expect.poll(async () => {
        const v = (await page.getAttribute('#map', 'data-view-bounds'))!.split(',').map(Number);
        return v[2] - v[0] < 50;
      }, { timeout: 15_000 }).toBe(true);
      const view = (await page.getAttribute('#map', 'data-view-bounds'))!.split(',').map(Number) as Bbox;
      expect(bounds[0]).toBeGreaterThanOrEqual(view[0]);
      expect(bounds[2]).toBeLessThanOrEqual(view[2]);
      expect(bounds[1]).toBeGreaterThanOrEqual(view[1]);
      expect(bounds[3]).toBeLessThanOrEqual(view[3]);
      // Its north edge on screen (Mercator, north up, from the view's bounds) lies below the title card, or the box beside it.
      const map = (await page.locator('#map').boundingBox())!;
      const card = (await page.locator('#title-card').boundingBox())!;
      const usable = map.height - (await page.evaluate(() => {
        const a = document.querySelector('#map .maplibregl-ctrl-attrib')!.getBoundingClientRect();
        return document.getElementById('map')!.getBoundingClientRect().bottom - a.top;
      }));
      const yOf = (lat: number) => map.y + ((mercatorY(view[3]) - mercatorY(lat)) / (mercatorY(view[3]) - mercatorY(view[1]))) * usable;
      const xOf = (lng: number) => map.x + ((lng - view[0]) / (view[2] - view[0])) * map.width;
      const below = yOf(bounds[3]) >= card.y + card.height - 1;
      const beside = xOf(bounds[0]) >= card.x + card.width - 1;
      expect(below || beside, `slide box top ${yOf(bounds[3])}, left ${xOf(bounds[0])}; card ${JSON.stringify(card)}`).toBe(true);
      // And clear of the legend (bottom-left): above it or right of it.
      const legend = (await page.locator('#legend').evaluate((l) => l.closest('.panel')!.getBoundingClientRect().toJSON())) as { left: number; right: number; top: number; bottom: number };
      expect(yOf(bounds[1]) <= legend.top + 1 || xOf(bounds[0]) >= legend.right - 1, `slide box bottom ${yOf(bounds[1])}, left ${xOf(bounds[0])}; legend ${JSON.stringify(legend)}`).toBe(true);
      await page.screenshot({ path: resolve(OUTPUT_DIR, `frame-slide-${viewport.width}.png`) });
      expect(watch.errors).toEqual([]);
      await page.close();
    }
  });

  it('the region dashboard changes language without being reopened (a link’s #lang=)', async () => {
    const region = loadDemoCube().regions[200];
    const { page, watch } = await openPage(browser(), `${site}#v=2&cat=automotive&ind=lq&year=2022&base=2012&region=${region.id}`, { viewport: { width: 1440, height: 900 } });
    await waitReady(page);
    await page.click('#dashboard-open');
    await page.locator('#portfolio-chart .bubble').first().waitFor();
    const texts = () =>
      page.evaluate(() => ({
        heading: document.querySelector('#dashboard-dialog h2')?.textContent ?? '',
        label: document.querySelector('.dashboard-region-label')?.textContent ?? '',
        axis: document.querySelector('#portfolio-chart .axis-title')?.textContent ?? '',
        column: document.querySelector('#dashboard-lines thead th')?.textContent ?? '',
      }));
    const english = await texts();
    for (const text of Object.values(english)) expect(text).toMatch(/^[^А-Яа-яЁё]+$/);
    await page.evaluate(() => (location.hash = location.hash.replace(/([#&])lang=en/, '$1lang=ru')));
    await expect.poll(async () => Object.values(await texts()).every((text) => /[А-Яа-яЁё]/.test(text)), { timeout: 15_000 }).toBe(true);
    expect(await page.locator('#dashboard-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('reset view brings the fitted opening view back after zooming, and the link drops its camera', async () => {
    const { page, watch } = await openPage(browser(), `${site}?dataset=geo/ru-okved1/manifest.json#lang=ru`, { viewport: { width: 390, height: 844 }, mobile: true });
    await waitReady(page, 90_000);
    await page.waitForSelector('#map[data-view-bounds]');
    const home = await page.getAttribute('#map', 'data-view-bounds');
    await page.locator('.maplibregl-ctrl-zoom-in').tap();
    await page.waitForFunction(() => /[#&]at=/.test(location.hash), undefined, { timeout: 10_000 });
    expect(await page.getAttribute('#map', 'data-view-bounds')).not.toBe(home);
    const reset = page.locator('.atlas-reset-view');
    expect(await reset.getAttribute('aria-label')).toBe('Исходный вид: весь набор данных');
    await reset.tap();
    await page.waitForFunction(() => !/[#&]at=/.test(location.hash), undefined, { timeout: 10_000 });
    expect(await page.getAttribute('#map', 'data-view-bounds')).toBe(home);
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});

import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowser } from './useBrowser';
import { OUTPUT_DIR, ROOT, indicatorsLikeWorker, openImport, openPage, waitReady } from './page';
import { haveSharedData, sharedDataPath } from '../shared-data';
import { readBoundaries } from '../../src/io/boundaries';
import { bestIdProperty } from '../../src/io/idProperty';
import { parseEurostatTsv } from '../../src/io/eurostatTsv';
import { eurostatToCube } from '../../src/io/eurostatCube';
import { nestedJsonToCube } from '../../src/io/nestedJson';
import { joinRegions, type JoinReport } from '../../src/io/regionJoin';
import { joinedCube } from '../../src/io/joinedCube';
import { STAR_FOCUS, STAR_SIZE, STAR_SPECIALISATION, type EmploymentCube } from '../../src/model/dataset';
import { makeFormats } from '../../src/ui/format';
import { t } from '../../src/i18n/i18n';
import { focusAt, lqAt, starCountAt } from '../../src/indicators/cellValues';

const FIXTURES = resolve(ROOT, 'tests/fixtures/import');
const EU = ['eu/NUTS_RG_60M_2021_4326_LEVL_2.geojson', 'eu/lfst_r_lfe2en2_2008-2015.tsv'];
const RU = ['ru/russia_federal_subjects_gislab_osm.geojson', 'ru/rosstat_okved1_employment_grp_85regions.json'];
const formats = makeFormats('en');

/** The report's counts as the page shows them, against the library's own join. */
async function expectReport(page: Page, join: JoinReport): Promise<void> {
  const report = page.locator('#import-report');
  const c = join.counts;
  const n = formats.count;
  expect(await report.locator('[data-count="map"]').textContent()).toBe(t('import.report.map', { n: n(c.mapRegions), count: c.mapRegions }, 'en'));
  expect(await report.locator('[data-count="data"]').textContent()).toBe(t('import.report.data', { n: n(c.dataRegions), count: c.dataRegions }, 'en'));
  expect(await report.locator('[data-count="matched"]').textContent()).toContain(t('import.report.matched', { n: n(c.matched), count: c.matched }, 'en'));
  expect(await report.locator('[data-count="no-data"]').textContent()).toBe(t('import.report.noData', { n: n(c.noData), count: c.noData }, 'en'));
  expect(await report.locator('[data-count="not-on-map"]').textContent()).toBe(t('import.report.notOnMap', { n: n(c.notOnMap), count: c.notOnMap }, 'en'));
  for (const [basis, count] of Object.entries(c.byBasis)) expect(await report.locator(`[data-basis="${basis}"]`).getAttribute('value'), basis).toBe(String(count));
  expect(await report.locator('[data-list="not-on-map"] tbody tr').count()).toBe(Math.min(c.notOnMap, 500));
}

/** Moves the pointer over the map until the tooltip shows a region with data; returns its name. */
async function hoverRegionWithData(page: Page, points: [number, number][]): Promise<string> {
  const box = (await page.locator('#map canvas').boundingBox())!;
  const tooltip = page.locator('[role="tooltip"]');
  for (const [fx, fy] of points) {
    await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
    try {
      await tooltip.locator('[data-field="lq"]').waitFor({ state: 'visible', timeout: 2000 });
      return (await tooltip.locator('[data-field="region"]').textContent())!;
    } catch {
      /* sea, or a region without data: try the next point */
    }
  }
  throw new Error('no region with data under any of the points');
}

/** The page's indicators recomputed in Node from the joined cube, as the worker computes them. */
function indicators(cube: EmploymentCube, yearIndex: number) {
  return indicatorsLikeWorker(cube, yearIndex);
}

const axeSource = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Serious or critical accessibility violations on the page as it is (axe-core, evaluated through the DevTools protocol). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const { violations } = await (window as unknown as { axe: { run: (context: Element) => Promise<Result> } }).axe.run(document.querySelector('#import-dialog')!);
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('opening one’s own files in the app', () => {
  const browser = useBrowser();
  const site = inject('siteUrl');

  beforeAll(async () => {
    mkdirSync(OUTPUT_DIR, { recursive: true });
  });

  it.skipIf(!haveSharedData(...EU))('EU NUTS-2 2021 and the Eurostat LFS table: join report, stars for 2015, one tooltip', async () => {
    const [nutsPath, lfsPath] = EU.map(sharedDataPath);
    const nutsText = readFileSync(nutsPath, 'utf8');
    const filters = { age: ['Y_GE15'] };
    const cube = eurostatToCube(parseEurostatTsv(readFileSync(lfsPath, 'utf8'), 'lfs.tsv'), { filters }).cube;
    const idProperty = bestIdProperty(readBoundaries(nutsText, 'nuts').collection.features, cube.regions.map((r) => r.id))!.property;
    const boundaries = readBoundaries(nutsText, 'nuts', { idProperty });
    const join = joinRegions(cube.regions, boundaries.regions);
    const mapCube = joinedCube(cube, join);

    const { page, watch } = await openPage(browser(), site);
    await waitReady(page);
    await openImport(page, [nutsPath, lfsPath]);
    expect(await page.locator('li[data-file="lfst_r_lfe2en2_2008-2015.tsv"]').textContent()).toContain('Eurostat TSV');
    expect(await page.locator('select[data-import="category-dimension"]').inputValue()).toBe('nace_r2');
    await page.selectOption('select[data-import="filter-age"]', 'Y_GE15');
    await page.click('[data-action="load-import"]');
    await page.locator('#import-report').waitFor({ timeout: 60_000 });
    await expectReport(page, join);
    expect(join.counts).toMatchObject({ matched: 275, noData: 59, notOnMap: 216 });
    // Each left-out region says why: a 2013 code the 2021 map no longer has (a code of another NUTS version), a country total.
    expect(await page.locator('[data-miss="FR21"] [data-field="reason"]').textContent()).toBe(t('import.reason.other-version', {}, 'en'));
    expect(await page.locator('[data-miss="EL"] [data-field="reason"]').textContent()).toBe(t('import.reason.aggregate', {}, 'en'));
    await waitReady(page);
    await page.click('[data-action="show-map"]');
    expect(await page.locator('#dataset-picker option:checked').textContent()).toContain('lfst_r_lfe2en2_2008-2015.tsv');

    await page.selectOption('#indicator', 'stars');
    await page.selectOption('#year', '2015');
    await page.waitForFunction(() => location.hash.includes('ind=stars') && location.hash.includes('year=2015'));
    await waitReady(page);
    const legend = (await page.locator('#legend h2').textContent())!;
    expect(legend).toContain('2015');

    const name = await hoverRegionWithData(page, [[0.55, 0.55], [0.5, 0.45], [0.45, 0.6], [0.6, 0.4], [0.4, 0.5], [0.65, 0.6], [0.52, 0.35]]);
    const r = mapCube.regions.findIndex((x) => x.name === name);
    expect(r, name).toBeGreaterThanOrEqual(0);
    const cat = new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).get('cat')!;
    const c = mapCube.categories.findIndex((x) => x.id === cat);
    const y = mapCube.years.indexOf(2015);
    const result = indicators(mapCube, y);
    const i = r * mapCube.categories.length + c;
    const tooltip = page.locator('[role="tooltip"]');
    expect(await tooltip.locator('[data-field="category"]').textContent()).toContain(mapCube.categories[c].name);
    expect(await tooltip.locator('[data-field="employment"]').textContent()).toBe(formats.count(mapCube.employment[y][i]));
    expect(await tooltip.locator('[data-field="lq"]').textContent()).toBe(formats.lq(lqAt(result, i)));
    expect(await tooltip.locator('[data-field="focus"]').textContent()).toBe(formats.share(focusAt(result, i)));
    const stars = tooltip.locator('[data-field="stars"]');
    expect(await stars.getAttribute('data-stars')).toBe(String(starCountAt(result, i)));
    const starText = (await stars.textContent())!;
    expect(starText.includes('size')).toBe((result.stars[i] & STAR_SIZE) !== 0);
    expect(starText.includes('specialisation')).toBe((result.stars[i] & STAR_SPECIALISATION) !== 0);
    expect(starText.includes('focus')).toBe((result.stars[i] & STAR_FOCUS) !== 0);
    // Eurostat's flags on the value (u: low reliability, b: break in series …) are shown, or nothing when it has none.
    const flags = mapCube.flags?.[y]?.get(i);
    if (flags) expect(await tooltip.locator('[data-field="flags"]').getAttribute('data-flags')).toBe(flags);
    else expect(await tooltip.locator('[data-field="flags"]').count()).toBe(0);
    await page.screenshot({ path: resolve(OUTPUT_DIR, 'import-eu-stars-2015.png') });

    // Change 2008→2015 in employment: regions that lost, kept and gained jobs, as Node counts them.
    await page.mouse.move(5, 5);
    await page.locator('#map-mode').selectOption('change');
    await page.locator('#base-year').selectOption('2008');
    await page.locator('#change-measure').selectOption('abs');
    await page.waitForFunction(() => document.querySelector('#legend h2')?.textContent?.includes('2008–2015'));
    await waitReady(page);
    const y0 = mapCube.years.indexOf(2008);
    const delta = mapCube.regions.map((_, r) => mapCube.employment[y][r * mapCube.categories.length + c] - mapCube.employment[y0][r * mapCube.categories.length + c]);
    const counts = (await page.locator('#legend li[data-kind="class"] .legend-count').allTextContents()).map((x) => Number(x.replace(/[^\d]/g, '')));
    const labels = await page.locator('#legend li[data-kind="class"] .legend-label').allTextContents();
    const negative = (label: string) => /^[-−]/.test(label);
    const sumWhere = (test: (label: string) => boolean) => counts.reduce((sum, n, k) => sum + (test(labels[k]) ? n : 0), 0);
    expect(sumWhere(negative)).toBe(delta.filter((d) => d < 0).length);
    expect(sumWhere((l) => !negative(l) && l !== '0')).toBe(delta.filter((d) => d > 0).length);
    await page.screenshot({ path: resolve(OUTPUT_DIR, 'import-eu-change-2008-2015.png') });

    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.context().close();
  });

  it.skipIf(!haveSharedData(...RU))('Russian regions and Rosstat by name: report, a manual fix, exports, Chukotka in one piece', async () => {
    const [russiaPath, rosstatPath] = RU.map(sharedDataPath);
    const boundaries = readBoundaries(readFileSync(russiaPath, 'utf8'), 'russia');
    const { cube } = nestedJsonToCube(readFileSync(rosstatPath, 'utf8'), 'rosstat.json', { measure: 'ЧИСЛ', defaultYear: 2015 });
    const bare = joinRegions(cube.regions, boundaries.regions, { nameAliases: [] });
    const fixed = joinRegions(cube.regions, boundaries.regions, { nameAliases: [], manual: new Map([['Чувашская Республика', 'Чувашия']]) });

    const { page, watch } = await openPage(browser(), site);
    await waitReady(page);
    await openImport(page, [russiaPath, rosstatPath]);
    expect(await page.locator('select[data-import="measure"] option').allTextContents()).toEqual(['ЧИСЛ', 'ВРП']);
    await page.selectOption('select[data-import="measure"]', 'ЧИСЛ');
    await page.locator('input[data-import="year"]').fill('2015');
    await page.locator('input[data-import="year"]').dispatchEvent('change');
    // Without the built-in alternative names, Чувашская Республика is left for a manual fix.
    await page.locator('input[data-import="aliases"]').uncheck();
    await page.click('[data-action="load-import"]');
    await page.locator('#import-report').waitFor({ timeout: 60_000 });
    await expectReport(page, bare);
    expect(bare.notOnMap.map((m) => m.dataId)).toEqual(['Чувашская Республика', 'Республика Крым', 'г. Севастополь']);
    for (const name of ['Республика Крым', 'г. Севастополь']) {
      expect(await page.locator(`[data-miss="${name}"] [data-field="reason"]`).textContent()).toBe(t('import.reason.not-on-map', {}, 'en'));
    }
    await waitReady(page);

    await page.click('[data-action="pick"][data-region="Чувашская Республика"]');
    await page.selectOption('select[data-import="fix-region"]', 'Чувашия');
    await page.click('[data-action="apply-fix"]');
    await page.locator('[data-basis="manual"][value="1"]').waitFor({ state: 'attached', timeout: 60_000 });
    await expectReport(page, fixed);
    expect(await page.locator('[data-match="Чувашская Республика"] [data-field="basis"]').textContent()).toBe(t('import.basis.manual', {}, 'en'));
    await waitReady(page);

    const [fixes] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-fixes"]')]);
    expect(fixes.suggestedFilename()).toBe('manual-fixes.csv');
    expect(readFileSync((await fixes.path())!, 'utf8')).toBe('\ufeffdata_name,region_id\r\nЧувашская Республика,Чувашия\r\n');
    const [report] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="download-report"]')]);
    const reportLines = readFileSync((await report.path())!, 'utf8').replace(/\r\n$/, '').split('\r\n');
    expect(reportLines[0]).toBe('\ufeffstatus,data_region,data_name,map_region,map_name,basis,reason,detail');
    expect(reportLines).toHaveLength(1 + 85);
    expect(reportLines.filter((l) => l.startsWith('not-on-map,'))).toHaveLength(2);
    await page.click('[data-action="show-map"]');

    // Chukotka crosses 180°: pinned (outlined in black), its drawn extent must be compact, not a band across Russia.
    const chukotka = boundaries.regions.find((x) => x.name.startsWith('Чукот'))!;
    await page.evaluate((id) => {
      const params = new URLSearchParams(location.hash.slice(1));
      params.set('region', id);
      location.hash = params.toString();
    }, chukotka.id);
    await page.waitForFunction(() => location.hash.includes('region='));
    await waitReady(page);
    await page.locator('[role="tooltip"] [data-field="region"]').waitFor();
    expect(await page.locator('[role="tooltip"] [data-field="region"]').textContent()).toBe(chukotka.name);
    const extent = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('#map canvas')!;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      const { data, width, height } = ctx.getImageData(0, 0, copy.width, copy.height);
      let minX = width, maxX = -1, minY = height, maxY = -1, dark = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const k = (y * width + x) * 4;
          // Drawn dark (the pinned outline), not transparent: past the Mercator latitudes the canvas is see-through.
          if (data[k + 3] > 200 && data[k] < 40 && data[k + 1] < 40 && data[k + 2] < 40) {
            dark++;
            if (x < minX) minX = x;
            if (x > maxX) maxX = x;
            if (y < minY) minY = y;
            if (y > maxY) maxY = y;
          }
        }
      }
      return { minX, maxX, minY, maxY, dark, width, height };
    });
    await page.screenshot({ path: resolve(OUTPUT_DIR, 'import-russia-chukotka.png') });
    expect(extent.dark).toBeGreaterThan(50);
    // Chukotka is about a fifth of Russia's east–west extent; smeared across the antimeridian it would span the map.
    expect((extent.maxX - extent.minX) / extent.width).toBeLessThan(0.3);
    expect(extent.minX / extent.width).toBeGreaterThan(0.5);

    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.context().close();
  });

  it('names the file, place and problem of bad input, and keeps the last good dataset', async () => {
    const { page, watch } = await openPage(browser(), site);
    await waitReady(page);
    const demoTitle = await page.locator('#dataset-title').textContent();

    // Malformed JSON is reported as soon as the file is read.
    await openImport(page, [resolve(FIXTURES, 'malformed.geojson'), resolve(FIXTURES, 'long-semicolon.csv')]);
    const readError = page.locator('li[data-file="malformed.geojson"] .import-error');
    expect(await readError.locator('[data-field="file"]').textContent()).toBe('malformed.geojson');
    expect(await readError.locator('[data-field="where"]').textContent()).toMatch(/^line 5, character \d+$/);
    expect(await readError.locator('[data-field="problem"]').textContent()).toMatch(/^invalid JSON: expected "," or "}"/);
    expect(await page.locator('[data-action="load-import"]').isDisabled()).toBe(true);
    expect(await page.locator('.import-missing').textContent()).toBe(t('import.need.boundaries', {}, 'en'));

    // Good boundaries, bad numbers: the build fails with the line and column; the demo stays.
    await page.setInputFiles('#import-files', [resolve(FIXTURES, 'regions.geojson'), resolve(FIXTURES, 'text-in-number.csv')]);
    await page.locator('li[data-file="text-in-number.csv"]').waitFor();
    await page.locator('.import-progress').waitFor({ state: 'hidden' });
    await page.selectOption('select[data-import="role"][data-file="long-semicolon.csv"]', 'ignore');
    await page.selectOption('select[data-import="role"][data-file="text-in-number.csv"]', 'employment');
    await page.click('[data-action="load-import"]');
    const buildError = page.locator('.import-body > .import-error');
    await buildError.waitFor();
    expect(await buildError.locator('[data-field="file"]').textContent()).toBe('text-in-number.csv');
    expect(await buildError.locator('[data-field="where"]').textContent()).toBe('line 3, column “employment”');
    expect(await buildError.locator('[data-field="problem"]').textContent()).toBe('"many" is not a number');
    expect(await page.locator('#dataset-title').textContent()).toBe(demoTitle);
    expect(await page.locator('#map').getAttribute('data-ready')).toBe('true');

    // A good import replaces the demo; a later bad one leaves it on the map.
    await page.selectOption('select[data-import="role"][data-file="text-in-number.csv"]', 'ignore');
    await page.selectOption('select[data-import="role"][data-file="long-semicolon.csv"]', 'employment');
    await page.click('[data-action="load-import"]');
    await page.locator('#import-report').waitFor();
    await waitReady(page);
    const userTitle = await page.locator('#dataset-title').textContent();
    expect(userTitle).toContain('long-semicolon.csv');
    await page.setInputFiles('#import-files', [resolve(FIXTURES, 'points.geojson')]);
    await page.locator('li[data-file="points.geojson"] .import-error').waitFor();
    expect(await page.locator('li[data-file="points.geojson"] [data-field="where"]').textContent()).toBe('feature 1');
    await page.selectOption('select[data-import="role"][data-file="text-in-number.csv"]', 'employment');
    await page.click('[data-action="load-import"]');
    await buildError.waitFor();
    expect(await page.locator('#dataset-title').textContent()).toBe(userTitle);
    await page.click('[data-action="close-import"]');
    await waitReady(page);
    expect(await page.locator('#legend h2').textContent()).toContain('2021');

    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.context().close();
  });
  it('opens dropped files, and Cancel stops a long read at once with the map kept', async () => {
    const { page, watch } = await openPage(browser(), site);
    await waitReady(page);
    const demoTitle = await page.locator('#dataset-title').textContent();

    // Files dropped anywhere on the page open the dialog and are read like picked ones.
    const texts = { 'regions.geojson': readFileSync(resolve(FIXTURES, 'regions.geojson'), 'utf8'), 'wide.csv': readFileSync(resolve(FIXTURES, 'wide.csv'), 'utf8') };
    const transfer = await page.evaluateHandle((files) => {
      const dt = new DataTransfer();
      for (const [name, text] of Object.entries(files)) dt.items.add(new File([text], name));
      return dt;
    }, texts);
    await page.dispatchEvent('#map', 'dragenter', { dataTransfer: transfer });
    expect(await page.locator('.drop-overlay').isVisible()).toBe(true);
    await page.dispatchEvent('#map', 'drop', { dataTransfer: transfer });
    await page.locator('#import-dialog li[data-file="wide.csv"]').waitFor();
    expect(await page.locator('.drop-overlay').isVisible()).toBe(false);
    await page.locator('.import-progress').waitFor({ state: 'hidden' });
    expect(await page.locator('select[data-import="layout"]').inputValue()).toBe('wide');
    // The text column "label" is not taken for a category.
    const columns = page.locator('input[data-import="category-columns"]');
    expect(await columns.evaluateAll((boxes) => boxes.map((b) => [(b as HTMLInputElement).value, (b as HTMLInputElement).checked]))).toEqual([
      ['label', false],
      ['agri', true],
      ['tech', true],
    ]);

    // A large table (generated here, about 40 MB): cancel while it is read.
    const dir = mkdtempSync(join(tmpdir(), 'cluster-atlas-import-'));
    try {
      const big = join(dir, 'big.csv');
      const row = 'R0001,category-name,2020,12345\n';
      writeFileSync(big, 'region,category,year,employment\n' + row.repeat(Math.ceil(40e6 / row.length)));
      await page.setInputFiles('#import-files', [big]);
      await page.locator('.import-progress').waitFor({ state: 'visible' });
      await page.click('[data-action="cancel-import"]');
      await page.locator('.import-progress').waitFor({ state: 'hidden', timeout: 5000 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await page.locator('.import-message').textContent()).toBe(t('import.cancelled', {}, 'en'));
    expect(await page.locator('#import-dialog li[data-file="big.csv"]').count()).toBe(0);
    expect(await page.locator('#dataset-title').textContent()).toBe(demoTitle);
    expect(await page.locator('#map').getAttribute('data-ready')).toBe('true');

    // A fresh worker takes over: the dropped files still load.
    await page.locator('input[data-import="year"]').fill('2020');
    await page.locator('input[data-import="year"]').dispatchEvent('change');
    await page.click('[data-action="load-import"]');
    await page.locator('#import-report').waitFor();
    await waitReady(page);
    expect(await page.locator('#import-report [data-count="matched"]').textContent()).toContain('3 matched');
    expect(await page.locator('#dataset-title').textContent()).toBe('wide.csv · regions.geojson');
    // The dialog with its mapping form and join report is accessible: labels, names, contrast.
    expect(await seriousViolations(page)).toEqual([]);

    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.context().close();
  });

  it('asks before loading a dataset from another site, and requests nothing from it until then', async () => {
    const remote = 'https://data.example.invalid/eu/manifest.json';
    const { page, watch } = await openPage(browser(), `${site}?dataset=${encodeURIComponent(remote)}`);
    await waitReady(page);
    // The demo is shown meanwhile; the question names the site.
    expect(await page.locator('#synthetic-notice').isVisible()).toBe(true);
    const consent = page.locator('.dataset-consent');
    expect(await consent.locator('#consent-text').textContent()).toBe(t('import.consent.text', { origin: 'https://data.example.invalid' }, 'en'));
    expect(await consent.locator('.consent-url').textContent()).toBe(remote);
    expect(watch.foreignRequests).toEqual([]);
    await page.click('[data-action="consent-decline"]');
    expect(await consent.isVisible()).toBe(false);
    expect(await page.evaluate(() => location.search)).toBe('');
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.context().close();

    // Plain http from another site is not offered at all.
    const insecure = await openPage(browser(), `${site}?dataset=${encodeURIComponent('http://data.example.invalid/m.json')}`);
    await waitReady(insecure.page);
    expect(await insecure.page.locator('[data-action="consent-load"]').isDisabled()).toBe(true);
    expect(await insecure.page.locator('.dataset-consent .error').textContent()).toBe(t('import.consent.httpsOnly', {}, 'en'));
    expect(insecure.watch.foreignRequests).toEqual([]);
    await insecure.page.context().close();
  });
  it('lists the hosted datasets, switches to one in the page, and keeps the map when one fails to load', async () => {
    const { page, watch } = await openPage(browser(), site);
    // A second hosted dataset, served from the demo's files under another folder, and a broken one.
    await page.route('**/geo/datasets.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          datasets: [
            { id: 'demo', title: 'Demo', manifest: 'demo/manifest.json', synthetic: true },
            { id: 'copy', title: 'Counties again', manifest: 'copy/manifest.json' },
            { id: 'gone', title: 'Missing', manifest: 'gone/manifest.json' },
          ],
        }),
      }),
    );
    await page.route('**/geo/copy/**', async (route) => {
      const response = await route.fetch({ url: route.request().url().replace('/geo/copy/', '/geo/demo/') });
      if (!route.request().url().endsWith('manifest.json')) return route.fulfill({ response });
      const manifest = { ...(await response.json()), title: 'Counties again', synthetic: false };
      return route.fulfill({ response, body: JSON.stringify(manifest) });
    });
    await page.reload();
    await waitReady(page);
    const picker = page.locator('#dataset-picker');
    expect(await picker.locator('option').allTextContents()).toEqual(['Demo', 'Counties again', 'Missing']);

    await picker.selectOption({ label: 'Counties again' });
    await page.waitForFunction(() => document.querySelector('#dataset-title')?.textContent === 'Counties again');
    await waitReady(page);
    expect(await page.evaluate(() => location.search)).toBe('?dataset=geo%2Fcopy%2Fmanifest.json');
    expect(await page.locator('#synthetic-notice').isVisible()).toBe(false);

    await picker.selectOption({ label: 'Missing' });
    await page.locator('#status .error').waitFor();
    expect(await page.locator('#status .error').textContent()).toContain('manifest.json: could not be loaded (HTTP 404');
    expect(await page.locator('#dataset-title').textContent()).toBe('Counties again');
    expect(await picker.inputValue()).toContain('/geo/copy/manifest.json');
    expect(await page.locator('#map').getAttribute('data-ready')).toBe('true');

    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.context().close();
  });
});

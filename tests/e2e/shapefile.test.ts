import { afterAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { useBrowser } from './useBrowser';
import { OUTPUT_DIR, ROOT, openPage, waitReady } from './page';
import { RU_GARBLED, RU_NAMES, twoLayerZip } from '../unit/io/helpers/twoLayerZip';

/**
 * A zipped Shapefile in a projected CRS (EPSG:3035) opened in the browser: read in the import
 * worker (unzipped with the browser's own decompression), reprojected to longitude/latitude from
 * its .prj, joined and drawn.
 */
describe('zipped Shapefile through the file chooser', () => {
  const browser = useBrowser();
  const site = inject('siteUrl');
  const work = mkdtempSync(join(tmpdir(), 'cluster-atlas-shp-'));

  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
  });

  it('reads, reprojects, joins and draws it', async () => {
    const csv = join(work, 'jobs.csv');
    writeFileSync(csv, 'region,category,employment\nR1,tech,100\nR1,agri,50\nR2,tech,10\nR2,agri,90\nR3,tech,40\nR3,agri,40\n');
    const { page, watch } = await openPage(browser(), site);
    await waitReady(page);
    await page.click('#import-open');
    await page.setInputFiles('#import-files', [resolve(ROOT, 'tests/fixtures/io/regions-laea.zip'), csv]);
    await page.locator('#import-dialog li[data-file="regions-laea.zip"]').waitFor();
    await page.locator('.import-progress').waitFor({ state: 'hidden', timeout: 60_000 });
    expect(await page.locator('li[data-file="regions-laea.zip"] .import-error').count()).toBe(0);
    await page.click('[data-action="load-import"]');
    await page.locator('#import-report').waitFor();
    expect(await page.locator('#import-report [data-count="matched"]').textContent()).toMatch(/^3 /);
    await page.click('[data-action="close-import"]');
    await waitReady(page);

    // Every region classed, none without data.
    const counts = (await page.locator('#legend li[data-kind="class"] .legend-count').allTextContents()).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(await page.locator('#legend li[data-kind="nodata"] .legend-count').textContent()).toBe('0');

    // The map was framed on the reprojected regions: the middle of the map is inside one of them.
    const box = (await page.locator('#map canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const region = await page.locator('[role="tooltip"] [data-field="region"]').textContent({ timeout: 10_000 });
    expect(['Älvdal', 'Berg', 'Côte']).toContain(region);

    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.context().close();
  });

  it('a zip of two layers: the second layer chosen, then Windows-1251 for its .dbf, shows and joins the right Cyrillic names', async () => {
    const zip = join(work, 'export.zip');
    writeFileSync(zip, twoLayerZip());
    const csv = join(work, 'ru-jobs.csv');
    writeFileSync(csv, ['region,category,employment', ...RU_NAMES.flatMap((n, i) => [`${n},tech,${10 * (i + 1)}`, `${n},agri,${50 - 10 * i}`])].join('\n') + '\n');
    const { page, watch } = await openPage(browser(), site);
    await waitReady(page);
    await page.click('#import-open');
    await page.setInputFiles('#import-files', [zip, csv]);
    const row = page.locator('#import-dialog li[data-file="export.zip"]');
    const layer = row.locator('select[data-import="shapefile-layer"]');
    await layer.waitFor();
    await page.locator('.import-progress').waitFor({ state: 'hidden', timeout: 60_000 });
    // Both layers offered with their feature counts; the one with the most polygons is read first.
    expect(await layer.locator('option').allTextContents()).toEqual(['export/districts: 5 features (polygons)', 'export/regions_ru: 4 features (polygons)']);
    expect(await row.locator('[data-preview="shapefile-names"]').textContent()).toContain('District D1');

    await layer.selectOption('export/regions_ru');
    const names = row.locator('[data-preview="shapefile-names"]');
    await expect.poll(() => names.textContent(), { timeout: 30_000 }).toContain(RU_GARBLED[0]);
    const encoding = row.locator('select[data-import="dbf-encoding"]');
    // What was detected, and from where: the code page byte says Windows-1252.
    expect(await encoding.locator('option').first().textContent()).toBe('Windows-1252 (Western European) — from the code page byte (LDID) of the .dbf');
    await encoding.selectOption('windows-1251');
    await expect.poll(() => names.textContent(), { timeout: 30_000 }).toContain(`${RU_NAMES[0]}, ${RU_NAMES[1]}, ${RU_NAMES[2]}`);
    expect(await row.locator('select[data-import="shapefile-layer"]').inputValue()).toBe('export/regions_ru');
    await page.screenshot({ path: join(OUTPUT_DIR, 'shapefile-layer-encoding.png') });

    await page.click('[data-action="load-import"]');
    await page.locator('#import-report').waitFor();
    expect(await page.locator('#import-report [data-count="matched"]').textContent()).toMatch(/^4 /);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.context().close();
  });
});

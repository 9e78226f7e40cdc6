import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowser } from './useBrowser';
import { ROOT, openImport, openPage, waitReady } from './page';
import { encodeSingleByte, xlsxBytes } from '../unit/formats/writeFixtures';

const REGIONS = resolve(ROOT, 'tests/fixtures/import/regions.geojson');

async function loadAndWait(page: Page): Promise<void> {
  await page.click('[data-action="load-import"]');
  await page.locator('#import-report').waitFor({ timeout: 60_000 });
  await waitReady(page);
}

describe('the files planners have, through the import dialog', () => {
  const browser = useBrowser();
  let dir: string;
  const site = inject('siteUrl');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cluster-atlas-formats-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('a Windows-1251 CSV with Cyrillic categories: recognised, shown, loaded with its names intact', async () => {
    const csv = join(dir, 'занятость-1251.csv');
    const text = ['region;category;employment;year', 'N1;Обрабатывающие производства;120;2020', 'N1;Строительство;30;2020', 'S1;Обрабатывающие производства;80;2020', 'S1;Строительство;200;2020', 'E1;Строительство;5;2020', ''].join('\r\n');
    writeFileSync(csv, encodeSingleByte(text, 'windows-1251'));
    const { page, watch } = await openPage(browser(), site);
    await waitReady(page);
    await openImport(page, [REGIONS, csv]);
    const encoding = page.locator('select[data-import="encoding"][data-file="занятость-1251.csv"]');
    expect(await encoding.inputValue()).toBe('');
    expect(await encoding.locator('option:checked').textContent()).toBe('Windows-1251 (recognised)');
    expect(await page.locator('select[data-import="layout"]').inputValue()).toBe('long');
    await loadAndWait(page);
    expect(await page.locator('#import-report [data-count="matched"]').textContent()).toContain('3 matched');
    expect(await page.locator('#category option').allTextContents()).toEqual(expect.arrayContaining(['Обрабатывающие производства', 'Строительство']));

    // Read as KOI8-R instead, the names change: the choice is the user's, and the file is read again.
    await encoding.selectOption('koi8-r');
    await page.locator('.import-progress').waitFor({ state: 'hidden', timeout: 60_000 });
    expect(await page.locator('select[data-import="encoding"][data-file="занятость-1251.csv"]').inputValue()).toBe('koi8-r');
    expect(await page.locator(`#import-dialog li[data-file="занятость-1251.csv"] .import-note`).allTextContents()).toContain('read as KOI8-R (chosen)');
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });

  it('an official export with indented levels: the levels shown, one used, loaded to data-ready', async () => {
    const csv = join(dir, 'showcase.csv');
    const regions: [string, number][] = [['Российская Федерация', 0], ['Центральный федеральный округ', 1], ['Северный край', 2], ['Eastcape', 2], ['Westmark', 2]];
    const activities: [string, number][] = [['Всего', 0], ['Обрабатывающие производства', 1], ['производство пищевых продуктов', 2], ['Строительство', 1]];
    const lines = ['Среднегодовая численность занятых;;;', ';;2019;2020', ';;на 1 октября;на 1 октября'];
    regions.forEach(([r, rl], i) => activities.forEach(([a, al], j) => lines.push(`${'  '.repeat(rl)}${r};${'  '.repeat(al)}${a};${10 * i + j};${10 * i + j + 1}`)));
    writeFileSync(csv, encodeSingleByte(lines.join('\r\n') + '\r\n', 'windows-1251'));
    const { page, watch } = await openPage(browser(), site);
    await waitReady(page);
    await openImport(page, [REGIONS, csv]);
    expect(await page.locator('select[data-import="layout"]').inputValue()).toBe('years');
    const regionLevel = page.locator('select[data-import="level-column 1"]');
    expect(await regionLevel.inputValue()).toBe('2');
    expect(await regionLevel.locator('option').allTextContents()).toEqual([
      'level 1: Российская Федерация (4 rows)',
      'level 2: Центральный федеральный округ (4 rows)',
      'level 3: Северный край, Eastcape, Westmark (12 rows)',
    ]);
    const activityLevel = page.locator('select[data-import="level-column 2"]');
    expect(await activityLevel.inputValue()).toBe('1');
    await activityLevel.selectOption('2');
    expect(await page.locator('select[data-import="level-column 2"]').inputValue()).toBe('2');
    await loadAndWait(page);
    expect(await page.locator('#import-report [data-count="matched"]').textContent()).toContain('3 matched');
    expect(await page.locator('#category option').allTextContents()).toEqual(['производство пищевых продуктов']);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });

  it('an Excel workbook: the sheet listed, title rows skipped, loaded to data-ready', async () => {
    const xlsx = join(dir, 'employment.xlsx');
    writeFileSync(
      xlsx,
      xlsxBytes([
        { name: 'Notes', rows: [['Employment by region, 2020 (persons)']] },
        { name: 'Data', rows: [['Employment by region and sector, 2020'], ['persons'], ['region', 'agri', 'tech'], ['N1', 1200, 300], ['S1', 800, 2000], ['E1', 50, 0]] },
      ]),
    );
    const { page, watch } = await openPage(browser(), site);
    await waitReady(page);
    await openImport(page, [REGIONS, xlsx]);
    expect(await page.locator('li[data-file="employment.xlsx"]').textContent()).toContain('Excel workbook');
    expect(await page.locator('select[data-import="sheet"]').inputValue()).toBe('Data');
    expect(await page.locator('select[data-import="sheet"] option').allTextContents()).toEqual(['Notes', 'Data']);
    expect(await page.locator('li[data-file="employment.xlsx"] .import-note').allTextContents()).toContain('title row (line 1) skipped: "Employment by region and sector, 2020"');
    expect(await page.locator('select[data-import="layout"]').inputValue()).toBe('wide');
    await page.locator('input[data-import="year"]').fill('2020');
    await page.locator('input[data-import="year"]').dispatchEvent('change');
    await loadAndWait(page);
    expect(await page.locator('#import-report [data-count="matched"]').textContent()).toContain('3 matched');
    expect(await page.locator('#dataset-title').textContent()).toBe('employment.xlsx · regions.geojson');
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.context().close();
  });
});

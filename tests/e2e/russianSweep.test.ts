import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowser } from './useBrowser';
import { DEMO_DIR, openPage, seriousViolations, waitReady } from './page';
import { parseDelimited } from '../../src/io/delimited';
import { categoriesFromTable } from '../../src/io/categoriesTable';

const DEMO_FILES = ['regions.geojson', 'employment.csv', 'categories.csv'].map((f) => resolve(DEMO_DIR, f));

async function openImportWith(page: Page, files: string[]): Promise<void> {
  await page.click('#import-open');
  await page.locator('#import-dialog').waitFor({ state: 'visible' });
  await page.setInputFiles('#import-files', files);
  for (const f of files) await page.locator(`#import-dialog li[data-file="${f.split('/').pop()}"]`).waitFor();
  await page.locator('.import-progress').waitFor({ state: 'hidden', timeout: 60_000 });
}

/**
 * Words in Latin script that the Russian interface may show: names of programmes, formats,
 * packages and methods that are not translated (U.S. Cluster Mapping, GeoJSON, spdep's poly2nb,
 * Gi*), abbreviations used as such in Russian texts (CAGR); single letters are formula symbols.
 */
const ALLOWED = new Set(
  (
    'U S Cluster Mapping ECO LISA Gi Moran I z p n k r c E x w W ln max min log HH LL LH HL CSV TSV JSON GeoJSON TopoJSON ' +
    'UTF PNG SVG URL NUTS Eurostat Rosstat OKVED NACE NAICS ColorBrewer ckmeans Jenks Shannon Pielou Krugman Hoover Gini ' +
    'Herfindahl Hirschman Ellison Glaeser HHI EG MapLibre Excel Enter Tab Shift Escape Esc PageUp PageDown Home End id CAGR spdep poly nb R shapefile zip County Business Patterns EU EL GR ' +
    // Codes of the classifications, named as codes (Eurostat's TOTAL, NRP and section aggregates such as B-E).
    'TOTAL NRP B-E'
  ).split(' '),
);

/** Visible interface text in Latin script, once data names (regions, categories, files, the dataset's own texts) are taken out. */
async function latinLeftovers(page: Page, dataNames: string[]): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    // Data shown as data: attribution, bibliographic sources, formulas, the dataset's own description.
    const skip = '.maplibregl-ctrl-attrib, .method-source, .formula, #dataset-info, #dataset-title, #lang, option, .consent-url, [data-data]';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skip) || !node.textContent?.trim()) continue;
      if (parent.closest('[hidden], script, style') || parent.getClientRects().length === 0) continue;
      const style = getComputedStyle(parent);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      out.push(node.textContent);
    }
    for (const e of document.querySelectorAll<HTMLElement>('[aria-label], [title], [placeholder]')) {
      if (e.closest('.maplibregl-ctrl-attrib, #lang')) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) if (e.getAttribute(a)) out.push(e.getAttribute(a)!);
    }
    return out;
  });
  const names = [...dataNames].sort((a, b) => b.length - a.length);
  const leftovers = new Set<string>();
  for (let text of texts) {
    // A data name cut short to fit ("Food Processing and Manu…") is still a data name.
    const cut = text.trim();
    if (cut.endsWith('…') && names.some((name) => name.startsWith(cut.slice(0, -1)))) continue;
    for (const name of names) if (name && text.includes(name)) text = text.split(name).join(' ');
    for (const word of text.match(/[A-Za-z](?:[A-Za-z'’]|-(?=[A-Za-z]))*/g) ?? []) if (word.length > 1 && !ALLOWED.has(word)) leftovers.add(`${word} ← ${text.trim().slice(0, 80)}`);
  }
  return [...leftovers];
}

describe('the Russian interface is Russian; the import dialog never loses a click', () => {
  const browser = useBrowser();
  const site = inject('siteUrl');
  const regions = (JSON.parse(readFileSync(resolve(DEMO_DIR, 'regions.geojson'), 'utf8')) as { features: { properties: { id: string; name: string } }[] }).features;
  const categoryTable = categoriesFromTable(parseDelimited(readFileSync(resolve(DEMO_DIR, 'categories.csv'), 'utf8'), 'categories.csv'));
  const categories = [...categoryTable.map((c) => c.name), ...categoryTable.map((c) => c.id)];
  const dataNames = [
    ...regions.map((f) => f.properties.name),
    ...regions.map((f) => f.properties.id),
    ...categories,
    ...DEMO_FILES.map((f) => f.split('/').pop()!),
    'U.S. counties — synthetic cluster economy (demo)',
  ];

  it('the first click on "Load into the map" after typing in the Benchmark field loads (regression)', async () => {
    const { page, watch } = await openPage(browser(), site);
    await waitReady(page);
    await openImportWith(page, DEMO_FILES);
    const benchmark = page.locator('#import-dialog input[data-import="benchmark"]');
    await benchmark.click();
    await benchmark.fill('');
    await benchmark.type(' ');
    // One click, with the field still focused: its change (on blur) re-renders the form.
    await page.click('[data-action="load-import"]');
    await page.locator('#import-report').waitFor({ timeout: 60_000 });
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('main view, profile, ranking, table, import dialog with files and methodology in Russian carry no Latin-script interface text', async () => {
    const { page, watch } = await openPage(browser(), `${site}#v=2&lang=ru`, { locale: 'ru-RU' });
    await waitReady(page);
    const found: Record<string, string[]> = {};
    found.main = await latinLeftovers(page, dataNames);

    const canvas = (await page.locator('#map canvas').boundingBox())!;
    await page.mouse.click(canvas.x + canvas.width * 0.55, canvas.y + canvas.height * 0.45);
    await page.locator('#profile-categories-table tbody tr').first().waitFor({ timeout: 20_000 });
    await waitReady(page);
    found.profile = await latinLeftovers(page, dataNames);
    await page.locator('[data-action="ranking"]').click();
    await page.locator('#category-ranking-table tbody tr').first().waitFor();
    found.ranking = await latinLeftovers(page, dataNames);
    await page.locator('[data-action="table"]').click();
    await page.locator('#explore table tbody tr').first().waitFor();
    found.table = await latinLeftovers(page, dataNames);

    await page.locator('button', { hasText: 'Методология' }).first().click();
    await page.locator('dialog[open]').waitFor();
    found.methodology = await latinLeftovers(page, dataNames);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    await openImportWith(page, DEMO_FILES);
    // Column names of the files are data too.
    found.importFiles = await latinLeftovers(page, [...dataNames, 'region', 'year', 'category', 'name', 'group', 'id']);
    await page.click('[data-action="load-import"]');
    await page.locator('#import-report').waitFor({ timeout: 60_000 });
    found.importReport = await latinLeftovers(page, [...dataNames, 'region', 'year', 'category', 'name', 'group', 'id']);
    for (const [view, words] of Object.entries(found)) expect(words, view).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});

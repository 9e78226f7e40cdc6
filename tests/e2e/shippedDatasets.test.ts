/**
 * The real datasets the site ships open from `?dataset=` in the built site (so `npm run build`
 * copied them into dist/), reach data-ready, and a hovered region's LQ and unit are what a plain
 * Node computation from the RAW published file in ../shared/data gives — not from the packed files.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './useBrowser';
import { ROOT, openPage, waitReady } from './page';
import { makeFormats } from '../../src/ui/format';
import { haveSharedData, sharedDataPath } from '../shared-data';

const formats = makeFormats('en');
const LFS = 'eu/lfst_r_lfe2en2_2008-2015.tsv';
const ROSSTAT = 'ru/rosstat_okved1_employment_grp_85regions.json';
/** Employment by region → category, from the raw source. */
type Table = Map<string, Map<string, number>>;

/** LQ(r, c) = (E(r,c) / E(r)) / (E(c) / E), unreported cells adding nothing, over the given regions. */
function lq(table: Table, region: string, category: string, benchmarkCountry?: string): number {
  let total = 0;
  let categoryTotal = 0;
  for (const [id, row] of table) {
    if (benchmarkCountry && !id.startsWith(benchmarkCountry)) continue;
    for (const [c, v] of row) {
      total += v;
      if (c === category) categoryTotal += v;
    }
  }
  const row = table.get(region)!;
  const regionTotal = [...row.values()].reduce((a, b) => a + b, 0);
  return row.get(category)! / regionTotal / (categoryTotal / total);
}

/** The LFS table straight from the Eurostat TSV: unit THS, ages 15+, the NACE sections (not TOTAL, not NRP), one year, the map's regions. */
function lfsTable(year: number, regions: Set<string>): Table {
  const lines = readFileSync(sharedDataPath(LFS), 'utf8').split('\n');
  const column = lines[0].split('\t').findIndex((h) => h.trim() === String(year));
  const table: Table = new Map();
  for (const line of lines.slice(1)) {
    const cells = line.split('\t');
    const [unit, nace, age, geo] = cells[0].split(',');
    if (unit !== 'THS' || age !== 'Y_GE15' || nace === 'TOTAL' || nace === 'NRP' || !regions.has(geo)) continue;
    const value = Number.parseFloat(cells[column]);
    if (Number.isNaN(value)) continue;
    if (!table.has(geo)) table.set(geo, new Map());
    table.get(geo)!.set(nace, value);
  }
  return table;
}

/** The Rosstat table straight from its JSON (measure ЧИСЛ), keyed by the map's region names through the shipped join report. */
function rosstatTable(): Table {
  const raw = JSON.parse(readFileSync(sharedDataPath(ROSSTAT), 'utf8')) as Record<string, Record<string, { ЧИСЛ: number }>>;
  const joined = readFileSync(resolve(ROOT, 'public/geo/ru-okved1/join-report.csv'), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.startsWith('matched,'))
    .map((l) => l.split(','));
  const table: Table = new Map();
  for (const [, dataName, , mapId] of joined) table.set(mapId, new Map(Object.entries(raw[dataName]).map(([c, m]) => [c, m.ЧИСЛ])));
  return table;
}

async function hoverRegion(page: Page): Promise<boolean> {
  const box = (await page.locator('#map canvas').boundingBox())!;
  const tooltip = page.locator('[role="tooltip"]');
  for (const fy of [0.5, 0.4, 0.6, 0.35, 0.65]) {
    for (const fx of [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65]) {
      await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
      try {
        await tooltip.locator('[data-field="lq"]').waitFor({ state: 'visible', timeout: 1500 });
        return true;
      } catch {
        /* sea or a region without data under the pointer */
      }
    }
  }
  return false;
}

interface Case {
  id: string;
  /** A hash to open the dataset with, and the benchmark country it names. */
  hash?: string;
  country?: string;
  raw: string[];
  table: (year: number, regions: Set<string>) => Table;
}

const CASES: Case[] = [
  { id: 'eu-nuts2-lfs', raw: [LFS], table: lfsTable },
  { id: 'ru-okved1', raw: [ROSSTAT], table: () => rosstatTable() },
  { id: 'eu-nuts2-lfs', hash: '#v=2&bench=DE', country: 'DE', raw: [LFS], table: lfsTable },
];

describe.runIf(haveSharedData(LFS, ROSSTAT))('shipped datasets in the built site', () => {
  const browser = useBrowser();
  const site = inject('siteUrl');

  it.each(CASES.map((c) => [`${c.id}${c.hash ?? ''}`, c] as const))('%s opens by ?dataset=, and a hovered region shows the LQ and unit of the raw file', async (_, c) => {
    const { id } = c;
    const manifest = JSON.parse(readFileSync(resolve(ROOT, `public/geo/${id}/manifest.json`), 'utf8')) as { regions: { id: string; name: string } };
    const features = (JSON.parse(readFileSync(resolve(ROOT, `public/geo/${id}/regions.geojson`), 'utf8')) as { features: { properties: Record<string, string> }[] }).features;
    const { page, watch } = await openPage(browser(), `${site}?dataset=geo/${id}/manifest.json${c.hash ?? ''}`);
    await waitReady(page);
    expect(await page.locator('#synthetic-notice').isVisible()).toBe(false);
    const hash = new URLSearchParams((await page.evaluate(() => location.hash)).slice(1));
    const cat = hash.get('cat')!;
    const year = Number(hash.get('year'));

    expect(await hoverRegion(page)).toBe(true);
    const tooltip = page.locator('[role="tooltip"]');
    const name = (await tooltip.locator('[data-field="region"]').textContent())!;
    const matches = features.filter((f) => f.properties[manifest.regions.name] === name);
    expect(matches).toHaveLength(1);
    const regionId = matches[0].properties[manifest.regions.id];
    const table = c.table(year, new Set(features.map((f) => f.properties[manifest.regions.id])));
    expect(await tooltip.locator('[data-field="lq"]').textContent()).toBe(formats.lq(lq(table, regionId, cat, c.country)));
    expect(await tooltip.locator('[data-field="employment"]').textContent()).toBe(formats.count(table.get(regionId)!.get(cat)!));
    expect(await tooltip.locator('[data-field="unit"]').textContent()).toBe('thousand persons');

    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    // The worker starts on the linked dataset before the page asks for it (worker/firstLoad.ts), and
    // the page's request then takes that load: the dataset is read once, and the demo never.
    expect(watch.requests.filter((url) => new URL(url).pathname.endsWith(`geo/${id}/manifest.json`))).toHaveLength(1);
    expect(watch.requests.filter((url) => url.includes('/geo/demo/'))).toEqual([]);
    await page.close();
  });
});

/**
 * Analysis in the explorer: star rules, LISA and Gi* maps, change between years, classification
 * and the timeline, each checked against the same numbers recomputed in Node from the demo files
 * (the page's worker and this test share only the engine's pure functions, not the page's code).
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ckmeans } from 'simple-statistics';
import { useBrowser } from './useBrowser';
import { DEMO_DIR, OUTPUT_DIR, indicatorsLikeWorker, loadDemoCube, openPage, waitReady, type PageWatch } from './page';
import { indicatorChange } from '../../src/indicators/change';
import { contiguityNeighbours, getisOrdGiStar, localMoran, neighbourListFromRows, spatialWeights, type PolygonalGeometry } from '../../src/indicators/spatial';
import type { StarRule } from '../../src/model/dataset';
import { cellMatrices } from '../cellMatrices';
import { strong10At, strongAt } from '../../src/indicators/cellValues';

const cube = loadDemoCube();
const nR = cube.regions.length;
const nC = cube.categories.length;
const CATEGORY = 'automotive';
const c = cube.categories.findIndex((cat) => cat.id === CATEGORY);
const lastYear = cube.years[cube.years.length - 1];
const firstYear = cube.years[0];

const resultFor = (yearIndex: number, rule: StarRule) => indicatorsLikeWorker(cube, yearIndex, rule);

function columnOf(matrix: ArrayLike<number>, category = c): number[] {
  return Array.from({ length: nR }, (_, r) => matrix[r * nC + category]);
}

/** Counts of 0..k-1 codes. */
function tally(codes: number[], k: number): number[] {
  const out = new Array<number>(k).fill(0);
  for (const code of codes) out[code]++;
  return out;
}

async function legendCounts(page: Page): Promise<number[]> {
  const texts = await page.locator('#legend li[data-kind="class"] .legend-count').allTextContents();
  return texts.map((t) => Number(t.replace(/[^\d]/g, '')));
}

async function legendLabels(page: Page): Promise<string[]> {
  return page.locator('#legend li[data-kind="class"] .legend-label').allTextContents();
}

/** Waits until the map is drawn and the legend shows `expected` counts (the page recomputed and redrew). */
async function waitForCounts(page: Page, expected: number[]): Promise<void> {
  await page
    .waitForFunction(
      (want) => {
        if (document.querySelector('#map')?.getAttribute('data-ready') !== 'true') return false;
        const got = [...document.querySelectorAll('#legend li[data-kind="class"] .legend-count')].map((n) => Number(n.textContent!.replace(/[^\d]/g, '')));
        return JSON.stringify(got) === JSON.stringify(want);
      },
      expected,
      { timeout: 60_000 },
    )
    .catch(() => undefined);
  await waitReady(page);
  expect(await legendCounts(page)).toEqual(expected);
}

/** Moves the pointer over the map until the tooltip shows a region with a map value; returns both. */
async function hoverRegion(page: Page): Promise<{ name: string; value: string }> {
  const box = (await page.locator('#map canvas').boundingBox())!;
  const tooltip = page.locator('[role="tooltip"]');
  for (const [fx, fy] of [[0.55, 0.45], [0.45, 0.5], [0.6, 0.55], [0.35, 0.4], [0.7, 0.4], [0.5, 0.6]]) {
    await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
    try {
      await tooltip.locator('[data-field="map-value"]').waitFor({ state: 'visible', timeout: 3000 });
      return { name: (await tooltip.locator('[data-field="region"]').textContent())!, value: (await tooltip.locator('[data-field="map-value"]').textContent())! };
    } catch {
      /* ocean or a county without data under the pointer: try another point */
    }
  }
  throw new Error('no region with a map value under the pointer');
}

describe('analysis in the explorer', () => {
  const browser = useBrowser();
  const site = inject('siteUrl');
  const watches: PageWatch[] = [];

  afterAll(async () => {
    for (const watch of watches) {
      expect(watch.errors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
    }
  });

  async function open(hash: string): Promise<Page> {
    const { page, watch } = await openPage(browser(), `${site}#${hash}`);
    watches.push(watch);
    await waitReady(page);
    return page;
  }

  it('recomputes when the rule changes: the legend follows and matches Node for each rule', async () => {
    const page = await open(`cat=${CATEGORY}&ind=stars&year=${lastYear}`);
    const y = cube.years.indexOf(lastYear);
    const starCounts = (rule: StarRule) => {
      const result = resultFor(y, rule);
      return tally(columnOf(cellMatrices(result).starCount), 4);
    };
    const eco = starCounts({ kind: 'eco', cutShare: 0.1, lqThreshold: 2 });
    await waitForCounts(page, eco);

    // A wider cut share: more ranking stars.
    await page.locator('#rule-cut').fill('25');
    const wider = starCounts({ kind: 'eco', cutShare: 0.25, lqThreshold: 2 });
    expect(wider).not.toEqual(eco);
    await waitForCounts(page, wider);
    expect(await page.locator('#rule-cut + output').textContent()).toContain('25');

    // A higher LQ threshold: fewer specialisation stars.
    await page.locator('#rule-lq').fill('3');
    const stricter = starCounts({ kind: 'eco', cutShare: 0.25, lqThreshold: 3 });
    expect(stricter).not.toEqual(wider);
    await waitForCounts(page, stricter);

    // The source article's reading ranks LQ too.
    await page.locator('#rule-kind').selectOption('paper');
    const paper = starCounts({ kind: 'paper', cutShare: 0.25, lqThreshold: 3 });
    await waitForCounts(page, paper);
    expect(await page.locator('#rule-lq').isDisabled()).toBe(true);

    // U.S. Cluster Mapping: the stars map shows strong clusters (not / strong / strong top 10 %).
    await page.locator('#rule-kind').selectOption('cmp');
    const cmp = resultFor(y, { kind: 'cmp', cutShare: 0.25, lqThreshold: 3 });
    const strong = tally(
      columnOf(cmp.stars).map((_, r) => (strong10At(cmp, r * nC + c) ? 2 : strongAt(cmp, r * nC + c))),
      3,
    );
    await waitForCounts(page, strong);
    expect(await legendLabels(page)).toEqual(['not a strong cluster', 'strong cluster', 'strong cluster (top 10%)']);
    await page.close();
  });

  it('draws LISA clusters and Gi* hot spots whose counts match a Node run with the same seed', async () => {
    const page = await open(`cat=${CATEGORY}&ind=lq&year=${lastYear}`);
    await page.locator('#map-mode').selectOption('lisa');
    await waitReady(page);

    // Node: queen contiguity of the demo's polygons, regions in the cube's order, LQ of the category.
    const regions = JSON.parse(readFileSync(resolve(DEMO_DIR, 'regions.geojson'), 'utf8')) as {
      features: { properties: { id: string }; geometry: PolygonalGeometry }[];
    };
    const features = contiguityNeighbours(regions.features.map((f) => f.geometry), 'queen');
    const featureOf = new Map(regions.features.map((f, i) => [String(f.properties.id), i]));
    const lq = columnOf(cellMatrices(resultFor(cube.years.indexOf(lastYear), { kind: 'eco', cutShare: 0.1, lqThreshold: 2 })).lq);
    const kept = cube.regions.map((_, i) => i).filter((i) => featureOf.has(cube.regions[i].id) && Number.isFinite(lq[i]));
    const keptIndex = new Map(kept.map((r, k) => [featureOf.get(cube.regions[r].id)!, k]));
    const rows = kept.map((r) => {
      const f = featureOf.get(cube.regions[r].id)!;
      const row: number[] = [];
      for (let p = features.offsets[f]; p < features.offsets[f + 1]; p++) {
        const k = keptIndex.get(features.neighbours[p]);
        if (k !== undefined) row.push(k);
      }
      return row;
    });
    const list = neighbourListFromRows(rows);
    const x = kept.map((r) => lq[r]);
    const local = localMoran(x, spatialWeights(list, 'W'), { permutations: 999, seed: 1, alpha: 0.05 });
    // QUADRANTS (ns, HH, LL, HL, LH) in the legend's order HH, LL, LH, HL, ns.
    const byQuadrant = tally([...local.quadrant], 5);
    const lisa = [byQuadrant[1], byQuadrant[2], byQuadrant[4], byQuadrant[3], byQuadrant[0]];
    expect(lisa[0]).toBeGreaterThan(0);
    await waitForCounts(page, lisa);
    expect(await legendLabels(page)).toEqual(['High–high cluster', 'Low–low cluster', 'Low–high outlier', 'High–low outlier', 'Not significant']);
    expect(await page.locator('#legend li[data-kind="nodata"] .legend-count').textContent()).toBe(String(nR - kept.length));
    expect(await page.locator('#legend .legend-notes').textContent()).toMatch(/Moran’s I: I = 0\.\d{3}/);
    await page.screenshot({ path: resolve(OUTPUT_DIR, 'analysis-lisa.png') });

    // The tooltip names the hovered county's class (colour is not the only cue), as Node has it.
    const names = new Map(regions.features.map((f) => [(f.properties as { name?: string }).name, String(f.properties.id)]));
    const { name, value } = await hoverRegion(page);
    const r = cube.regions.findIndex((region) => region.id === names.get(name));
    const k = kept.indexOf(r);
    const lisaLabels = ['Not significant', 'High–high cluster', 'Low–low cluster', 'High–low outlier', 'Low–high outlier'];
    expect(value).toBe(k < 0 ? '—' : lisaLabels[local.quadrant[k]]);

    // Gi*: bands at ±1.645, ±1.96, ±2.576.
    await page.locator('#map-mode').selectOption('gistar');
    const z = getisOrdGiStar(x, list, 'W');
    const band = (v: number) => (v <= -2.576 ? 0 : v <= -1.96 ? 1 : v <= -1.645 ? 2 : v < 1.645 ? 3 : v < 1.96 ? 4 : v < 2.576 ? 5 : 6);
    const gi = tally([...z].map(band), 7);
    await waitForCounts(page, gi);
    expect((await legendLabels(page))[6]).toMatch(/Hot spot, 99/);
    await page.close();
  });

  it('maps change between two years: centred at zero, stars gained or lost, life-cycle stages', async () => {
    const page = await open(`cat=${CATEGORY}&ind=lq&year=${lastYear}`);
    await page.locator('#map-mode').selectOption('change');
    await page.locator('#base-year').selectOption(String(firstYear));
    await page.locator('#change-measure').selectOption('abs');
    await waitReady(page);
    const e0 = columnOf(cube.employment[0]);
    const e1 = columnOf(cube.employment[cube.years.length - 1]);
    const delta = e1.map((v, r) => v - e0[r]);
    expect(await page.locator('#legend h2').textContent()).toContain(`${firstYear}–${lastYear}`);
    // Diverging at zero: classes below zero start from a negative number, the neutral class is "0".
    const counts = await legendCounts(page);
    const labels = await legendLabels(page);
    const sumWhere = (test: (label: string) => boolean) => counts.reduce((sum, n, i) => sum + (test(labels[i]) ? n : 0), 0);
    const negative = (label: string) => /^[-−]/.test(label);
    expect(sumWhere(negative)).toBe(delta.filter((d) => d < 0).length);
    expect(sumWhere((l) => l === '0')).toBe(delta.filter((d) => d === 0).length);
    expect(sumWhere((l) => !negative(l) && l !== '0')).toBe(delta.filter((d) => d > 0).length);

    // Net stars gained or lost, from two independent computations.
    await page.locator('#change-measure').selectOption('stars');
    const rule: StarRule = { kind: 'eco', cutShare: 0.1, lqThreshold: 2 };
    const s0 = columnOf(cellMatrices(resultFor(0, rule)).starCount);
    const s1 = columnOf(cellMatrices(resultFor(cube.years.length - 1, rule)).starCount);
    await waitForCounts(page, tally(s1.map((v, r) => v - s0[r] + 3), 7));

    // Life-cycle stages by the engine's rule.
    await page.locator('#change-measure').selectOption('stage');
    const snap = (y: number) => ({ year: cube.years[y], employment: cube.employment[y], result: resultFor(y, rule) });
    const stages = indicatorChange(snap(0), snap(cube.years.length - 1)).stage;
    await waitForCounts(page, tally(columnOf(stages), 6));
    await page.close();
  });

  it('switches classification method, number of classes and manual thresholds', async () => {
    const page = await open(`cat=${CATEGORY}&ind=employment&year=${lastYear}`);
    const values = columnOf(cube.employment[cube.years.length - 1]).filter(Number.isFinite);
    const min = Math.min(...values);
    const max = Math.max(...values);

    await page.locator('#class-method').selectOption('equal');
    await page.locator('#class-count').fill('4');
    await page.locator('#class-count').dispatchEvent('change');
    const step = (max - min) / 4;
    const bins = [min + step, min + 2 * step, min + 3 * step];
    await waitForCounts(page, tally(values.map((v) => bins.filter((b) => v >= b).length), 4));

    await page.locator('#class-method').selectOption('ckmeans');
    const clusters = ckmeans(values, 4).map((cluster) => cluster.length);
    await waitForCounts(page, clusters);

    await page.locator('#class-method').selectOption('manual');
    await page.locator('#class-thresholds').fill('100; 1000');
    await page.locator('#class-thresholds').dispatchEvent('change');
    await waitForCounts(page, [values.filter((v) => v < 100).length, values.filter((v) => v >= 100 && v < 1000).length, values.filter((v) => v >= 1000).length]);
    expect(await legendLabels(page)).toEqual(['< 100', '100 – 1,000', '≥ 1,000']);

    // A typo is reported next to the field and changes nothing.
    await page.locator('#class-thresholds').fill('100; lots');
    await page.locator('#class-thresholds').dispatchEvent('change');
    expect(await page.locator('#class-thresholds-error').textContent()).toMatch(/numbers/);
    expect(await page.locator('#class-thresholds').getAttribute('aria-invalid')).toBe('true');
    expect(await legendLabels(page)).toEqual(['< 100', '100 – 1,000', '≥ 1,000']);
    await page.close();
  });

  it('plays the years on the slider and moves by keyboard', async () => {
    const page = await open(`cat=${CATEGORY}&ind=lq&year=${cube.years[cube.years.length - 3]}`);
    const hashYear = () => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('year'));
    await page.locator('#year-slider').focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((y) => new URLSearchParams(location.hash.slice(1)).get('year') === y, String(cube.years[cube.years.length - 4]));
    await waitReady(page);

    await page.locator('#year-play').click();
    expect(await page.locator('#year-play').getAttribute('aria-pressed')).toBe('true');
    // Plays to the last year, one drawn year after another, then stops by itself.
    await page.waitForFunction(() => document.querySelector('#year-play')?.getAttribute('aria-pressed') === 'false', undefined, { timeout: 60_000 });
    expect(await hashYear()).toBe(String(lastYear));
    await waitReady(page);
    expect(await page.locator('#legend h2').textContent()).toContain(String(lastYear));
    expect(await page.locator('#year-slider-value').textContent()).toBe(String(lastYear));
    await page.close();
  });

  it('explains every measure in the methodology panel, in English and Russian', async () => {
    const page = await open(`cat=${CATEGORY}&ind=lq&year=${lastYear}`);
    await page.locator('#methodology-open').click();
    const dialog = page.locator('#methodology');
    await dialog.waitFor({ state: 'visible' });
    // 16 measures and rules, and the standard LQ classes.
    expect(await dialog.locator('section.method').count()).toBe(17);
    expect(await dialog.locator('#method-lqclasses .formula').textContent()).toBe('< 0.5 · 0.5 – 0.8 · 0.8 – 1.25 · 1.25 – 2 · 2 – 3 · ≥ 3');
    expect(await dialog.locator('#method-lq .formula').textContent()).toBe('LQ(r,c) = (E(r,c) / E(r)) / (E(c) / E)');
    expect(await dialog.locator('#method-current').textContent()).toContain(cube.categories[c].name);
    expect(await dialog.locator('#method-weights-dataset').textContent()).toMatch(/neighbour links/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('#lang').selectOption('ru');
    await waitReady(page);
    await page.locator('#methodology-open').click();
    expect(await dialog.locator('#method-lq h3').textContent()).toBe('Коэффициент локализации (КЛ)');
    expect(await page.locator('#map-mode option[value="lisa"]').textContent()).toBe('Кластеры LISA');
    await page.close();
  });
});

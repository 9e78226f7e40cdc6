import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { useBrowser } from './useBrowser';
import { parseHeadersFile } from './staticServer';
import { ROOT, openPage, waitReady } from './page';
import { t } from '../../src/i18n/i18n';

// Hostile hosts and hostile data, tried in the built site: nothing is requested from another site,
// nothing from the data becomes markup, and what was refused is said on screen.
const FIXTURES = resolve(ROOT, 'tests/fixtures/import');
const PHISH = '<a href="https://evil.example/phish">Click to re-verify your account</a><img src=x>';
const HTML_NAME = '<img src=x onerror=alert(1)>.geojson';

/**
 * Serves extra dataset folders next to the demo: each folder's manifest is the demo's with `change`
 * applied, and its other files are the demo's. Any request to another origin is recorded and
 * aborted (page.route sees the workers' requests too), so a leak fails the test even if it would
 * not reach the network.
 */
async function serveDatasets(page: Page, site: string, folders: Record<string, (manifest: Record<string, unknown>) => Record<string, unknown>>): Promise<string[]> {
  const origin = new URL(site).origin;
  const elsewhere: string[] = [];
  await page.route(
    (url) => url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin,
    (route) => {
      elsewhere.push(route.request().url());
      return route.abort();
    },
  );
  await page.route('**/geo/datasets.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        datasets: [
          { id: 'demo', title: 'Demo', manifest: 'demo/manifest.json', synthetic: true },
          ...Object.keys(folders).map((id) => ({ id, title: id, manifest: `${id}/manifest.json` })),
        ],
      }),
    }),
  );
  for (const [id, change] of Object.entries(folders)) {
    await page.route(`**/geo/${id}/**`, async (route) => {
      const response = await route.fetch({ url: route.request().url().replace(`/geo/${id}/`, '/geo/demo/') });
      if (!route.request().url().endsWith('/manifest.json')) return route.fulfill({ response });
      const manifest = change({ ...(await response.json()), title: id, synthetic: false });
      return route.fulfill({ response, body: JSON.stringify(manifest) });
    });
  }
  await page.reload();
  await waitReady(page);
  return elsewhere;
}

/** The name in the tooltip at the first of these points of the map (shares of its width and height) that has a region under it. */
async function hoveredRegion(page: Page, points: number[][]): Promise<string | null> {
  const box = (await page.locator('#map canvas').boundingBox())!;
  const region = page.locator('[role="tooltip"] [data-field="region"]');
  for (const [fx, fy] of points) {
    await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
    try {
      await region.waitFor({ state: 'visible', timeout: 3000 });
      return await region.textContent();
    } catch {
      /* no region under the pointer: try another point */
    }
  }
  return null;
}

/** No element made from data: no link to the phishing site, no image anywhere on the page. */
async function markupFromData(page: Page): Promise<{ links: number; images: number }> {
  return page.evaluate(() => ({ links: document.querySelectorAll('a[href*="evil"]').length, images: document.querySelectorAll('img').length }));
}

describe('hostile hosts and hostile data', () => {
  const browser = useBrowser();
  const site = inject('siteUrl');

  it('a hostile manifest naming files elsewhere gets a located error, requests nothing from another site, and the last good map stays', async () => {
    const { page, watch } = await openPage(browser(), site);
    const tricks: Record<string, [string, string]> = {
      'leading-space': ['regions', ' https://evil.example/regions.geojson'],
      'unc-backslashes': ['employment', '\\\\evil.example\\employment.csv'],
      'sibling-folder': ['categories', '..\\demo\\categories.csv'],
      'percent-dots': ['employment', '%2e%2e/demo/employment.csv'],
      'scheme-relative': ['regions', '//evil.example/regions.geojson'],
      'mixed-case-scheme': ['employment', 'HtTpS://evil.example/employment.csv'],
      'tab-inside': ['employment', 'https:\t//evil.example/employment.csv'],
    };
    const folders = Object.fromEntries(
      Object.entries(tricks).map(([id, [key, file]]) => [id, (m: Record<string, unknown>) => ({ ...m, [key]: { ...(m[key] as object), file } })]),
    );
    const elsewhere = await serveDatasets(page, site, folders);
    const demoTitle = await page.locator('#dataset-title').textContent();
    const picker = page.locator('#dataset-picker');
    for (const [id, [key, file]] of Object.entries(tricks)) {
      await picker.selectOption({ label: id });
      const error = page.locator('#status .error');
      await error.waitFor();
      const text = await error.textContent();
      expect(text, id).toContain(`manifest.json: "${key}.file" must be a plain file name inside the dataset folder`);
      expect(text, id).toContain(JSON.stringify(file));
      expect(await page.locator('#dataset-title').textContent(), id).toBe(demoTitle);
      expect(await page.locator('#map').getAttribute('data-ready'), id).toBe('true');
    }
    expect(elsewhere).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });

  it('a manifest’s attribution with a link and an image shows as its text, on the map and in the dataset facts', async () => {
    const { page, watch } = await openPage(browser(), site);
    const elsewhere = await serveDatasets(page, site, { phish: (m) => ({ ...m, attribution: PHISH }) });
    const before = await markupFromData(page);
    await page.locator('#dataset-picker').selectOption({ label: 'phish' });
    await page.waitForFunction(() => document.querySelector('#dataset-title')?.textContent === 'phish');
    await waitReady(page);
    await page.waitForFunction((text) => document.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent?.includes(text), PHISH);
    expect(await page.locator('.maplibregl-ctrl-attrib-inner').textContent()).toBe(PHISH);
    expect(await page.locator('#dataset-info .attribution').textContent()).toBe(PHISH);
    expect(await markupFromData(page)).toEqual({ links: 0, images: before.images });
    expect(before.images).toBe(0);
    expect(elsewhere).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });

  it('a dropped file named like HTML is listed, titled and attributed as its name, never as markup', async () => {
    const { page, watch } = await openPage(browser(), site);
    await waitReady(page);
    const texts = { [HTML_NAME]: readFileSync(resolve(FIXTURES, 'regions.geojson'), 'utf8'), 'wide.csv': readFileSync(resolve(FIXTURES, 'wide.csv'), 'utf8') };
    const transfer = await page.evaluateHandle((files) => {
      const dt = new DataTransfer();
      for (const [name, text] of Object.entries(files)) dt.items.add(new File([text], name));
      return dt;
    }, texts);
    await page.dispatchEvent('#map', 'dragenter', { dataTransfer: transfer });
    await page.dispatchEvent('#map', 'drop', { dataTransfer: transfer });
    await page.locator('#import-dialog li[data-file="wide.csv"]').waitFor();
    await page.locator('.import-progress').waitFor({ state: 'hidden' });
    const listed = await page.locator('#import-dialog li[data-file]').evaluateAll((items) => items.map((li) => li.getAttribute('data-file')));
    expect(listed).toContain(HTML_NAME);
    expect(await page.locator('#import-dialog').textContent()).toContain(HTML_NAME);
    expect(await markupFromData(page)).toEqual({ links: 0, images: 0 });

    await page.locator('input[data-import="year"]').fill('2020');
    await page.locator('input[data-import="year"]').dispatchEvent('change');
    await page.click('[data-action="load-import"]');
    await page.locator('#import-report').waitFor();
    await waitReady(page);
    expect(await page.locator('#dataset-title').textContent()).toBe(`wide.csv · ${HTML_NAME}`);
    await page.waitForFunction((name) => document.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent?.includes(name), HTML_NAME);
    expect(await page.locator('.maplibregl-ctrl-attrib-inner').textContent()).toContain(`Your files: ${HTML_NAME}`);
    expect(await markupFromData(page)).toEqual({ links: 0, images: 0 });
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['javascript:alert(1)', 'security.reason.scheme'],
    ['JaVaScRiPt:alert(1)', 'security.reason.scheme'],
    ['data:application/json,{}', 'security.reason.scheme'],
    ['https://127.0.0.1@evil.example/m.json', 'security.reason.credentials'],
    ['/outside/manifest.json', 'security.reason.folder'],
  ] as const)('a link asking for the dataset %j is refused with a notice saying why, and the demo is shown', async (wanted, reason) => {
    const { page, watch } = await openPage(browser(), `${site}?dataset=${encodeURIComponent(wanted)}`);
    await waitReady(page);
    expect(await page.locator('#dataset-title').textContent()).not.toBe('');
    expect(await page.locator('#synthetic-notice').isVisible()).toBe(true);
    const notice = t('security.linkRefused', { url: wanted, reason: t(reason, {}, 'en') }, 'en');
    expect(await page.locator('#notices p').allTextContents()).toContain(notice);
    expect(await page.locator('#notices').isVisible()).toBe(true);
    // The address no longer names what was refused.
    expect(await page.evaluate(() => location.search)).toBe('');
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });

  it('a link to a missing dataset falls back to the demo, with a notice naming the dataset that failed (in Russian too)', async () => {
    const demoTitle = ((await (await fetch(`${site}geo/demo/manifest.json`)).json()) as { title: string }).title;
    for (const lang of ['en', 'ru'] as const) {
      const { page, watch } = await openPage(browser(), `${site}?dataset=${encodeURIComponent('geo/gone/manifest.json')}#lang=${lang}`, { locale: lang === 'ru' ? 'ru-RU' : 'en-US' });
      await waitReady(page);
      expect(await page.locator('#dataset-title').textContent()).toBe(demoTitle);
      expect(await page.locator('#synthetic-notice').isVisible()).toBe(true);
      expect(await page.locator('#map canvas').count()).toBeGreaterThan(0);
      const notices = await page.locator('#notices p').allTextContents();
      const prefix = t('security.firstFailed', { url: 'geo/gone/manifest.json', message: '' }, lang).trim();
      expect(notices.some((n) => n.startsWith(prefix) && n.includes('manifest.json: could not be loaded (HTTP 404')), notices.join('\n')).toBe(true);
      expect(await page.evaluate(() => location.search)).toBe('');
      expect(watch.errors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
      await page.context().close();
    }
  });

  it('a linked dataset whose boundaries load but whose table fails: the map draws the demo’s regions, not the linked ones', async () => {
    // The map starts drawing a dataset's boundaries before its tables are read; here they must give way to the demo's.
    const demoNames = new Set(
      (JSON.parse(readFileSync(resolve(ROOT, 'public/geo/demo/regions.geojson'), 'utf8')) as { features: { properties: { name: string } }[] }).features.map((f) => f.properties.name),
    );
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.route('**/geo/eu-nuts2-lfs/employment.csv', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${site}?dataset=${encodeURIComponent('geo/eu-nuts2-lfs/manifest.json')}`);
    await waitReady(page);
    const notices = await page.locator('#notices p').allTextContents();
    expect(notices.some((n) => n.includes('employment.csv')), notices.join('\n')).toBe(true);
    const name = await hoveredRegion(page, [[0.55, 0.45], [0.45, 0.5], [0.6, 0.55], [0.35, 0.4], [0.7, 0.4]]);
    expect(name !== null && demoNames.has(name), `hovered ${name}`).toBe(true);
    await context.close();
  });

  it('a hosted folder whose boundary ids carry spaces (" 01001 ") is drawn and hovered as the ids every door trims', async () => {
    // The map promotes the id property to the feature-state id: it must be the trimmed id the cube has.
    const demo = JSON.parse(readFileSync(resolve(ROOT, 'public/geo/demo/regions.geojson'), 'utf8')) as { features: { id?: string; properties: { id: string; name: string } }[] };
    const padded = { ...demo, features: demo.features.map(({ id: _, ...f }) => ({ ...f, properties: { ...f.properties, id: ` ${f.properties.id} ` } })) };
    const names = new Set(demo.features.map((f) => f.properties.name));
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.route('**/geo/padded/**', async (route) => {
      const url = route.request().url();
      if (url.endsWith('/regions.geojson')) return route.fulfill({ contentType: 'application/geo+json', body: JSON.stringify(padded) });
      return route.fulfill({ response: await route.fetch({ url: url.replace('/geo/padded/', '/geo/demo/') }) });
    });
    await page.goto(`${site}?dataset=${encodeURIComponent('geo/padded/manifest.json')}#v=2&cat=automotive&ind=lq&year=2022`);
    await waitReady(page);
    // Coloured: the fill's feature-state reached the features (the no-data grey is the only colour otherwise).
    const coloured = await page.evaluate(() => {
      const map = (window as unknown as { atlasMap: { queryRenderedFeatures(o: object): { id?: string | number; state: Record<string, unknown> }[] } }).atlasMap;
      const features = map.queryRenderedFeatures({ layers: ['regions-fill'] });
      return { total: features.length, withState: features.filter((f) => f.state && Object.keys(f.state).length > 0).length, ids: features.slice(0, 3).map((f) => f.id) };
    });
    expect(coloured.total).toBeGreaterThan(1000);
    expect(coloured.withState / coloured.total).toBeGreaterThan(0.95);
    for (const id of coloured.ids) expect(String(id)).toMatch(/^\d{5}$/);
    const name = await hoveredRegion(page, [[0.55, 0.4], [0.45, 0.35], [0.6, 0.3], [0.35, 0.35], [0.7, 0.35]]);
    expect(name !== null && names.has(name), `hovered ${name}`).toBe(true);
    expect(await page.locator('[role="tooltip"] [data-field="lq"]').textContent()).toMatch(/^\d/);
    await context.close();
  });

  it('the page and every worker script come with the headers of public/_headers, and the app runs under them', async () => {
    const { page, watch } = await openPage(browser(), site);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.reload();
    await waitReady(page);
    await page.click('#import-open');
    await page.setInputFiles('#import-files', [resolve(FIXTURES, 'regions.geojson'), resolve(FIXTURES, 'wide.csv')]);
    await page.locator('#import-dialog li[data-file="wide.csv"]').waitFor();
    const [rule] = parseHeadersFile(readFileSync(resolve(ROOT, 'public/_headers'), 'utf8'));
    expect(rule.pattern.test('/index.html')).toBe(true);
    const names = rule.headers.map(([name]) => name.toLowerCase());
    expect(names).toEqual(expect.arrayContaining(['content-security-policy', 'x-content-type-options', 'referrer-policy']));
    const scripts = workers.filter((url) => url.startsWith('http'));
    // The compute worker, MapLibre's and the import worker.
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const url of [site, ...scripts]) {
      const response = await fetch(url);
      for (const [name, value] of rule.headers) expect(response.headers.get(name), `${name} of ${url}`).toBe(value);
    }
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });

  it('after the user agrees, another site’s dataset loads from that site only, and its manifest still cannot reach a third', async () => {
    const remote = 'https://data.example.invalid/eu/';
    const { page, watch } = await openPage(browser(), site);
    const served: string[] = [];
    const elsewhere = await serveDatasets(page, site, {});
    // The other site, played by the test: the demo's files, with CORS, and one hostile manifest.
    await page.route(`${remote}**`, async (route) => {
      const url = route.request().url();
      served.push(url);
      const response = await route.fetch({ url: url.replace(remote, `${site}geo/demo/`).replace('/demo/hostile/', '/demo/') });
      const headers = { ...response.headers(), 'access-control-allow-origin': '*' };
      if (url.endsWith('/hostile/manifest.json')) {
        const manifest = { ...(await response.json()), employment: { file: 'https://third.example.invalid/employment.csv', layout: 'wide' } };
        return route.fulfill({ response, headers, body: JSON.stringify(manifest) });
      }
      if (!url.endsWith('/manifest.json')) return route.fulfill({ response, headers });
      return route.fulfill({ response, headers, body: JSON.stringify({ ...(await response.json()), title: 'Remote demo', synthetic: false }) });
    });
    await page.goto(`${site}?dataset=${encodeURIComponent(`${remote}manifest.json`)}`);
    await waitReady(page);
    expect(served).toEqual([]);
    await page.click('[data-action="consent-load"]');
    await page.waitForFunction(() => document.querySelector('#dataset-title')?.textContent === 'Remote demo');
    await waitReady(page);
    expect(served.map((url) => url.slice(remote.length)).sort()).toEqual(expect.arrayContaining(['manifest.json', 'regions.geojson', 'cube.json']));
    // The year the map shows, in the demo's binary form.
    expect(served.some((url) => /\/employment-2022\.(u16|f32|f64)$/.test(url)), served.join('\n')).toBe(true);
    expect(served.every((url) => url.startsWith(remote))).toBe(true);

    // The agreed site's manifest naming a third site: refused, located, nothing requested there.
    await page.goto(`${site}?dataset=${encodeURIComponent(`${remote}hostile/manifest.json`)}`);
    await waitReady(page);
    await page.click('[data-action="consent-load"]');
    await page.locator('#status .error').waitFor();
    expect(await page.locator('#status .error').textContent()).toContain('manifest.json: "employment.file" must be a plain file name');
    expect(await page.locator('#map').getAttribute('data-ready')).toBe('true');
    expect(elsewhere).toEqual([]);
    expect(watch.foreignRequests.every((url) => url.startsWith(remote))).toBe(true);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });
});

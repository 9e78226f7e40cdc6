/**
 * A 100 MB-equivalent hosted pack opened by `?dataset=` in headless Chromium, in both forms side by
 * side in one run: CSV tables (wide employment.csv and establishments.csv, about 100 MB) and the
 * binary form (cube.json and one float file per year). Reported per form: navigation to
 * `#map[data-ready]` (the first drawn map), the bytes fetched before it (dataset files and all),
 * Chromium's CPU time, and one step of the year slider (time and bytes). The pack is the demo's
 * 3,142 county boundaries with a synthetic cube of 100 categories × enough years, generated here
 * into the built site's temporary folder, never into the repository, with the packer's own writers.
 * Run alone: `npm run bench -- hostedPack` (or `npx tsx bench/hostedPack.ts`).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { serveBuiltSite } from '../tests/e2e/staticServer';
import { CHROMIUM, launchChromium } from '../tests/e2e/browser';
import { childCpuMs } from './pageLoad';
import type { EmploymentCube } from '../src/model/dataset';
import { validateManifest, type DatasetManifest } from '../src/io/manifest';
import { CUBE_INDEX_FILE, encodeCube } from '../src/io/cubeBlobs';
import { categoriesCsv, employmentFiles } from '../src/pack/employmentFiles';

const CATEGORIES = 100;

/** A dense synthetic cube over the regions: whole numbers of jobs (0–9,999) and establishments (0–99), a few cells not reported. */
export function syntheticCube(regionIds: string[], years: number): EmploymentCube {
  const nR = regionIds.length;
  const cells = nR * CATEGORIES;
  const yearList = Array.from({ length: years }, (_, i) => 1980 + i);
  const employment = yearList.map((year) => {
    const values = new Float64Array(cells);
    for (let i = 0; i < cells; i++) {
      const h = Math.imul(i ^ (year * 2654435761), 0x9e3779b1) >>> 0;
      values[i] = h % 97 === 0 ? NaN : h % 10_000;
    }
    return values;
  });
  const establishments = employment.map((values) => values.map((v) => (Number.isNaN(v) ? NaN : Math.floor(v / 101))));
  return {
    regions: regionIds.map((id) => ({ id, name: id })),
    categories: Array.from({ length: CATEGORIES }, (_, c) => ({ id: `c${String(c).padStart(3, '0')}`, name: `Category ${c}` })),
    years: yearList,
    employment,
    establishments,
  };
}

function manifestFor(id: string, cube: EmploymentCube, employment: DatasetManifest['employment'], establishments?: DatasetManifest['establishments']): string {
  const manifest: DatasetManifest = {
    format: 'cluster-atlas-dataset',
    version: 1,
    id,
    title: `Benchmark pack (${id})`,
    attribution: 'Boundaries: U.S. Census Bureau via us-atlas. Employment: synthetic.',
    synthetic: true,
    regions: { file: 'regions.geojson', id: 'id', name: 'name' },
    categories: { file: 'categories.csv' },
    employment,
    ...(establishments ? { establishments } : {}),
    years: [...cube.years],
    defaultView: { cat: cube.categories[0].id, ind: 'lq', year: cube.years.at(-1)! },
  };
  return JSON.stringify(validateManifest(manifest, 'manifest.json'), null, 2);
}

/** Writes both forms of the cube into `geo/bench-csv` and `geo/bench-binary` of the built site; their sizes. */
function writePacks(outDir: string, cube: EmploymentCube): Record<'csv' | 'binary', { files: number; bytes: number }> {
  const sizes = {} as Record<'csv' | 'binary', { files: number; bytes: number }>;
  for (const form of ['csv', 'binary'] as const) {
    const folder = join(outDir, 'geo', `bench-${form}`);
    mkdirSync(folder, { recursive: true });
    copyFileSync(join(outDir, 'geo/demo/regions.geojson'), join(folder, 'regions.geojson'));
    writeFileSync(join(folder, 'categories.csv'), categoriesCsv(cube.categories));
    let names: string[];
    if (form === 'csv') {
      const tables = employmentFiles(cube, 'wide', true);
      writeFileSync(join(folder, 'employment.csv'), tables.employment);
      writeFileSync(join(folder, 'establishments.csv'), tables.establishments!);
      writeFileSync(join(folder, 'manifest.json'), manifestFor('bench-csv', cube, { file: 'employment.csv', layout: 'wide' }, { file: 'establishments.csv', layout: 'wide' }));
      names = ['employment.csv', 'establishments.csv'];
    } else {
      const { index, files } = encodeCube(cube);
      for (const f of files) writeFileSync(join(folder, f.name), f.bytes);
      writeFileSync(join(folder, CUBE_INDEX_FILE), JSON.stringify(index));
      writeFileSync(join(folder, 'manifest.json'), manifestFor('bench-binary', cube, { file: CUBE_INDEX_FILE, layout: 'binary' }));
      names = [CUBE_INDEX_FILE, ...files.map((f) => f.name)];
    }
    sizes[form] = { files: names.length, bytes: names.reduce((sum, n) => sum + statSync(join(folder, n)).size, 0) };
  }
  return sizes;
}

/** Every finished request of the page and its workers: path, body bytes, when it finished. */
function watchRequests(page: Page) {
  const seen: { path: string; bytes: number; at: number }[] = [];
  page.on('requestfinished', (request) => {
    const at = Date.now();
    void request.sizes().then(
      (sizes) => seen.push({ path: new URL(request.url()).pathname, bytes: sizes.responseBodySize, at }),
      () => undefined,
    );
  });
  return seen;
}

const kb = (bytes: number) => +(bytes / 1024).toFixed(1);
const yearParam = (page: Page) => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('year'));

/** What the files would weigh from a host that gzips them (each file once, in the order fetched). */
function gzipKB(outDir: string, form: 'csv' | 'binary', files: string[]): number {
  return kb(files.reduce((sum, name) => sum + gzipSync(readFileSync(join(outDir, 'geo', `bench-${form}`, name))).length, 0));
}

async function openForm(browser: Browser, siteUrl: string, form: 'csv' | 'binary') {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const requests = watchRequests(page);
  const cpuBefore = childCpuMs();
  const started = Date.now();
  await page.goto(`${siteUrl}?dataset=${encodeURIComponent(`geo/bench-${form}/manifest.json`)}`);
  await page.waitForSelector('#map[data-ready="true"]', { timeout: 600_000 });
  const readyAt = Date.now();
  const cpuMs = childCpuMs() - cpuBefore;
  const workerComputeMs = Number(await page.getAttribute('#map', 'data-compute-ms'));
  const marks = (await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('atlas:')).map((m) => [m.name.slice(6), Math.round(m.startTime)]))) as [string, number][];
  await new Promise((resolve) => setTimeout(resolve, 300)); // late `sizes()` answers
  const before = requests.filter((r) => r.at <= readyAt);
  const folder = `/geo/bench-${form}/`;
  const datasetBytes = before.filter((r) => r.path.includes(folder)).reduce((sum, r) => sum + r.bytes, 0);

  // One step back on the year slider: time to the redrawn map and what it fetched.
  const year = await yearParam(page);
  const stepFrom = Date.now();
  await page.locator('#year-slider').focus();
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((y) => new URLSearchParams(location.hash.slice(1)).get('year') !== y && document.getElementById('map')?.dataset.ready === 'true', year, { timeout: 120_000 });
  const stepAt = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const step = requests.filter((r) => r.at > readyAt && r.at <= stepAt && r.path.includes(folder));
  await page.close();
  return {
    navigationToFirstDrawMs: readyAt - started,
    chromiumCpuMs: Math.round(cpuMs),
    workerComputeMs,
    pageMarksMs: Object.fromEntries(marks),
    datasetBytesBeforeFirstDraw: datasetBytes,
    datasetKBBeforeFirstDraw: kb(datasetBytes),
    allKBBeforeFirstDraw: kb(before.reduce((sum, r) => sum + r.bytes, 0)),
    datasetFilesBeforeFirstDraw: before.filter((r) => r.path.includes(folder)).map((r) => r.path.slice(r.path.indexOf(folder) + folder.length)),
    yearStep: { from: Number(year), ms: stepAt - stepFrom, datasetKBFetched: kb(step.reduce((sum, r) => sum + r.bytes, 0)), files: step.map((r) => r.path.slice(r.path.indexOf(folder) + folder.length)) },
  };
}

export async function benchHostedPack(targetMegabytes = 100) {
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM}` };
  const server = await serveBuiltSite({ quiet: true });
  const browser = await launchChromium();
  try {
    const regions = JSON.parse(readFileSync(join(server.outDir, 'geo/demo/regions.geojson'), 'utf8')) as { features: { properties: { id: string } }[] };
    const ids = regions.features.map((f) => f.properties.id);
    // The CSV size of one year, then as many years as make the target.
    const oneYear = employmentFiles(syntheticCube(ids, 1), 'wide', true);
    const perYear = oneYear.employment.length + oneYear.establishments!.length;
    const years = Math.max(2, Math.round((targetMegabytes * 1e6) / perYear));
    const cube = syntheticCube(ids, years);
    const sizes = writePacks(server.outDir, cube);
    const loadBefore = loadavg();
    // Binary first, CSV second, then binary again: the machine's load drifts, the two binary runs bound it.
    const binary = await openForm(browser, server.url, 'binary');
    const csv = await openForm(browser, server.url, 'csv');
    const binaryAgain = await openForm(browser, server.url, 'binary');
    const gzipped = (form: 'csv' | 'binary', run: { datasetFilesBeforeFirstDraw: string[] }) => gzipKB(server.outDir, form, run.datasetFilesBeforeFirstDraw);
    return {
      pack: { regions: ids.length, categories: CATEGORIES, years, values: ids.length * CATEGORIES * years * 2, csvMB: +(sizes.csv.bytes / 1e6).toFixed(1), binaryMB: +(sizes.binary.bytes / 1e6).toFixed(1), binaryFiles: sizes.binary.files },
      binary: { ...binary, datasetGzipKBBeforeFirstDraw: gzipped('binary', binary) },
      csv: { ...csv, datasetGzipKBBeforeFirstDraw: gzipped('csv', csv) },
      binaryAgain: { navigationToFirstDrawMs: binaryAgain.navigationToFirstDrawMs, chromiumCpuMs: binaryAgain.chromiumCpuMs, datasetKBBeforeFirstDraw: binaryAgain.datasetKBBeforeFirstDraw },
      ratios: {
        datasetBytesCsvToBinary: +(csv.datasetBytesBeforeFirstDraw / binary.datasetBytesBeforeFirstDraw).toFixed(1),
        datasetGzipBytesCsvToBinary: +(gzipped('csv', csv) / gzipped('binary', binary)).toFixed(1),
        firstDrawCsvToBinary: +(csv.navigationToFirstDrawMs / binary.navigationToFirstDrawMs).toFixed(1),
        chromiumCpuCsvToBinary: +(csv.chromiumCpuMs / Math.max(1, binary.chromiumCpuMs)).toFixed(1),
      },
      loadAverage: { before: loadBefore.map((x) => +x.toFixed(2)), after: loadavg().map((x) => +x.toFixed(2)) },
      note: 'served without compression by the test server (the *Gzip* figures: the same files gzipped, as a host may send them); headless Chromium with software WebGL; wall times grow with the machine’s load, compare the CPU times',
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchHostedPack(), null, 2));
}

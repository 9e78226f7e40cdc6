/**
 * Where the main thread's time goes while a large CSV is built and drawn: a V8 CPU profile of the
 * page (Chrome DevTools Protocol `Profiler`) from the click on Load to `#map[data-ready]`, summed
 * by function (self time). Workers are not in it (their stages are in importLarge's timeline).
 * Run alone: `npx tsx bench/profileImport.ts [megabytes]` (prints the top functions as JSON).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveBuiltSite } from '../tests/e2e/staticServer';
import { launchChromium } from '../tests/e2e/browser';
import { writeLargeCsv } from './importLarge';

const root = resolve(import.meta.dirname, '..');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const megabytes = Number(process.argv[2] ?? 100);
const work = mkdtempSync(join(tmpdir(), 'cluster-atlas-profile-'));
const regionsPath = resolve(root, 'public/geo/demo/regions.geojson');
const regions = JSON.parse(readFileSync(regionsPath, 'utf8')) as { features: { properties: { id: string } }[] };
const csvPath = join(work, 'large-employment.csv');
await writeLargeCsv(csvPath, regions.features.map((f) => f.properties.id), megabytes * 1e6);
const server = await serveBuiltSite({ quiet: true });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await page.waitForSelector('#map[data-ready="true"]', { timeout: 120_000 });
  await page.click('#import-open');
  await page.setInputFiles('#import-files', [regionsPath, csvPath]);
  await page.locator('li[data-file="large-employment.csv"]').waitFor({ timeout: 600_000 });
  await page.locator('.import-progress').waitFor({ state: 'hidden', timeout: 600_000 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.click('[data-action="load-import"]');
  await page.waitForSelector('#import-report, .import-body > .import-error', { timeout: 600_000 });
  await page.waitForSelector('#map[data-ready="true"]', { timeout: 600_000 });
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const top = [...self].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([fn, ms]) => ({ fn, ms: Math.round(ms) }));
  console.log(JSON.stringify({ megabytes, mainThreadSelfMs: top }, null, 2));
} finally {
  await browser.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}

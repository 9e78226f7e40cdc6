/**
 * Regenerates docs/screenshot.png for the README: builds the site, opens the demo in headless
 * Chromium on a given view and saves the page. `npx tsx scripts/screenshot.ts [hash]`
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveBuiltSite } from '../tests/e2e/staticServer';
import { launchChromium } from '../tests/e2e/browser';

const root = resolve(import.meta.dirname, '..');
const hash = process.argv[2] ?? '#cat=automotive&ind=lq&year=2022';
const server = await serveBuiltSite();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await page.goto(server.url + hash);
  await page.waitForSelector('#map[data-ready="true"]', { timeout: 120_000 });
  // Pin Wayne County, Michigan through the region search, so the shot shows a tooltip and a profile.
  await page.fill('#region-search', 'Wayne County, MI');
  await page.press('#region-search', 'ArrowDown');
  await page.press('#region-search', 'Enter');
  await page.waitForSelector('#map[data-ready="true"]', { timeout: 60_000 });
  await page.waitForTimeout(1500);
  mkdirSync(resolve(root, 'docs'), { recursive: true });
  await page.screenshot({ path: resolve(root, 'docs/screenshot.png') });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  await server.close();
}

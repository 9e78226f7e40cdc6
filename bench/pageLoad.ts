import { pathToFileURL } from 'node:url';
import { serveBuiltSite } from '../tests/e2e/staticServer';
import { CHROMIUM, launchChromium } from '../tests/e2e/browser';
import { existsSync } from 'node:fs';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Navigation → `data-ready="true"` on the built demo in headless Chromium (software WebGL here),
 * and the worker's own compute time for the demo's latest year as the page reports it.
 */
export async function benchPageLoad(runs = 3) {
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM}` };
  const server = await serveBuiltSite({ quiet: true });
  const browser = await launchChromium();
  const toReady: number[] = [];
  const workerCompute: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const started = Date.now();
      await page.goto(server.url);
      await page.waitForSelector('#map[data-ready="true"]', { timeout: 120_000 });
      toReady.push(Date.now() - started);
      workerCompute.push(Number(await page.getAttribute('#map', 'data-compute-ms')));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    runs,
    navigationToDataReadyMs: { median: median(toReady), all: toReady },
    demoWorkerComputeMs: { median: median(workerCompute), all: workerCompute },
    note: 'headless Chromium with SwiftShader (software WebGL); a GPU browser draws faster',
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchPageLoad(), null, 2));
}

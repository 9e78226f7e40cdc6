/**
 * The built-in demo dataset: real U.S. county boundaries from us-atlas and a seeded synthetic
 * economy (see README.md). Node-side only (it reads us-atlas from node_modules): used by
 * scripts/build-demo.ts, the tests and the benchmarks, never by the browser bundle.
 */
import { buildCountyGeography, type CountyGeography } from './counties';
import { buildEconomy, DEFAULT_SEED, DEMO_YEARS, type SyntheticEconomy } from './economy';
import { categoriesCsv, demoManifest, wideCsv, type DemoManifest } from './files';
import { CUBE_INDEX_FILE, encodeCube } from '../io/cubeBlobs';

export { DEFAULT_SEED, DEMO_YEARS } from './economy';

export interface Demo {
  seed: number;
  geography: CountyGeography;
  economy: SyntheticEconomy;
  manifest: DemoManifest;
}

let geographyCache: CountyGeography | undefined;

/** County geography is the same for every seed; decode it once per process. */
function countyGeography(): CountyGeography {
  geographyCache ??= buildCountyGeography();
  return geographyCache;
}

export function buildDemo(seed: number = DEFAULT_SEED, years: readonly number[] = DEMO_YEARS): Demo {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`demo seed must be an integer from 0 to 4294967295, got ${seed}`);
  }
  const geography = countyGeography();
  const economy = buildEconomy(geography.counties, seed, years);
  return { seed, geography, economy, manifest: demoManifest(economy.cube, seed) };
}

/** File name → contents of the demo dataset folder. */
export function demoFiles(demo: Demo): Map<string, string | Uint8Array> {
  const { cube } = demo.economy;
  const binary = encodeCube(cube);
  return new Map<string, string | Uint8Array>([
    ['manifest.json', JSON.stringify(demo.manifest, null, 2) + '\n'],
    ['regions.geojson', JSON.stringify(demo.geography.regions)],
    ['outlines.geojson', JSON.stringify(demo.geography.outlines)],
    ['categories.csv', categoriesCsv(cube.categories)],
    ['employment.csv', wideCsv(cube, cube.employment)],
    ['establishments.csv', wideCsv(cube, cube.establishments)],
    [CUBE_INDEX_FILE, JSON.stringify(binary.index)],
    ...binary.files.map((file) => [file.name, file.bytes] as [string, Uint8Array]),
  ]);
}

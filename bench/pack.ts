/**
 * Benchmark of `npm run dataset` (src/pack): the U.S. counties of us-atlas with a synthetic table
 * (3,231 counties × 10 categories × 2 years) and — when ../shared/data is present — the real
 * NUTS-3 2021 1:60M boundaries with a synthetic table and the Russian federal subjects with
 * Rosstat. Packed in memory (nothing written); medians of a few runs after a warm-up. Sizes in
 * bytes, before and after; the parse time of the packed GeoJSON stands for what the app's load costs.
 * Run alone: `npx tsx bench/pack.ts` (prints JSON).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readBoundaries } from '../src/io/boundaries';
import { packDataset, type PackOptions } from '../src/pack/packDataset';
import type { InputFile } from '../src/pack/inputs';
import { syntheticEmploymentCsv } from '../tests/unit/pack/synthetic';

const here = resolve(fileURLToPath(import.meta.url), '..');
const sharedData = process.env.CLUSTER_ATLAS_SHARED_DATA ?? resolve(here, '../../shared/data');
const RUNS = 3;

export interface PackCase {
  regions: number;
  boundaryBytes: number;
  regionsGeojsonBytes: number;
  regionsTopojsonBytes: number;
  employmentCsvBytes: number;
  pointsBefore: number;
  pointsAfter: number;
  minAreaKm2: number;
  packMs: number;
  /** JSON.parse of the source boundary file and of the packed regions.geojson. */
  parseSourceMs: number;
  parsePackedMs: number;
}

function median(times: number[]): number {
  const s = [...times].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)] * 10) / 10;
}

async function timed<T>(f: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  let value = await f();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    value = await f();
    times.push(performance.now() - t);
  }
  return { ms: median(times), value };
}

const bytes = (text: string) => Buffer.byteLength(text);

async function packCase(files: InputFile[], options: Omit<PackOptions, 'id' | 'topojson'>): Promise<PackCase> {
  const { ms, value } = await timed(() => packDataset(files, { id: 'bench', topojson: true, ...options }));
  const out = (name: string) => value.files.find((f) => f.name === name)!.text;
  const source = new TextDecoder().decode(files[0].bytes);
  const parseSource = await timed(() => JSON.parse(source));
  const packed = out('regions.geojson');
  const parsePacked = await timed(() => JSON.parse(packed));
  return {
    regions: value.boundaries.regions,
    boundaryBytes: files[0].bytes.length,
    regionsGeojsonBytes: bytes(packed),
    regionsTopojsonBytes: bytes(out('regions.topojson')),
    employmentCsvBytes: bytes(out('employment.csv')),
    pointsBefore: value.geometry.pointsBefore,
    pointsAfter: value.geometry.pointsAfter,
    minAreaKm2: Number(value.geometry.minAreaKm2.toPrecision(3)),
    packMs: ms,
    parseSourceMs: parseSource.ms,
    parsePackedMs: parsePacked.ms,
  };
}

/** The boundary file first, then a synthetic long table for its regions. */
function withSyntheticTable(path: string, name: string, idProperty?: string): InputFile[] {
  const bytes = new Uint8Array(readFileSync(path));
  const ids = readBoundaries(new TextDecoder().decode(bytes), name, { idProperty }).regions.map((r) => r.id);
  return [
    { name, bytes },
    { name: 'employment.csv', bytes: new TextEncoder().encode(syntheticEmploymentCsv(ids)) },
  ];
}

export async function benchPack(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = { runs: RUNS };
  const skipped: string[] = [];
  const counties = createRequire(import.meta.url).resolve('us-atlas/counties-10m.json');
  const countyFiles = withSyntheticTable(counties, 'counties-10m.json');
  results.usCounties = await packCase(countyFiles, {});
  // us-atlas is already generalised for 1:10M, so the default keeps nearly every point; this is
  // what a smaller file costs.
  results.usCountiesKeep30 = await packCase(countyFiles, { simplify: { keep: 0.3 } });

  const nuts3 = resolve(sharedData, 'eu/NUTS_RG_60M_2021_4326_LEVL_3.geojson');
  if (existsSync(nuts3)) results.nuts3 = await packCase(withSyntheticTable(nuts3, 'NUTS_RG_60M_2021_4326_LEVL_3.geojson', 'NUTS_ID'), {});
  else skipped.push(`real data missing: ${nuts3}`);

  const russia = resolve(sharedData, 'ru/russia_federal_subjects_gislab_osm.geojson');
  const rosstat = resolve(sharedData, 'ru/rosstat_okved1_employment_grp_85regions.json');
  if (existsSync(russia) && existsSync(rosstat)) {
    const files = [russia, rosstat].map((path) => ({ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(path)) }));
    results.russia = await packCase(files, { measure: 'ЧИСЛ', years: [2015] });
  } else skipped.push(`real data missing: ${russia}, ${rosstat}`);
  results.skipped = skipped;
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchPack(), null, 2));
}

/**
 * Benchmark of the input layer: a synthetic long CSV of about 20 MB (1,000,000 rows, ";" and
 * decimal commas, as a planner's export) through parseDelimited and longTableToCube, and streamed
 * straight from the parser into the cube (streamLongTable), and — when
 * ../shared/data is present — the real Eurostat LFS TSV, the Rosstat JSON, NUTS-3 boundaries and
 * the two joins of the acceptance tests. Medians of a few runs after a warm-up.
 * Run alone: `npx tsx bench/io.ts` (prints JSON).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDelimited } from '../src/io/delimited';
import { longTableToCube, streamLongTable } from '../src/io/longTable';
import { parseEurostatTsv } from '../src/io/eurostatTsv';
import { eurostatToCube } from '../src/io/eurostatCube';
import { nestedJsonToCube } from '../src/io/nestedJson';
import { readBoundaries } from '../src/io/boundaries';
import { unwrapCollection } from '../src/io/antimeridian';
import { joinRegions } from '../src/io/regionJoin';

const here = resolve(fileURLToPath(import.meta.url), '..');
const sharedData = process.env.CLUSTER_ATLAS_SHARED_DATA ?? resolve(here, '../../shared/data');
const shared = (f: string) => resolve(sharedData, f);

export interface IoBench {
  name: 'io';
  runs: number;
  /** parseMs + cubeMs: parse to rows, then rows to the cube; streamMs: rows from the parser straight into the cube. */
  csv: { megabytes: number; rows: number; parseMs: number; cubeMs: number; megabytesPerSecond: number; streamMs: number; streamMegabytesPerSecond: number };
  real: Record<string, number>;
  skipped: string[];
}

function median(times: number[]): number {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time<T>(runs: number, f: () => T): { ms: number; value: T } {
  let value = f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = f();
    times.push(performance.now() - t);
  }
  return { ms: Math.round(median(times) * 10) / 10, value };
}

/** A synthetic planner's export through the delimited reader and the long-table cube. */
function csvBench(runs: number): IoBench['csv'] {
  const rows = 1_000_000;
  const lines = ['region;category;year;employment'];
  for (let i = 0; i < rows; i++) lines.push(`R${i % 10_000};c${Math.floor(i / 10_000)};2020;${(i % 997) + 0.5}`.replace('.', ','));
  const text = lines.join('\n');
  const megabytes = Math.round(text.length / 1e5) / 10;
  const parse = time(runs, () => parseDelimited(text, 'synthetic.csv'));
  const cube = time(runs, () => longTableToCube(parse.value));
  const perSecond = (ms: number) => Math.round((megabytes / (ms / 1000)) * 10) / 10;
  const stream = time(runs, () => streamLongTable(text, 'synthetic.csv'));
  return { megabytes, rows, parseMs: parse.ms, cubeMs: cube.ms, megabytesPerSecond: perSecond(parse.ms + cube.ms), streamMs: stream.ms, streamMegabytesPerSecond: perSecond(stream.ms) };
}

/** The acceptance files; empty when ../shared/data is absent. */
function realBench(runs: number, skipped: string[]): Record<string, number> {
  const lfs = 'eu/lfst_r_lfe2en2_2008-2015.tsv';
  const nuts2 = 'eu/NUTS_RG_60M_2021_4326_LEVL_2.geojson';
  const nuts3 = 'eu/NUTS_RG_60M_2021_4326_LEVL_3.geojson';
  const russia = 'ru/russia_federal_subjects_gislab_osm.geojson';
  const rosstat = 'ru/rosstat_okved1_employment_grp_85regions.json';
  const missing = [lfs, nuts2, nuts3, russia, rosstat].filter((f) => !existsSync(shared(f)));
  if (missing.length > 0) {
    skipped.push(`real data missing: ${missing.join(', ')}`);
    return {};
  }
  const real: Record<string, number> = {};
  const lfsText = readFileSync(shared(lfs), 'utf8');
  const table = time(runs, () => parseEurostatTsv(lfsText, lfs));
  real.eurostatTsvParseMs = table.ms;
  const lfsCube = time(runs, () => eurostatToCube(table.value, { filters: { age: ['Y_GE15'] } }).cube);
  real.eurostatCubeMs = lfsCube.ms;
  const nuts2Text = readFileSync(shared(nuts2), 'utf8');
  const nuts2Boundaries = time(runs, () => readBoundaries(nuts2Text, nuts2));
  real.nuts2BoundariesMs = nuts2Boundaries.ms;
  const nuts3Text = readFileSync(shared(nuts3), 'utf8');
  real.nuts3BoundariesMs = time(runs, () => readBoundaries(nuts3Text, nuts3)).ms;
  real.euJoinMs = time(runs, () => joinRegions(lfsCube.value.regions, nuts2Boundaries.value.regions)).ms;
  const russiaText = readFileSync(shared(russia), 'utf8');
  const ru = time(runs, () => readBoundaries(russiaText, russia));
  real.russiaBoundariesMs = ru.ms;
  real.russiaUnwrapMs = time(runs, () => unwrapCollection(ru.value.collection)).ms;
  const rosstatText = readFileSync(shared(rosstat), 'utf8');
  const rosstatCube = time(runs, () => nestedJsonToCube(rosstatText, rosstat, { measure: 'ЧИСЛ' }).cube);
  real.rosstatCubeMs = rosstatCube.ms;
  real.russiaJoinMs = time(runs, () => joinRegions(rosstatCube.value.regions, ru.value.regions)).ms;
  return real;
}

export function runIoBench(runs = 3): IoBench {
  const skipped: string[] = [];
  // The small real files first, so the large synthetic table's garbage does not slow them.
  const real = realBench(runs, skipped);
  return { name: 'io', runs, csv: csvBench(Math.min(runs, 2)), real, skipped };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(runIoBench(), null, 2));
}

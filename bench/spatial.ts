/**
 * Benchmark: queen and rook contiguity for NUTS-3 (1,514 regions, shared data) and the U.S.
 * counties (3,231, us-atlas), and local Moran with 999 permutations on the counties — and, when
 * Rscript with spdep is installed, spdep's poly2nb and localmoran_perm on the same files in the
 * same run, with the ratios R / TypeScript and whether the neighbour lists are identical.
 * Medians of several runs after warm-up calls. Run alone: `npx tsx bench/spatial.ts`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, FeatureCollection } from 'geojson';
import {
  contiguityNeighbours,
  localMoran,
  planarSummary,
  spatialWeights,
  type NeighbourList,
  type PolygonalGeometry,
} from '../src/indicators/spatial';

const here = resolve(fileURLToPath(import.meta.url), '..');
const sharedData = process.env.CLUSTER_ATLAS_SHARED_DATA ?? resolve(here, '../../shared/data');
const NUTS3 = 'eu/NUTS_RG_60M_2021_4326_LEVL_3.geojson';
const PERMUTATIONS = 999;

interface Timing {
  medianMs: number;
  minMs: number;
}

interface DatasetResult {
  file: string;
  regions: number;
  queen: Timing & { links: number };
  rook: Timing & { links: number };
  r?: { queenMs: number; rookMs: number; queenIdentical: boolean; rookIdentical: boolean; queenRatio: number; rookRatio: number };
}

export interface SpatialBench {
  name: 'spatial';
  runs: number;
  datasets: Record<string, DatasetResult>;
  localMoran: { dataset: string; regions: number; permutations: number } & Timing & { r?: { ms: number; ratio: number } };
  r: { available: boolean; version?: string; reason?: string };
  skipped: string[];
}

/** Two warm-up calls first: the JIT needs a couple of passes over the hashing loops. */
function time(runs: number, f: () => unknown, warmups = 2): Timing {
  const times: number[] = [];
  for (let i = 0; i < runs + warmups; i++) {
    const t = performance.now();
    f();
    if (i >= warmups) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const m = times.length >> 1;
  const medianMs = times.length % 2 ? times[m] : (times[m - 1] + times[m]) / 2;
  return { medianMs: round(medianMs), minMs: round(times[0]) };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function usCounties(): FeatureCollection<PolygonalGeometry> {
  const require = createRequire(import.meta.url);
  const topology = require('us-atlas/counties-10m.json') as Topology;
  return feature(topology, topology.objects.counties) as FeatureCollection<PolygonalGeometry>;
}

/** Neighbour rows as text, one line per region of 1-based indices (spdep's numbering). */
function rowsText(nb: NeighbourList): string {
  const lines: string[] = [];
  for (let i = 0; i < nb.n; i++) lines.push(Array.from(nb.neighbours.subarray(nb.offsets[i], nb.offsets[i + 1]), (j) => j + 1).join(' '));
  return lines.join('\n');
}

// R side: read the file with sf (planar, as in tests/reference), time poly2nb and
// localmoran_perm, and write the neighbour rows in the format of rowsText for comparison.
const R_SCRIPT = `
suppressPackageStartupMessages({ library(sf); library(spdep) })
sf_use_s2(FALSE)
args <- commandArgs(trailingOnly = TRUE)
g <- st_read(args[1], quiet = TRUE)
runs <- as.integer(args[3])
med <- function(f) median(vapply(seq_len(runs), function(i) system.time(f())[["elapsed"]], 0)) * 1000
q <- NULL; r <- NULL
qms <- med(function() q <<- poly2nb(g, queen = TRUE))
rms <- med(function() r <<- poly2nb(g, queen = FALSE))
rows <- function(nb) vapply(nb, function(v) paste(v[v > 0], collapse = " "), "")
writeLines(rows(q), paste0(args[2], ".queen"))
writeLines(rows(r), paste0(args[2], ".rook"))
lm <- NA
if (length(args) >= 4) {
  x <- sqrt(as.numeric(st_area(st_set_crs(st_geometry(g), NA))))
  lw <- nb2listw(q, style = "W", zero.policy = TRUE)
  lm <- system.time(localmoran_perm(x, lw, nsim = as.integer(args[4]), zero.policy = TRUE, iseed = 1))[["elapsed"]] * 1000
}
cat(sprintf('{"spdep": "%s", "queenMs": %f, "rookMs": %f, "localMoranMs": %s}\\n', packageVersion("spdep"), qms, rms, if (is.na(lm)) "null" else sprintf("%f", lm)))
`;

function rscriptVersion(): string | undefined {
  const probe = spawnSync('Rscript', ['-e', 'cat(as.character(packageVersion("spdep")))'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return undefined;
  return probe.stdout.trim();
}

function runR(geojsonPath: string, workDir: string, name: string, runs: number, permutations?: number) {
  const script = join(workDir, 'bench.R');
  writeFileSync(script, R_SCRIPT);
  const out = join(workDir, name);
  const args = [script, geojsonPath, out, String(runs), ...(permutations ? [String(permutations)] : [])];
  const r = spawnSync('Rscript', args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`Rscript failed on ${name}: ${r.stderr.slice(-500)}`);
  const line = r.stdout.trim().split('\n').pop()!;
  const parsed = JSON.parse(line) as { spdep: string; queenMs: number; rookMs: number; localMoranMs: number | null };
  return { ...parsed, queenRows: readFileSync(`${out}.queen`, 'utf8').trimEnd(), rookRows: readFileSync(`${out}.rook`, 'utf8').trimEnd() };
}

export async function benchSpatial(runs = 5): Promise<SpatialBench> {
  const skipped: string[] = [];
  const inputs: Array<{ name: string; file: string; collection: FeatureCollection<PolygonalGeometry>; path?: string }> = [];
  const nutsPath = join(sharedData, NUTS3);
  if (existsSync(nutsPath)) {
    inputs.push({ name: 'nuts3_60m', file: NUTS3, collection: JSON.parse(readFileSync(nutsPath, 'utf8')), path: nutsPath });
  } else {
    skipped.push(`NUTS-3: ${nutsPath} not found (shared data absent)`);
  }
  inputs.push({ name: 'us_counties', file: 'us-atlas/counties-10m.json (object counties)', collection: usCounties() });

  const rVersion = rscriptVersion();
  const r: SpatialBench['r'] = rVersion ? { available: true, version: rVersion } : { available: false, reason: 'Rscript with spdep not found' };
  if (!rVersion) skipped.push('R side: Rscript with spdep not found');
  const workDir = mkdtempSync(join(tmpdir(), 'atlas-bench-spatial-'));

  const datasets: Record<string, DatasetResult> = {};
  let countyQueen: NeighbourList | undefined;
  let countyValues: Float64Array | undefined;
  let countyR: ReturnType<typeof runR> | undefined;
  try {
    for (const input of inputs) {
      const geometries = input.collection.features.map((f: Feature<PolygonalGeometry>) => f.geometry);
      let queen: NeighbourList | undefined;
      let rook: NeighbourList | undefined;
      // Warm both criteria before timing either, so that neither pays for the other's JIT or GC.
      for (let i = 0; i < 3; i++) {
        contiguityNeighbours(geometries, 'queen');
        contiguityNeighbours(geometries, 'rook');
      }
      const queenTime = time(runs, () => (queen = contiguityNeighbours(geometries, 'queen')), 0);
      const rookTime = time(runs, () => (rook = contiguityNeighbours(geometries, 'rook')), 0);
      const result: DatasetResult = {
        file: input.file,
        regions: geometries.length,
        queen: { ...queenTime, links: queen!.neighbours.length },
        rook: { ...rookTime, links: rook!.neighbours.length },
      };
      if (input.name === 'us_counties') {
        countyQueen = queen;
        // √area rather than log(area): Falls Church, VA is quantised to a sliver of area 0 in us-atlas.
        countyValues = Float64Array.from(geometries, (g, i) => Math.sqrt(planarSummary(g, i).area));
      }
      if (rVersion) {
        // R reads a GeoJSON file; the counties are written out from the same decoded features.
        let path = input.path;
        if (!path) {
          path = join(workDir, `${input.name}.geojson`);
          writeFileSync(path, JSON.stringify(input.collection));
        }
        const fromR = runR(path, workDir, input.name, Math.max(1, Math.min(runs, 3)), input.name === 'us_counties' ? PERMUTATIONS : undefined);
        if (input.name === 'us_counties') countyR = fromR;
        result.r = {
          queenMs: round(fromR.queenMs),
          rookMs: round(fromR.rookMs),
          queenIdentical: fromR.queenRows === rowsText(queen!),
          rookIdentical: fromR.rookRows === rowsText(rook!),
          queenRatio: round(fromR.queenMs / queenTime.medianMs),
          rookRatio: round(fromR.rookMs / rookTime.medianMs),
        };
      }
      datasets[input.name] = result;
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  const w = spatialWeights(countyQueen!, 'W');
  const lmTime = time(Math.max(1, Math.min(runs, 3)), () => localMoran(countyValues!, w, { permutations: PERMUTATIONS, seed: 1 }));
  const localMoranResult: SpatialBench['localMoran'] = { dataset: 'us_counties', regions: w.n, permutations: PERMUTATIONS, ...lmTime };
  if (countyR?.localMoranMs != null) localMoranResult.r = { ms: round(countyR.localMoranMs), ratio: round(countyR.localMoranMs / lmTime.medianMs) };

  return { name: 'spatial', runs, datasets, localMoran: localMoranResult, r, skipped };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchSpatial().then((result) => console.log(JSON.stringify(result, null, 2)));
}

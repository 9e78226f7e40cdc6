/**
 * `atlas spatial`: spatial autocorrelation of one value per region. Per region on stdout (or
 * --out): region,value,lag,local_i,quadrant,pseudo_p,gi_star_z. Global Moran's I as JSON on
 * stderr, or in <out>.json with --out (then stderr carries the notes as plain lines).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  GeometryError,
  MAX_PERMUTATIONS,
  MIN_SPATIAL_REGIONS,
  QUADRANTS,
  analyseSpatial,
  islands,
  neighbourMapFromJson,
  neighboursFromGeometries,
  parseWeightsSpec,
  subsetNeighbourList,
  suppliedNeighbours,
  type NeighbourList,
  type WeightsSpec,
} from '../indicators/spatial';
import { readBoundaries } from '../io/boundaries';
import type { DelimitedTable } from '../io/delimited';
import { wholeTable } from '../engine/import/inspectFile';
import { inspectBoundaryPath, inspectPath } from './inputFiles';
import { SHAPEFILE_FLAGS, SHAPEFILE_FLAGS_USAGE, shapefileReadOptions, type ShapefileReadOptions } from '../pack/shapefileFlags';
import { InputError } from '../io/errors';
import { parseJsonText } from '../io/jsonText';
import { detectDecimalMark, isMissingCell, parseNumber } from '../io/numbers';
import { UsageError, readText, writeCsv } from './command';

export const SPATIAL_USAGE = `usage: npm run -s atlas -- spatial --regions <file.geojson|file.topojson> --id <property>
    --values <file.csv> --value-column <name> [--weights rook|queen|knn:<k>] [--permutations 999]
    [--seed 1] [--out <file.csv>] [--style W|B] [--neighbours <file.json>] [--object <name>] [--sheet <name|number>]
    [--layer <name>] [--dbf-encoding <label>]
  --regions       polygon boundaries (GeoJSON, TopoJSON, zipped Shapefile); TopoJSON: --object, else the
                  one with most polygons
${SHAPEFILE_FLAGS_USAGE.trimEnd()}
  --id            feature property holding the region id
  --values        CSV with a "region" column (or one named like --id) and the value column
  --sheet         --values is an Excel workbook: the sheet to read, by name or number (1 = first)
  --weights       queen (default, as spdep poly2nb): a shared point; rook: two shared points;
                  knn:<k>: k nearest planar centroids by great-circle distance
  --neighbours    JSON neighbour list {"id": ["id", ...]} or {"id": {"neighbors": [...]}} instead of --weights
  --style         W (default): rows sum to 1; B: every link weighs 1
  --permutations  conditional permutations for the local pseudo p-values (default 999)
  --seed          seed of the permutations (default 1)
Output: region,value,lag,local_i,quadrant,pseudo_p,gi_star_z. quadrant is HH, LL, HL, LH where
pseudo_p < 0.05, else ns; pseudo_p = (min(k, k') + 1) / (n + 1) from n permutations, k (k') of which
give a local I at least (at most) the observed. Global Moran's I (randomisation; p two-sided) as JSON: stderr, or <out>.json.
Regions without neighbours keep lag 0 and local_i 0, no pseudo_p (as spdep with zero.policy).
`;

export interface SpatialOptions {
  regions: string;
  id: string;
  values: string;
  valueColumn: string;
  /** Workbook sheet of the values file (--sheet). */
  sheet?: string;
  weights: WeightsSpec;
  weightsText: string;
  neighbours?: string;
  style: 'W' | 'B';
  permutations: number;
  seed: number;
  out?: string;
  object?: string;
  /** How a zipped Shapefile is read (--layer, --dbf-encoding). */
  shapefile: ShapefileReadOptions;
}

export function parseSpatialArgs(argv: string[]): SpatialOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        regions: { type: 'string' },
        id: { type: 'string' },
        values: { type: 'string' },
        'value-column': { type: 'string' },
        sheet: { type: 'string' },
        weights: { type: 'string' },
        neighbours: { type: 'string' },
        style: { type: 'string' },
        permutations: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        object: { type: 'string' },
        ...SHAPEFILE_FLAGS,
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message, SPATIAL_USAGE);
  }
  for (const required of ['regions', 'id', 'values', 'value-column'] as const) {
    if (!values[required]) throw new UsageError(`--${required} is required`, SPATIAL_USAGE);
  }
  if (values.neighbours !== undefined && values.weights !== undefined) throw new UsageError('give either --weights or --neighbours, not both', SPATIAL_USAGE);
  const weightsText = values.weights ?? 'queen';
  let weights: WeightsSpec;
  try {
    weights = parseWeightsSpec(weightsText);
  } catch (error) {
    throw new UsageError(`--weights: ${(error as Error).message}`, SPATIAL_USAGE);
  }
  const style = (values.style ?? 'W').toUpperCase();
  if (style !== 'W' && style !== 'B') throw new UsageError(`--style must be W or B, not "${values.style}"`, SPATIAL_USAGE);
  return {
    regions: values.regions!,
    id: values.id!,
    values: values.values!,
    valueColumn: values['value-column']!,
    weights,
    weightsText: values.neighbours !== undefined ? 'supplied' : weightsText,
    neighbours: values.neighbours,
    style,
    permutations: permutationsOption(values.permutations),
    seed: integerOption('--seed', values.seed, 1, -(2 ** 31)),
    out: values.out,
    object: values.object,
    shapefile: shapefileReadOptions(values, SPATIAL_USAGE),
    ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
  };
}

function permutationsOption(text: string | undefined): number {
  const n = integerOption('--permutations', text, 999, 0);
  if (n > MAX_PERMUTATIONS) throw new UsageError(`--permutations must be at most ${MAX_PERMUTATIONS.toLocaleString('en')} (p-values to 1/100,000), not ${n.toLocaleString('en')}`, SPATIAL_USAGE);
  return n;
}

function integerOption(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const x = Number(text);
  if (text.trim() === '' || !Number.isInteger(x) || x < min || x > 2 ** 32) throw new UsageError(`${name} must be an integer${min === 0 ? ' ≥ 0' : ''}, not "${text}"`, SPATIAL_USAGE);
  return x;
}

export interface RegionValues {
  /** Value per map region, NaN where the file gives none. */
  values: Float64Array;
  /** Regions of the file that are not on the map, with their lines. */
  notOnMap: Array<{ region: string; line: number }>;
  /** Map regions whose cell is empty or a missing marker (":", "NA", …). */
  missing: Array<{ region: string; line: number }>;
  rowsRead: number;
}

/** Values by region id from a delimited table; every row is used, reported, or an error. */
export function readRegionValues(table: DelimitedTable, valueColumn: string, regionIds: readonly string[], idColumn?: string): RegionValues {
  const file = table.fileName;
  const headerLine = table.lines.length > 0 ? table.lines[0] - 1 : 1;
  const find = (name: string) => table.header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
  // A file keyed by the boundary's own id column (e.g. NUTS_ID) is accepted as well.
  const regionAt = find('region') >= 0 || idColumn === undefined ? find('region') : find(idColumn);
  const valueAt = find(valueColumn);
  if (regionAt < 0) throw new InputError({ file, line: headerLine }, `no "region" column${idColumn ? ` (nor "${idColumn}")` : ''} (columns: ${table.header.join(', ')})`);
  if (valueAt < 0) throw new InputError({ file, line: headerLine }, `no "${valueColumn}" column (columns: ${table.header.join(', ')})`);
  const mark = detectDecimalMark(table.rows.map((r) => r[valueAt]), table.delimiter);
  const index = new Map(regionIds.map((id, i) => [id, i]));
  const values = new Float64Array(regionIds.length).fill(NaN);
  const seenAt = new Map<string, number>();
  const result: RegionValues = { values, notOnMap: [], missing: [], rowsRead: table.rows.length };
  table.rows.forEach((row, r) => {
    const line = table.lines[r];
    const region = row[regionAt].trim();
    if (region === '') throw new InputError({ file, line, column: table.header[regionAt] }, 'the region id is empty');
    const first = seenAt.get(region);
    if (first !== undefined) throw new InputError({ file, line, column: table.header[regionAt] }, `region "${region}" already has a value on line ${first}`);
    seenAt.set(region, line);
    const i = index.get(region);
    if (i === undefined) {
      result.notOnMap.push({ region, line });
      return;
    }
    const cell = row[valueAt];
    if (isMissingCell(cell)) {
      result.missing.push({ region, line });
      return;
    }
    const v = parseNumber(cell, mark);
    if (!Number.isFinite(v)) throw new InputError({ file, line, column: table.header[valueAt] }, `"${cell}" is not a number`);
    values[i] = v;
  });
  return result;
}

export async function runSpatial(argv: string[]): Promise<number> {
  const options = parseSpatialArgs(argv);
  // Both files are read as the app's import reads them (a zipped Shapefile too), the boundaries validated by the one reader.
  const regionsFile = await inspectBoundaryPath(options.regions, options.shapefile, SPATIAL_USAGE);
  if (regionsFile.input.parsed.kind !== 'boundaries') throw new InputError({ file: options.regions }, 'this is not a boundary file (GeoJSON, TopoJSON or a zipped Shapefile)');
  const boundaries = readBoundaries(regionsFile.input.parsed.source, options.regions, { idProperty: options.id, object: options.object });
  const ids = boundaries.regions.map((r) => r.id);
  const notes: string[] = [...regionsFile.summary.notes, ...boundaries.notes];

  const valuesFile = await inspectPath(options.values, options.sheet !== undefined ? { sheet: options.sheet } : {});
  if (valuesFile.input.parsed.kind !== 'table') throw new InputError({ file: options.values }, 'expected a CSV or TSV table with a region column and the value column');
  const table = wholeTable(valuesFile.input.parsed);
  const read = readRegionValues(table, options.valueColumn, ids, options.id);

  let neighbours: NeighbourList;
  if (options.neighbours !== undefined) {
    let map: Map<string, string[]>;
    try {
      map = neighbourMapFromJson(parseJsonText(readText(options.neighbours), options.neighbours));
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError({ file: options.neighbours }, (error as Error).message);
    }
    const supplied = suppliedNeighbours(ids, map);
    neighbours = supplied.list;
    const r = supplied.report;
    if (r.unmatchedNeighbours.length > 0) notes.push(`${options.neighbours}: ${r.unmatchedNeighbours.length} neighbour ids match no region: ${r.unmatchedNeighbours.map((u) => `${u.region} → ${u.neighbour}`).join('; ')}`);
    if (r.unmatchedRegions.length > 0) notes.push(`${options.neighbours}: ${r.unmatchedRegions.length} entries match no region: ${r.unmatchedRegions.join(', ')}`);
    if (r.regionsWithoutEntry.length > 0) notes.push(`${options.neighbours}: ${r.regionsWithoutEntry.length} regions have no entry: ${r.regionsWithoutEntry.join(', ')}`);
    if (r.oneWayLinks.length > 0) notes.push(`${options.neighbours}: ${r.oneWayLinks.length} links are given one way only (kept): ${r.oneWayLinks.map((l) => `${l.from} → ${l.to}`).join('; ')}`);
    if (r.selfLinks.length > 0) notes.push(`${options.neighbours}: regions listed as their own neighbour (ignored): ${r.selfLinks.join(', ')}`);
  } else {
    try {
      neighbours = neighboursFromGeometries(boundaries.collection.features.map((f) => f.geometry), options.weights);
    } catch (error) {
      if (error instanceof GeometryError) throw new InputError({ file: options.regions, feature: error.feature }, error.problem);
      if (error instanceof RangeError) throw new UsageError(`--weights ${options.weightsText}: ${error.message}`, SPATIAL_USAGE);
      throw error;
    }
  }

  // Regions without a value leave the analysis (and their links with them), reported by id.
  const keep = Array.from(read.values, (v) => !Number.isNaN(v));
  const { list, kept } = subsetNeighbourList(neighbours, keep);
  const keptIds = Array.from(kept, (i) => ids[i]);
  const keptValues = Float64Array.from(kept, (i) => read.values[i]);
  const withoutValue = ids.filter((_, i) => !keep[i]);
  if (read.notOnMap.length > 0) notes.push(`${options.values}: ${read.notOnMap.length} rows name regions not on the map (not used): ${read.notOnMap.map((r) => `line ${r.line} "${r.region}"`).join(', ')}`);
  if (withoutValue.length > 0) notes.push(`${withoutValue.length} regions of the map have no value and are left out: ${withoutValue.join(', ')}`);
  const islandIds = islands(list).map((i) => keptIds[i]);
  if (islandIds.length > 0) notes.push(`${islandIds.length} regions have no neighbours (lag and local I 0, no pseudo p; left out of n for Moran's I): ${islandIds.join(', ')}`);
  if (keptIds.length < MIN_SPATIAL_REGIONS) throw new InputError({ file: options.values }, `only ${keptIds.length} regions of the map have a value; spatial statistics need at least ${MIN_SPATIAL_REGIONS}`);

  const analysis = analyseSpatial(keptValues, list, { style: options.style, permutations: options.permutations, seed: options.seed });
  const g = analysis.global;
  if (analysis.constant) notes.push(`all ${keptIds.length} values are equal: no spatial pattern (Moran's I undefined, every region ns, Gi* 0)`);
  else if (!Number.isFinite(g.I)) notes.push(`Moran's I is undefined: no region has neighbours`);

  function* rows(): Generator<(string | number)[]> {
    const { lag, localI, pseudoP, quadrant } = analysis.local!;
    for (let i = 0; i < keptIds.length; i++) {
      yield [keptIds[i], keptValues[i], lag[i], localI[i], QUADRANTS[quadrant[i]], pseudoP[i], analysis.giStarZ[i]];
    }
  }
  await writeCsv(options.out, ['region', 'value', 'lag', 'local_i', 'quadrant', 'pseudo_p', 'gi_star_z'], rows());

  const summary = {
    weights: options.weightsText,
    style: options.style,
    regions: keptIds.length,
    regions_with_neighbours: g.n,
    links: list.neighbours.length,
    I: g.I,
    expectation: g.expectation,
    variance: g.variance,
    z: g.z,
    p: g.p,
    p_alternative: 'two-sided',
    p_greater: g.pGreater,
    permutations: options.permutations,
    seed: options.seed,
    islands: islandIds,
    regions_without_value: withoutValue,
    value_rows_not_on_map: read.notOnMap.map((r) => r.region),
    notes,
  };
  const json = JSON.stringify(summary, null, 2) + '\n';
  if (options.out) {
    const jsonPath = `${options.out}.json`;
    try {
      writeFileSync(jsonPath, json);
    } catch (error) {
      throw new InputError({ file: jsonPath }, `cannot be written (${(error as Error).message})`);
    }
    for (const note of notes) process.stderr.write(`note: ${note}\n`);
  } else {
    process.stderr.write(json);
  }
  return 0;
}

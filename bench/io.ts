/**
 * Benchmark of the input layer: a synthetic long CSV of about 20 MB (1,000,000 rows, ";" and
 * decimal commas, as a planner's export) through parseDelimited and longTableToCube, and streamed
 * straight from the parser into the cube (streamLongTable), and — when
 * ../shared/data is present — the real Eurostat LFS TSV, the Rosstat JSON, NUTS-3 boundaries and
 * the two joins of the acceptance tests. Medians of a few runs after a warm-up.
 * Run alone: `npx tsx bench/io.ts` (prints JSON); `npx tsx bench/io.ts parsers [folder]` for the
 * parsers only, with another checkout's readers (such as /work/main) alternating with these as `before`.
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
import { loadavg } from 'node:os';
import Papa from 'papaparse';
import { csvParseRows } from 'd3-dsv';
import { inferSchema, initParser } from 'udsv';
import { delimitedReader } from '../src/io/delimited';
import { tableReader, type RowConsumer, type TableHead } from '../src/io/tableRows';
import { longTableReader } from '../src/io/longTable';
import { wideTableReader } from '../src/io/wideTable';
import { yearColumnsReader } from '../src/io/yearColumnsTable';
import type { EmploymentCube } from '../src/model/dataset';
import type { TableReport } from '../src/io/cubeBuilder';

const here = resolve(fileURLToPath(import.meta.url), '..');
const sharedData = process.env.CLUSTER_ATLAS_SHARED_DATA ?? resolve(here, '../../shared/data');
const shared = (f: string) => resolve(sharedData, f);

export interface IoBench {
  name: 'io';
  runs: number;
  /** parseMs + cubeMs: parse to rows, then rows to the cube; streamMs: rows from the parser straight into the cube. */
  csv: { megabytes: number; rows: number; parseMs: number; cubeMs: number; megabytesPerSecond: number; streamMs: number; streamMegabytesPerSecond: number };
  real: Record<string, number>;
  parsers: ParserBench;
  skipped: string[];
}

/**
 * Reading CSV into the cube, and candidate parsers side by side, each as a ratio to one plain
 * `TextDecoder` pass over the same bytes (the floor of anything that reads text), medians of
 * CPU time (process.cpuUsage: the machine is shared, wall time is not this process's alone).
 */
export interface ParserBench {
  /** The one-minute load average when the run started, and when it ended (the machine is shared). */
  loadAverage: number;
  loadAverageAtEnd: number;
  runs: number;
  tables: Record<
    string,
    {
      megabytes: number;
      rows: number;
      decodeMs: number;
      cubeMs: number;
      ratioToDecode: number;
      megabytesPerSecond: number;
      /** With another checkout's readers (`parsers <folder>`), run alternately with these: its figures and the ratio. */
      before?: { cubeMs: number; ratioToDecode: number; megabytesPerSecond: number; speedup: number };
    }
  >;
  /** The checkout whose readers ran as `before`. */
  before?: string;
  /** The long table to rows only: the parsers compared (string parsers pay the decode first). */
  parseOnly: Record<string, { ms: number; ratioToDecode: number; megabytesPerSecond: number }>;
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

function cpuMs(f: () => unknown): number {
  const start = process.cpuUsage();
  f();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function medianOf(runs: number, f: () => unknown): number {
  f();
  return median(Array.from({ length: runs }, () => cpuMs(f)));
}

type Read = { cube: EmploymentCube; report: TableReport };
/** The readers measured: this checkout's, or another's (for before/after in one process). */
interface Readers {
  tableReader: typeof tableReader;
  longTableReader: typeof longTableReader;
  wideTableReader: typeof wideTableReader;
  yearColumnsReader: typeof yearColumnsReader;
}
const ours: Readers = { tableReader, longTableReader, wideTableReader, yearColumnsReader };

async function readersOf(folder: string): Promise<Readers> {
  const load = (module: string) => import(resolve(folder, 'src/io', module));
  const [rows, long, wide, years] = await Promise.all([load('tableRows.ts'), load('longTable.ts'), load('wideTable.ts'), load('yearColumnsTable.ts')]);
  return { tableReader: rows.tableReader, longTableReader: long.longTableReader, wideTableReader: wide.wideTableReader, yearColumnsReader: years.yearColumnsReader };
}

/** About 20 MB each: long (region,category,year,employment,establishments), wide (one column per category), year columns. */
function syntheticTables(readers: Readers = ours): Record<string, { bytes: Uint8Array; rows: number; make: (head: TableHead) => RowConsumer<Read> }> {
  const { longTableReader, wideTableReader, yearColumnsReader } = readers;
  const regions = Array.from({ length: 3000 }, (_, i) => String(1001 + i * 3).padStart(5, '0'));
  const long = ['region,category,year,employment,establishments'];
  for (let year = 2000; year < 2006; year++) {
    for (const [i, id] of regions.entries()) for (let c = 0; c < 50; c++) long.push(`${id},c${c},${year},${((i * 7919 + c * 104729 + year) % 5000) + 1},${(i + c) % 40}`);
  }
  const categories = Array.from({ length: 50 }, (_, c) => `c${c}`);
  const wide = [['region', 'year', ...categories].join(',')];
  for (let year = 1990; year < 2030; year++) {
    for (const [i, id] of regions.entries()) wide.push([id, year, ...categories.map((_, c) => ((i * 7919 + c * 104729 + year) % 5000) + 1)].join(','));
  }
  const years = Array.from({ length: 20 }, (_, y) => 2000 + y);
  const yearColumns = [['region', 'category', ...years].join(',')];
  for (const [i, id] of regions.entries()) {
    for (let c = 0; c < 50; c++) yearColumns.push([id, `c${c}`, ...years.map((y) => ((i * 7919 + c * 104729 + y) % 5000) + 1)].join(','));
  }
  const encode = (lines: string[]) => new TextEncoder().encode(lines.join('\n') + '\n');
  return {
    long: { bytes: encode(long), rows: long.length - 1, make: (head) => longTableReader(head, { region: 'region', category: 'category', year: 'year', employment: 'employment', establishments: 'establishments' }, {}) },
    wide: { bytes: encode(wide), rows: wide.length - 1, make: (head) => wideTableReader(head, { region: 'region', year: 'year' }, {}) },
    yearColumns: { bytes: encode(yearColumns), rows: yearColumns.length - 1, make: (head) => yearColumnsReader(head, { region: 'region', category: 'category', years: years.map(String) }, {}) },
  };
}

/**
 * The median CPU times of `a` and `b` run alternately (each warmed up first), so both see the same
 * load; which runs first swaps every round (the one run second pays for the other's garbage).
 */
function alternately(runs: number, a: () => unknown, b: () => unknown): [number, number] {
  a();
  b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      ta.push(cpuMs(a));
      tb.push(cpuMs(b));
    } else {
      tb.push(cpuMs(b));
      ta.push(cpuMs(a));
    }
  }
  return [median(ta), median(tb)];
}

/** `before`: a checkout (folder) whose readers run alternately with these, for a ratio at one load. */
export function parserBench(runs = 5, before?: { folder: string; readers: Readers }): ParserBench {
  const loadAverage = Math.round(loadavg()[0] * 100) / 100;
  const tables: ParserBench['tables'] = {};
  const round = (x: number) => Math.round(x * 10) / 10;
  let longBytes: Uint8Array | undefined;
  const beforeTables = before ? syntheticTables(before.readers) : undefined;
  const read = (readers: Readers, name: string, bytes: Uint8Array, make: (head: TableHead) => RowConsumer<Read>) => () => {
    const reader = readers.tableReader(name, make, { totalLength: bytes.length });
    reader.push(bytes);
    return reader.end();
  };
  for (const [name, t] of Object.entries(syntheticTables())) {
    const mb = t.bytes.length / 1e6;
    const decodeMs = medianOf(runs, () => new TextDecoder().decode(t.bytes));
    const perSecond = (ms: number) => Math.round(mb / (ms / 1000));
    const after = read(ours, name, t.bytes, t.make);
    const [cubeMs, beforeMs] = before ? alternately(runs, after, read(before.readers, name, t.bytes, beforeTables![name].make)) : [medianOf(runs, after), NaN];
    tables[name] = { megabytes: round(mb), rows: t.rows, decodeMs: round(decodeMs), cubeMs: round(cubeMs), ratioToDecode: round(cubeMs / decodeMs), megabytesPerSecond: perSecond(cubeMs) };
    if (before) tables[name].before = { cubeMs: round(beforeMs), ratioToDecode: round(beforeMs / decodeMs), megabytesPerSecond: perSecond(beforeMs), speedup: Math.round((beforeMs / cubeMs) * 100) / 100 };
    if (name === 'long') longBytes = t.bytes;
  }
  const bytes = longBytes!;
  const mb = bytes.length / 1e6;
  const decodeMs = medianOf(runs, () => new TextDecoder().decode(bytes));
  const text = new TextDecoder().decode(bytes);
  const entry = (ms: number) => ({ ms: Math.round(ms * 10) / 10, ratioToDecode: Math.round((ms / decodeMs) * 10) / 10, megabytesPerSecond: Math.round(mb / (ms / 1000)) });
  let sink = 0;
  const parseOnly: ParserBench['parseOnly'] = {
    textDecoder: entry(decodeMs),
    // Ours: rows as cells over the bytes (no string per cell), then as strings (what parseDelimited keeps).
    scannerCells: entry(medianOf(runs, () => {
      const reader = delimitedReader('long.csv', { onCells: (cells) => (sink += cells.length) });
      reader.push(bytes);
      reader.end();
    })),
    scannerStrings: entry(medianOf(runs, () => {
      const reader = delimitedReader('long.csv', { onRow: (row) => (sink += row.length) });
      reader.push(bytes);
      reader.end();
    })),
    papaparseFastMode: entry(decodeMs + medianOf(runs, () => (sink += Papa.parse<string[]>(new TextDecoder().decode(bytes), { delimiter: ',', fastMode: true }).data.length))),
    papaparseStep: entry(decodeMs + medianOf(runs, () => Papa.parse<string[]>(text, { delimiter: ',', step: (r) => (sink += r.data.length) }))),
    d3Dsv: entry(decodeMs + medianOf(runs, () => (sink += csvParseRows(text).length))),
    udsv: entry(decodeMs + medianOf(runs, () => {
      const schema = inferSchema(text, { col: ',', row: '\n' });
      sink += initParser(schema).stringArrs(text).length;
    })),
  };
  if (sink === 42) console.error('');
  return { loadAverage, loadAverageAtEnd: Math.round(loadavg()[0] * 100) / 100, runs, tables, ...(before ? { before: before.folder } : {}), parseOnly };
}

export function runIoBench(runs = 3): IoBench {
  const skipped: string[] = [];
  // The small real files first, so the large synthetic table's garbage does not slow them.
  const real = realBench(runs, skipped);
  return { name: 'io', runs, csv: csvBench(Math.min(runs, 2)), real, parsers: parserBench(), skipped };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `parsers [folder]`: the parser bench alone, with another checkout's readers (e.g. main's) run alternately as `before`.
  const folder = process.argv[2] === 'parsers' ? process.argv[3] : undefined;
  const before = folder ? { folder, readers: await readersOf(resolve(folder)) } : undefined;
  console.log(JSON.stringify(process.argv[2] === 'parsers' ? parserBench(5, before) : runIoBench(), null, 2));
}

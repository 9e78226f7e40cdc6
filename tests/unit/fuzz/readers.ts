import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readBoundaries } from '../../../src/io/boundaries';
import { parseDelimited } from '../../../src/io/delimited';
import { eurostatToCube } from '../../../src/io/eurostatCube';
import { parseEurostatTsv } from '../../../src/io/eurostatTsv';
import { parseJsonText } from '../../../src/io/jsonText';
import { longTableToCube } from '../../../src/io/longTable';
import { validateManifest } from '../../../src/io/manifest';
import { nestedJsonToCube } from '../../../src/io/nestedJson';
import { readZippedShapefile } from '../../../src/io/shapefileZip';
import { wideTableToCube } from '../../../src/io/wideTable';
import { yearColumnsToCube } from '../../../src/io/yearColumnsTable';
import { gridToTable } from '../../../src/io/gridTable';
import { readJsonStat } from '../../../src/io/jsonStat';
import { parseSdmxCsv } from '../../../src/io/sdmxCsv';
import { readWorkbook } from '../../../src/io/xlsxWorkbook';
import { parseHash } from '../../../src/state/hash';
import { xlsxBytes } from '../formats/writeFixtures';
import { layerFiles, zip } from '../io/helpers/shapefileFiles';

/**
 * Every reader of user input, each with real seed inputs to mutate. A reader takes text (or bytes)
 * and must end in a result or an InputError.
 */
export interface FuzzReader {
  name: string;
  binary?: boolean;
  seeds: (string | Uint8Array)[];
  read(input: string | Uint8Array): unknown;
}

const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url)));
const text = (path: string) => fixture(path).toString('utf8');
const asText = (input: string | Uint8Array) => (typeof input === 'string' ? input : new TextDecoder().decode(input));

const sdmx = [
  'DATAFLOW,LAST UPDATE,freq,unit,nace_r2,age,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG',
  'ESTAT:LFST_R_LFE2EN2(1.0),04/04/24 23:00:00,A,THS,A,Y_GE15,AA1,2014,9,b',
  'ESTAT:LFST_R_LFE2EN2(1.0),04/04/24 23:00:00,A,THS,C,Y_GE15,AA1,2014,21,',
  'ESTAT:LFST_R_LFE2EN2(1.0),04/04/24 23:00:00,A,THS,TOTAL,Y_GE15,AA1,2014,41,',
  'ESTAT:LFST_R_LFE2EN2(1.0),04/04/24 23:00:00,A,THS,A,Y_GE15,AA2,2014,3,u',
  'ESTAT:LFST_R_LFE2EN2(1.0),04/04/24 23:00:00,A,THS,C,Y_GE15,AA2,2014,,',
].join('\n');

const jsonStat = JSON.stringify({
  version: '2.0', class: 'dataset', label: 'Employment', id: ['unit', 'nace_r2', 'geo', 'time'], size: [1, 3, 2, 2], role: { time: ['time'], geo: ['geo'] },
  dimension: {
    unit: { category: { index: { THS: 0 } } }, nace_r2: { category: { index: { A: 0, C: 1, TOTAL: 2 } } },
    geo: { category: { index: { AA1: 0, AA2: 1 } } }, time: { category: { index: { 2014: 0, 2015: 1 } } },
  },
  value: { 0: 9, 1: 10.5, 2: 3, 4: 21, 5: 20, 7: 5, 8: 41, 9: 40, 10: 11.5, 11: 12 }, status: { 0: 'b', 3: 'u' },
});

const manifest = JSON.stringify({
  format: 'cluster-atlas-dataset', version: 1, id: 'grid', title: 'Grid', attribution: 'Made up', regions: { file: 'regions.geojson', id: 'code', name: 'name' },
  categories: { file: 'categories.csv' }, employment: { file: 'employment.csv', layout: 'long' }, years: [2020, 2021], defaultView: { cat: 'a', ind: 'lq', year: 2021 },
});

export const READERS: FuzzReader[] = [
  {
    name: 'delimited (long, wide and year-column tables)',
    seeds: [text('import/long-semicolon.csv'), text('import/wide.csv'), text('import/years.csv'), text('io/cbp-small.csv'), text('indicators/employment.csv')],
    read(input) {
      const table = parseDelimited(asText(input), 'f.csv');
      const outcomes = [() => longTableToCube(table), () => wideTableToCube(table), () => yearColumnsToCube(table)];
      return outcomes.map(tryInput);
    },
  },
  {
    name: 'Eurostat TSV',
    seeds: [text('io/lfs-small.tsv'), text('import/eurostat.tsv')],
    read: (input) => eurostatToCube(parseEurostatTsv(asText(input), 'f.tsv')),
  },
  {
    name: 'SDMX-CSV',
    seeds: [sdmx],
    read: (input) => eurostatToCube(parseSdmxCsv(asText(input), 'f.csv').table),
  },
  {
    name: 'JSON-stat',
    seeds: [jsonStat],
    read: (input) => eurostatToCube(readJsonStat(parseJsonText(asText(input), 'f.json'), 'f.json').table),
  },
  {
    name: 'xlsx workbook',
    binary: true,
    seeds: [
      xlsxBytes([
        { name: 'Employment', rows: [['Employment by region, 2020'], ['region', 'category', 'employment'], ['Москва', 'Mining', 10], ['Тверь', 'Mining', 2.5], ['Note: made up']], merges: ['A1:C1'], indents: [0, 0, 1, 1, 0] },
        { name: 'Other', rows: [['a', 'b'], [1, 2]] },
      ]),
    ],
    read(input) {
      const workbook = readWorkbook(typeof input === 'string' ? new TextEncoder().encode(input) : input, 'f.xlsx');
      return workbook.sheets.map((name) => tryInput(() => longTableToCube(gridToTable(workbook.sheet(name)).table)));
    },
  },
  {
    name: 'nested JSON',
    seeds: [text('import/by-name.json'), '{"A":{"x":{"emp":1,"gdp":2}},"B":{"x":{"emp":3}}}'],
    read(input) {
      const t = asText(input);
      return [tryInput(() => nestedJsonToCube(t, 'f.json')), tryInput(() => nestedJsonToCube(t, 'f.json', { measure: 'emp' }))];
    },
  },
  {
    name: 'GeoJSON',
    seeds: [text('io/regions.geojson'), text('spatial/grid3x3.geojson'), text('import/regions.geojson')],
    read: (input) => readBoundaries(asText(input), 'f.geojson'),
  },
  {
    name: 'TopoJSON',
    seeds: [text('spatial/grid3x3.topojson')],
    read: (input) => readBoundaries(asText(input), 'f.topojson'),
  },
  {
    name: 'shapefile zip',
    binary: true,
    seeds: [new Uint8Array(fixture('io/regions-laea.zip')), zip(layerFiles('r', ['North', 'Middle', 'South'], undefined, 0, 'UTF-8')), zip([...layerFiles('a', ['A', 'B']), ...layerFiles('b', ['C'])])],
    read: (input) => readZippedShapefile(typeof input === 'string' ? new TextEncoder().encode(input) : input, 'f.zip'),
  },
  {
    name: 'manifest',
    seeds: [manifest],
    read: (input) => validateManifest(parseJsonText(asText(input), 'manifest.json'), 'manifest.json'),
  },
  {
    name: 'URL hash',
    seeds: ['#v=2&cat=biopharma&ind=lq&year=2022&base=2012&mode=change&change=cagr&rule=cmp&cut=0.05&lqmin=1.5&class=quantile&classes=5&palette=Blues&at=10.5,50.2,4&lang=ru', '#v=1&cat=it&year=2020'],
    read: (input) => parseHash(asText(input)),
  },
];

/** The reader's InputError as a value; anything else is rethrown. */
export function tryInput(run: () => unknown): unknown {
  try {
    return run();
  } catch (e) {
    if ((e as Error)?.name === 'InputError') return e;
    throw e;
  }
}

/** Readers that must fail the harness: it reports an exception other than InputError, and a hang, with the input. */
export const BROKEN_READERS: FuzzReader[] = [
  {
    name: 'throws a TypeError on a comma',
    seeds: ['a,b\n1,2\n'],
    read(input) {
      if (asText(input).includes(',')) throw new TypeError('comma');
      return undefined;
    },
  },
  {
    name: 'spins on a line break',
    seeds: ['a;b\n1;2\n'],
    read(input) {
      if (asText(input).includes('\n')) for (;;);
      return undefined;
    },
  },
];

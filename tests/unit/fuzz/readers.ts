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
import { parseHash } from '../../../src/state/hash';
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

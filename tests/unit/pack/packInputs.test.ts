import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { topology } from 'topojson-server';
import type { FeatureCollection, Polygon } from 'geojson';
import { parseDelimited } from '../../../src/io/delimited';
import { longTableToCube } from '../../../src/io/longTable';
import { wideTableToCube } from '../../../src/io/wideTable';
import { readInputs, type InputFile } from '../../../src/pack/inputs';
import { packDataset, type PackOptions } from '../../../src/pack/packDataset';
import { PACK_FIXTURES, cell, pack, temporaryFolder } from './helpers';

const ioFixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/io/${name}`, import.meta.url))));
const packFixture = (name: string) => new Uint8Array(readFileSync(join(PACK_FIXTURES, name)));
const file = (name: string, content: string | Uint8Array): InputFile => ({ name, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content });

/** Unit squares in a row, one per id, with the id in `property` and a name. */
function squares(ids: string[], property = 'NUTS_ID'): FeatureCollection<Polygon> {
  return {
    type: 'FeatureCollection',
    features: ids.map((id, i) => ({
      type: 'Feature',
      properties: { [property]: id, name: `Region ${id}` },
      geometry: { type: 'Polygon', coordinates: [[[i, 0], [i + 1, 0], [i + 1, 1], [i, 1], [i, 0]]] },
    })),
  };
}

const geojson = (ids: string[], property?: string) => file('regions.geojson', JSON.stringify(squares(ids, property)));
const grid = () => [file('regions.geojson', packFixture('grid/regions.geojson')), file('employment.csv', packFixture('grid/employment.csv'))];
const run = (files: InputFile[], options: Partial<PackOptions> = {}, fixes?: InputFile) => packDataset(files, { id: 'test', ...options }, fixes);
const text = (result: Awaited<ReturnType<typeof run>>, name: string) => result.files.find((f) => f.name === name)?.text;

describe('telling the input files apart', () => {
  it('by content, whatever their names, as the app does', async () => {
    const inputs = await readInputs(
      [
        file('a.txt', packFixture('grid/regions.geojson')),
        file('b', packFixture('grid/employment.csv')),
        file('c', packFixture('grid/categories.csv')),
        file('d', packFixture('names.csv')),
        file('e', ioFixture('naics-categories.csv')),
      ],
      'in/',
    );
    expect([inputs.boundaries, inputs.employment, inputs.categories, inputs.names, inputs.industries].map((s) => s && `${s.name} ${s.kind}`)).toEqual([
      'a.txt geojson',
      'b delimited',
      'c delimited',
      'd delimited',
      'e delimited',
    ]);
    expect((await readInputs([file('x', ioFixture('lfs-small.tsv')), file('y.zip', ioFixture('regions-laea.zip'))], 'in/')).employment.kind).toBe('eurostat-tsv');
  });

  it('refuses a missing or doubled role, naming the files', async () => {
    const [regions, employment] = grid();
    await expect(readInputs([regions], 'in/')).rejects.toThrow('in/: no employment table (CSV/TSV, Eurostat TSV or nested JSON) among regions.geojson');
    await expect(readInputs([employment], 'in/')).rejects.toThrow('in/: no boundary file (GeoJSON, TopoJSON or zipped Shapefile) among employment.csv');
    await expect(readInputs([regions, employment, { ...regions, name: 'other.json' }], 'in/')).rejects.toThrow(
      'other.json: a second boundary file besides regions.geojson; name the files to use instead of the folder',
    );
    // A workbook is an employment table like a CSV: a second one beside the CSV is a doubled role.
    await expect(readInputs([regions, employment, file('data.xlsx', 'PK')], 'in/')).rejects.toThrow('data.xlsx: a second employment table');
  });
});

describe('packing each input format', () => {
  it('Eurostat TSV: filters and totals said, flags packed in flags.csv', async () => {
    const r = await run([geojson(['AA1', 'AA2']), file('lfs.tsv', ioFixture('lfs-small.tsv'))], { filters: { age: ['Y_GE15'] } });
    expect(r.employment.report.excluded).toEqual([{ reason: 'age is not Y_GE15', rows: 2 }]);
    expect(r.join.counts).toMatchObject({ matched: 2, noData: 0, notOnMap: 0 });
    // `:` stays an empty cell (not reported), never 0.
    expect(text(r, 'employment.csv')).toBe('region,year,A,C\nAA1,2014,9,21\nAA1,2015,10.5,20\nAA2,2014,3,\nAA2,2015,,5\n');
    expect(r.notes).toContain('source flags on values (b: 1, u: 2, e: 1) packed in flags.csv');
    expect(r.manifest.flags).toEqual({ file: 'flags.csv' });
    expect(text(r, 'flags.csv')!.split('\n')[0]).toBe('region,category,year,flag');
    expect(text(r, 'flags.csv')!.trim().split('\n')).toHaveLength(1 + 4);
    expect(r.notes.some((n) => n.startsWith('the regions’ stated totals'))).toBe(true);
    expect(r.manifest.defaultView).toEqual({ cat: 'C', ind: 'lq', year: 2015 });
    await expect(run([geojson(['AA1']), file('lfs.tsv', ioFixture('lfs-small.tsv'))], { measure: 'THS' })).rejects.toThrow(
      'lfs.tsv: --measure applies to nested JSON and long tables; a Eurostat table picks its unit with --filter unit=…',
    );
    await expect(run([geojson(['AA1']), file('lfs.tsv', ioFixture('lfs-small.tsv'))], { filters: { age: ['Y99'] } })).rejects.toThrow(
      'lfs.tsv: filter age=Y99: no such code (codes: Y15-24, Y_GE15)',
    );
  });

  it('nested JSON keyed by names: one measure chosen, the year given', async () => {
    const json = file('stats.json', JSON.stringify({ 'Region AA1': { auto: { emp: 3, gva: 9 }, bio: { emp: 4, gva: 1 } }, 'region aa2': { auto: { emp: 5 }, bio: { gva: 2 } } }));
    const r = await run([geojson(['AA1', 'AA2']), json], { measure: 'emp', years: [2016] });
    expect(r.importNotes[0]).toBe('region ids from property "name": it matches the most data regions (1 by code, 1 by name)');
    expect(r.join.counts.byBasis).toMatchObject({ id: 1, name: 1 });
    expect(r.warnings).toEqual([{ summary: '1 row(s) of stats.json not used', items: ['"region aa2" → "bio" has no measure emp'] }]);
    expect(text(r, 'employment.csv')).toBe('region,year,auto,bio\nRegion AA1,2016,3,4\nRegion AA2,2016,5,\n');
    await expect(run([geojson(['AA1']), json])).rejects.toThrow('stats.json: the values have several measures (emp, gva): choose one');
    await expect(run([geojson(['AA1']), json], { measure: 'emp', filters: { x: ['1'] } })).rejects.toThrow('stats.json: --filter applies to Eurostat TSV and delimited tables, not to nested JSON');
    const noYear = await run([geojson(['AA1', 'AA2']), json], { measure: 'gva' });
    expect(noYear.manifest.years).toBeUndefined();
    expect(noYear.notes).toContain('the data has no year: give --year to say which year it refers to');
    expect(text(noYear, 'employment.csv')).toBe('region,auto,bio\nRegion AA1,9,1\nRegion AA2,,2\n');
  });

  it('County Business Patterns with suppression flags and an industry mapping', async () => {
    const inputs = [geojson(['01001', '01003'], 'GEOID'), file('cbp.csv', ioFixture('cbp-small.csv')), file('naics.csv', ioFixture('naics-categories.csv'))];
    await expect(run(inputs)).rejects.toThrow('cbp.csv, line 5, column "empflag": suppression flag "B": choose what it becomes (missing, or the midpoint of its range)');
    const r = await run(inputs, { suppression: 'midpoint', years: [2021] });
    expect(r.employment.report.suppressed).toEqual({ policy: 'midpoint', cells: 5, byFlag: { B: 1, C: 1, A: 2, M: 1 } });
    // 311 (120) is manufacturing; 31 and 325 are totals of finer codes; 3254 (B → 60) pharma;
    // 4411 (80) + 4412 (A → 10) retail; 9999 has no category and is a warning.
    expect(text(r, 'categories.csv')).toBe('category,name\nmanufacturing,Manufacturing\npharma,Pharmaceuticals\nretail,Retail trade\n');
    expect(text(r, 'employment.csv')).toBe('region,year,manufacturing,pharma,retail\n01001,2021,120,60,90\n01003,2021,10,40,100000\n');
    expect(text(r, 'establishments.csv')).toBe('region,year,manufacturing,pharma,retail\n01001,2021,4,2,6\n01003,2021,1,2,3\n');
    expect(r.manifest.establishments).toEqual({ file: 'establishments.csv', layout: 'wide' });
    expect(r.warnings).toEqual([{ summary: '1 industry code(s) with employment have no category in naics.csv', items: ['9999//: 7 in 1 cell(s)'] }]);
    const long = await run(inputs, { suppression: 'midpoint', years: [2021], layout: 'long' });
    const back = longTableToCube(parseDelimited(text(long, 'employment.csv')!, 'employment.csv'));
    expect(back.report.rowsUsed).toBe(6);
    expect(cell(back.cube, '01001', 'retail', 2021)).toBe(90);
    expect(back.cube.establishments![0][0]).toBe(4);
  });

  it('TopoJSON and zipped Shapefile boundaries', async () => {
    const collection = JSON.parse(new TextDecoder().decode(packFixture('grid/regions.geojson')));
    const topo = file('grid.topojson', JSON.stringify(topology({ grid: collection })));
    const fromTopology = await run([topo, grid()[1]]);
    expect(fromTopology.boundaries.format).toBe('topojson');
    expect(fromTopology.join.counts).toMatchObject({ matched: 5, noData: 1, notOnMap: 1 });
    expect(fromTopology.geometry.pointsAfter).toBe(35);

    const csv = file('jobs.csv', 'code,x\nR1,1\nR2,2\nR3,3\n');
    const fromShapefile = await run([file('regions.zip', ioFixture('regions-laea.zip')), csv]);
    expect(fromShapefile.boundaries).toMatchObject({ format: 'shapefile', idProperty: 'code', nameProperty: 'name', regions: 3 });
    expect(fromShapefile.join.counts.matched).toBe(3);
    // Reprojected from ETRS89-LAEA back to degrees: R1 is the square 10–11° E, 50–51° N.
    const r1 = JSON.parse(text(fromShapefile, 'regions.geojson')!).features[0];
    expect(r1.properties).toEqual({ name: 'Älvdal', code: 'R1' });
    const xs = (r1.geometry.coordinates[0] as number[][]).map((p) => p[0]);
    expect(Math.min(...xs)).toBeCloseTo(10, 3);
    expect(Math.max(...xs)).toBeCloseTo(11, 3);
  });

  it('writes wide tables the wide reader takes back, falling back to long when a category would be a column name', async () => {
    const csv = file('jobs.csv', 'region,category,employment\nAA1,year,1\nAA1,B,2\n');
    const r = await run([geojson(['AA1']), csv], { years: [2020] });
    expect(r.output.layoutWhy).toBe('long, because category "year" would be read as the year column');
    expect(text(r, 'employment.csv')).toBe('region,category,year,employment\nAA1,year,2020,1\nAA1,B,2020,2\n');
    const wide = await run([geojson(['AA1', 'AA2']), file('w.csv', 'region;x;y\nAA1;1,5;2\nAA2;3;\n')]);
    const back = wideTableToCube(parseDelimited(text(wide, 'employment.csv')!, 'employment.csv'));
    expect([...back.cube.employment[0]]).toEqual([1.5, 2, 3, NaN]);
  });
});

describe('bad input: located errors, nothing packed', () => {
  const employment = file('employment.csv', 'region,category,year,employment\nAA1,auto,2020,5\n');
  const cases: [string, InputFile[], string][] = [
    ['malformed JSON', [file('regions.geojson', '{"type": "FeatureCollection", "features": [\n  {"type": "Feature",, }\n]}'), employment], 'regions.geojson, line 2:22: invalid JSON'],
    [
      'a geometry that is not polygonal',
      [file('regions.geojson', JSON.stringify({ ...squares(['AA1']), features: [...squares(['AA1']).features, { type: 'Feature', properties: { NUTS_ID: 'AA2' }, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } }] })), employment],
      'regions.geojson, feature 1: only Polygon and MultiPolygon regions can be mapped: LineString at feature 1',
    ],
    [
      'duplicate region ids',
      [file('regions.geojson', JSON.stringify({ ...squares(['AA1', 'AA1']), features: squares(['AA1', 'AA1']).features.map((f, i) => ({ ...f, properties: { ...f.properties, name: `N${i}` } })) })), employment],
      'regions.geojson, feature 1: "NUTS_ID" "AA1" is used by features 0, 1',
    ],
    ['no property that could be an id', [geojson(['AA1', 'AA1']), employment], 'regions.geojson: no property identifies every feature uniquely (properties: NUTS_ID, name); name the id property'],
    ['a missing column', [geojson(['AA1']), file('employment.csv', 'region,category,persons\nAA1,auto,5\n')], 'employment.csv, line 1: no employment column recognised in the header ("region", "category", "persons"); name it with --measure'],
    ['text in a number column', [geojson(['AA1']), file('employment.csv', 'region,category,employment\nAA1,auto,5\nAA1,bio,many\n')], 'employment.csv, line 3, column "employment": "many" is not a number'],
    ['negative employment', [geojson(['AA1']), file('employment.csv', 'region,category,employment\nAA1,auto,-5\n')], 'employment.csv, line 2, column "employment": negative value -5'],
    ['a row given twice', [geojson(['AA1']), file('employment.csv', 'region,category,employment\nAA1,auto,5\nAA1,auto,6\n')], 'employment.csv, line 3: region "AA1", category "auto" already given on line 2'],
    ['a ragged row', [geojson(['AA1']), file('employment.csv', 'region,category,employment\nAA1,auto,5,7\n')], 'employment.csv, line 2: expected 3 fields as in the header (line 1), found 4'],
    ['a categories table defining a category twice', [geojson(['AA1']), employment, file('categories.csv', 'category,name\nauto,A\nauto,B\n')], 'categories.csv, line 3: category "auto" already defined on line 2'],
    ['a boundary file in another projection', [file('regions.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { NUTS_ID: 'AA1' }, geometry: { type: 'Polygon', coordinates: [[[4e6, 3e6], [4.1e6, 3e6], [4.1e6, 3.1e6], [4e6, 3e6]]] } }] })), employment], 'regions.geojson, feature 0: coordinates [4000000, 3000000] are not longitude/latitude degrees: reproject the file to WGS 84 (EPSG:4326)'],
    ['a zip without a shapefile', [file('regions.zip', ioFixture('no-shapefile.zip')), employment], 'regions.zip: the zip holds no .shp file'],
    ['no region in common', [geojson(['ZZ1']), employment], 'employment.csv: none of its 1 regions matches a region of regions.geojson'],
  ];
  it.each(cases)('%s', async (_, files, message) => {
    await expect(run(files)).rejects.toThrow(message);
  });

  it('a name-fixes file that maps one name twice, a year the data lacks, a filter on a missing column', async () => {
    await expect(run(grid(), {}, file('fixes.csv', 'data_name,region_id\nR9,R6\nR9,R5\n'))).rejects.toThrow('fixes.csv, line 3: "R9" is already mapped to "R6" on line 2');
    await expect(run(grid(), { years: [2019] })).rejects.toThrow('employment.csv: no data for 2019 (years in the data: 2020, 2021)');
    await expect(run(grid(), { filters: { sex: ['T'] } })).rejects.toThrow('employment.csv: no column "sex"; the columns are "region", "category", "year", "employment"');
    await expect(run(grid(), { filters: { category: ['cars'] } })).rejects.toThrow('employment.csv, column "category": filter category=cars: no row has this value (values: auto, bio)');
  });

  it('filters rows of a delimited table and counts what they leave out', async () => {
    const r = await run(grid(), { filters: { category: ['auto'] } });
    expect(r.employment.report.excluded).toEqual([{ reason: 'category is not auto', rows: 12 }]);
    expect(r.output.categories).toBe(1);
  });
});

describe('the command line', () => {
  const temporary = temporaryFolder();
  const grid = join(PACK_FIXTURES, 'grid');
  const usage: [string[], string][] = [
    [[], 'dataset: name the input folder or files'],
    [[grid], 'dataset: --out <folder> is required'],
    [[grid, '--out', '/tmp/my data'], 'dataset: the folder name "my data" is the dataset id: use letters, digits, ".", "_" and "-"'],
    [[grid, '--out', 'x', '--year', '15'], 'dataset: --year takes years such as 2015, not "15"'],
    [[grid, '--out', 'x', '--simplify', '1', '--keep', '0.5'], 'dataset: give --simplify or --keep, not both'],
    [[grid, '--out', 'x', '--keep', '0'], 'dataset: --keep takes a share above 0 and at most 1, not "0"'],
    [[grid, '--out', 'x', '--layout', 'tall'], 'dataset: --layout is long or wide, not "tall"'],
    [[grid, '--out', 'x', '--suppression', 'zero'], 'dataset: --suppression is missing or midpoint, not "zero"'],
    [[grid, '--out', 'x', '--filter', 'age'], 'dataset: --filter "age" should look like dimension=code[,code…]'],
    [[grid, '--out', 'x', '--colour', 'red'], "dataset: Unknown option '--colour'."],
  ];
  it.each(usage)('usage error %j', async (argv, message) => {
    const r = await pack(...argv);
    expect(r.code).toBe(2);
    expect(r.err.startsWith(message)).toBe(true);
    expect(r.err).toContain('\nusage: npm run dataset -- <input folder or files…> --out <folder> [options]\n');
  });

  it('names a missing input', async () => {
    const r = await pack(join(temporary(), 'nothing-here'), '--out', join(temporary(), 'x'));
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err).toMatch(/nothing-here: no such file or folder\n$/);
  });
});

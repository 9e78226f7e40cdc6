import { describe, expect, it } from 'vitest';
import { buildImport } from '../../../../src/engine/import/buildImport';
import { InputError } from '../../../../src/io/errors';
import { resolve } from 'node:path';
import { defaultTableChoice } from '../../../../src/ui/dataImport/importSetup';
import { choices, FIXTURES, fileFrom, fixture, inspectAll } from './helpers';

async function regionsOf(result: { regions: Blob }) {
  return JSON.parse(await result.regions.text()) as { features: { id: string; properties: Record<string, unknown>; geometry: { coordinates: unknown } }[] };
}

function longitudes(coordinates: unknown, out: number[] = []): number[] {
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') out.push(coordinates[0] as number);
  else if (Array.isArray(coordinates)) for (const c of coordinates) longitudes(c, out);
  return out;
}

describe('inspecting files', () => {
  it('tells each file’s kind and role from its content and guesses the columns', async () => {
    const { byName } = await inspectAll(['regions.geojson', 'long-semicolon.csv', 'wide.csv', 'years.csv', 'by-name.json', 'eurostat.tsv', 'categories.csv', 'industry-mapping.csv', 'fixes.csv'].map(fixture));
    expect(byName('regions.geojson')).toMatchObject({ kind: 'geojson', role: 'boundaries', boundaries: { features: 4, idProperty: 'code', nameProperty: 'name', properties: ['fid', 'code', 'name'] } });
    expect(byName('regions.geojson').boundaries!.samples.code).toEqual(['N1', 'S1', 'E1']);

    const long = byName('long-semicolon.csv');
    expect(long).toMatchObject({ kind: 'delimited', role: 'employment' });
    expect(long.table).toMatchObject({
      delimiter: ';',
      rows: 14,
      layout: 'long',
      long: { region: 'region', category: 'category', employment: 'employment', year: 'year', establishments: 'establishments' },
      numericColumns: ['year', 'employment', 'establishments'],
    });
    expect(long.table!.preview[0]).toEqual(['N1', 'agri', '2020', '1 200,5', '10']);

    expect(byName('wide.csv').table).toMatchObject({ layout: 'wide', region: 'region', numericColumns: ['agri', 'tech'] });
    expect(byName('years.csv').table).toMatchObject({ layout: 'years', region: 'code', category: 'sector', yearColumns: ['2019', '2020'] });
    expect(byName('by-name.json')).toMatchObject({ kind: 'nested-json', role: 'employment', json: { regions: 5, measures: ['ЧИСЛ', 'ВРП'] } });
    expect(byName('eurostat.tsv')).toMatchObject({
      kind: 'eurostat-tsv',
      role: 'employment',
      eurostat: { dimensions: ['unit', 'nace_r2', 'sex', 'geo'], region: 'geo', category: 'nace_r2', totals: { sex: 'T' }, periods: ['2021', '2020'], rows: 8 },
    });
    expect(byName('categories.csv').role).toBe('categories');
    expect(byName('industry-mapping.csv').role).toBe('industries');
    expect(byName('fixes.csv').role).toBe('names');
  });

  it('names the file, the place and the problem for unreadable files, one file at a time', async () => {
    const { byName } = await inspectAll(['malformed.geojson', 'points.geojson', 'table.xlsx', 'regions.geojson'].map(fixture));
    expect(byName('malformed.geojson').error).toMatchObject({ location: { file: 'malformed.geojson', line: 5 } });
    expect(byName('malformed.geojson').error!.problem).toMatch(/invalid JSON: expected "," or "}"/);
    expect(byName('points.geojson').error).toMatchObject({ location: { file: 'points.geojson', feature: 1 } });
    expect(byName('points.geojson').error!.problem).toMatch(/only Polygon and MultiPolygon.*Point at feature 1/);
    expect(byName('table.xlsx').error!.message).toBe('table.xlsx: not a readable Excel workbook (invalid zip data); the file may be damaged or cut short');
    // The good file of the same drop is still usable.
    expect(byName('regions.geojson').error).toBeUndefined();
  });

  it('reads a file that is not UTF-8 as Windows-1251 and says so', async () => {
    const cp1251 = new Uint8Array([...Buffer.from('region,category,employment\n'), 0xc1, 0xe5, 0xeb, 0xe3, 0xee, 0xf0, 0xee, 0xe4, ...Buffer.from(',agri,5\n')]);
    const { summaries } = await inspectAll([new File([cp1251], 'cp1251.csv')]);
    expect(summaries[0].table!.preview[0][0]).toBe('Белгород');
    expect(summaries[0].notes).toContain('not UTF-8: read as windows-1251');
  });
});

describe('building a dataset from inspected files', () => {
  it('long table with decimal commas: cube, join report and an antimeridian-safe GeoJSON keyed by the id property', async () => {
    const { inputs, byName } = await inspectAll(['regions.geojson', 'long-semicolon.csv', 'categories.csv'].map(fixture));
    const long = byName('long-semicolon.csv');
    const result = buildImport(inputs, {
      ...choices(byName('regions.geojson'), long, { table: { layout: 'long', ...long.table!.long, region: 'region' } }),
      categories: { key: byName('categories.csv').key },
    });
    expect(result.join.counts).toMatchObject({ dataRegions: 4, mapRegions: 4, matched: 3, noData: 1, notOnMap: 1 });
    expect(result.join.notOnMap).toEqual([
      { dataId: 'ZZ9', dataName: 'ZZ9', reason: 'not-on-map', detail: 'no region with this id or name on the map', explanation: { key: 'noRegion' } },
    ]);
    expect(result.join.noData.map((r) => r.id)).toEqual(['W1']);
    expect(result.dataset.categories).toEqual([
      { id: 'agri', name: 'Agriculture', group: 'local' },
      { id: 'tech', name: 'Technology', group: 'traded' },
    ]);
    expect(result.dataset.years).toEqual([2020, 2021]);
    expect(result.dataset.regions.map((r) => r.name)).toEqual(['Северный край', 'Südtal', 'Eastcape']);
    expect(result.dataset.hasEstablishments).toBe(true);
    expect(result.dataset.join).toEqual({ mapFeatures: 4, matched: 3, regionsWithoutData: ['W1'], dataRegionsNotOnMap: ['ZZ9'] });
    // 1 200,5 is 1200.5; ":" is not reported (NaN), not zero.
    expect([...result.cube.employment[0]]).toEqual([1200.5, 300, 800, 2000, 50, 0]);
    expect(result.cube.employment[1][5]).toBeNaN();
    expect(result.reports[0]).toMatchObject({ rowsRead: 14, rowsUsed: 14, missingCells: 1 });

    expect(result.dataset.manifest.regions).toEqual({ file: 'regions.geojson', id: 'code', name: 'name' });
    expect(result.notes.some((n) => n.includes('property "code"'))).toBe(true);
    expect(result.notes).toContain('1 region(s) crossing the 180° meridian redrawn as one shape: Eastcape');
    const geojson = await regionsOf(result);
    expect(geojson.features.map((f) => f.properties.code)).toEqual(['N1', 'S1', 'E1', 'W1']);
    const east = longitudes(geojson.features[2].geometry.coordinates);
    expect([Math.min(...east), Math.max(...east)]).toEqual([170, 188]);
    // The view opens on the regions, not on the whole globe.
    expect(result.dataset.bounds![0]).toBeGreaterThanOrEqual(28);
  });

  it('wide and year-column tables use the chosen value columns', async () => {
    const { inputs, byName } = await inspectAll(['regions.geojson', 'wide.csv', 'years.csv'].map(fixture));
    const regions = byName('regions.geojson');
    const wide = buildImport(inputs, choices(regions, byName('wide.csv'), { table: { layout: 'wide', region: 'region', columns: ['agri', 'tech'] }, year: 2020 }));
    expect(wide.dataset.categories.map((c) => c.id)).toEqual(['agri', 'tech']);
    expect(wide.dataset.years).toEqual([2020]);
    expect([...wide.cube.employment[0]]).toEqual([1200, 300, 800, 2000, 50, 0]);
    // All columns but the region: the text column "label" is named in the error.
    expect(() => buildImport(inputs, choices(regions, byName('wide.csv'), { table: { layout: 'wide', region: 'region' } }))).toThrow('wide.csv, line 2, column "label": "North" is not a number');

    const years = buildImport(inputs, choices(regions, byName('years.csv'), { table: { layout: 'years', region: 'code', category: 'sector', columns: ['2019', '2020'] } }));
    expect(years.dataset.years).toEqual([2019, 2020]);
    expect([...years.cube.employment[1]]).toEqual([1200, 300, 800, 2000]);
  });

  it('nested JSON by names: measure, normalised names, aliases, manual fixes', async () => {
    const { inputs, byName } = await inspectAll(['regions.geojson', 'by-name.json'].map(fixture));
    const regions = byName('regions.geojson');
    const json = byName('by-name.json');
    expect(() => buildImport(inputs, choices(regions, json))).toThrow('by-name.json: the values have several measures (ЧИСЛ, ВРП): choose one');
    const result = buildImport(inputs, choices(regions, json, { json: { measure: 'ЧИСЛ' }, year: 2015 }));
    // The names are the best ids the map has: equal names match as ids, the others after normalisation.
    expect(result.dataset.manifest.regions.id).toBe('name');
    expect(result.join.matched.map((m) => [m.dataId, m.regionId, m.basis])).toEqual([
      ['Северный край', 'Северный край', 'id'],
      ['Республика Südtal', 'Südtal', 'name'],
      ['Eastcape', 'Eastcape', 'id'],
    ]);
    expect(result.join.notOnMap.map((m) => m.dataId)).toEqual(['West Mark', 'Atlantis']);
    expect([...result.cube.employment[0]]).toEqual([12.5, 3, 8, 20, 0.5, NaN]);

    const fixed = buildImport(inputs, choices(regions, json, { json: { measure: 'ЧИСЛ' } }, { manual: [['West Mark', 'Westmark']] }));
    expect(fixed.join.matched.find((m) => m.dataId === 'West Mark')).toMatchObject({ regionId: 'Westmark', basis: 'manual' });
    expect(fixed.join.counts).toMatchObject({ matched: 4, noData: 0, notOnMap: 1 });
    const unknown = buildImport(inputs, choices(regions, json, { json: { measure: 'ЧИСЛ' } }, { manual: [['West Mark', 'W1']] }));
    expect(unknown.join.notOnMap[0]).toMatchObject({ dataId: 'West Mark', reason: 'manual-unknown' });

    // Joining by id only: names are not tried.
    const byId = buildImport(inputs, choices(regions, json, { json: { measure: 'ЧИСЛ' } }, { by: 'id' }));
    expect(byId.join.matched.map((m) => m.dataId)).toEqual(['Северный край', 'Eastcape']);
  });

  it('Eurostat TSV: filters, totals, flags and aggregates', async () => {
    const { inputs, byName } = await inspectAll(['regions.geojson', 'eurostat.tsv'].map(fixture));
    const regions = byName('regions.geojson');
    const tsv = byName('eurostat.tsv');
    const auto = buildImport(inputs, choices(regions, tsv, { eurostat: { filters: {} } }));
    expect(auto.reports[0].notes).toContain('sex not filtered: its total T is used (other codes: M)');
    expect(auto.join.notOnMap).toMatchObject([{ dataId: 'N', reason: 'aggregate' }]);
    expect(auto.dataset.categories.map((c) => c.id)).toEqual(['A', 'C']);
    expect(auto.cube.regionTotals![1]).toEqual(Float64Array.of(5, 9));
    expect(auto.dataset.flags).toBe(auto.cube.flags);
    expect([...auto.cube.flags![0]]).toEqual([[0, 'b'], [1, 'u']]);
    const male = buildImport(inputs, choices(regions, tsv, { eurostat: { filters: { sex: ['M'] } } }));
    expect([...male.cube.employment[1]]).toEqual([1]);
    expect(() => buildImport(inputs, choices(regions, tsv, { eurostat: { filters: { sex: ['X'] } } }))).toThrow('eurostat.tsv: filter sex=X: no such code (codes: T, M)');
  });

  it('industry codes summed into categories by prefix, named by the categories table', async () => {
    const { inputs, byName } = await inspectAll(['regions.geojson', 'naics.csv', 'industry-mapping.csv'].map(fixture));
    const naics = byName('naics.csv');
    expect(naics.table!.long).toMatchObject({ region: 'fips', category: 'naics', employment: 'emp' });
    const result = buildImport(inputs, {
      ...choices(byName('regions.geojson'), naics, { table: { layout: 'long', region: 'fips', category: 'naics', employment: 'emp' } }),
      industries: { key: byName('industry-mapping.csv').key },
    });
    expect(result.dataset.categories.map((c) => c.name)).toEqual(['Manufacturing', 'Pharmaceuticals', 'Retail']);
    expect([...result.cube.employment[0]]).toEqual([100, 40, 60, 10, 200, NaN]);
    expect(result.industry!.unmapped).toEqual([{ code: '52', cells: 1, employment: 5 }]);
  });

  it('County Business Patterns: suppression letters under the chosen policy, counted, with fine codes summed into categories', async () => {
    const cbp = fileFrom(resolve(FIXTURES, '../io/cbp-small.csv'));
    const squares = new File([JSON.stringify({ type: 'FeatureCollection', features: ['01001', '01003'].map((id, i) => ({ type: 'Feature', properties: { GEOID: id }, geometry: { type: 'Polygon', coordinates: [[[i, 0], [i + 1, 0], [i + 1, 1], [i, 0]]] } })) })], 'counties.geojson');
    const { inputs, byName } = await inspectAll([squares, cbp, fixture('industry-mapping.csv')]);
    const table = defaultTableChoice(byName('cbp-small.csv'))!;
    expect(table).toMatchObject({ layout: 'long', region: 'region', category: 'naics', employment: 'emp', establishments: 'est', employmentFlag: 'empflag' });
    const build = (suppression?: 'missing' | 'midpoint') =>
      buildImport(inputs, { ...choices(byName('counties.geojson'), byName('cbp-small.csv'), { table, suppression }), industries: { key: byName('industry-mapping.csv').key } });
    expect(() => build()).toThrow('cbp-small.csv, line 5, column "empflag": suppression flag "B": choose what it becomes (missing, or the midpoint of its range)');
    const midpoint = build('midpoint');
    expect(midpoint.reports[0].suppressed).toEqual({ policy: 'midpoint', cells: 5, byFlag: { B: 1, C: 1, A: 2, M: 1 } });
    // 01001: manufacturing = 311 (120), pharma = 3254 (B: 60), retail = 4411 (80) + 4412 (A: 10); 31 and 325 are totals of finer codes.
    expect([...midpoint.cube.employment[0].subarray(0, 3)]).toEqual([120, 60, 90]);
    expect(midpoint.industry!.aggregates.map((a) => a.code)).toEqual(['------', '31----', '325///']);
    expect([...build('missing').cube.employment[0].subarray(0, 3)]).toEqual([120, NaN, 80]);
  });

  it('zipped shapefile (reprojected from its .prj) and TopoJSON boundaries', async () => {
    const zip = fileFrom(resolve(FIXTURES, '../io/regions-laea.zip'));
    const topo = fileFrom(resolve(FIXTURES, '../spatial/grid3x3.topojson'));
    const data = new File(['region,category,employment\nR1,a,5\nR2,a,7\nR3,a,1\n'], 'r.csv');
    const { inputs, byName } = await inspectAll([zip, topo, data]);
    expect(byName('regions-laea.zip')).toMatchObject({ kind: 'shapefile-zip', role: 'boundaries', boundaries: { format: 'shapefile', features: 3 } });
    expect(byName('grid3x3.topojson')).toMatchObject({ kind: 'topojson', role: 'boundaries', boundaries: { format: 'topojson', features: 10 } });
    const long = { table: { layout: 'long' as const, region: 'region', category: 'category', employment: 'employment' } };
    const result = buildImport(inputs, choices(byName('regions-laea.zip'), byName('r.csv'), long));
    expect(result.join.counts).toMatchObject({ matched: 3, noData: 0, notOnMap: 0 });
    const xs = longitudes((await regionsOf(result)).features[0].geometry.coordinates);
    // Back in degrees (the fixture's first region spans 10–11°E), not LAEA metres.
    expect(Math.min(...xs)).toBeCloseTo(10, 3);
    expect(Math.max(...xs)).toBeCloseTo(11, 3);
  });

  it('stops with a located error for bad values and bad boundaries', async () => {
    const { inputs, byName } = await inspectAll(['regions.geojson', 'text-in-number.csv', 'negative.csv', 'duplicate-ids.geojson'].map(fixture));
    const regions = byName('regions.geojson');
    const long = { table: { layout: 'long' as const, region: 'region', category: 'category', employment: 'employment' } };
    const failure = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return error as InputError;
      }
      throw new Error('no error');
    };
    const text = failure(() => buildImport(inputs, choices(regions, byName('text-in-number.csv'), long)));
    expect(text).toBeInstanceOf(InputError);
    expect(text.location).toEqual({ file: 'text-in-number.csv', line: 3, column: 'employment' });
    expect(text.problem).toBe('"many" is not a number');
    expect(failure(() => buildImport(inputs, choices(regions, byName('negative.csv'), long))).message).toBe('negative.csv, line 3, column "employment": negative value -5');
    const ok = await inspectAll([new File(['region,category,employment\nN1,agri,5\n'], 'ok.csv'), fixture('duplicate-ids.geojson')]);
    const dup = failure(() => buildImport(ok.inputs, choices(ok.byName('duplicate-ids.geojson'), ok.byName('ok.csv'), long)));
    expect(dup.location).toEqual({ file: 'duplicate-ids.geojson', feature: 1 });
    expect(dup.problem).toBe('"code" "N1" is used by features 0, 1');
    expect(() => buildImport(inputs, choices(regions, regions))).toThrow('regions.geojson: this is a boundary file, not employment data');
    expect(() => buildImport(inputs, choices(regions, byName('negative.csv'), { table: { layout: 'long', region: 'region', category: 'category' } }))).toThrow('negative.csv: choose the employment column');
  });
});

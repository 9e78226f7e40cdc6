/**
 * The packer on real boundaries: EU NUTS-2 with the Eurostat LFS table and the Russian federal
 * subjects with Rosstat (from ../shared/data, read in place; the packed folders go to a temporary
 * directory and are never committed), and the U.S. counties of us-atlas with a synthetic table.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readBoundaries } from '../../../src/io/boundaries';
import { parseDelimited } from '../../../src/io/delimited';
import { validateManifest } from '../../../src/io/manifest';
import { queenAndRookNeighbours } from '../../../src/indicators/spatial/contiguity';
import { haveSharedData, sharedDataPath } from '../../shared-data';
import { cell, loadPacked, neighbourIds, pack, readJson, temporaryFolder } from './helpers';
import { SYNTHETIC_CATEGORIES, syntheticEmploymentCsv, syntheticJobs } from './synthetic';

type Regions = FeatureCollection<Polygon | MultiPolygon, Record<string, string>>;
const temporary = temporaryFolder();

/**
 * Queen and rook neighbours of the source and of the packed regions, as id lists: simplification
 * and quantisation must neither separate neighbours nor make new ones.
 */
function neighboursBeforeAfter(source: ReturnType<typeof readBoundaries>, packed: Regions, idKey: string) {
  const ids = source.regions.map((r) => r.id);
  expect(packed.features.map((f) => f.properties[idKey])).toEqual(ids);
  const before = queenAndRookNeighbours(source.collection.features.map((f) => f.geometry));
  const after = queenAndRookNeighbours(packed.features.map((f) => f.geometry));
  return {
    queen: [neighbourIds(before.queen, ids), neighbourIds(after.queen, ids)],
    rook: [neighbourIds(before.rook, ids), neighbourIds(after.rook, ids)],
  };
}

/**
 * spdep's poly2nb neighbours of the source files (tests/reference, computed once in R): the packed
 * geometry must give the same lists as R gave for the original.
 */
function spdepNeighbours(file: string): { queen: Record<string, string[]>; rook: Record<string, string[]> } {
  const table = parseDelimited(readFileSync(new URL(`../../reference/${file}`, import.meta.url), 'utf8'), file);
  const [id, queen, rook] = ['id', 'queen', 'rook'].map((c) => table.header.indexOf(c));
  const list = (cell: string) => (cell === '' ? [] : cell.split('|').sort());
  return {
    queen: Object.fromEntries(table.rows.map((row) => [row[id], list(row[queen])])),
    rook: Object.fromEntries(table.rows.map((row) => [row[id], list(row[rook])])),
  };
}

const EU = ['eu/NUTS_RG_60M_2021_4326_LEVL_2.geojson', 'eu/lfst_r_lfe2en2_2008-2015.tsv'];

describe.skipIf(!haveSharedData(...EU))('packing EU NUTS-2 2021 with the Eurostat LFS table', () => {
  it('joins, simplifies without losing a region or a neighbour, and loads back', async () => {
    const out = join(temporary(), 'eu-nuts2');
    const r = await pack(...EU.map(sharedDataPath), '--out', out, '--filter', 'age=Y_GE15', '--title', 'EU regions', '--attribution', '© EuroGeographics; Eurostat');
    expect(r.code).toBe(0);
    const manifest = validateManifest(readJson(join(out, 'manifest.json')), 'manifest.json');
    expect(manifest.regions).toEqual({ file: 'regions.geojson', id: 'NUTS_ID', name: 'NAME_LATN' });
    expect(manifest.years).toEqual([2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015]);
    expect(manifest.defaultView?.year).toBe(2015);
    // The counts of tests/unit/io/regionJoin.test.ts, checked there against `comm` of the code lists.
    expect(r.out).toContain('join: 491 data regions, 334 map regions → 275 matched (id 275), 59 map region(s) without data, 216 data region(s) not on the map (aggregate 137, other-version 60, not-on-map 19)');
    expect(r.out).toContain('22381 rows excluded: age is not Y_GE15');
    // The regions the 2013-coded data lacks come first among the warnings, before the country totals.
    expect(r.err).toMatch(/^warning: 216 data region\(s\) not on the map \(aggregate 137, other-version 60, not-on-map 19\)\n {4}EA17: not-on-map/);

    const packed = readJson(join(out, 'regions.geojson')) as Regions;
    const source = readBoundaries(readFileSync(sharedDataPath(EU[0]), 'utf8'), 'nuts2', { idProperty: 'NUTS_ID' });
    const { queen, rook } = neighboursBeforeAfter(source, packed, 'NUTS_ID');
    expect(queen[1]).toEqual(queen[0]);
    expect(rook[1]).toEqual(rook[0]);
    const spdep = spdepNeighbours('spdep_nuts2_60m.csv');
    expect(queen[1]).toEqual(spdep.queen);
    expect(rook[1]).toEqual(spdep.rook);
    // Burgenland, by a look at any map: Lower Austria, Styria, and across borders Hungary, Slovenia, Slovakia.
    expect(queen[1].AT11).toEqual(['AT12', 'AT22', 'HU22', 'SI03', 'SK01']);

    const { dataset, cube } = await loadPacked(out);
    expect(dataset.join.matched).toBe(275);
    expect(dataset.join.regionsWithoutData).toHaveLength(59);
    expect(dataset.join.dataRegionsNotOnMap).toEqual([]);
    // Values straight from the TSV's text: "THS,A,Y_GE15,AT11\t<2015> \t<2014> …".
    const line = readFileSync(sharedDataPath(EU[1]), 'utf8').split('\n').find((l) => l.startsWith('THS,F,Y_GE15,DE21\t'))!;
    const [v2015, v2014] = line.split('\t').slice(1).map((c) => Number.parseFloat(c));
    expect(cell(cube, 'DE21', 'F', 2015)).toBe(v2015);
    expect(cell(cube, 'DE21', 'F', 2014)).toBe(v2014);
    expect(dataset.manifest.attribution).toBe('© EuroGeographics; Eurostat');
  });
});

const NUTS3 = 'eu/NUTS_RG_60M_2021_4326_LEVL_3.geojson';

describe.skipIf(!haveSharedData(NUTS3))('packing EU NUTS-3 2021 (1:60M) with a synthetic table', () => {
  it('gives the neighbours spdep finds on the original boundaries', async () => {
    const root = temporary();
    const source = readBoundaries(readFileSync(sharedDataPath(NUTS3), 'utf8'), 'nuts3', { idProperty: 'NUTS_ID' });
    const csv = join(root, 'employment.csv');
    writeFileSync(csv, syntheticEmploymentCsv(source.regions.map((r) => r.id)));
    const out = join(root, 'nuts3');
    const r = await pack(sharedDataPath(NUTS3), csv, '--out', out, '--strict');
    expect(r.code).toBe(0);
    expect(r.out).toContain('→ 1514 matched (id 1514)');
    const packed = readJson(join(out, 'regions.geojson')) as Regions;
    const { queen, rook } = neighboursBeforeAfter(source, packed, 'NUTS_ID');
    const spdep = spdepNeighbours('spdep_nuts3_60m.csv');
    expect(queen[1]).toEqual(spdep.queen);
    expect(rook[1]).toEqual(spdep.rook);
  });
});

const RU = ['ru/russia_federal_subjects_gislab_osm.geojson', 'ru/rosstat_okved1_employment_grp_85regions.json'];

describe.skipIf(!haveSharedData(...RU))('packing the Russian federal subjects with Rosstat, joined by name', () => {
  it('matches by name and alias, applies manual fixes, and keeps Chukotka in one piece', async () => {
    const root = temporary();
    const plain = await pack(...RU.map(sharedDataPath), '--out', join(root, 'ru-plain'), '--measure', 'ЧИСЛ', '--year', '2015');
    expect(plain.code).toBe(0);
    // 65 identical names, 17 equal after normalisation, Чувашская Республика ~ Чувашия by the alias table.
    expect(plain.out).toContain('join: 85 data regions, 83 map regions → 83 matched (id 65, name 17, name-alias 1), 0 map region(s) without data, 2 data region(s) not on the map (not-on-map 2)');
    expect(plain.out).toContain('Чувашская Республика → Чувашия by name-alias');

    const fixes = join(root, 'fixes.csv');
    writeFileSync(fixes, 'data_name,region_id\nЧувашская Республика,Чувашия\nРеспублика Крым,Крым\n');
    const out = join(root, 'ru');
    const r = await pack(...RU.map(sharedDataPath), '--out', out, '--measure', 'ЧИСЛ', '--year', '2015', '--names', fixes);
    expect(r.code).toBe(0);
    expect(r.out).toContain('→ 83 matched (manual 1, id 65, name 17), 0 map region(s) without data, 2 data region(s) not on the map (not-on-map 1, manual-unknown 1)');
    expect(r.err).toBe(
      'warning: 2 data region(s) not on the map (not-on-map 1, manual-unknown 1)\n' +
        '    Республика Крым: manual-unknown, the manual fix names "Крым", which is not a region on the map\n' +
        '    г. Севастополь: not-on-map, no region with this id or name on the map\n',
    );
    const manifest = validateManifest(readJson(join(out, 'manifest.json')), 'manifest.json');
    expect(manifest.regions).toEqual({ file: 'regions.geojson', id: 'name', name: 'name' });
    expect(manifest.years).toEqual([2015]);

    const packed = readJson(join(out, 'regions.geojson')) as Regions;
    const source = readBoundaries(readFileSync(sharedDataPath(RU[0]), 'utf8'), 'russia', { idProperty: 'name' });
    const { queen, rook } = neighboursBeforeAfter(source, packed, 'name');
    expect(queen[1]).toEqual(queen[0]);
    expect(rook[1]).toEqual(rook[0]);
    const spdep = spdepNeighbours('spdep_ru_subjects.csv');
    expect(queen[1]).toEqual(spdep.queen);
    expect(rook[1]).toEqual(spdep.rook);
    expect(queen[1]['Чукотский автономный округ']).toEqual(['Камчатский край', 'Магаданская область', 'Республика Саха (Якутия)']);

    // The source stores Chukotka at both ends of the map (−180 and 180); packed, it is one shape east of 180°.
    const longitudes = (f: Regions['features'][number]) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2).map((p) => p[0]);
    const chukotka = (c: Regions) => longitudes(c.features.find((f) => f.properties.name === 'Чукотский автономный округ')!);
    expect(Math.min(...chukotka(source.collection as Regions))).toBe(-180);
    const packedX = chukotka(packed);
    expect(Math.min(...packedX)).toBeGreaterThan(150);
    expect(Math.max(...packedX)).toBeGreaterThan(180);
    expect(Math.max(...packedX) - Math.min(...packedX)).toBeLessThan(40);
    expect(r.out).toContain('note: 1 region(s) crossing the 180° meridian redrawn as one shape: Чукотский автономный округ');
    // OpenStreetMap's detail is mostly more than a map of regions can show.
    const points = /geometry: ([\d,]+) → ([\d,]+) points/.exec(r.out)!.slice(1).map((n) => Number(n.replace(/,/g, '')));
    expect(points[1]).toBeLessThan(points[0] / 2);

    const { dataset, cube } = await loadPacked(out);
    expect(dataset.join).toMatchObject({ mapFeatures: 83, matched: 83, regionsWithoutData: [], dataRegionsNotOnMap: [] });
    const rosstat = JSON.parse(readFileSync(sharedDataPath(RU[1]), 'utf8')) as Record<string, Record<string, { ЧИСЛ?: number }>>;
    const [activity, value] = Object.entries(rosstat['г. Москва']).find(([, v]) => typeof v.ЧИСЛ === 'number')!;
    expect(cell(cube, 'Москва', activity, 2015)).toBe(value.ЧИСЛ);
    expect(cell(cube, 'Чувашия', activity, 2015)).toBe(rosstat['Чувашская Республика'][activity].ЧИСЛ);
  });
});

describe('packing the U.S. counties of us-atlas with a synthetic table', () => {
  it('keeps all 3,231 counties and their neighbours, and every value', async () => {
    const root = temporary();
    const counties = createRequire(import.meta.url).resolve('us-atlas/counties-10m.json');
    const source = readBoundaries(readFileSync(counties, 'utf8'), 'counties-10m.json');
    const ids = source.regions.map((r) => r.id);
    const csv = join(root, 'employment.csv');
    writeFileSync(csv, syntheticEmploymentCsv(ids));
    const out = join(root, 'us-counties');
    const r = await pack(counties, csv, '--out', out, '--synthetic', '--title', 'U.S. counties (synthetic)', '--strict');
    expect(r.code).toBe(0);
    expect(r.out).toContain('ids from the feature ids, names from "name"');
    expect(r.out).toContain('note: TopoJSON object "counties" used (the one with the most polygons; also present: states, nation)');
    expect(r.out).toContain('note: 1 region(s) crossing the 180° meridian redrawn as one shape: Aleutians West');
    const manifest = validateManifest(readJson(join(out, 'manifest.json')), 'manifest.json');
    expect(manifest).toMatchObject({ synthetic: true, regions: { file: 'regions.geojson', id: 'id', name: 'name' }, employment: { layout: 'wide' }, years: [2020, 2022] });
    expect(readJson(join(root, 'datasets.json'))).toEqual({ datasets: [{ id: 'us-counties', title: 'U.S. counties (synthetic)', manifest: 'us-counties/manifest.json', synthetic: true, period: '2020–2022', attribution: 'Boundaries: counties-10m.json. Employment: employment.csv.' }] });

    const packed = readJson(join(out, 'regions.geojson')) as Regions;
    const { queen, rook } = neighboursBeforeAfter(source, packed, 'id');
    expect(queen[1]).toEqual(queen[0]);
    expect(rook[1]).toEqual(rook[0]);
    // San Francisco touches Alameda only through a sliver without area in us-atlas: kept, so still neighbours.
    expect(queen[1]['06075']).toEqual(['06001', '06081']);

    const { dataset, cube } = await loadPacked(out);
    expect(dataset.join).toMatchObject({ mapFeatures: 3231, matched: 3231, regionsWithoutData: [], dataRegionsNotOnMap: [] });
    for (const id of ['01001', '06075', '02016', '72153']) {
      for (const category of [SYNTHETIC_CATEGORIES[0], SYNTHETIC_CATEGORIES[9]]) expect(cell(cube, id, category, 2022)).toBe(syntheticJobs(id, category, 2022));
    }
  });
});

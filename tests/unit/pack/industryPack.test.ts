import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { cell, loadPacked, pack, readJson, temporaryFolder } from './helpers';

// `atlas pack --employment <industry table> --industry-map <mapping>`: DuckDB sums the table into
// categories, and the pack that comes out is the one the in-memory import packs from the same files.
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/io/${name}`, import.meta.url));
const TABLE = fixture('cbp-small.csv');
const MAPPING = fixture('naics-categories.csv');
const folder = temporaryFolder();

function square(id: string, name: string, x: number) {
  return { type: 'Feature', properties: { GEOID: id, NAME: name }, geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } };
}

function boundaries(dir: string): string {
  const path = join(dir, 'counties.geojson');
  const features = [square('01001', 'Autauga', 0), square('01003', 'Baldwin', 1), square('01005', 'Barbour', 2)];
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
  return path;
}

const files = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

describe('atlas pack from an industry-level table (--industry-map, DuckDB)', () => {
  it('writes the files the in-memory import packs from the same table and mapping', async () => {
    const dir = folder();
    const regions = boundaries(dir);
    const inMemory = await pack(regions, TABLE, MAPPING, '--suppression', 'midpoint', '--out', join(dir, 'a', 'cbp'), '--no-index');
    const outOfCore = await pack(regions, '--employment', TABLE, '--industry-map', MAPPING, '--out', join(dir, 'b', 'cbp'), '--no-index');
    expect(inMemory.code).toBe(0);
    expect(outOfCore.code).toBe(0);

    const a = files(join(dir, 'a', 'cbp'));
    const b = files(join(dir, 'b', 'cbp'));
    expect(Object.keys(b)).toEqual(['categories.csv', 'employment.csv', 'establishments.csv', 'join-report.csv', 'manifest.json', 'regions.geojson']);
    for (const name of ['categories.csv', 'employment.csv', 'establishments.csv', 'join-report.csv', 'regions.geojson']) expect(b[name], name).toBe(a[name]);
    // Only the texts naming the source files differ: the same table and mapping, read another way.
    const manifest = (text: string) => ({ ...JSON.parse(text), description: undefined, attribution: undefined });
    expect(manifest(b['manifest.json'])).toEqual(manifest(a['manifest.json']));
    expect(JSON.parse(b['manifest.json']).description).toContain('cbp-small.csv');

    // Hand-summed from the fixture: 01001 manufacturing = 311 (120), pharma = 3254 B (60),
    // retail = 4411 (80) + 4412 A (10); 01003 retail = 4411 M (100,000).
    const { cube } = await loadPacked(join(dir, 'b', 'cbp'));
    expect(cell(cube, '01001', 'manufacturing', cube.years[0])).toBe(120);
    expect(cell(cube, '01001', 'pharma', cube.years[0])).toBe(60);
    expect(cell(cube, '01001', 'retail', cube.years[0])).toBe(90);
    expect(cell(cube, '01003', 'retail', cube.years[0])).toBe(100_000);
  });

  it('reports the rows of the industry table, its aggregates, unmapped codes and suppressed cells', async () => {
    const dir = folder();
    const { code, out, err } = await pack(boundaries(dir), '--employment', TABLE, '--industry-map', MAPPING, '--out', join(dir, 'cbp'), '--no-index');
    expect(code).toBe(0);
    expect(out).toContain(`employment ${TABLE} (industry table, summed into categories by DuckDB)`);
    expect(out).toContain('industry table; columns: region "region", industry "naics", employment "emp", establishments "est", flag "empflag"');
    expect(out).toContain('12 rows read, 7 used');
    expect(out).toContain('4 rows excluded: industry code refined by finer codes of the same data (an aggregate)');
    expect(out).toContain('5 suppressed cells as midpoint (A: 2, B: 1, C: 1, M: 1)');
    expect(err).toContain('1 industry code(s) with employment have no category in');
    expect(err).toContain('9999//: 7 in 1 cell(s)');
  });

  it('keeps the years of a gzipped table with County Business Patterns region columns', async () => {
    const dir = folder();
    const table = join(dir, 'cbp.csv.gz');
    const csv = ['fipstate,fipscty,naics,emp,empflag,est,year', '01,001,311///,10,,1,2020', '01,001,311///,12,,1,2021', '01,003,4411//,5,,1,2021', '01,003,3254//,0,B,2,2020'].join('\n');
    writeFileSync(table, gzipSync(csv));
    const { code } = await pack(boundaries(dir), '--employment', table, '--industry-map', MAPPING, '--out', join(dir, 'cbp'), '--no-index');
    expect(code).toBe(0);
    const manifest = readJson(join(dir, 'cbp', 'manifest.json')) as { years: number[] };
    expect(manifest.years).toEqual([2020, 2021]);
    const { cube } = await loadPacked(join(dir, 'cbp'));
    expect(cell(cube, '01001', 'manufacturing', 2021)).toBe(12);
    expect(cell(cube, '01003', 'pharma', 2020)).toBe(60);
  });

  it('refuses an incomplete or doubled command line, and names a bad cell of the table', async () => {
    const dir = folder();
    const regions = boundaries(dir);
    const out = join(dir, 'cbp');
    const noTable = await pack(regions, '--industry-map', MAPPING, '--out', out);
    expect(noTable.code).toBe(2);
    expect(noTable.err).toContain('--industry-map sums the table given with --employment <table>');
    const noMap = await pack(regions, '--employment', TABLE, '--out', out);
    expect(noMap.code).toBe(2);
    expect(noMap.err).toContain('--employment names an industry-level table for --industry-map');
    const stray = await pack(regions, TABLE, '--region-column', 'region', '--out', out);
    expect(stray.code).toBe(2);
    expect(stray.err).toContain('--region-column applies with --industry-map only');
    const twice = await pack(regions, MAPPING, '--employment', TABLE, '--industry-map', MAPPING, '--out', out);
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('an industry mapping among the inputs besides --industry-map');

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'region,naics,emp\n01001,311///,12\n01003,311///,twelve\n');
    const badCell = await pack(regions, '--employment', bad, '--industry-map', MAPPING, '--out', out);
    expect(badCell.code).toBe(1);
    expect(badCell.err).toContain(`${bad}`);
    expect(badCell.err).toContain('"twelve" is not a number (region 01003, industry 311///');
    expect(readdirSync(dir)).not.toContain('cbp');
  });
});

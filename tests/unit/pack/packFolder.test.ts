import { cpSync, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../../src/io/manifest';
import { parseDatasetIndex } from '../../../src/io/datasetIndex';
import { PACK_FIXTURES, cell, loadPacked, pack, readJson, temporaryFolder } from './helpers';

const grid = join(PACK_FIXTURES, 'grid');
const names = join(PACK_FIXTURES, 'names.csv');
const temporary = temporaryFolder();
const read = (folder: string, file: string) => readFileSync(join(folder, file), 'utf8');

describe('npm run dataset on a folder of hand-written inputs', () => {
  it('packs the folder, finds the id property from the data and reports the join', async () => {
    const root = temporary();
    const out = join(root, 'grid');
    const r = await pack(grid, '--out', out, '--title', 'Grid test', '--attribution', 'Made up for tests', '--licence', 'CC0-1.0');
    expect(r.code).toBe(0);
    // `id` would be readBoundaries' own pick; `code` holds the data's region codes.
    expect(r.out).toContain('boundaries: ' + join(grid, 'regions.geojson') + ' (geojson), 6 regions; ids from "code", names from "name"\n  note: region ids from property "code": it matches the most data regions (5 by code, 0 by name)\n');
    expect(r.out).toContain('employment: long table; columns: region "region", category "category", employment "employment", year "year"');
    expect(r.out).toContain('join: 6 data regions, 6 map regions → 5 matched (id 5), 1 map region(s) without data, 1 data region(s) not on the map (not-on-map 1)');
    expect(r.out).toContain('map regions without data: R6 (Zeta)');
    expect(r.out).toContain('geometry: 46 → 35 points');
    expect(r.err).toBe('warning: 1 data region(s) not on the map (not-on-map 1)\n    R9: not-on-map, no region with this id or name on the map\n');

    const manifest = validateManifest(readJson(join(out, 'manifest.json')), 'manifest.json');
    expect(manifest).toEqual({
      format: 'cluster-atlas-dataset',
      version: 1,
      id: 'grid',
      title: 'Grid test',
      description: 'Employment in 2 categories for 5 regions, 2020–2021. Packed from employment.csv and regions.geojson.',
      attribution: 'Made up for tests',
      licence: 'CC0-1.0',
      regions: { file: 'regions.geojson', id: 'code', name: 'name' },
      categories: { file: 'categories.csv' },
      employment: { file: 'employment.csv', layout: 'wide' },
      years: [2020, 2021],
      joinReport: { file: 'join-report.csv' },
      // 2021: auto 110 + 25 + 1 + 42 + 58 = 236 < bio 55 + 85 + 33 + 11 + 66 = 250.
      defaultView: { cat: 'bio', ind: 'lq', year: 2021 },
    });
    expect(read(out, 'categories.csv')).toBe('category,name,group\nauto,Automotive,traded\nbio,Biopharmaceuticals,traded\n');
    expect(read(out, 'employment.csv')).toBe(
      'region,year,auto,bio\nR1,2020,100,50\nR1,2021,110,55\nR2,2020,20,80\nR2,2021,25,85\nR3,2020,0,30\nR3,2021,1,33\nR4,2020,40,10\nR4,2021,42,11\nR5,2020,60,60\nR5,2021,58,66\n',
    );
    expect(read(out, 'join-report.csv').split('\r\n').filter((l) => !l.startsWith('matched'))).toEqual([
      'status,data_region,data_name,map_region,map_name,basis,reason,detail',
      'not-on-map,R9,R9,,,,not-on-map,no region with this id or name on the map',
      'no-data,,,R6,Zeta,,,',
      '',
    ]);
    const regions = readJson(join(out, 'regions.geojson')) as { features: { properties: Record<string, string> }[] };
    expect(regions.features.map((f) => f.properties)).toEqual(['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta'].map((name, i) => ({ name, code: `R${i + 1}` })));
    expect(existsSync(join(out, 'regions.topojson'))).toBe(false);
    expect(parseDatasetIndex(readJson(join(root, 'datasets.json')), 'datasets.json')).toEqual({
      datasets: [{ id: 'grid', title: 'Grid test', manifest: 'grid/manifest.json', period: '2020–2021', licence: 'CC0-1.0', attribution: 'Made up for tests' }],
    });
  });

  it('writes what the app loads back to the same numbers', async () => {
    const out = join(temporary(), 'grid');
    expect((await pack(grid, '--out', out)).code).toBe(0);
    const { dataset, cube } = await loadPacked(out);
    expect(dataset.join).toEqual({ mapFeatures: 6, matched: 5, regionsWithoutData: ['R6'], dataRegionsNotOnMap: [] });
    expect(cube.regions.map((r) => `${r.id} ${r.name}`)).toEqual(['R1 Alpha', 'R2 Beta', 'R3 Gamma', 'R4 Delta', 'R5 Epsilon']);
    expect(cube.categories).toEqual([
      { id: 'auto', name: 'Automotive', group: 'traded' },
      { id: 'bio', name: 'Biopharmaceuticals', group: 'traded' },
    ]);
    expect(cell(cube, 'R1', 'auto', 2020)).toBe(100);
    expect(cell(cube, 'R3', 'auto', 2020)).toBe(0);
    expect(cell(cube, 'R5', 'bio', 2021)).toBe(66);
    expect(dataset.bounds).toEqual([10, 50, 13.52, 52]);
  });

  it('writes the long layout when asked, which loads back the same', async () => {
    const out = join(temporary(), 'long');
    expect((await pack(grid, '--out', out, '--layout', 'long', '--year', '2021')).code).toBe(0);
    expect(read(out, 'employment.csv')).toBe(
      'region,category,year,employment\nR1,auto,2021,110\nR1,bio,2021,55\nR2,auto,2021,25\nR2,bio,2021,85\nR3,auto,2021,1\nR3,bio,2021,33\nR4,auto,2021,42\nR4,bio,2021,11\nR5,auto,2021,58\nR5,bio,2021,66\n',
    );
    const { dataset, cube } = await loadPacked(out);
    expect(dataset.manifest.employment).toEqual({ file: 'employment.csv', layout: 'long' });
    expect(dataset.manifest.years).toEqual([2021]);
    expect(cube.years).toEqual([2021]);
    expect(cell(cube, 'R4', 'auto', 2021)).toBe(42);
  });

  it('refuses unmatched rows under --strict and writes nothing', async () => {
    const root = temporary();
    const r = await pack(grid, '--out', join(root, 'grid'), '--strict');
    expect(r.code).toBe(1);
    expect(r.err).toContain('error: 1 data region(s) not on the map (not-on-map 1)\n    R9: not-on-map, no region with this id or name on the map\n');
    expect(r.err).toContain('nothing written');
    expect(existsSync(join(root, 'grid'))).toBe(false);
    expect(existsSync(join(root, 'datasets.json'))).toBe(false);
  });

  it('applies manual name fixes from the file the app exports, which satisfies --strict', async () => {
    const out = join(temporary(), 'fixed');
    const r = await pack(grid, '--out', out, '--names', names, '--strict');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('→ 6 matched (manual 1, id 5), 0 map region(s) without data, 0 data region(s) not on the map');
    expect(r.out).toContain('R9 → R6 (Zeta) by manual');
    const { dataset, cube } = await loadPacked(out);
    expect(dataset.join.matched).toBe(6);
    expect(cell(cube, 'R6', 'bio', 2021)).toBe(8);
  });

  it('warns about fixes that fix nothing, and --strict refuses them', async () => {
    const root = temporary();
    const fixes = join(root, 'fixes.csv');
    writeFileSync(fixes, 'data_name,region_id\nR9,R6\nNowhere,R1\n');
    const r = await pack(grid, '--out', join(root, 'x'), '--names', fixes);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`warning: 1 manual fix(es) in ${fixes} name no data region\n    Nowhere\n`);
    expect((await pack(grid, '--out', join(root, 'y'), '--names', fixes, '--strict')).code).toBe(1);
  });

  it('takes --id and --name, and says so', async () => {
    const root = temporary();
    const r = await pack(grid, '--out', join(root, 'named'), '--id', 'code', '--name', 'code');
    expect(r.code).toBe(0);
    expect(r.out).toContain('ids from "code", names from "code"');
    expect(r.out).not.toContain('it matches the most data regions');
    const wrong = await pack(grid, '--out', join(root, 'wrong'), '--id', 'id');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toBe(`dataset: ${join(grid, 'employment.csv')}: none of its 6 regions matches a region of ${join(grid, 'regions.geojson')} (region ids from property "id"); name the id property with --id, or give manual fixes with --names\n`);
    const missing = await pack(grid, '--out', join(root, 'missing'), '--id', 'GEOID');
    expect(missing.err).toBe(`dataset: ${join(grid, 'regions.geojson')}: no feature has a property "GEOID" (properties: id, code, name)\n`);
  });

  it('joins data keyed by names when no property holds codes', async () => {
    const root = temporary();
    const input = join(root, 'in');
    mkdirSync(input);
    cpSync(join(grid, 'regions.geojson'), join(input, 'regions.geojson'));
    writeFileSync(join(input, 'jobs.csv'), 'region;category;employment\nALPHA;auto;1\nbeta;auto;2\nGamma;auto;3\n');
    const r = await pack(input, '--out', join(root, 'by-name'), '--year', '2019');
    expect(r.code).toBe(0);
    expect(r.out).toContain('region ids from property "name": it matches the most data regions (1 by code, 2 by name)');
    expect(r.out).toContain('→ 3 matched (id 1, name 2)');
    const { dataset, cube } = await loadPacked(join(root, 'by-name'));
    expect(dataset.manifest.regions).toEqual({ file: 'regions.geojson', id: 'name', name: 'name' });
    expect(cell(cube, 'Beta', 'auto', 2019)).toBe(2);
  });

  it('adds to the dataset index, replaces its own entry, keeps the others, and refuses a broken index', async () => {
    const root = temporary();
    writeFileSync(join(root, 'datasets.json'), JSON.stringify({ datasets: [{ id: 'demo', title: 'Demo', manifest: 'demo/manifest.json', synthetic: true }] }));
    expect((await pack(grid, '--out', join(root, 'grid'), '--title', 'First', '--topojson')).out).toContain('added "grid" in');
    expect(existsSync(join(root, 'grid', 'regions.topojson'))).toBe(true);
    const again = await pack(grid, '--out', join(root, 'grid'), '--title', 'Second', '--synthetic', '--no-index');
    expect(again.out).not.toContain('datasets.json');
    // A later pack removes what an earlier one wrote and this one does not.
    expect(existsSync(join(root, 'grid', 'regions.topojson'))).toBe(false);
    expect((await pack(grid, '--out', join(root, 'grid'), '--title', 'Third', '--synthetic')).out).toContain('updated "grid" in');
    expect(readJson(join(root, 'datasets.json'))).toEqual({
      datasets: [
        { id: 'demo', title: 'Demo', manifest: 'demo/manifest.json', synthetic: true },
        { id: 'grid', title: 'Third', manifest: 'grid/manifest.json', synthetic: true, period: '2020–2021', attribution: 'Boundaries: regions.geojson. Employment: employment.csv.' },
      ],
    });
    expect((readJson(join(root, 'grid', 'manifest.json')) as { synthetic?: boolean }).synthetic).toBe(true);

    const broken = temporary();
    writeFileSync(join(broken, 'datasets.json'), '{"datasets": [{"id": "x", "title": "X", "manifest": "../x/manifest.json"}]}');
    const r = await pack(grid, '--out', join(broken, 'grid'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`\ndataset: ${join(broken, 'datasets.json')} at datasets[0]: "manifest" must be a path inside the folder of the index, found "../x/manifest.json"\n`);
    expect(existsSync(join(broken, 'grid'))).toBe(false);
  });

  it('exits with 1 from the command line under --strict', () => {
    const root = temporary();
    const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/pack-dataset.ts', grid, '--out', join(root, 'grid'), '--strict'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('error: 1 data region(s) not on the map');
    expect(result.stdout).toContain('join: 6 data regions');
  });
});

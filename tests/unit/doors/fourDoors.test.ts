import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildImport } from '../../../src/engine/import/buildImport';
import { formatJoinReport } from '../../../src/engine/reportText';
import { packDataset } from '../../../src/pack/packDataset';
import { fileFrom, inspectAll } from '../engine/import/helpers';
import { pack } from '../pack/helpers';
import { DOORS, FIXTURE_FLAGS, flagFacts, indicatorTable, joinFacts, loadHostedFolder } from './helpers';

// One fixture set (a country total, a region not on the map, a map region without data, names
// that need normalising, two years) through every door: the import dialog's pipeline, a hosted
// folder, the packer's output loaded back, and `atlas indicators --regions`.
const FILES = ['regions.geojson', 'employment.csv', 'categories.csv'];
const root = resolve(__dirname, '../../..');

async function imported() {
  const { inputs, byName } = await inspectAll(FILES.map((f) => fileFrom(resolve(DOORS, f))));
  return buildImport(inputs, {
    boundaries: { key: byName('regions.geojson').key, idProperty: 'code', nameProperty: 'name' },
    employment: { key: byName('employment.csv').key, table: { layout: 'long', region: 'region', category: 'category', employment: 'employment', year: 'year', flags: 'flag' } },
    categories: { key: byName('categories.csv').key },
    join: { by: 'auto', aliases: true, manual: [] },
  });
}

describe('the same files through every door', () => {
  it('give identical indicator tables and join reports', async () => {
    const built = await imported();
    const expected = indicatorTable(built.cube);
    expect(expected).toHaveLength(5 * 3 * 2);

    expect(flagFacts(built.cube)).toEqual(FIXTURE_FLAGS);
    const hosted = await loadHostedFolder(DOORS);
    expect(indicatorTable(hosted.cube)).toEqual(expected);
    expect(flagFacts(hosted.cube)).toEqual(FIXTURE_FLAGS);
    expect(joinFacts(hosted.join)).toEqual(joinFacts(built.join));

    const packedResult = await packDataset(FILES.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(resolve(DOORS, f))) })), { id: 'doors', idProperty: 'code', nameProperty: 'name' });
    expect(joinFacts(packedResult.join)).toEqual(joinFacts(built.join));
    const folder = join(mkdtempSync(join(tmpdir(), 'atlas-doors-')), 'doors');
    const packed = await pack(...FILES.map((f) => join(DOORS, f)), '--out', folder, '--id', 'code', '--name', 'name', '--no-index');
    expect(packed.code, packed.err).toBe(0);
    expect(packed.out).toContain(formatJoinReport(built.join)[0]);
    const reloaded = await loadHostedFolder(folder);
    expect(indicatorTable(reloaded.cube)).toEqual(expected);
    // Packed, the flags travel in flags.csv (named in the manifest) and load back onto the same cells.
    expect(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')).flags).toEqual({ file: 'flags.csv' });
    expect(readFileSync(join(folder, 'flags.csv'), 'utf8')).toBe('region,category,year,flag\nRU-MOW,tech,2020,b\nRU-TVE,tourism,2020,u\nRU-SPE,agri,2021,bp\n');
    expect(flagFacts(reloaded.cube)).toEqual(FIXTURE_FLAGS);
    expect(reloaded.dataset.flags?.map((f) => f.size)).toEqual([2, 1]);
    // Packed, the regions carry the map's ids: loaded back they all match by id, none left over.
    expect(reloaded.dataset.join).toEqual({ mapFeatures: 6, matched: 5, regionsWithoutData: ['RU-KGD'], dataRegionsNotOnMap: [] });

    const cli = spawnSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'indicators', ...['--employment', 'employment.csv', '--categories', 'categories.csv', '--regions', 'regions.geojson', '--id', 'code', '--name', 'name'].map((a) => (a.includes('.') ? join(DOORS, a) : a))], { cwd: root, encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    const cells = cli.stdout.trim().split('\n').slice(1).map((row) => row.split(','));
    // The unit is said beside the report (the fixture states none: persons); the columns stay the indicator table's.
    expect(cli.stderr).toContain('employment unit: persons (the data states none)');
    const rows = cells.map((row) => row.map((v, i) => (i < 3 || v === '' ? v : String(Number(Number(v).toPrecision(12))))).join(','));
    expect(rows).toEqual(expected);
    for (const line of formatJoinReport(built.join)) expect(cli.stderr).toContain(line);
    expect(cli.stderr).toMatch(/RU: aggregate, a total of 6 map regions/);
    expect(cli.stderr).toMatch(/RU-XXX: not-on-map/);
  }, 60_000);
});

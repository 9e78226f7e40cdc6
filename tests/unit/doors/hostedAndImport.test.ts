import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { buildImport } from '../../../src/engine/import/buildImport';
import { fileFrom, inspectAll } from '../engine/import/helpers';
import { DOORS, FIXTURE_FLAGS, flagFacts, indicatorTable, joinFacts, loadHostedFolder } from './helpers';

async function imported() {
  const { inputs, byName } = await inspectAll(['regions.geojson', 'employment.csv', 'categories.csv'].map((f) => fileFrom(resolve(DOORS, f))));
  return buildImport(inputs, {
    boundaries: { key: byName('regions.geojson').key, idProperty: 'code', nameProperty: 'name' },
    employment: { key: byName('employment.csv').key, table: { layout: 'long', region: 'region', category: 'category', employment: 'employment', year: 'year', flags: 'flag' } },
    categories: { key: byName('categories.csv').key },
    join: { by: 'auto', aliases: true, manual: [] },
  });
}

describe('a hosted folder and the same files opened in the import dialog', () => {
  it('join the same regions, report the same misses and leave the country total and unknown regions out of the totals', async () => {
    const hosted = await loadHostedFolder(DOORS);
    const built = await imported();
    expect(joinFacts(hosted.join)).toEqual(joinFacts(built.join));
    expect(hosted.dataset.join).toEqual(built.dataset.join);
    expect(hosted.dataset.join).toEqual({
      mapFeatures: 6,
      matched: 5,
      regionsWithoutData: ['RU-KGD'],
      dataRegionsNotOnMap: ['RU', 'RU-XXX'],
    });
    expect(hosted.join.notOnMap.map((m) => [m.dataId, m.reason])).toEqual([['RU', 'aggregate'], ['RU-XXX', 'not-on-map']]);
    expect(hosted.cube.regions).toEqual(built.cube.regions);
    expect(flagFacts(hosted.cube)).toEqual(flagFacts(built.cube));
    expect(flagFacts(hosted.cube)).toEqual(FIXTURE_FLAGS);
    expect(hosted.cube.regions.map((r) => r.id)).toEqual(['RU-MOW', 'RU-SPE', 'RU-MOS', 'RU-LEN', 'RU-TVE']);
    // Agriculture in 2020 over the five mapped regions only: 900 + 500 + 400 + 150 + 80, not with RU's 2300 or RU-XXX's 50.
    const agri2020 = [0, 1, 2, 3, 4].reduce((s, r) => s + hosted.cube.employment[0][r * 3], 0);
    expect(agri2020).toBe(2030);
  });

  it('give identical cube totals and location quotients', async () => {
    const hosted = await loadHostedFolder(DOORS);
    const built = await imported();
    expect(hosted.cube.years).toEqual([2020, 2021]);
    expect(hosted.cube.employment.map((y) => [...y])).toEqual(built.cube.employment.map((y) => [...y]));
    const table = indicatorTable(hosted.cube);
    expect(table).toEqual(indicatorTable(built.cube));
    // Moscow's tech LQ in 2020 by hand: (300 / 1320) / (700 / 3090), the five regions' total.
    const moscowTech = table.find((row) => row.startsWith('RU-MOW,tech,2020,'))!.split(',');
    expect(Number(moscowTech[4])).toBeCloseTo(300 / 1320 / (700 / 3090), 10);
  });
});

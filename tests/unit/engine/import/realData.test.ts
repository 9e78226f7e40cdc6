import { describe, expect, it } from 'vitest';
import { buildImport } from '../../../../src/engine/import/buildImport';
import { haveSharedData, sharedDataPath } from '../../../shared-data';
import { choices, fileFrom, inspectAll } from './helpers';

const EU = ['eu/NUTS_RG_60M_2021_4326_LEVL_2.geojson', 'eu/lfst_r_lfe2en2_2008-2015.tsv'];
const RU = ['ru/russia_federal_subjects_gislab_osm.geojson', 'ru/rosstat_okved1_employment_grp_85regions.json'];

// The same counts as the library's own acceptance tests (tests/unit/io/regionJoin.test.ts), reached
// through the app's import path: inspect (kind, role, guesses) → build with the user's choices.
describe.skipIf(!haveSharedData(...EU))('importing NUTS-2 2021 and the Eurostat LFS table', () => {
  it('detects both files, finds NUTS_ID by the data codes and reports the join', async () => {
    const { byName, inputs } = await inspectAll(EU.map((f) => fileFrom(sharedDataPath(f))));
    const nuts = byName('NUTS_RG_60M_2021_4326_LEVL_2.geojson');
    const lfs = byName('lfst_r_lfe2en2_2008-2015.tsv');
    expect(nuts).toMatchObject({ role: 'boundaries', boundaries: { features: 334 } });
    expect(lfs.eurostat).toMatchObject({ region: 'geo', category: 'nace_r2', totals: { age: 'Y_GE15' } });
    expect(lfs.eurostat!.dimensions).toEqual(['unit', 'nace_r2', 'age', 'geo']);

    const result = buildImport(inputs, choices(nuts, lfs, { eurostat: { filters: { age: ['Y_GE15'] } } }));
    expect(result.dataset.manifest.regions.id).toBe('NUTS_ID');
    expect(result.join.counts).toMatchObject({ dataRegions: 491, mapRegions: 334, matched: 275, noData: 59, notOnMap: 216 });
    expect(result.join.counts.byReason).toMatchObject({ aggregate: 137, 'other-version': 60, 'not-on-map': 19 });
    expect(result.dataset.years).toEqual([2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015]);
    expect(result.dataset.regions).toHaveLength(275);
    expect(result.reports[0].notes.some((n) => n.includes('TOTAL') && n.includes('checked against the sum of the categories'))).toBe(true);
    // Overseas regions do not stretch the first view over the Atlantic.
    expect(result.dataset.bounds![0]).toBeGreaterThan(-30);
  });
});

describe.skipIf(!haveSharedData(...RU))('importing Russian federal subjects and Rosstat by name', () => {
  it('joins by name, reports Crimea and Sevastopol, and draws Chukotka as one shape', async () => {
    const { byName, inputs } = await inspectAll(RU.map((f) => fileFrom(sharedDataPath(f))));
    const boundaries = byName('russia_federal_subjects_gislab_osm.geojson');
    const rosstat = byName('rosstat_okved1_employment_grp_85regions.json');
    expect(rosstat.json).toMatchObject({ regions: 85, measures: ['ЧИСЛ', 'ВРП'] });

    const result = buildImport(inputs, choices(boundaries, rosstat, { json: { measure: 'ЧИСЛ' }, year: 2015 }));
    expect(result.join.counts).toMatchObject({ dataRegions: 85, mapRegions: 83, matched: 83, noData: 0, notOnMap: 2 });
    expect(result.join.counts.byBasis).toEqual({ manual: 0, id: 65, alias: 0, name: 17, 'name-alias': 1 });
    expect(result.join.notOnMap.map((m) => m.dataId)).toEqual(['Республика Крым', 'г. Севастополь']);

    const geojson = JSON.parse(await result.regions.text()) as { features: { properties: { name: string }; geometry: { coordinates: unknown } }[] };
    const chukotka = geojson.features.find((f) => f.properties.name.startsWith('Чукот'))!;
    const xs = JSON.stringify(chukotka.geometry.coordinates).match(/\[-?[\d.]+/g)!.map((s) => Number(s.slice(1)));
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(40);
    expect(Math.min(...xs)).toBeGreaterThan(150);
    expect(result.notes.some((n) => n.includes('180°') && n.includes('Чукот'))).toBe(true);

    // Without the alias table, Чувашская Республика needs the manual fix the report offers.
    const bare = buildImport(inputs, choices(boundaries, rosstat, { json: { measure: 'ЧИСЛ' } }, { aliases: false }));
    expect(bare.join.notOnMap.map((m) => m.dataId)).toEqual(['Чувашская Республика', 'Республика Крым', 'г. Севастополь']);
    const fixed = buildImport(inputs, choices(boundaries, rosstat, { json: { measure: 'ЧИСЛ' } }, { aliases: false, manual: [['Чувашская Республика', 'Чувашия']] }));
    expect(fixed.join.counts).toMatchObject({ matched: 83, notOnMap: 2 });
    expect(fixed.join.counts.byBasis.manual).toBe(1);
  });
});

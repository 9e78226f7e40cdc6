import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NUTS2_CODES } from '../../../src/io/nutsCodes';
import { NUTS2_CODES_2010 } from '../../../src/io/nutsCodes2010';
import { mapNutsVersion, nutsAdvice } from '../../../src/io/nutsVersions';
import { joinRegions } from '../../../src/io/regionJoin';
import { nutsCodesModule } from '../../../scripts/nutsCodes';
import { haveSharedData, SHARED_DATA } from '../../shared-data';
import { pack, temporaryFolder } from '../pack/helpers';

const region = (id: string) => ({ id, name: id });
const temporary = temporaryFolder();

describe('NUTS versions in the join', () => {
  it('a code of another NUTS version is reported as such, not as unknown, and the advice names the boundaries that fit', () => {
    const map = NUTS2_CODES['2021'].codes.map(region);
    expect(mapNutsVersion(map.map((r) => r.id))).toBe('2021');
    // FR10 is in both versions; FR21 (Champagne-Ardenne) only in NUTS 2013; XX99 in none.
    const join = joinRegions(['FR10', 'FR21', 'XX99'].map(region), map);
    expect(join.matched.map((m) => m.dataId)).toEqual(['FR10']);
    expect(join.notOnMap.map((m) => [m.dataId, m.reason])).toEqual([
      ['FR21', 'other-version'],
      ['XX99', 'not-on-map'],
    ]);
    // Champagne-Ardenne had the code FR21 in NUTS 2010 as in 2013.
    expect(join.notOnMap[0].detail).toBe("a code of NUTS 2010, NUTS 2013, not of NUTS 2021 (the map's version): the region was recoded or redrawn");
    expect(join.counts.byReason['other-version']).toBe(1);
    // Of the 3 NUTS-2-shaped codes, NUTS 2013 knows 2 (FR10, FR21), NUTS 2021 1 (FR10).
    expect(join.nuts).toMatchObject({ mapVersion: '2021', advice: { dataVersion: '2013', dataFits: 2, mapFits: 1, codes: 3 } });
    expect(join.nuts!.advice!.boundaries).toContain('geo/eu-nuts2-lfs/regions.geojson');
  });

  it('codes of NUTS 2010 on a NUTS 2013 map (Greece before its recoding, the overseas departments, Slovenia, inner London) are another version, not unknown', () => {
    const map = NUTS2_CODES['2013'].codes.map(region);
    expect(mapNutsVersion(map.map((r) => r.id))).toBe('2013');
    const join = joinRegions(['EL11', 'EL25', 'FR91', 'SI01', 'UKI2', 'EL51', 'EA17'].map(region), map);
    expect(join.matched.map((m) => m.dataId)).toEqual(['EL51']);
    expect(join.notOnMap.map((m) => [m.dataId, m.reason])).toEqual([
      ['EL11', 'other-version'],
      ['EL25', 'other-version'],
      ['FR91', 'other-version'],
      ['SI01', 'other-version'],
      ['UKI2', 'other-version'],
      ['EA17', 'not-on-map'],
    ]);
    expect(join.notOnMap[0].detail).toBe("a code of NUTS 2010, not of NUTS 2013 (the map's version): the region was recoded or redrawn");
  });

  it('the NUTS 2010 list holds the codes recoded in 2013 and not their successors', () => {
    const codes = new Set(NUTS2_CODES_2010.codes);
    expect(codes.size).toBe(288);
    for (const c of ['EL11', 'EL12', 'EL13', 'EL14', 'EL21', 'EL22', 'EL23', 'EL24', 'EL25', 'FR91', 'FR94', 'SI01', 'SI02', 'UKI1', 'UKI2']) expect(codes.has(c), c).toBe(true);
    for (const c of ['EL51', 'EL65', 'FRA1', 'SI03', 'SI04', 'UKI3', 'UKI7']) expect(codes.has(c), c).toBe(false);
    expect(NUTS2_CODES_2010.codes.every((c) => /^[A-Z]{2}[0-9A-Z]{2}$/.test(c))).toBe(true);
  });

  it('says nothing when the data fits the map, or the map is not NUTS', () => {
    expect(nutsAdvice(['FR10', 'FRB0'], '2021')).toBeUndefined();
    expect(mapNutsVersion(['R1', 'R2', 'Москва'])).toBeUndefined();
    expect(joinRegions([region('A1')], [region('A2')]).nuts).toBeUndefined();
  });

  describe.runIf(haveSharedData('eu/NUTS_RG_60M_2021_4326_LEVL_2.geojson', 'eu/nuts2013_level2_simplified1pct.geojson', 'eu/lfst_r_lfe2en2_2008-2015.tsv'))('on the published files', () => {
    it('the committed code table is what the GISCO boundary files give', () => {
      const committed = readFileSync(fileURLToPath(new URL('../../../src/io/nutsCodes.ts', import.meta.url)), 'utf8');
      expect(committed).toBe(nutsCodesModule(SHARED_DATA));
      expect(NUTS2_CODES['2013'].codes).toHaveLength(320);
      expect(NUTS2_CODES['2021'].codes.length).toBeGreaterThanOrEqual(334);
    });

    it('the LFS table on the 2021 boundaries: metropolitan France, Poland, Ireland and Scotland are codes of NUTS 2013, and the pack names the 2013 boundaries', async () => {
      const out = temporary();
      const r = await pack(`${SHARED_DATA}/eu/lfst_r_lfe2en2_2008-2015.tsv`, `${SHARED_DATA}/eu/NUTS_RG_60M_2021_4326_LEVL_2.geojson`, '--out', `${out}/eu21`, '--filter', 'age=Y_GE15', '--filter', 'unit=THS', '--no-index');
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain("318 of the table's 341 NUTS-2 codes are codes of NUTS 2013, 275 of NUTS 2021 (the map's version): the boundaries that fit are geo/eu-nuts2-lfs/regions.geojson");
      const report = readFileSync(`${out}/eu21/join-report.csv`, 'utf8').split(/\r?\n/);
      const other = report.filter((l) => l.split(',')[6] === 'other-version').map((l) => l.split(',')[1]);
      for (const code of ['FR21', 'FR30', 'FR71', 'FR83', 'PL11', 'PL12', 'IE01', 'IE02', 'UKM2', 'UKM3']) expect(other).toContain(code);
      expect(other.filter((c) => /^FR[1-8]/.test(c))).toHaveLength(21);
    });

    it('the shipped LFS pack: every NUTS-2 code of the table not on its 2013 map is a code of NUTS 2010, except the EU and euro-area totals', () => {
      const report = readFileSync(fileURLToPath(new URL('../../../public/geo/eu-nuts2-lfs/join-report.csv', import.meta.url)), 'utf8').split(/\r?\n/);
      const unmatched = report.filter((l) => l.startsWith('not-on-map,')).map((l) => l.split(','));
      const nuts2 = unmatched.filter((f) => /^[A-Z]{2}[0-9A-Z]{2}$/.test(f[1]));
      expect(nuts2.filter((f) => f[6] === 'other-version').map((f) => f[1])).toEqual(
        ['EL11', 'EL12', 'EL13', 'EL14', 'EL21', 'EL22', 'EL23', 'EL24', 'EL25', 'FR91', 'FR92', 'FR93', 'FR94', 'SI01', 'SI02', 'UKI1', 'UKI2'],
      );
      expect(nuts2.filter((f) => f[6] !== 'other-version').map((f) => f[1])).toEqual(['EA17', 'EA18', 'EA19', 'EU15', 'EU27', 'EU28']);
    });
  });
});

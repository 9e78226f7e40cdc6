import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonMeasures, nestedJsonToCube } from '../../../src/io/nestedJson';
import { haveSharedData, sharedDataPath } from '../../shared-data';

describe('nestedJsonToCube', () => {
  it('reads region → category → value, with numeric strings and null as not reported', () => {
    const { cube, report, measures } = nestedJsonToCube({ North: { a: 10, b: '2.5' }, South: { a: null, c: 4 } }, 'plain.json', { defaultYear: 2020 });
    expect(measures).toEqual([]);
    expect(cube.regions.map((r) => r.id)).toEqual(['North', 'South']);
    expect(cube.categories.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(cube.years).toEqual([2020]);
    expect([...cube.employment[0]]).toEqual([10, 2.5, NaN, NaN, NaN, 4]);
    expect(report).toMatchObject({ rowsRead: 4, rowsUsed: 4, missingCells: 1, unused: [] });
  });

  it('lists measures, needs one chosen when there are several, and reports entries without it', () => {
    const data = { 'г. Москва': { mining: { emp: 1, gdp: 100 }, retail: { gdp: 50 } }, Тверь: { mining: { emp: 2, gdp: 7 }, retail: { emp: 3 } } };
    expect(jsonMeasures(JSON.stringify(data), 'm.json')).toEqual(['emp', 'gdp']);
    expect(() => nestedJsonToCube(data, 'm.json')).toThrow('m.json: the values have several measures (emp, gdp): choose one');
    expect(() => nestedJsonToCube(data, 'm.json', { measure: 'jobs' })).toThrow('m.json: no measure "jobs" (measures: emp, gdp)');
    const { cube, report } = nestedJsonToCube(data, 'm.json', { measure: 'emp' });
    expect([...cube.employment[0]]).toEqual([1, NaN, 2, 3]);
    expect(report.rowsRead).toBe(4);
    expect(report.rowsUsed).toBe(3);
    expect(report.unused).toEqual([{ line: 0, reason: '"г. Москва" → "retail" has no measure emp' }]);
    expect(report.notes).toEqual(['measure emp used (also present: gdp)']);
  });

  it('names the path of a bad value and rejects files of the wrong kind', () => {
    expect(() => nestedJsonToCube({ A: { x: 'lots' } }, 'v.json')).toThrow('v.json at "A" → "x": "lots" is not a number');
    expect(() => nestedJsonToCube({ A: { x: { emp: -1 } } }, 'v.json')).toThrow('v.json at "A" → "x" → "emp": negative value -1');
    expect(() => nestedJsonToCube({ A: [1, 2] }, 'v.json')).toThrow('v.json at "A": expected an object of categories');
    expect(() => nestedJsonToCube('[1,2]', 'v.json')).toThrow('v.json: expected a JSON object keyed by region');
    expect(() => nestedJsonToCube('{"type":"FeatureCollection","features":[]}', 'b.geojson')).toThrow(/a FeatureCollection \(a boundary file\), not employment data/);
    expect(() => nestedJsonToCube('{"A": {"x": 1,}}', 'v.json')).toThrow(/v\.json, line 1:15: invalid JSON/);
    expect(() => nestedJsonToCube({ A: { x: 1 }, ' A': { x: 2 } }, 'v.json')).toThrow('v.json at " A": the same region as "A" (they differ only in spaces)');
  });

  describe.skipIf(!haveSharedData('ru/rosstat_okved1_employment_grp_85regions.json'))('on the Rosstat OKVED file', () => {
    it('reads employment (ЧИСЛ) for 85 regions × 13 activities', () => {
      const text = readFileSync(sharedDataPath('ru/rosstat_okved1_employment_grp_85regions.json'), 'utf8');
      expect(jsonMeasures(text, 'rosstat.json')).toEqual(['ЧИСЛ', 'ВРП']);
      const { cube, report } = nestedJsonToCube(text, 'rosstat.json', { measure: 'ЧИСЛ', defaultYear: 2015 });
      expect(cube.regions).toHaveLength(85);
      expect(cube.categories).toHaveLength(13);
      expect(report).toMatchObject({ rowsRead: 1105, rowsUsed: 1105, missingCells: 0, unused: [] });
      // Values as the file has them: Пермский край / Строительство 107.928, Чувашская Республика / Образование 41.824.
      const at = (region: string, category: string) =>
        cube.employment[0][cube.regions.findIndex((r) => r.id === region) * 13 + cube.categories.findIndex((c) => c.id === category)];
      expect(at('Пермский край', 'Строительство')).toBe(107.928);
      expect(at('Чувашская Республика', 'Образование')).toBe(41.824);
    });
  });
});

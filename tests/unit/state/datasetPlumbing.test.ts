import { describe, expect, it } from 'vitest';
import { validateManifest } from '../../../src/io/manifest';
import { datasetManifestUrl } from '../../../src/ui/datasetLocation';
import { joinToMap } from '../../../src/engine/joinToMap';
import { readMapBoundaries } from '../../../src/engine/mapBoundaries';
import { robustBounds } from '../../../src/io/bounds';
import { cellDetails } from '../../../src/engine/cellDetails';
import { indicatorValues } from '../../../src/engine/analysisEngine';
import { computeIndicators } from '../../../src/indicators/computeIndicators';
import { DEFAULT_RULE, type EmploymentCube } from '../../../src/model/dataset';
import type { ComputedView } from '../../../src/engine/types';
import { starCountAt } from '../../../src/indicators/cellValues';

const manifest = {
  format: 'cluster-atlas-dataset',
  version: 1,
  id: 'x',
  title: 'X',
  attribution: 'A',
  regions: { file: 'r.geojson', id: 'id', name: 'name' },
  employment: { file: 'e.csv', layout: 'long' },
};

describe('manifest', () => {
  it('accepts a minimal manifest and names the first wrong field', () => {
    expect(validateManifest(manifest, 'm.json').id).toBe('x');
    expect(() => validateManifest({ ...manifest, version: 2 }, 'm.json')).toThrow('m.json: unsupported manifest version 2');
    expect(() => validateManifest({ ...manifest, regions: { file: 'r.geojson', id: 'id' } }, 'm.json')).toThrow('"regions.name"');
    expect(() => validateManifest({ ...manifest, employment: { file: 'https://evil.example/e.csv', layout: 'long' } }, 'm.json')).toThrow(
      'inside the dataset folder',
    );
    expect(() => validateManifest({ ...manifest, employment: { file: '../e.csv', layout: 'long' } }, 'm.json')).toThrow('inside the dataset folder');
    expect(() => validateManifest([], 'm.json')).toThrow('JSON object');
  });
});

describe('dataset location', () => {
  it('opens the demo relative to the page, or the ?dataset= URL the user gave', () => {
    expect(datasetManifestUrl('https://h.example/app/index.html', 'https://h.example/app/')).toBe('https://h.example/app/geo/demo/manifest.json');
    expect(datasetManifestUrl('https://h.example/app/?dataset=geo/eu/manifest.json', 'https://h.example/app/')).toBe(
      'https://h.example/app/geo/eu/manifest.json',
    );
    expect(() => datasetManifestUrl('https://h.example/?dataset=javascript:alert(1)', 'https://h.example/')).toThrow('unsupported');
  });
});

const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });

describe('feature join', () => {
  const geojson = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { code: 'A', label: 'Alpha' }, geometry: square(0) },
      { type: 'Feature', properties: { code: 'B', label: 'Beta' }, geometry: square(1) },
    ],
  };

  it('names regions from the map, lists both kinds of misses and leaves the misses out of the cube', () => {
    const cube: EmploymentCube = {
      regions: [{ id: 'A', name: 'A' }, { id: 'Z', name: 'Z' }],
      categories: [{ id: 'c', name: 'c' }],
      years: [0],
      employment: [Float64Array.of(1, 2)],
    };
    const joined = joinToMap(cube, readMapBoundaries(geojson, 'r.geojson', { id: 'code', name: 'label' }).boundaries.regions);
    expect(joined.summary).toEqual({ mapFeatures: 2, matched: 1, regionsWithoutData: ['B'], dataRegionsNotOnMap: ['Z'] });
    expect(joined.cube.regions).toEqual([{ id: 'A', name: 'Alpha' }]);
    expect([...joined.cube.employment[0]]).toEqual([1]);
    // The data is not rewritten in place.
    expect(cube.regions[0].name).toBe('A');
  });

  it("reads hosted and adopted boundaries with the import's reader: located errors, ids trimmed, degrees checked", () => {
    const regions = { id: 'code', name: 'label' };
    const bad = { type: 'FeatureCollection', features: [...geojson.features, { type: 'Feature', properties: { code: 'A' }, geometry: square(2) }] };
    expect(() => readMapBoundaries(bad, 'r.geojson', regions)).toThrow('r.geojson, feature 2: "code" "A" is used by features 0, 2');
    const line = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'L' }, geometry: { type: 'LineString', coordinates: [] } }] };
    expect(() => readMapBoundaries(line, 'r.geojson', regions)).toThrow('feature 0: only Polygon and MultiPolygon regions can be mapped: LineString at feature 0');
    const projected = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'P' }, geometry: { type: 'Polygon', coordinates: [[[4e6, 3e6], [4e6 + 1, 3e6], [4e6, 3e6 + 1], [4e6, 3e6]]] } }] };
    expect(() => readMapBoundaries(projected, 'r.geojson', regions)).toThrow('reproject the file to WGS 84');
    const padded = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: ' A ', label: 'Alpha' }, geometry: square(0) }] };
    const read = readMapBoundaries(padded, 'r.geojson', regions);
    expect(read.map.ids).toEqual(['A']);
    expect(read.places.ids).toEqual(['A']);
    expect(read.boundaries.regions).toEqual([{ id: 'A', name: 'Alpha' }]);
  });

  it('frames the bulk of the features whole, not a far outlier', () => {
    const features = Array.from({ length: 100 }, (_, i) => ({ geometry: square(i % 10) }));
    features.push({ geometry: square(170) });
    // Edge squares (0 and 9) are included whole: bounds reach 10, not the centre 9.5.
    expect(robustBounds({ features })).toEqual([0, 0, 10, 1]);
    const wrapped = { geometry: { type: 'Polygon', coordinates: [[[-179, 0], [179, 0], [179, 1], [-179, 1], [-179, 0]]] } };
    expect(robustBounds({ features: [...features, wrapped] })).toEqual([0, 0, 10, 1]);
  });
});

describe('map column and tooltip details', () => {
  it('reads the selected category for every region, NaN where not reported', () => {
    const employment = Float64Array.of(10, 0, NaN, 5, 5, 10);
    const result = computeIndicators({ nRegions: 3, nCategories: 2, employment }, DEFAULT_RULE);
    const view: ComputedView = { yearIndex: 0, employment, result, computeMs: 0 };
    expect([...indicatorValues(result, 'employment', 0)]).toEqual([10, NaN, 5]);
    const stars = indicatorValues(result, 'stars', 0);
    expect(Number.isNaN(stars[1])).toBe(true);
    expect(stars[0]).toBe(starCountAt(result, 0));
    const lq = indicatorValues(result, 'lq', 1);
    // Region 2: 10/15 of its jobs in c1, against 15/30 overall → LQ 4/3.
    expect(lq[2]).toBeCloseTo(4 / 3, 12);
    const d = cellDetails(view, 2, 1);
    expect(d).toMatchObject({ employment: 10, focus: 10 / 15, size: 10 / 15 });
  });
});

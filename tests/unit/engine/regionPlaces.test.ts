import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { regionPlaces } from '../../../src/engine/regionPlaces';
import { haveSharedData, sharedDataPath } from '../../shared-data';
import { readFileSync } from 'node:fs';

const square = (x: number, y: number, s: number) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
const feature = (id: string, geometry: unknown) => ({ type: 'Feature', properties: { code: id }, geometry });

describe('region label points and bounds', () => {
  it('uses the centroid of a convex region', () => {
    const places = regionPlaces({ type: 'FeatureCollection', features: [feature('a', { type: 'Polygon', coordinates: [square(0, 0, 2)] })] }, 'code');
    expect(places.ids).toEqual(['a']);
    expect([...places.labels]).toEqual([1, 1]);
    expect([...places.bounds]).toEqual([0, 0, 2, 2]);
  });

  it('keeps the label inside a U-shaped region whose centroid is outside', () => {
    // A U open to the north: arms x∈[0,1] and [3,4], base y∈[0,1]; centroid (2, ≈1.3) lies in the gap.
    const u = [[0, 0], [4, 0], [4, 4], [3, 4], [3, 1], [1, 1], [1, 4], [0, 4], [0, 0]];
    const places = regionPlaces({ type: 'FeatureCollection', features: [feature('u', { type: 'Polygon', coordinates: [u] })] }, 'code');
    const p: [number, number] = [places.labels[0], places.labels[1]];
    expect(booleanPointInPolygon(p, { type: 'Polygon', coordinates: [u] })).toBe(true);
  });

  it('measures the main part’s area in km² (degrees scaled by the cosine of the latitude) and reads Latin names', () => {
    // A 1° square on the equator: 111.32² km² (cos of 0.5° ≈ 0.99996); one at 60° N: half as much.
    const places = regionPlaces(
      { type: 'FeatureCollection', features: [{ ...feature('e', { type: 'Polygon', coordinates: [square(0, -0.5, 1)] }), properties: { code: 'e', latin: 'Equator' } }, feature('n', { type: 'Polygon', coordinates: [square(0, 59.5, 1)] })] },
      'code',
      'latin',
    );
    expect(places.areas![0]).toBeCloseTo(111.32 ** 2, 6);
    expect(places.areas![1] / places.areas![0]).toBeCloseTo(Math.cos(Math.PI / 3), 6);
    expect(places.latinNames).toEqual(['Equator', '']);
    expect(regionPlaces({ type: 'FeatureCollection', features: [feature('a', { type: 'Polygon', coordinates: [square(0, 0, 2)] })] }, 'code').latinNames).toBeUndefined();
  });

  it('labels a region with islands on its largest part, with bounds over all parts', () => {
    const geometry = { type: 'MultiPolygon', coordinates: [[square(10, 10, 1)], [square(0, 0, 4)], [square(-5, 20, 0.5)]] };
    const places = regionPlaces({ type: 'FeatureCollection', features: [feature('m', geometry)] }, 'code');
    expect([...places.labels]).toEqual([2, 2]);
    expect([...places.bounds]).toEqual([-5, 0, 11, 20.5]);
  });

  it('avoids a hole at the centroid', () => {
    const ring = { type: 'Polygon', coordinates: [square(0, 0, 6), square(2, 2, 2)] };
    const places = regionPlaces({ type: 'FeatureCollection', features: [feature('h', ring)] }, 'code');
    const p: [number, number] = [places.labels[0], places.labels[1]];
    expect(booleanPointInPolygon(p, ring as never)).toBe(true);
  });

  const realFiles: [string, string][] = [
    ['eu/NUTS_RG_60M_2021_4326_LEVL_2.geojson', 'NUTS_ID'],
    ['ru/russia_federal_subjects_gislab_osm.geojson', 'cartodb_id'],
  ];
  for (const [file, idProperty] of realFiles) {
    describe.skipIf(!haveSharedData(file))(`on the real boundaries ${file}`, () => {
      it('puts every label point inside its region and inside its bounds', () => {
        const geojson = JSON.parse(readFileSync(sharedDataPath(file), 'utf8'));
        const places = regionPlaces(geojson, idProperty);
        expect(places.ids.length).toBe(geojson.features.length);
        const outside: string[] = [];
        geojson.features.forEach((f: { geometry: never }, i: number) => {
          const [x, y] = [places.labels[2 * i], places.labels[2 * i + 1]];
          const [w, s, e, n] = places.bounds.subarray(4 * i, 4 * i + 4);
          if (!booleanPointInPolygon([x, y], f.geometry) || x < w || x > e || y < s || y > n) outside.push(places.ids[i]);
        });
        expect(outside).toEqual([]);
      });
    });
  }
});

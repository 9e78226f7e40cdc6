import { describe, expect, it } from 'vitest';
import { centroids, nearestNeighbours, planarSummary, type NeighbourList } from '../../../../src/indicators/spatial';
import { andoyerLambertKm } from '../../../../src/indicators/spatial/geodesic';
import { square } from './grid';
import type { Polygon } from 'geojson';

function rows(nb: NeighbourList): number[][] {
  return Array.from({ length: nb.n }, (_, i) => Array.from(nb.neighbours.subarray(nb.offsets[i], nb.offsets[i + 1])));
}

const points = (xs: number[], ys: number[]) => ({ x: Float64Array.from(xs), y: Float64Array.from(ys) });

describe('k nearest neighbours', () => {
  it('ranks by distance and breaks exact ties in favour of the earlier region (as knearneigh)', () => {
    // On a line at 0, 1, 2, 4, 8: region 1 is 1 away from both 0 and 2; the earlier (0) wins.
    const nb = nearestNeighbours(points([0, 1, 2, 4, 8], [0, 0, 0, 0, 0]), 1, 'planar');
    expect(rows(nb)).toEqual([[1], [0], [1], [2], [3]]);
  });

  it('is not symmetric, and k = 2 gives two neighbours each', () => {
    const nb = nearestNeighbours(points([0, 1, 2, 4, 8], [0, 0, 0, 0, 0]), 2, 'planar');
    expect(rows(nb)).toEqual([[1, 2], [0, 2], [0, 1], [1, 2], [2, 3]]);
  });

  it('measures great-circle distance across the antimeridian', () => {
    // 179.5°E and 179.5°W are 1° apart; 178°E is 1.5° from the first.
    const nb = nearestNeighbours(points([179.5, -179.5, 178], [60, 60, 60]), 1, 'great-circle');
    expect(rows(nb)).toEqual([[1], [0], [0]]);
    // In the plane of the coordinates, 179.5°W is 359° from 179.5°E and 357.5° from 178°E.
    expect(rows(nearestNeighbours(points([179.5, -179.5, 178], [60, 60, 60]), 1, 'planar'))).toEqual([[2], [2], [0]]);
  });

  it('refuses k ≥ n', () => {
    expect(() => nearestNeighbours(points([0, 1], [0, 0]), 2)).toThrow(/more than 2 regions/);
  });
});

describe('Andoyer–Lambert distance (spdep’s gcdist)', () => {
  // Reference: R sp::spDistsN1(longlat = TRUE), the same C formula.
  const cases: Array<[number, number, number, number, number]> = [
    [0, 0, 1, 0, 111.31949079327356],
    [0, 0, 0, 1, 110.57313812782229],
    [1, 0, 0, 1, 156.89779947262647],
    [2.35, 48.85, -0.13, 51.51, 344.80611768965542],
    [2.35, 48.85, 37.62, 55.75, 2494.3037840189268],
    [0, 0, 179.5, 66, 12680.958429148355],
    [1, 0, 10, -30, 3454.5156961457233],
  ];
  it.each(cases)('(%s, %s) → (%s, %s) = %s km', (lon1, lat1, lon2, lat2, km) => {
    expect(Math.abs(andoyerLambertKm(lon1, lat1, lon2, lat2) / km - 1)).toBeLessThan(1e-12);
  });
  it('is zero for the same point, also written as ±180°', () => {
    expect(andoyerLambertKm(10, 20, 10, 20)).toBe(0);
    expect(andoyerLambertKm(180, 20, -180, 20)).toBe(0);
  });
});

describe('planar area and centroid', () => {
  it('subtracts holes and weights parts by area', () => {
    const holed: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[0, 0], [0, 2], [2, 2], [2, 0], [0, 0]]] };
    // 16 − 4 = 12; centroid: (16·(2,2) − 4·(1,1)) / 12 = (28/12, 28/12).
    const s = planarSummary(holed);
    expect(s.area).toBeCloseTo(12, 12);
    expect(s.x).toBeCloseTo(28 / 12, 12);
    expect(s.y).toBeCloseTo(28 / 12, 12);
    const parts = centroids([{ type: 'MultiPolygon', coordinates: [square(0, 0).coordinates, square(10, 0, 2).coordinates] }]);
    // Areas 1 and 4: x = (1·0.5 + 4·11) / 5.
    expect(parts.x[0]).toBeCloseTo((0.5 + 44) / 5, 12);
  });

  it('does not depend on ring orientation, and survives far-off projected coordinates', () => {
    const cw: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]] };
    expect(planarSummary(cw)).toEqual(planarSummary(square(0, 0)));
    const far = planarSummary(square(4_000_000.25, 3_000_000.5, 10));
    expect(far.area).toBeCloseTo(100, 9);
    expect(far.x).toBeCloseTo(4_000_005.25, 6);
  });
});

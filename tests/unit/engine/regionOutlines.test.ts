import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Position } from 'geojson';
import { outlineOf, packOutlines } from '../../../src/engine/regionOutlines';
import { regionPlaces } from '../../../src/engine/regionPlaces';

describe('region outlines packed for the page', () => {
  it('packs a polygon with a hole and a two-part region by hand, and gives each back as its rings', () => {
    const square: Position[] = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    const hole: Position[] = [[1, 1], [1, 2], [2, 2], [1, 1]];
    const island: Position[] = [[10, 10], [11, 10], [11, 11], [10, 10]];
    const packed = packOutlines([[[square, hole]], [[island], [square]]]);
    // Region 0: rings 0–1; region 1: rings 2–3.
    expect([...packed.firstRing]).toEqual([0, 2, 4]);
    expect([...packed.firstPoint]).toEqual([0, 5, 9, 13, 18]);
    expect(packed.coordinates.length).toBe(18 * 2);
    expect(outlineOf(packed, 0)).toEqual({ type: 'MultiLineString', coordinates: [square, hole] });
    expect(outlineOf(packed, 1)).toEqual({ type: 'MultiLineString', coordinates: [island, square] });
  });

  it('gives back every ring of any set of regions unchanged (property)', () => {
    const position = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -85, max: 85, noNaN: true }));
    const ring = fc.array(position, { minLength: 1, maxLength: 6 });
    const region = fc.array(fc.array(ring, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(region, { maxLength: 8 }), (regions) => {
        const packed = packOutlines(regions as Position[][][][]);
        regions.forEach((parts, i) => expect(outlineOf(packed, i).coordinates).toEqual(parts.flat()));
      }),
    );
  });

  it('comes with the places the worker makes from a boundary file, in its order', () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: 'B' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
        { type: 'Feature', properties: { code: 'A' }, geometry: { type: 'MultiPolygon', coordinates: [[[[5, 5], [6, 5], [6, 6], [5, 5]]], [[[8, 8], [9, 8], [9, 9], [8, 8]]]] } },
      ],
    };
    const places = regionPlaces(collection, 'code');
    expect(places.ids).toEqual(['B', 'A']);
    expect(outlineOf(places.outlines!, 1).coordinates).toEqual([
      [[5, 5], [6, 5], [6, 6], [5, 5]],
      [[8, 8], [9, 8], [9, 9], [8, 8]],
    ]);
  });
});

import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { contiguityNeighbours, queenAndRookNeighbours, type NeighbourList } from '../../../../src/indicators/spatial';
import { haveSharedData, sharedDataPath } from '../../../shared-data';

const square = (x0: number, x1: number, y0 = 60, y1 = 65): Polygon => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const neighboursOf = (list: NeighbourList, i: number) => [...list.neighbours.subarray(list.offsets[i], list.offsets[i + 1])];

describe('contiguity across ±180°', () => {
  it('two regions split at the antimeridian that share the edge on −180/180 are rook and queen neighbours', () => {
    const west = square(170, 180);
    const east = square(-180, -170);
    const elsewhere = square(0, 10);
    for (const kind of ['queen', 'rook'] as const) {
      const list = contiguityNeighbours([west, east, elsewhere], kind);
      expect(neighboursOf(list, 0), kind).toEqual([1]);
      expect(neighboursOf(list, 1), kind).toEqual([0]);
      expect(neighboursOf(list, 2), kind).toEqual([]);
    }
  });

  it('regions touching −180 and 180 at different latitudes are not neighbours', () => {
    const { queen } = queenAndRookNeighbours([square(170, 180, 60, 65), square(-180, -170, 66, 70)]);
    expect(neighboursOf(queen, 0)).toEqual([]);
  });

  it.skipIf(!haveSharedData('ru/russia_federal_subjects_gislab_osm.geojson'))('Chukotka cut into its parts west and east of 180° gives two neighbouring regions', () => {
    const collection = JSON.parse(readFileSync(sharedDataPath('ru/russia_federal_subjects_gislab_osm.geojson'), 'utf8')) as { features: { properties: { cartodb_id: number }; geometry: MultiPolygon }[] };
    const chukotka = collection.features.find((f) => f.properties.cartodb_id === 68)!.geometry;
    const lon = (polygon: MultiPolygon['coordinates'][number]) => polygon[0].map((p) => p[0]);
    const west: MultiPolygon = { type: 'MultiPolygon', coordinates: chukotka.coordinates.filter((p) => Math.max(...lon(p)) > 0) };
    const east: MultiPolygon = { type: 'MultiPolygon', coordinates: chukotka.coordinates.filter((p) => Math.max(...lon(p)) < 0) };
    expect(west.coordinates.length + east.coordinates.length).toBe(chukotka.coordinates.length);
    const { queen, rook } = queenAndRookNeighbours([west, east]);
    expect(neighboursOf(queen, 0)).toEqual([1]);
    expect(neighboursOf(rook, 1)).toEqual([0]);
  });
});

import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { contiguityNeighbours, GeometryError, islands, queenAndRookNeighbours, type NeighbourList } from '../../../../src/indicators/spatial';
import { square, squareGrid } from './grid';

function rows(nb: NeighbourList): number[][] {
  return Array.from({ length: nb.n }, (_, i) => Array.from(nb.neighbours.subarray(nb.offsets[i], nb.offsets[i + 1])));
}

describe('queen and rook contiguity', () => {
  // 0 1 2
  // 3 4 5
  // 6 7 8
  it('gives the textbook 3×3 grid lists', () => {
    const { queen, rook } = queenAndRookNeighbours(squareGrid(3, 3));
    expect(rows(rook)).toEqual([[1, 3], [0, 2, 4], [1, 5], [0, 4, 6], [1, 3, 5, 7], [2, 4, 8], [3, 7], [4, 6, 8], [5, 7]]);
    expect(rows(queen)).toEqual([
      [1, 3, 4],
      [0, 2, 3, 4, 5],
      [1, 4, 5],
      [0, 1, 4, 6, 7],
      [0, 1, 2, 3, 5, 6, 7, 8],
      [1, 2, 4, 7, 8],
      [3, 4, 7],
      [3, 4, 5, 6, 8],
      [4, 5, 7],
    ]);
  });

  it('links squares meeting at one corner as queen but not rook neighbours', () => {
    const geometries = [square(0, 0), square(1, 1)];
    expect(rows(contiguityNeighbours(geometries, 'queen'))).toEqual([[1], [0]]);
    expect(rows(contiguityNeighbours(geometries, 'rook'))).toEqual([[], []]);
  });

  // The three spdep quirks below were checked against poly2nb in spdep 1.2-7 on the same shapes.
  it('counts vertex pairs as spdep does: two separate touching points make rook neighbours', () => {
    // A "U" of three unit squares and a square sitting on both of its arm tips at two points,
    // with no shared edge: spdep's criterion is "more than one coincident vertex".
    const u: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 2], [2, 2], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]]] };
    const lid: Polygon = { type: 'Polygon', coordinates: [[[0.5, 3], [1, 2], [2, 2], [2.5, 3], [0.5, 3]]] };
    expect(rows(contiguityNeighbours([u, lid], 'rook'))).toEqual([[1], [0]]);
  });

  it('treats vertices closer than the snap distance (1.49e-8) as one point, and farther ones as distinct', () => {
    const near = [square(0, 0), square(1 + 1e-9, 0)];
    const far = [square(0, 0), square(1 + 1e-7, 0)];
    expect(rows(contiguityNeighbours(near, 'rook'))).toEqual([[1], [0]]);
    expect(rows(contiguityNeighbours(far, 'queen'))).toEqual([[], []]);
    expect(rows(contiguityNeighbours(far, 'queen', { snap: 1e-6 }))).toEqual([[1], [0]]);
  });

  it('matches across cell boundaries of the vertex hash and for projected (metre) coordinates', () => {
    // 1024·snap ≈ 1.526e-5 is the hash cell: put a shared corner just across a cell edge.
    const cell = Math.sqrt(Number.EPSILON) * 1024;
    const edge = 7 * cell;
    const a = square(edge - 1, 0);
    const b: Polygon = { type: 'Polygon', coordinates: [[[edge + 5e-9, 0], [edge + 1, 0], [edge + 1, 1], [edge + 5e-9, 1], [edge + 5e-9, 0]]] };
    expect(rows(contiguityNeighbours([a, b], 'rook'))).toEqual([[1], [0]]);
    const metres = [square(4_321_000, 3_210_000, 1000), square(4_322_000, 3_210_000, 1000)];
    expect(rows(contiguityNeighbours(metres, 'rook'))).toEqual([[1], [0]]);
  });

  it('handles MultiPolygons with holes and reports regions without neighbours', () => {
    // Region 0: a 3×3 square with a 1×1 hole; region 1 fills the hole; region 2 is far away.
    const holed: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [0, 3], [0, 0]], [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]] };
    const island: MultiPolygon = { type: 'MultiPolygon', coordinates: [square(10, 10).coordinates, square(12, 10).coordinates] };
    const queen = contiguityNeighbours([holed, square(1, 1), island], 'queen');
    expect(rows(queen)).toEqual([[1], [0], []]);
    expect(islands(queen)).toEqual([2]);
  });

  it('counts a point listed twice in one region twice, as poly2nb does', () => {
    // Region 0 has two parts; the second starts (and, closed, ends) at (5, 5), the only point
    // region 1 shares with it. poly2nb drops just the first row of each region, so the repeated
    // point counts as two vertex pairs and the regions become rook neighbours.
    const twoParts: MultiPolygon = { type: 'MultiPolygon', coordinates: [square(0, 0).coordinates, [[[5, 5], [4, 5], [4, 4], [5, 4], [5, 5]]]] };
    const other: Polygon = { type: 'Polygon', coordinates: [[[5, 5], [6, 5], [6, 6], [5, 5]]] };
    expect(rows(contiguityNeighbours([twoParts, other], 'rook'))).toEqual([[1], [0]]);
    // The same shared point as the first vertex of region 1's only ring is counted once.
    const first: Polygon = { type: 'Polygon', coordinates: [[[5, 5], [6, 5], [6, 6], [5, 5]]] };
    const single: Polygon = { type: 'Polygon', coordinates: [[[4, 4], [5, 4], [5, 5], [4, 5], [4, 4]]] };
    expect(rows(contiguityNeighbours([single, first], 'rook'))).toEqual([[], []]);
  });

  it('names the feature whose geometry it cannot use', () => {
    const point = { type: 'Point', coordinates: [0, 0] } as unknown as Polygon;
    expect(() => contiguityNeighbours([square(0, 0), point], 'queen')).toThrow(GeometryError);
    expect(() => contiguityNeighbours([square(0, 0), point], 'queen')).toThrow(/feature 1: geometry is Point/);
    const broken: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, Number.NaN], [0, 0]]] };
    expect(() => contiguityNeighbours([broken], 'queen')).toThrow(/feature 0: .*two finite numbers/);
    expect(() => contiguityNeighbours([square(0, 0), null], 'queen')).toThrow(/feature 1: has no geometry/);
  });
});

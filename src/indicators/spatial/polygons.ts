/**
 * Polygonal geometries as flat vertex arrays, checked once so that the weights code can trust them.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type PolygonalGeometry = Polygon | MultiPolygon;

/** A geometry the spatial code cannot use; `feature` is its 0-based index in the input. */
export class GeometryError extends Error {
  readonly feature: number;
  readonly problem: string;
  constructor(feature: number, problem: string) {
    super(`feature ${feature}: ${problem}`);
    this.name = 'GeometryError';
    this.feature = feature;
    this.problem = problem;
  }
}

/** The polygons of a geometry as rings of [x, y] positions (Polygon → one polygon). */
export function polygonsOf(geometry: PolygonalGeometry | null | undefined, feature: number): Position[][][] {
  if (!geometry) throw new GeometryError(feature, 'has no geometry');
  if (geometry.type === 'Polygon') return [checkPolygon(geometry.coordinates, feature)];
  if (geometry.type === 'MultiPolygon') {
    if (!Array.isArray(geometry.coordinates)) throw new GeometryError(feature, 'MultiPolygon coordinates are not an array');
    return geometry.coordinates.map((p) => checkPolygon(p, feature));
  }
  throw new GeometryError(feature, `geometry is ${(geometry as { type?: string }).type ?? 'untyped'}, not Polygon or MultiPolygon`);
}

function checkPolygon(rings: unknown, feature: number): Position[][] {
  if (!Array.isArray(rings)) throw new GeometryError(feature, 'polygon coordinates are not an array of rings');
  for (const ring of rings) {
    if (!Array.isArray(ring) || ring.length === 0) throw new GeometryError(feature, 'a polygon ring is empty or not an array');
    for (const p of ring) {
      if (!Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
        throw new GeometryError(feature, `a ring has a position that is not two finite numbers: ${JSON.stringify(p)}`);
      }
    }
  }
  return rings as Position[][];
}

/** Every vertex of every feature, feature after feature. */
export interface FlatVertices {
  x: Float64Array;
  y: Float64Array;
  /** Length nFeatures + 1: feature f owns vertices start[f] .. start[f + 1]. */
  start: Int32Array;
}

/**
 * Vertices in the order sf's st_coordinates() lists them (parts, rings, positions, closing
 * position included; an unclosed ring is closed as GDAL reads it), minus the first vertex of
 * each feature. poly2nb drops exactly that one row, so duplicated vertices (the closing vertex
 * of a second ring or part) count twice in its vertex-pair criterion, here as there.
 */
export function flattenForContiguity(geometries: ReadonlyArray<PolygonalGeometry | null | undefined>): FlatVertices {
  const polygons = geometries.map((g, f) => polygonsOf(g, f));
  let total = 0;
  polygons.forEach((parts, f) => {
    let count = 0;
    for (const rings of parts) for (const ring of rings) count += ring.length + (isClosed(ring) ? 0 : 1);
    if (count === 0) throw new GeometryError(f, 'is empty');
    total += count - 1;
  });
  const x = new Float64Array(total);
  const y = new Float64Array(total);
  const start = new Int32Array(polygons.length + 1);
  let k = 0;
  polygons.forEach((parts, f) => {
    let skip = true;
    const push = (p: Position) => {
      if (skip) {
        skip = false;
        return;
      }
      x[k] = p[0];
      y[k] = p[1];
      k++;
    };
    for (const rings of parts) {
      for (const ring of rings) {
        for (const p of ring) push(p);
        if (!isClosed(ring)) push(ring[0]);
      }
    }
    start[f + 1] = k;
  });
  return { x, y, start };
}

function isClosed(ring: Position[]): boolean {
  const a = ring[0];
  const b = ring[ring.length - 1];
  return ring.length > 1 && a[0] === b[0] && a[1] === b[1];
}

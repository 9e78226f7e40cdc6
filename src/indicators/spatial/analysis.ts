/**
 * One call from geometries and values to every spatial statistic, in this order:
 * neighbours (queen / rook / k nearest) → weights (W or B) → global Moran → local Moran with
 * permutations → Gi*. Shared by the worker, the CLI and the tests.
 */
import { contiguityNeighbours } from './contiguity';
import { getisOrdGiStar } from './getisOrd';
import { localMoran, type LocalMoran } from './localMoran';
import { globalMoran, type GlobalMoran } from './moran';
import { nearestNeighbours, type DistanceKind } from './nearest';
import { planarSummary } from './planarGeometry';
import type { PolygonalGeometry } from './polygons';
import { islands, spatialWeights, type NeighbourList, type WeightsStyle } from './weights';

export type WeightsSpec = { kind: 'queen' } | { kind: 'rook' } | { kind: 'knn'; k: number };

/** "queen", "rook" or "knn:<k>"; throws a message fit for the user otherwise. */
export function parseWeightsSpec(text: string): WeightsSpec {
  const t = text.trim().toLowerCase();
  if (t === 'queen' || t === 'rook') return { kind: t };
  const m = /^knn:(\d+)$/.exec(t);
  if (m && Number(m[1]) >= 1) return { kind: 'knn', k: Number(m[1]) };
  throw new RangeError(`weights "${text}" are not one of rook, queen, knn:<k> (k a positive integer)`);
}

export function neighboursFromGeometries(
  geometries: ReadonlyArray<PolygonalGeometry | null | undefined>,
  spec: WeightsSpec,
  options: { snap?: number; distance?: DistanceKind } = {},
): NeighbourList {
  if (spec.kind === 'knn') return nearestNeighbours(centroids(geometries), spec.k, options.distance);
  return contiguityNeighbours(geometries, spec.kind, { snap: options.snap });
}

/** Planar area-weighted centroids (see planarGeometry.ts). */
export function centroids(geometries: ReadonlyArray<PolygonalGeometry | null | undefined>): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(geometries.length);
  const y = new Float64Array(geometries.length);
  geometries.forEach((g, i) => {
    const c = planarSummary(g, i);
    x[i] = c.x;
    y[i] = c.y;
  });
  return { x, y };
}

export interface SpatialAnalysisOptions {
  style?: WeightsStyle;
  permutations?: number;
  seed?: number;
  alpha?: number;
}

export interface SpatialAnalysis {
  global: GlobalMoran;
  local: LocalMoran;
  giStarZ: Float64Array;
  /** Indices of regions without neighbours. */
  islands: number[];
}

export function analyseSpatial(values: ArrayLike<number>, nb: NeighbourList, options: SpatialAnalysisOptions = {}): SpatialAnalysis {
  if (values.length !== nb.n) throw new RangeError(`${values.length} values for ${nb.n} regions`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new RangeError(`value of region ${i} is ${values[i]}, not a finite number`);
  }
  if (nb.n < 4) throw new RangeError(`spatial statistics need at least 4 regions, not ${nb.n}`);
  const style = options.style ?? 'W';
  const w = spatialWeights(nb, style);
  return {
    global: globalMoran(values, w),
    local: localMoran(values, w, options),
    giStarZ: getisOrdGiStar(values, nb, style),
    islands: islands(nb),
  };
}

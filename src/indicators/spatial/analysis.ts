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
import { islands, spatialWeights, type NeighbourList, type SpatialWeights, type WeightsStyle } from './weights';

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

/** Below this many regions the statistics say nothing (spdep's moran.test needs n > 3). */
export const MIN_SPATIAL_REGIONS = 4;

export interface SpatialAnalysisOptions {
  style?: WeightsStyle;
  permutations?: number;
  seed?: number;
  alpha?: number;
  /** Local Moran with its permutations (default); false: global Moran and Gi* only. */
  lisa?: boolean;
  /** Weights already built from `nb` in `style` (the worker caches them per set of regions). */
  weights?: SpatialWeights;
}

export interface SpatialAnalysis {
  global: GlobalMoran;
  /** Absent when asked for without LISA. */
  local?: LocalMoran;
  giStarZ: Float64Array;
  /** Indices of regions without neighbours. */
  islands: number[];
  /**
   * All values equal: there is no pattern to find. Every region is "not significant" (local I 0,
   * no pseudo p) and Gi* is 0 — local Moran would divide 0 by 0, and NaN compares as extreme —
   * and global Moran's I is undefined (NaN).
   */
  constant: boolean;
}

/**
 * The one spatial orchestration of the app's worker and `atlas spatial`: values checked, at least
 * MIN_SPATIAL_REGIONS regions, constant columns as above, then global Moran, local Moran, Gi*.
 */
export function analyseSpatial(values: ArrayLike<number>, nb: NeighbourList, options: SpatialAnalysisOptions = {}): SpatialAnalysis {
  if (values.length !== nb.n) throw new RangeError(`${values.length} values for ${nb.n} regions`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new RangeError(`value of region ${i} is ${values[i]}, not a finite number`);
  }
  if (nb.n < MIN_SPATIAL_REGIONS) throw new RangeError(`spatial statistics need at least ${MIN_SPATIAL_REGIONS} regions, not ${nb.n}`);
  const style = options.style ?? 'W';
  const w = options.weights ?? spatialWeights(nb, style);
  const global = globalMoran(values, w);
  const constant = isConstant(values);
  if (constant) {
    const n = nb.n;
    const local = options.lisa === false ? undefined : { lag: spatialLag(values, w), localI: new Float64Array(n), pseudoP: new Float64Array(n).fill(NaN), quadrant: new Uint8Array(n) };
    return { global: { ...global, I: NaN, z: NaN, p: NaN, pGreater: NaN }, local, giStarZ: new Float64Array(n), islands: islands(nb), constant };
  }
  return {
    global,
    local: options.lisa === false ? undefined : localMoran(values, w, options),
    giStarZ: getisOrdGiStar(values, nb, style),
    islands: islands(nb),
    constant,
  };
}

/** Global Moran's I alone, undefined where analyseSpatial would find no pattern (too few regions, all values equal). */
export function moranOfValues(values: ArrayLike<number>, w: SpatialWeights): GlobalMoran | undefined {
  if (w.n < MIN_SPATIAL_REGIONS || isConstant(values)) return undefined;
  return globalMoran(values, w);
}

function isConstant(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}

function spatialLag(values: ArrayLike<number>, w: SpatialWeights): Float64Array {
  const lag = new Float64Array(w.n);
  for (let i = 0; i < w.n; i++) for (let p = w.offsets[i]; p < w.offsets[i + 1]; p++) lag[i] += w.weights[p] * values[w.neighbours[p]];
  return lag;
}

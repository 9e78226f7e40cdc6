/**
 * k nearest neighbours of points (region centroids), as spdep's knearneigh + knn2nb:
 * each region gets exactly k neighbours, ranked by distance, ties going to the region that comes
 * first in the input; the result is not symmetric (j may be among i's nearest but not i among j's).
 *
 * Distance is spdep's great-circle formula (WGS-84 Andoyer–Lambert, see geodesic.ts) for
 * longitude/latitude, or Euclidean for projected coordinates. For great-circle ranking, a cheap
 * spherical chord distance first narrows the candidates to those within a safe margin of the
 * k-th nearest (the ellipsoid changes distances by well under 2%), then the exact formula ranks them.
 */
import { andoyerLambertKm } from './geodesic';
import { neighbourListFromRows, type NeighbourList } from './weights';

export type DistanceKind = 'great-circle' | 'planar';

export interface Points {
  x: Float64Array;
  y: Float64Array;
}

/** Guesses longitude/latitude from the coordinate ranges, as spdep's sanity check does. */
export function looksGeographic({ x, y }: Points): boolean {
  for (let i = 0; i < x.length; i++) {
    if (!(x[i] >= -180 && x[i] <= 360 && y[i] >= -90 && y[i] <= 90)) return false;
  }
  return true;
}

/** Candidates within this factor of the spherical k-th distance are ranked exactly. */
const ELLIPSOID_MARGIN = 1.05;

export function nearestNeighbours(points: Points, k: number, distance: DistanceKind = looksGeographic(points) ? 'great-circle' : 'planar'): NeighbourList {
  const n = points.x.length;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, not ${k}`);
  if (k >= n) throw new RangeError(`k = ${k} needs more than ${k} regions; there are ${n}`);
  const { x, y } = points;
  const exact = distance === 'great-circle' ? (i: number, j: number) => andoyerLambertKm(x[i], y[i], x[j], y[j]) : (i: number, j: number) => Math.hypot(x[i] - x[j], y[i] - y[j]);

  // Unit vectors for the chord prefilter (great-circle only).
  const ux = new Float64Array(n);
  const uy = new Float64Array(n);
  const uz = new Float64Array(n);
  if (distance === 'great-circle') {
    for (let i = 0; i < n; i++) {
      const lon = (x[i] * Math.PI) / 180;
      const lat = (y[i] * Math.PI) / 180;
      ux[i] = Math.cos(lat) * Math.cos(lon);
      uy[i] = Math.cos(lat) * Math.sin(lon);
      uz[i] = Math.sin(lat);
    }
  }

  const rough = new Float64Array(n);
  const scratch = new Float64Array(n);
  const rows: Int32Array[] = [];
  const candidates: number[] = [];
  const exactDistance = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (distance === 'great-circle') {
      for (let j = 0; j < n; j++) {
        const dx = ux[i] - ux[j];
        const dy = uy[i] - uy[j];
        const dz = uz[i] - uz[j];
        // Chord → central angle, monotone, so the margin applies to real distances.
        rough[j] = 2 * Math.asin(Math.min(1, Math.sqrt(dx * dx + dy * dy + dz * dz) / 2));
      }
    } else {
      for (let j = 0; j < n; j++) rough[j] = Math.hypot(x[i] - x[j], y[i] - y[j]);
    }
    rough[i] = Infinity;
    scratch.set(rough);
    const kth = selectKth(scratch, k - 1);
    const limit = distance === 'great-circle' ? kth * ELLIPSOID_MARGIN + 1e-12 : kth;
    candidates.length = 0;
    for (let j = 0; j < n; j++) if (j !== i && rough[j] <= limit) candidates.push(j);
    for (const j of candidates) exactDistance[j] = exact(i, j);
    candidates.sort((a, b) => exactDistance[a] - exactDistance[b] || a - b);
    rows.push(Int32Array.from(candidates.slice(0, k)));
  }
  return neighbourListFromRows(rows);
}

/** The value that would sit at index `rank` if `a` were sorted (Hoare quickselect; reorders a). */
function selectKth(a: Float64Array, rank: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (rank <= j) hi = j;
    else if (rank >= i) lo = i;
    else return a[rank];
  }
  return a[rank];
}

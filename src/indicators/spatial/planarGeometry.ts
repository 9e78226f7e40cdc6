/**
 * Area and centroid in the plane of the coordinates (degrees for longitude/latitude), as GEOS
 * computes them for a geometry without a CRS: holes subtract, parts add. Used for k-nearest
 * neighbours and for the reference value column; planar is a stated choice, not an oversight
 * (it is what `st_centroid()` gives with `sf_use_s2(FALSE)`).
 */
import type { Position } from 'geojson';
import { polygonsOf, type PolygonalGeometry } from './polygons';

export interface PlanarSummary {
  /** Absolute area: outer rings minus holes, summed over parts. */
  area: number;
  /** Area-weighted centroid; the mean vertex when the area is 0 (degenerate geometry). */
  x: number;
  y: number;
}

export function planarSummary(geometry: PolygonalGeometry | null | undefined, feature = 0): PlanarSummary {
  let area = 0;
  let sx = 0;
  let sy = 0;
  let vertices = 0;
  let vx = 0;
  let vy = 0;
  for (const rings of polygonsOf(geometry, feature)) {
    rings.forEach((ring, r) => {
      const m = ringMoments(ring);
      // Orientation varies between files: the outer ring adds, holes subtract, whatever their winding.
      const sign = (r === 0 ? 1 : -1) * Math.sign(m.a);
      area += sign * m.a;
      sx += sign * m.cx;
      sy += sign * m.cy;
      for (const p of ring) {
        vx += p[0];
        vy += p[1];
      }
      vertices += ring.length;
    });
  }
  if (area === 0) return { area: 0, x: vx / vertices, y: vy / vertices };
  return { area, x: sx / (3 * area), y: sy / (3 * area) };
}

/**
 * Signed area a and the first moments (times 3) of one ring, with coordinates taken relative to
 * its first vertex so that large offsets (projected metres) do not cancel digits.
 */
function ringMoments(ring: Position[]): { a: number; cx: number; cy: number } {
  const x0 = ring[0][0];
  const y0 = ring[0][1];
  let a2 = 0;
  let cx = 0;
  let cy = 0;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % n];
    const px = p[0] - x0;
    const py = p[1] - y0;
    const qx = q[0] - x0;
    const qy = q[1] - y0;
    const cross = px * qy - qx * py;
    a2 += cross;
    cx += (px + qx) * cross;
    cy += (py + qy) * cross;
  }
  const a = a2 / 2;
  // Moments about the origin: shift back by the first vertex (Σ cross·(p+q) = 6·A·c').
  return { a, cx: cx / 2 + 3 * a * x0, cy: cy / 2 + 3 * a * y0 };
}

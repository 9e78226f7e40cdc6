/**
 * Moving between regions with the arrow keys: from one region's label point to the nearest one
 * in the pressed direction, as the eye sees the map (Web Mercator, y growing downwards).
 *
 * A candidate must lie ahead (positive component along the direction). Those within 45° of the
 * direction win over the rest of the half-plane, so "right" prefers the county beside over the
 * closer one diagonally below; within a group the score is distance plus the sideways offset,
 * which breaks near-ties towards the straighter path. Pure, so the rule is unit-tested.
 */
export type Direction = 'up' | 'down' | 'left' | 'right';

/** Points on the plane the screen shows; NaN marks a region without a place (never chosen). */
export interface PlanePoints {
  x: Float64Array;
  y: Float64Array;
}

const DIRECTION: Record<Direction, [number, number]> = { up: [0, -1], down: [0, 1], left: [-1, 0], right: [1, 0] };

/** Web Mercator in radians: x = λ, y = −ln tan(π/4 + φ/2) (north is up, so y grows southwards). */
export function mercatorPoints(lngLat: Float64Array): PlanePoints {
  const n = lngLat.length / 2;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const clamp = 85.05112878;
  for (let i = 0; i < n; i++) {
    const lng = lngLat[2 * i];
    const lat = Math.max(-clamp, Math.min(clamp, lngLat[2 * i + 1]));
    x[i] = (lng * Math.PI) / 180;
    y[i] = -Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  }
  return { x, y };
}

/** Index of the region to move to from `from`, or undefined when nothing lies that way. */
export function nearestInDirection(points: PlanePoints, from: number, direction: Direction): number | undefined {
  const [dx, dy] = DIRECTION[direction];
  const x0 = points.x[from];
  const y0 = points.y[from];
  let bestCone: number | undefined;
  let bestConeScore = Infinity;
  let bestSide: number | undefined;
  let bestSideScore = Infinity;
  for (let j = 0; j < points.x.length; j++) {
    if (j === from) continue;
    const px = points.x[j] - x0;
    const py = points.y[j] - y0;
    const ahead = px * dx + py * dy;
    // NaN (no place) fails this test too.
    if (!(ahead > 0)) continue;
    const aside = Math.abs(px * dy - py * dx);
    const score = Math.hypot(ahead, aside) + aside;
    if (aside <= ahead) {
      if (score < bestConeScore) {
        bestConeScore = score;
        bestCone = j;
      }
    } else if (score < bestSideScore) {
      bestSideScore = score;
      bestSide = j;
    }
  }
  return bestCone ?? bestSide;
}

/** The region whose point is closest to (x, y), e.g. the map's centre when the keyboard enters it. */
export function nearestTo(points: PlanePoints, x: number, y: number, eligible: (i: number) => boolean = () => true): number | undefined {
  let best: number | undefined;
  let bestDistance = Infinity;
  for (let i = 0; i < points.x.length; i++) {
    const d = (points.x[i] - x) ** 2 + (points.y[i] - y) ** 2;
    if (d < bestDistance && eligible(i)) {
      bestDistance = d;
      best = i;
    }
  }
  return best;
}

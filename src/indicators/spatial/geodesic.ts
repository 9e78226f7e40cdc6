/**
 * Distance on the WGS-84 ellipsoid by the Andoyer–Lambert approximation (km), the formula in
 * spdep's C `gcdist` that `knearneigh(longlat = TRUE)` ranks neighbours by. Using the same
 * formula keeps k-nearest lists identical to spdep's even where two candidates are nearly tied.
 */
const DEG = Math.PI / 180;
const A = 6378.137;
const F = 1 / 298.257223563;

export function andoyerLambertKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  if (Math.abs(lat1 - lat2) < Number.EPSILON) {
    if (Math.abs(lon1 - lon2) < Number.EPSILON) return 0;
    if (Math.abs(Math.abs(lon1) + Math.abs(lon2) - 360) < Number.EPSILON) return 0;
  }
  const f = ((lat1 + lat2) * DEG) / 2;
  const g = ((lat1 - lat2) * DEG) / 2;
  const l = ((lon1 - lon2) * DEG) / 2;
  const sinG2 = Math.sin(g) ** 2;
  const cosG2 = Math.cos(g) ** 2;
  const sinF2 = Math.sin(f) ** 2;
  const cosF2 = Math.cos(f) ** 2;
  const sinL2 = Math.sin(l) ** 2;
  const cosL2 = Math.cos(l) ** 2;
  const s = sinG2 * cosL2 + cosF2 * sinL2;
  const c = cosG2 * cosL2 + sinF2 * sinL2;
  const w = Math.atan(Math.sqrt(s / c));
  const r = Math.sqrt(s * c) / w;
  const d = 2 * w * A;
  const h1 = (3 * r - 1) / (2 * c);
  const h2 = (3 * r + 1) / (2 * s);
  return d * (1 + F * h1 * sinF2 * cosG2 - F * h2 * cosF2 * sinG2);
}

export function euclidean(x1: number, y1: number, x2: number, y2: number): number {
  return Math.hypot(x1 - x2, y1 - y2);
}

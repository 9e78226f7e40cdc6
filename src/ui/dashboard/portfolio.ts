/**
 * The cluster portfolio of one region, as U.S. Cluster Mapping draws it: one bubble per category
 * with x = LQ in the later year, y = employment growth a year (CAGR) between the two years,
 * area = employment in the later year, colour = stars. Categories without employment in the
 * later year or without a growth rate are listed apart (not placed at a made-up position).
 */
import type { RegionSeries } from '../../engine/regionSeries';

export interface PortfolioPoint {
  category: number;
  lq: number;
  growth: number;
  employment: number;
  stars: number;
}

export interface Portfolio {
  points: PortfolioPoint[];
  /** Categories left off the chart: no employment in the later year, or no growth rate. */
  unplaced: number[];
}

export function portfolio(series: RegionSeries, toYearIndex: number): Portfolio {
  const nC = series.nCategories;
  const points: PortfolioPoint[] = [];
  const unplaced: number[] = [];
  for (let c = 0; c < nC; c++) {
    const i = toYearIndex * nC + c;
    const employment = series.employment[i];
    const point = { category: c, lq: series.lq[i], growth: series.growth[c], employment, stars: series.stars[i] };
    if (employment > 0 && Number.isFinite(point.lq) && Number.isFinite(point.growth)) points.push(point);
    else unplaced.push(c);
  }
  // Largest first: drawn first, so small bubbles stay on top and can be pointed at.
  points.sort((a, b) => b.employment - a.employment || a.category - b.category);
  return { points, unplaced };
}

/** One category's values over the years (year-major arrays). */
export function categoryLine(values: ArrayLike<number>, nCategories: number, category: number): number[] {
  const out: number[] = [];
  for (let i = category; i < values.length; i += nCategories) out.push(values[i]);
  return out;
}

/** A scale's domain padded to include the quadrant line (LQ 1, growth 0) and a margin. */
export function paddedDomain(values: number[], include: number, margin = 0.08): [number, number] {
  let lo = Math.min(include, ...values);
  let hi = Math.max(include, ...values);
  if (hi === lo) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * margin;
  return [lo - pad, hi + pad];
}

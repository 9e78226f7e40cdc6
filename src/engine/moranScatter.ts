/**
 * The Moran scatterplot of a column of region values (GeoDa's): each region's standardised
 * value z against its spatial lag Wz under the row-standardised queen weights of the regions
 * that take part (on the map, value finite). The least-squares slope of Wz on z is
 * Σ z·Wz / Σ z² (z has mean 0), which with row-standardised weights (S0 = n) is exactly global
 * Moran's I — the same I the legend reports. Islands (no neighbour with data) have lag 0, as
 * in spdep with zero.policy.
 */
import { globalMoran, spatialLag, type GlobalMoran } from '../indicators/spatial';
import type { WeightsSubset } from './regionWeights';
import { MIN_SPATIAL_REGIONS, valuesAt } from './spatialColumn';

export interface MoranScatter {
  /** Per region in cube order; NaN where the region does not take part. */
  z: Float64Array;
  lag: Float64Array;
  /** Least-squares line lag = intercept + slope · z over the regions that take part. */
  slope: number;
  intercept: number;
  moran?: GlobalMoran;
  analysed: number;
  islands: number;
  constant: boolean;
}

export function moranScatter(values: Float64Array, subset: WeightsSubset): MoranScatter {
  const n = values.length;
  const out: MoranScatter = { z: new Float64Array(n).fill(NaN), lag: new Float64Array(n).fill(NaN), slope: NaN, intercept: NaN, analysed: subset.kept.length, islands: subset.islands, constant: false };
  const { kept, weights } = subset;
  if (kept.length < MIN_SPATIAL_REGIONS) return out;
  const x = valuesAt(values, kept);
  let mean = 0;
  for (const v of x) mean += v;
  mean /= x.length;
  let ss = 0;
  for (const v of x) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / x.length);
  if (!(sd > 0)) {
    out.constant = true;
    return out;
  }
  const z = Float64Array.from(x, (v) => (v - mean) / sd);
  const lag = spatialLag(weights, z);
  let zz = 0;
  let zl = 0;
  let lagMean = 0;
  for (let k = 0; k < z.length; k++) {
    zz += z[k] * z[k];
    zl += z[k] * lag[k];
    lagMean += lag[k];
  }
  lagMean /= z.length;
  out.slope = zl / zz;
  out.intercept = lagMean;
  out.moran = globalMoran(x, weights);
  kept.forEach((r, k) => {
    out.z[r] = z[k];
    out.lag[r] = lag[k];
  });
  return out;
}

/**
 * LISA and Gi* of one column of region values (a category's LQ, employment, …), in cube order.
 *
 * Order: the regions that take part (on the map, value finite) → their row-standardised queen
 * weights (cached subset) → analyseSpatial (global Moran's I, local Moran with seeded conditional
 * permutations, quadrants at p < alpha, Gi* z-scores) → results scattered back to cube order. Regions that do
 * not take part get NaN (quadrant NOT_ANALYSED), i.e. "no data" on the map.
 *
 * The statistics themselves, with the rules for too few regions and constant columns, are
 * analyseSpatial's: `atlas spatial` runs the same.
 */
import { MIN_SPATIAL_REGIONS, analyseSpatial, moranOfValues, type GlobalMoran } from '../indicators/spatial';
import type { WeightsSubsets } from './regionWeights';

export { MIN_SPATIAL_REGIONS };

/** Quadrant code of a region left out of the analysis (QUADRANTS index otherwise: 0 ns, 1 HH, 2 LL, 3 HL, 4 LH). */
export const NOT_ANALYSED = 255;

export interface SpatialOptions {
  permutations: number;
  seed: number;
  alpha: number;
  /** Skip the permutations (Gi* and global Moran only). */
  lisa: boolean;
}

export interface ColumnSpatial {
  localI: Float64Array;
  pseudoP: Float64Array;
  quadrant: Uint8Array;
  giStarZ: Float64Array;
  /** Undefined when too few regions take part or all their values are equal. */
  moran?: GlobalMoran;
  /** Regions that took part, and how many of them had no neighbour among them. */
  analysed: number;
  islands: number;
  /** All analysed values equal: no pattern to find. */
  constant: boolean;
}

export function columnSpatial(values: Float64Array, subsets: WeightsSubsets, options: SpatialOptions): ColumnSpatial {
  const n = values.length;
  const out: ColumnSpatial = {
    localI: new Float64Array(n).fill(NaN),
    pseudoP: new Float64Array(n).fill(NaN),
    quadrant: new Uint8Array(n).fill(NOT_ANALYSED),
    giStarZ: new Float64Array(n).fill(NaN),
    analysed: 0,
    islands: 0,
    constant: false,
  };
  const { kept, weights, islands } = subsets.forValues(values);
  out.analysed = kept.length;
  out.islands = islands;
  if (kept.length < MIN_SPATIAL_REGIONS) return out;
  const x = valuesAt(values, kept);
  const analysis = analyseSpatial(x, weights, { style: 'W', weights, permutations: options.permutations, seed: options.seed, alpha: options.alpha, lisa: options.lisa });
  out.constant = analysis.constant;
  if (!analysis.constant) out.moran = analysis.global;
  const { local, giStarZ } = analysis;
  kept.forEach((r, k) => {
    out.giStarZ[r] = giStarZ[k];
    out.quadrant[r] = local ? local.quadrant[k] : 0;
    if (local) {
      out.localI[r] = local.localI[k];
      out.pseudoP[r] = local.pseudoP[k];
    }
  });
  return out;
}

/** Global Moran's I of a column (no permutations), e.g. of each category's LQ. */
export function columnMoran(values: Float64Array, subsets: WeightsSubsets): GlobalMoran | undefined {
  const { kept, weights } = subsets.forValues(values);
  return moranOfValues(valuesAt(values, kept), weights);
}

/**
 * The values of the kept regions, in their order. A plain loop: `Float64Array.from` with a mapping
 * function calls it per value, a fifth of each category's Moran's I in the page's statistics.
 */
export function valuesAt(values: ArrayLike<number>, kept: ArrayLike<number>): Float64Array {
  const out = new Float64Array(kept.length);
  for (let k = 0; k < kept.length; k++) out[k] = values[kept[k]];
  return out;
}

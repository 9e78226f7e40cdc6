/**
 * How concentrated each category is across the regions, against the regions' total employment.
 *
 * With s_r = E(r,c) / Σ_r E(r,c) (the category's regional shares) and x_r = E(r) / Σ_r E(r)
 * (total employment's), over the regions in the table (a benchmark row is not a region):
 *  - hhi:      Σ s_r², the Herfindahl–Hirschman index of regional shares (1/n when even, 1 when
 *              all in one region).
 *  - gini:     the locational Gini (Krugman 1991): 1 − twice the area under the Lorenz curve of
 *              s against x, regions ordered by s_r / x_r; 0 when c is spread like all
 *              employment, towards 1 when it sits in a small part of it.
 *  - krugman:  Σ |s_r − x_r|, Krugman's dissimilarity index (0..2);
 *  - hoover:   ½ Σ |s_r − x_r|, the Hoover (Duncan) index = krugman / 2: the share of c's
 *              employment that would have to move for c to be spread like all employment.
 *  - egGamma:  Ellison & Glaeser's (1997) γ = (G − (1 − Σx²)H) / ((1 − Σx²)(1 − H)), with
 *              G = Σ (s_r − x_r)² and H the plant Herfindahl. Plant sizes are not in the data, so
 *              H is approximated by assuming the N(r,c) establishments in each region are of
 *              equal size E(r,c)/N(r,c): H = Σ_r s_r² / N(r,c). NaN without establishment counts,
 *              when a region has employment but no (or unreported) establishments, or when
 *              H = 1 or Σx² = 1 (γ undefined).
 *  - moranI:   global Moran's I of the category's LQ, supplied by the caller (spatial weights
 *              live in ./spatial); NaN when no hook is given.
 * Cells not reported count as 0. A category without employment gets NaN everywhere.
 */
import type { IndicatorInput } from './types';
import { categoryColumn } from './categoryColumn';
import { sortByKey } from './sortByKey';

export interface CategoryConcentration {
  hhi: Float64Array;
  gini: Float64Array;
  krugman: Float64Array;
  hoover: Float64Array;
  egGamma: Float64Array;
  moranI: Float64Array;
}

export interface ConcentrationOptions {
  /**
   * Hook for global Moran's I: given a category index, its column of LQ values (length nRegions,
   * NaN where undefined) is passed and I returned, e.g. `(lq) => globalMoran(lq, weights).I`.
   */
  moranOfColumn?: (column: Float64Array, category: number) => number;
  /** The LQ matrix of computeIndicators, needed only with moranOfColumn. */
  lq?: Float64Array;
}

type Matrix = Pick<IndicatorInput, 'nRegions' | 'nCategories' | 'employment' | 'establishments'>;

export function categoryConcentration(input: Matrix, options: ConcentrationOptions = {}): CategoryConcentration {
  const { nRegions: nR, nCategories: nC, employment, establishments } = input;
  const out: CategoryConcentration = {
    hhi: new Float64Array(nC).fill(NaN),
    gini: new Float64Array(nC).fill(NaN),
    krugman: new Float64Array(nC).fill(NaN),
    hoover: new Float64Array(nC).fill(NaN),
    egGamma: new Float64Array(nC).fill(NaN),
    moranI: new Float64Array(nC).fill(NaN),
  };

  const regionTotal = new Float64Array(nR);
  const categoryTotal = new Float64Array(nC);
  for (let r = 0, i = 0; r < nR; r++) {
    for (let c = 0; c < nC; c++, i++) {
      const e = employment[i];
      if (e === e) {
        regionTotal[r] += e;
        categoryTotal[c] += e;
      }
    }
  }
  let total = 0;
  for (let r = 0; r < nR; r++) total += regionTotal[r];
  const x = new Float64Array(nR);
  let sumX2 = 0;
  for (let r = 0; r < nR; r++) {
    x[r] = total > 0 ? regionTotal[r] / total : 0;
    sumX2 += x[r] * x[r];
  }

  // Scratch reused across categories.
  const s = new Float64Array(nR);
  const ratio = new Float64Array(nR);
  const order = new Uint32Array(nR);
  const column = new Float64Array(nR);

  for (let c = 0; c < nC; c++) {
    const ec = categoryTotal[c];
    if (!(ec > 0)) continue;
    let hhi = 0;
    let absDiff = 0;
    let sqDiff = 0;
    let plantH = 0;
    let plantsKnown = establishments !== undefined;
    let m = 0; // regions with any employment: the Lorenz curve's points
    for (let r = 0, i = c; r < nR; r++, i += nC) {
      const e = employment[i] === employment[i] ? employment[i] : 0;
      const sr = e / ec;
      s[r] = sr;
      hhi += sr * sr;
      const d = sr - x[r];
      absDiff += Math.abs(d);
      sqDiff += d * d;
      if (plantsKnown && e > 0) {
        const plants = establishments![i];
        if (plants >= 1) plantH += (sr * sr) / plants;
        else plantsKnown = false;
      }
      if (x[r] > 0) {
        ratio[r] = sr / x[r];
        order[m++] = r;
      }
    }
    out.hhi[c] = hhi;
    out.krugman[c] = absDiff;
    out.hoover[c] = absDiff / 2;
    out.gini[c] = locationalGini(order.subarray(0, m), ratio, s, x);
    if (plantsKnown && plantH < 1 && sumX2 < 1) {
      out.egGamma[c] = (sqDiff - (1 - sumX2) * plantH) / ((1 - sumX2) * (1 - plantH));
    }
    if (options.moranOfColumn && options.lq) {
      out.moranI[c] = options.moranOfColumn(categoryColumn(options.lq, nR, nC, c, undefined, column), c);
    }
  }
  return out;
}

/** 1 − Σ (X_k − X_{k−1})(S_k + S_{k−1}) over regions sorted by s/x ascending. */
function locationalGini(order: Uint32Array, ratio: Float64Array, s: Float64Array, x: Float64Array): number {
  sortByKey(order, ratio);
  let area = 0;
  let cumS = 0;
  for (let k = 0; k < order.length; k++) {
    const r = order[k];
    const next = cumS + s[r];
    area += x[r] * (cumS + next);
    cumS = next;
  }
  return 1 - area;
}

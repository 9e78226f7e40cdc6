/**
 * Global Moran's I with inference under randomisation, as spdep's
 * `moran.test(x, listw, randomisation = TRUE, zero.policy = TRUE, adjust.n = TRUE)`:
 *   I = (n / S0) · Σ_i z_i (Wz)_i / Σ_i z_i²,  z = x − mean(x),
 *   E[I] = −1 / (n − 1),  Var[I] from the sample kurtosis K (Cliff & Ord),
 * where n counts the regions that have neighbours (islands are kept in the mean and in Σz², as
 * spdep does). z = (I − E[I]) / √Var[I]; p is two-sided, P(|Z| ≥ |z|); the one-sided
 * P(Z ≥ z) that moran.test reports by default is given too.
 */
import { normalTwoSided, normalUpperTail } from './normal';
import { spatialLag, type SpatialWeights, linkPosition } from './weights';

export interface WeightsConstants {
  /** Regions with at least one neighbour. */
  n: number;
  S0: number;
  S1: number;
  S2: number;
}

export interface GlobalMoran {
  I: number;
  expectation: number;
  variance: number;
  z: number;
  /** Two-sided normal p-value, P(|Z| ≥ |z|). */
  p: number;
  /** One-sided P(Z ≥ z), for positive autocorrelation (moran.test's default alternative). */
  pGreater: number;
  /** Regions used for n (with neighbours) and all regions. */
  n: number;
  regions: number;
}

/**
 * The constants of each weights object, computed once: the page's category statistics test every
 * category against the same weights (the constants were a quarter of each test, a search per link
 * for the link back). Weights are never changed once built.
 */
const constantsOf = new WeakMap<SpatialWeights, WeightsConstants>();

/** spdep's spweights.constants with adjust.n = TRUE. */
export function weightsConstants(w: SpatialWeights): WeightsConstants {
  let constants = constantsOf.get(w);
  if (!constants) constantsOf.set(w, (constants = computeConstants(w)));
  return { ...constants };
}

function computeConstants(w: SpatialWeights): WeightsConstants {
  const rowSum = new Float64Array(w.n);
  const colSum = new Float64Array(w.n);
  let n = 0;
  let S0 = 0;
  let S1 = 0;
  for (let i = 0; i < w.n; i++) {
    if (w.offsets[i + 1] > w.offsets[i]) n++;
    for (let p = w.offsets[i]; p < w.offsets[i + 1]; p++) {
      const j = w.neighbours[p];
      const wij = w.weights[p];
      const back = linkPosition(w, j, i);
      const wji = back >= 0 ? w.weights[back] : 0;
      rowSum[i] += wij;
      colSum[j] += wij;
      S0 += wij;
      S1 += wij * wij + wij * wji;
    }
  }
  let S2 = 0;
  for (let i = 0; i < w.n; i++) S2 += (rowSum[i] + colSum[i]) ** 2;
  return { n, S0, S1, S2 };
}

export function globalMoran(x: ArrayLike<number>, w: SpatialWeights): GlobalMoran {
  const all = w.n;
  if (x.length !== all) throw new RangeError(`${x.length} values for ${all} regions`);
  let mean = 0;
  for (let i = 0; i < all; i++) mean += x[i];
  mean /= all;
  const z = new Float64Array(all);
  let zz = 0;
  let z4 = 0;
  for (let i = 0; i < all; i++) {
    z[i] = x[i] - mean;
    zz += z[i] * z[i];
    z4 += z[i] ** 4;
  }
  const lz = spatialLag(w, z);
  let cross = 0;
  for (let i = 0; i < all; i++) cross += z[i] * lz[i];
  const { n, S0, S1, S2 } = weightsConstants(w);
  const K = (all * z4) / (zz * zz);
  const I = (n / S0) * (cross / zz);
  const expectation = -1 / (n - 1);
  const S02 = S0 * S0;
  const nn = n * n;
  const a = n * (S1 * (nn - 3 * n + 3) - n * S2 + 3 * S02);
  const b = K * (S1 * (nn - n) - 2 * n * S2 + 6 * S02);
  const variance = (a - b) / ((n - 1) * (n - 2) * (n - 3) * S02) - expectation * expectation;
  const zScore = (I - expectation) / Math.sqrt(variance);
  return { I, expectation, variance, z: zScore, p: normalTwoSided(zScore), pGreater: normalUpperTail(zScore), n, regions: all };
}

/**
 * Local Moran's I (LISA) as spdep's `localmoran` / `localmoran_perm` with zero.policy = TRUE:
 *   I_i = (z_i / m2) · Σ_j w_ij z_j,  z = x − mean(x),  m2 = Σ z² / n.
 *
 * Pseudo p-values by conditional permutation: for region i, `permutations` times, its
 * |N(i)| neighbour values are replaced by values drawn at random, without replacement, from
 * the other n − 1 regions (i's own value stays), and I_i is recomputed. With k the number of
 * draws whose I_i ≥ the observed one and k' those whose I_i ≤ it, the folded p-value is
 *   p = (min(k, k') + 1) / (permutations + 1).
 * Without ties k' = permutations − k and this is spdep's "Pr(folded) Sim" (GeoDa's and PySAL's
 * p_sim). They count ties in the upper tail only, so an observed value that many draws merely
 * equal looks extreme (a region with z_i = 0 has I_i = 0 in every draw and would get the smallest
 * p); counting ties in both tails gives such regions p = 1 and changes nothing else. Drawing without replacement is the
 * conditional permutation of Anselin (1995), GeoDa and PySAL (spdep: `no_repeat_in_row = TRUE`).
 * spdep's default draws *with* replacement; `withReplacement: true` does the same, which the
 * reference tests use to compare with spdep 1.2. The two differ little unless n is small: with
 * replacement the permuted lags vary slightly more, by the finite-population factor.
 *
 * Quadrants compare z_i and the lag of z with 0 (spdep's "pysal" column): HH, LL, HL (high
 * value, low neighbours), LH; a region is classed only when p < alpha, otherwise `ns`.
 * Islands have no neighbours: lag 0 and I_i 0 as in spdep, p NaN, quadrant `ns`.
 */
import { seededRandom } from './random';
import { spatialLag, type SpatialWeights } from './weights';

export const QUADRANTS = ['ns', 'HH', 'LL', 'HL', 'LH'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export interface LocalMoranOptions {
  /** 999 by default; 0 skips the permutations (p and quadrants then stay NaN / ns). */
  permutations?: number;
  seed?: number;
  /** Significance level for the quadrant classes, 0.05 by default. */
  alpha?: number;
  /** Draw the stand-in neighbour values with replacement, as spdep's default does. */
  withReplacement?: boolean;
}

export interface LocalMoran {
  /** Spatial lag of the values themselves, Σ_j w_ij x_j (0 for an island). */
  lag: Float64Array;
  localI: Float64Array;
  /** Folded permutation p-value; NaN for islands or without permutations. */
  pseudoP: Float64Array;
  /** Index into QUADRANTS. */
  quadrant: Uint8Array;
}

/**
 * Most permutations a run may ask for: 99,999 already resolves p to 1/100,000, and the work grows
 * with regions × permutations (4,294,967,296 ran without end).
 */
export const MAX_PERMUTATIONS = 99_999;

export function localMoran(x: ArrayLike<number>, w: SpatialWeights, options: LocalMoranOptions = {}): LocalMoran {
  const n = w.n;
  if (x.length !== n) throw new RangeError(`${x.length} values for ${n} regions`);
  const permutations = options.permutations ?? 999;
  const alpha = options.alpha ?? 0.05;
  if (!Number.isInteger(permutations) || permutations < 0) throw new RangeError(`permutations must be a non-negative integer, not ${permutations}`);
  if (permutations > MAX_PERMUTATIONS) throw new RangeError(`permutations must be at most ${MAX_PERMUTATIONS.toLocaleString('en')}, not ${permutations.toLocaleString('en')}`);

  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  const z = new Float64Array(n);
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    z[i] = x[i] - mean;
    m2 += z[i] * z[i];
  }
  m2 /= n;
  const lz = spatialLag(w, z);
  const localI = new Float64Array(n);
  for (let i = 0; i < n; i++) localI[i] = (z[i] / m2) * lz[i];

  const pseudoP = new Float64Array(n).fill(NaN);
  // Without variance (all values equal) I_i is 0/0: no region is a cluster or an outlier, so
  // there is nothing to test — a permutation count of 0/0 comparisons would look extreme.
  if (permutations > 0 && n > 1 && m2 > 0) permutationPValues(z, m2, localI, w, permutations, options.seed ?? 1, options.withReplacement ?? false, pseudoP);

  const quadrant = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!(pseudoP[i] < alpha)) continue;
    const high = z[i] > 0;
    const highNeighbours = lz[i] > 0;
    quadrant[i] = high ? (highNeighbours ? 1 : 3) : highNeighbours ? 4 : 2;
  }
  return { lag: spatialLag(w, x), localI, pseudoP, quadrant };
}

function permutationPValues(
  z: Float64Array,
  m2: number,
  localI: Float64Array,
  w: SpatialWeights,
  permutations: number,
  seed: number,
  withReplacement: boolean,
  out: Float64Array,
): void {
  const n = w.n;
  const random = seededRandom(seed);
  const others = n - 1;
  // `pool` holds the n values of z. For region i one copy of z_i is parked in the last slot, so
  // the first n − 1 slots hold exactly the other regions' values; a partial Fisher–Yates shuffle
  // of those draws the stand-ins. Neither the order nor which copy of an equal value is parked
  // matters, so the pool is never restored: any arrangement is a valid starting point.
  const pool = Float64Array.from(z);
  const { offsets, weights } = w;
  for (let i = 0; i < n; i++) {
    const start = offsets[i];
    const k = offsets[i + 1] - start;
    if (k === 0) continue;
    const parked = pool.indexOf(z[i]);
    pool[parked] = pool[others];
    pool[others] = z[i];
    const scale = z[i] / m2;
    const observed = localI[i];
    let atLeast = 0;
    let atMost = 0;
    for (let s = 0; s < permutations; s++) {
      let lag = 0;
      if (withReplacement) {
        for (let t = 0; t < k; t++) lag += weights[start + t] * pool[random.below(others)];
      } else {
        for (let t = 0; t < k; t++) {
          const r = t + random.below(others - t);
          const v = pool[r];
          pool[r] = pool[t];
          pool[t] = v;
          lag += weights[start + t] * v;
        }
      }
      const simulated = scale * lag;
      if (simulated >= observed) atLeast++;
      if (simulated <= observed) atMost++;
    }
    out[i] = (Math.min(atLeast, atMost) + 1) / (permutations + 1);
  }
}

/**
 * Getis–Ord Gi* z-scores, as spdep's `localG(x, nb2listw(include.self(nb), style))`:
 *   z_i = (Σ_j w_ij x_j − W_i x̄) / √( s² (n S1_i − W_i²) / (n − 1) ),
 * with the region itself among its neighbours, W_i = Σ_j w_ij, S1_i = Σ_j w_ij², s² the
 * population variance of x. An island's only "neighbour" is itself, so its z is (x_i − x̄)/s.
 */
import { includeSelf, spatialWeights, type NeighbourList, type WeightsStyle } from './weights';

export function getisOrdGiStar(x: ArrayLike<number>, nb: NeighbourList, style: WeightsStyle = 'W'): Float64Array {
  const n = nb.n;
  if (x.length !== n) throw new RangeError(`${x.length} values for ${n} regions`);
  const w = spatialWeights(includeSelf(nb), style);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - mean) ** 2;
  const s2 = ss / n;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let lag = 0;
    let wi = 0;
    let s1 = 0;
    for (let p = w.offsets[i]; p < w.offsets[i + 1]; p++) {
      const wij = w.weights[p];
      lag += wij * x[w.neighbours[p]];
      wi += wij;
      s1 += wij * wij;
    }
    out[i] = (lag - wi * mean) / Math.sqrt((s2 * (n * s1 - wi * wi)) / (n - 1));
  }
  return out;
}

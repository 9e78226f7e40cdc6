/**
 * Spatial weights in compressed sparse rows (CSR): the neighbours of region i are
 * `neighbours[offsets[i] .. offsets[i + 1])`, ascending, with their weights at the same positions.
 * Typed arrays so that a weights matrix crosses a worker boundary without copying.
 */

/** W: each row sums to 1 (spdep's default); B: every link weighs 1. */
export type WeightsStyle = 'W' | 'B';

export interface NeighbourList {
  n: number;
  /** Length n + 1. */
  offsets: Int32Array;
  /** Region indices, ascending within each row, never the row itself. */
  neighbours: Int32Array;
}

export interface SpatialWeights extends NeighbourList {
  style: WeightsStyle;
  /** Same length as neighbours. */
  weights: Float64Array;
}

/** Builds a CSR list from one index array per region; sorts rows and drops duplicates and self-links. */
export function neighbourListFromRows(rows: ArrayLike<number>[]): NeighbourList {
  const n = rows.length;
  const offsets = new Int32Array(n + 1);
  const sorted: Int32Array[] = rows.map((row, i) => {
    const a = Int32Array.from(row).sort();
    let k = 0;
    for (let j = 0; j < a.length; j++) {
      const v = a[j];
      if (v < 0 || v >= n || !Number.isInteger(v)) throw new RangeError(`neighbour index ${v} of region ${i} is not in 0..${n - 1}`);
      if (v === i || (k > 0 && a[k - 1] === v)) continue;
      a[k++] = v;
    }
    return a.subarray(0, k);
  });
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + sorted[i].length;
  const neighbours = new Int32Array(offsets[n]);
  for (let i = 0; i < n; i++) neighbours.set(sorted[i], offsets[i]);
  return { n, offsets, neighbours };
}

/** Builds a symmetric CSR list from unordered pairs (i, j), i ≠ j, each given once or more. */
export function neighbourListFromPairs(n: number, first: Int32Array, second: Int32Array, count = first.length): NeighbourList {
  const degree = new Int32Array(n);
  for (let p = 0; p < count; p++) {
    degree[first[p]]++;
    degree[second[p]]++;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i];
  const neighbours = new Int32Array(offsets[n]);
  const fill = offsets.slice(0, n);
  for (let p = 0; p < count; p++) {
    neighbours[fill[first[p]]++] = second[p];
    neighbours[fill[second[p]]++] = first[p];
  }
  const rows: Int32Array[] = [];
  for (let i = 0; i < n; i++) rows.push(neighbours.subarray(offsets[i], offsets[i + 1]));
  return neighbourListFromRows(rows);
}

export function cardinality(nb: NeighbourList, i: number): number {
  return nb.offsets[i + 1] - nb.offsets[i];
}

/** Regions without neighbours ("islands"), which spdep keeps with zero.policy = TRUE. */
export function islands(nb: NeighbourList): number[] {
  const out: number[] = [];
  for (let i = 0; i < nb.n; i++) if (nb.offsets[i + 1] === nb.offsets[i]) out.push(i);
  return out;
}

export function linkCount(nb: NeighbourList): number {
  return nb.offsets[nb.n];
}

/** True when j is a neighbour of i (binary search in i's sorted row). */
export function hasLink(nb: NeighbourList, i: number, j: number): boolean {
  return linkPosition(nb, i, j) >= 0;
}

/** Position of j in i's row, or -1. */
export function linkPosition(nb: NeighbourList, i: number, j: number): number {
  let lo = nb.offsets[i];
  let hi = nb.offsets[i + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = nb.neighbours[mid];
    if (v === j) return mid;
    if (v < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Links i → j whose reverse j → i is missing (k-nearest lists and hand-made lists are often asymmetric). */
export function asymmetricLinks(nb: NeighbourList): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < nb.n; i++) {
    for (let p = nb.offsets[i]; p < nb.offsets[i + 1]; p++) {
      const j = nb.neighbours[p];
      if (!hasLink(nb, j, i)) out.push([i, j]);
    }
  }
  return out;
}

/** Weights for a neighbour list; islands keep an empty row (spdep's zero.policy = TRUE). */
export function spatialWeights(nb: NeighbourList, style: WeightsStyle = 'W'): SpatialWeights {
  const weights = new Float64Array(nb.neighbours.length);
  for (let i = 0; i < nb.n; i++) {
    const start = nb.offsets[i];
    const end = nb.offsets[i + 1];
    const w = style === 'W' ? 1 / (end - start) : 1;
    weights.fill(w, start, end);
  }
  return { ...nb, style, weights };
}

/**
 * Adds each region to its own neighbours, as spdep's include.self() before localG gives Gi*.
 * Unlike the other lists this one is not self-free; an island becomes a row holding only itself.
 */
export function includeSelf(nb: NeighbourList): NeighbourList {
  const offsets = new Int32Array(nb.n + 1);
  const neighbours = new Int32Array(nb.neighbours.length + nb.n);
  let k = 0;
  for (let i = 0; i < nb.n; i++) {
    let placed = false;
    for (let p = nb.offsets[i]; p < nb.offsets[i + 1]; p++) {
      const j = nb.neighbours[p];
      if (!placed && j > i) {
        neighbours[k++] = i;
        placed = true;
      }
      neighbours[k++] = j;
    }
    if (!placed) neighbours[k++] = i;
    offsets[i + 1] = k;
  }
  return { n: nb.n, offsets, neighbours };
}

/** Σ_j w_ij x_j per region; 0 for an island (zero.policy = TRUE). */
export function spatialLag(w: SpatialWeights, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(w.n);
  for (let i = 0; i < w.n; i++) {
    let s = 0;
    for (let p = w.offsets[i]; p < w.offsets[i + 1]; p++) s += w.weights[p] * x[w.neighbours[p]];
    out[i] = s;
  }
  return out;
}

/** Keeps the regions where `keep[i]` is true, renumbered in order; links to dropped regions go. */
export function subsetNeighbourList(nb: NeighbourList, keep: ArrayLike<boolean>): { list: NeighbourList; kept: Int32Array } {
  const newIndex = new Int32Array(nb.n).fill(-1);
  const kept: number[] = [];
  for (let i = 0; i < nb.n; i++) if (keep[i]) newIndex[i] = kept.push(i) - 1;
  const rows = kept.map((i) => {
    const row: number[] = [];
    for (let p = nb.offsets[i]; p < nb.offsets[i + 1]; p++) {
      const j = newIndex[nb.neighbours[p]];
      if (j >= 0) row.push(j);
    }
    return row;
  });
  return { list: neighbourListFromRows(rows), kept: Int32Array.from(kept) };
}

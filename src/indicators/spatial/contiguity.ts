/**
 * Polygon contiguity exactly as spdep's poly2nb: two regions are neighbours when enough of
 * their vertices coincide within `snap` (Euclidean distance in coordinate units):
 *  - queen: at least one pair of vertices (a shared point);
 *  - rook: at least two pairs. spdep counts vertex *pairs*, not shared segments, so two regions
 *    touching at two separate points are rook neighbours too, and a point listed twice in one
 *    region (see flattenForContiguity) counts twice. On real boundaries this is the shared-edge
 *    rule; we follow spdep so that neighbour sets are identical, not merely similar.
 *
 * Instead of spdep's pairwise vertex loops over bounding-box candidates, vertices are hashed
 * into square cells much larger than `snap`: a vertex is compared with the vertices of its own
 * cell and, only when it lies within `snap` of a cell edge, with those of the adjacent cells.
 * The final test is spdep's (|dx| ≤ snap, |dy| ≤ snap, hypot ≤ snap), so results are identical.
 */
import { flattenForContiguity, type PolygonalGeometry } from './polygons';
import { neighbourListFromPairs, type NeighbourList } from './weights';

/** spdep's default: sqrt(.Machine$double.eps). */
export const DEFAULT_SNAP = Math.sqrt(Number.EPSILON);

export type ContiguityKind = 'queen' | 'rook';

export interface ContiguityOptions {
  snap?: number;
}

export function contiguityNeighbours(
  geometries: ReadonlyArray<PolygonalGeometry | null | undefined>,
  kind: ContiguityKind,
  options: ContiguityOptions = {},
): NeighbourList {
  return contiguityFromVertices(antimeridianFolded(flattenForContiguity(geometries), options.snap ?? DEFAULT_SNAP), kind, options);
}

/** Both lists from one pass, since the vertex-pair counts serve both criteria. */
export function queenAndRookNeighbours(
  geometries: ReadonlyArray<PolygonalGeometry | null | undefined>,
  options: ContiguityOptions = {},
): { queen: NeighbourList; rook: NeighbourList } {
  const snap = options.snap ?? DEFAULT_SNAP;
  const pairs = vertexPairCounts(antimeridianFolded(flattenForContiguity(geometries), snap), snap);
  return { queen: pairsToList(pairs, 1), rook: pairsToList(pairs, 2) };
}

/**
 * Longitude −180 and 180 are one meridian: regions cut there (Chukotka and its eastern part,
 * the Aleutians) share an edge that spdep, comparing plain numbers, does not see. Vertices on
 * −180 (within snap) are moved to 180 so that they meet their counterparts; no other vertex moves,
 * so everywhere else the neighbours stay spdep's.
 */
function antimeridianFolded<T extends { x: Float64Array }>(vertices: T, snap: number): T {
  const { x } = vertices;
  for (let v = 0; v < x.length; v++) if (Math.abs(x[v] + 180) <= snap) x[v] += 360;
  return vertices;
}

function contiguityFromVertices(vertices: ReturnType<typeof flattenForContiguity>, kind: ContiguityKind, options: ContiguityOptions): NeighbourList {
  const pairs = vertexPairCounts(vertices, options.snap ?? DEFAULT_SNAP);
  return pairsToList(pairs, kind === 'queen' ? 1 : 2);
}

interface PairCounts {
  n: number;
  first: Int32Array;
  second: Int32Array;
  /** Matched vertex pairs, capped at 2 (all either criterion needs). */
  count: Uint8Array;
  length: number;
}

function pairsToList(pairs: PairCounts, atLeast: number): NeighbourList {
  const first = new Int32Array(pairs.length);
  const second = new Int32Array(pairs.length);
  let k = 0;
  for (let p = 0; p < pairs.length; p++) {
    if (pairs.count[p] >= atLeast) {
      first[k] = pairs.first[p];
      second[k] = pairs.second[p];
      k++;
    }
  }
  return neighbourListFromPairs(pairs.n, first, second, k);
}

/** Cells this many times wider than snap: few vertices lie near a cell edge, and cells stay sparse. */
const CELL_FACTOR = 1024;
/** Widens the edge test a hair so that rounding in x ± snap never hides an adjacent cell. */
const EDGE_MARGIN = 1 + 1e-6;

function vertexPairCounts({ x, y, start }: ReturnType<typeof flattenForContiguity>, snap: number): PairCounts {
  const n = start.length - 1;
  const total = x.length;
  if (!(snap >= 0)) throw new RangeError(`snap must be a non-negative number, not ${snap}`);
  const cell = snap > 0 ? snap * CELL_FACTOR : 1;
  const reach = snap * EDGE_MARGIN;

  // Open-addressing table of occupied cells; each holds a chain of its vertices.
  let size = 1024;
  while (size < total * 2) size *= 2;
  const mask = size - 1;
  const cellX = new Float64Array(size);
  const cellY = new Float64Array(size);
  const head = new Int32Array(size).fill(-1);
  const next = new Int32Array(total);
  const vertexCellX = new Float64Array(total);
  const vertexCellY = new Float64Array(total);

  const slotOf = (cx: number, cy: number): number => {
    let h = mix(cx, cy) & mask;
    while (head[h] !== -1 && (cellX[h] !== cx || cellY[h] !== cy)) h = (h + 1) & mask;
    return h;
  };

  for (let v = 0; v < total; v++) {
    const cx = Math.floor(x[v] / cell);
    const cy = Math.floor(y[v] / cell);
    vertexCellX[v] = cx;
    vertexCellY[v] = cy;
    const h = slotOf(cx, cy);
    if (head[h] === -1) {
      cellX[h] = cx;
      cellY[h] = cy;
    }
    next[v] = head[h];
    head[h] = v;
  }

  const featureOf = new Int32Array(total);
  for (let f = 0; f < n; f++) featureOf.fill(f, start[f], start[f + 1]);

  // Per feature f, counts against each later feature g in a scratch row reset after f.
  const scratch = new Uint8Array(n);
  const touched: number[] = [];
  let first = new Int32Array(1024);
  let second = new Int32Array(1024);
  let count = new Uint8Array(1024);
  let length = 0;

  const visitCell = (cx: number, cy: number, f: number, vx: number, vy: number) => {
    let h = mix(cx, cy) & mask;
    while (head[h] !== -1 && (cellX[h] !== cx || cellY[h] !== cy)) h = (h + 1) & mask;
    for (let w = head[h]; w !== -1; w = next[w]) {
      const g = featureOf[w];
      if (g <= f || scratch[g] >= 2) continue;
      const dx = vx - x[w];
      if (Math.abs(dx) > snap) continue;
      const dy = vy - y[w];
      if (Math.abs(dy) > snap) continue;
      if (Math.hypot(dx, dy) <= snap) {
        if (scratch[g] === 0) touched.push(g);
        scratch[g]++;
      }
    }
  };

  for (let f = 0; f < n; f++) {
    for (let v = start[f]; v < start[f + 1]; v++) {
      const vx = x[v];
      const vy = y[v];
      const cx = vertexCellX[v];
      const cy = vertexCellY[v];
      const x0 = Math.min(cx, Math.floor((vx - reach) / cell));
      const x1 = Math.max(cx, Math.floor((vx + reach) / cell));
      const y0 = Math.min(cy, Math.floor((vy - reach) / cell));
      const y1 = Math.max(cy, Math.floor((vy + reach) / cell));
      for (let i = x0; i <= x1; i++) for (let j = y0; j <= y1; j++) visitCell(i, j, f, vx, vy);
    }
    for (const g of touched) {
      if (length === first.length) {
        first = grow(first);
        second = grow(second);
        const c = new Uint8Array(count.length * 2);
        c.set(count);
        count = c;
      }
      first[length] = f;
      second[length] = g;
      count[length] = scratch[g];
      length++;
      scratch[g] = 0;
    }
    touched.length = 0;
  }
  return { n, first, second, count, length };
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Hash of two integral doubles (cell coordinates may exceed 32 bits for projected data). */
function mix(cx: number, cy: number): number {
  let h = Math.imul(cx | 0, 0x9e3779b1) ^ Math.imul((cx / 4294967296) | 0, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ Math.imul(cy | 0, 0xc2b2ae3d) ^ Math.imul((cy / 4294967296) | 0, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

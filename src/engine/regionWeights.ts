/**
 * Spatial weights of a dataset's regions, built once when the dataset loads: queen contiguity of
 * the map's polygons (spdep's poly2nb default), restricted to the regions that have data, in the
 * cube's region order. Each statistic then runs on the regions whose value is defined: the list
 * is cut down to them (links to regions without a value dropped) and row-standardised (W). Those
 * subsets are cached by their mask, since every category of a year usually shares one.
 */
import type { Region } from '../model/dataset';
import type { Boundaries } from '../io/boundaries';
import {
  contiguityNeighbours,
  islands,
  neighbourListFromRows,
  spatialWeights,
  subsetNeighbourList,
  type NeighbourList,
  type PolygonalGeometry,
  type SpatialWeights,
} from '../indicators/spatial';

/** What the page is told about the weights (shown with the spatial modes and the methodology). */
export interface WeightsSummary {
  kind: 'queen';
  style: 'W';
  /** Regions with data that are on the map (the ones that can take part). */
  regions: number;
  /** Directed links between them (each neighbour pair counts twice). */
  links: number;
  /** Ids of regions with data on the map but without any neighbour with data ("islands"). */
  islands: string[];
  buildMs: number;
}

export interface RegionWeights {
  /** Over all cube regions; a region not on the map has no links. */
  list: NeighbourList;
  /** 1 where the cube region has a polygon on the map. */
  onMap: Uint8Array;
  summary: WeightsSummary;
}

export interface MapGeometry {
  /** Region id of each map feature (the manifest's id property). */
  ids: string[];
  geometries: ReadonlyArray<PolygonalGeometry | null | undefined>;
}

export function buildRegionWeights(regions: readonly Region[], map: MapGeometry): RegionWeights {
  const started = performance.now();
  const features = contiguityNeighbours(map.geometries, 'queen');
  const regionOf = new Map(regions.map((r, i) => [r.id, i]));
  const featureRegion = Int32Array.from(map.ids, (id) => regionOf.get(id) ?? -1);
  const featureOf = new Int32Array(regions.length).fill(-1);
  featureRegion.forEach((r, f) => {
    if (r >= 0) featureOf[r] = f;
  });
  const onMap = Uint8Array.from(featureOf, (f) => (f >= 0 ? 1 : 0));
  const rows = Array.from(featureOf, (f) => {
    if (f < 0) return [];
    const row: number[] = [];
    for (let p = features.offsets[f]; p < features.offsets[f + 1]; p++) {
      const r = featureRegion[features.neighbours[p]];
      if (r >= 0) row.push(r);
    }
    return row;
  });
  const list = neighbourListFromRows(rows);
  const isolated = islands(list).filter((r) => onMap[r] === 1);
  return {
    list,
    onMap,
    summary: {
      kind: 'queen',
      style: 'W',
      regions: onMap.reduce((a, b) => a + b, 0),
      links: list.neighbours.length,
      islands: isolated.map((r) => regions[r].id),
      buildMs: performance.now() - started,
    },
  };
}

/** Row-standardised weights over the regions that take part, and where they sit in the cube. */
export interface WeightsSubset {
  /** Cube region index of each participating region, ascending. */
  kept: Int32Array;
  weights: SpatialWeights;
  /** Participating regions without a participating neighbour. */
  islands: number;
}

/** Subsets by participation mask; a handful of masks cover a dataset, so a small cache does. */
export class WeightsSubsets {
  private readonly cache: { mask: Uint8Array; subset: WeightsSubset }[] = [];

  constructor(
    private readonly base: RegionWeights,
    private readonly capacity = 4,
  ) {}

  /** The regions on the map whose value is a finite number. */
  forValues(values: ArrayLike<number>): WeightsSubset {
    const { onMap } = this.base;
    const mask = new Uint8Array(onMap.length);
    for (let r = 0; r < mask.length; r++) mask[r] = onMap[r] === 1 && Number.isFinite(values[r]) ? 1 : 0;
    return this.forMask(mask);
  }

  forMask(mask: Uint8Array): WeightsSubset {
    const hit = this.cache.findIndex((entry) => sameMask(entry.mask, mask));
    if (hit >= 0) {
      const [entry] = this.cache.splice(hit, 1);
      this.cache.unshift(entry);
      return entry.subset;
    }
    const { list, kept } = subsetNeighbourList(this.base.list, Array.from(mask, (m) => m === 1));
    const subset: WeightsSubset = { kept, weights: spatialWeights(list, 'W'), islands: islands(list).length };
    this.cache.unshift({ mask, subset });
    if (this.cache.length > this.capacity) this.cache.pop();
    return subset;
  }
}

function sameMask(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The ids (as the boundary reader read them: trimmed text) and geometries of the map's features, in file order. */
export function mapGeometryOf(boundaries: Pick<Boundaries, 'regions' | 'collection'>): MapGeometry {
  return { ids: boundaries.regions.map((r) => r.id), geometries: boundaries.collection.features.map((f) => f.geometry ?? null) };
}

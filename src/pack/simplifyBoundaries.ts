/**
 * Region boundaries made small enough to load fast, without opening gaps between neighbours:
 *
 *   features → topology (shared borders become one arc, topojson-server)
 *            → Visvalingam weights on the sphere (topojson-simplify), every region's outer rings
 *              protected so that no region and no island disappears
 *            → points under the weight threshold removed, per arc, so both sides of a border
 *              lose the same points
 *            → quantised to an integer grid (topojson-client)
 *            → decoded to GeoJSON, regions across ±180° unwrapped, coordinates rounded to the
 *              grid's precision, rings that collapsed to nothing dropped (and counted).
 *
 * The app hands `regions.geojson` to MapLibre by URL; the quantised topology can be written
 * beside it for other tools.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';
import { topology as buildTopology } from 'topojson-server';
import { planarTriangleArea, presimplify, quantile, simplify, sphericalRingArea, type Triangle } from 'topojson-simplify';
import { feature as decode, quantize } from 'topojson-client';
import { unwrapCollection } from '../io/antimeridian';

type Polygonal = Polygon | MultiPolygon;
export type PackedFeature = Feature<Polygonal, Record<string, string>>;

export interface SimplifyOptions {
  /** Vertices whose effective triangle (Visvalingam) is smaller than this many km² go. */
  minAreaKm2?: number;
  /** Instead: the share (0–1) of removable vertices to keep, largest triangles first. */
  keep?: number;
  /** At least this many grid steps across the bounding box (topojson's quantisation); default 1e5. */
  quantization?: number;
}

export interface RegionShape {
  id: string;
  name: string;
  geometry: Polygonal;
  /** Further properties kept in the packed feature (e.g. a Latin-script name). */
  extra?: Record<string, string>;
}

export interface SimplifyStats {
  regions: number;
  pointsBefore: number;
  pointsAfter: number;
  /** The threshold applied, in km² (also when given as `keep`). */
  minAreaKm2: number;
  /** How the threshold was chosen, for the report. */
  threshold: string;
  quantization: number;
  /** Decimal places of longitudes and latitudes: the grid is 10^-decimals degrees. */
  decimals: [number, number];
  /** Holes and islands that shrank below the grid and were dropped (never a whole region). */
  droppedRings: number;
  /** Regions moved to one side of ±180° so they draw as one shape. */
  unwrapped: string[];
  /** Regions that have no area in the input itself: kept as they are (they cannot be drawn). */
  withoutArea: string[];
}

export interface PackedBoundaries {
  geojson: FeatureCollection<Polygonal, Record<string, string>>;
  /** Quantised, with longitudes as in the source (not unwrapped). */
  topology: Topology;
  stats: SimplifyStats;
}

const EARTH_RADIUS_KM = 6371.0088;
const STERADIAN_KM2 = EARTH_RADIUS_KM * EARTH_RADIUS_KM;
export const DEFAULT_QUANTIZATION = 1e5;
/**
 * Default threshold: this share of the median region's area. Zoomed in until a median region
 * fills a 300-pixel view (90,000 px²), a removed triangle is at most 9 px², about 3 pixels
 * across; at the scale of the whole map nothing visible changes. Already generalised files
 * (us-atlas, GISCO 1:60M) lose almost nothing; detailed ones (OSM) lose most of their points.
 */
export const DEFAULT_AREA_SHARE = 1e-4;
const OBJECT = 'regions';

/**
 * Simplifies and quantises the regions; `idKey`/`nameKey` are the property names the packed
 * features carry (the only properties kept).
 */
export function simplifyBoundaries(regions: readonly RegionShape[], idKey: string, nameKey: string, options: SimplifyOptions = {}): PackedBoundaries {
  const collection: FeatureCollection<Polygonal, Record<string, string>> = {
    type: 'FeatureCollection',
    // The id last: when one property serves as id and name, the id is what must survive.
    features: regions.map((r) => ({ type: 'Feature', properties: { [nameKey]: r.name, ...r.extra, [idKey]: r.id }, geometry: r.geometry })),
  };
  const pointsBefore = countPositions(collection.features);
  const sourceArea = regions.map((r) => polygonsOf(r.geometry).map((polygon) => polygon.map((ring) => ringArea(ring) !== 0)));
  const topo = buildTopology({ [OBJECT]: collection }) as unknown as Topology<{ [OBJECT]: GeometryCollection }>;
  const weighted = presimplify(topo, groundTriangleArea);

  let minWeight: number;
  let threshold: string;
  if (options.keep !== undefined) {
    // quantile() over all removable vertices, largest weight first: keep = 0.2 keeps the top 20 %.
    minWeight = options.keep >= 1 ? 0 : quantile(weighted, options.keep) || 0;
    threshold = `${Math.round(options.keep * 100)} % of removable points kept`;
  } else if (options.minAreaKm2 !== undefined) {
    minWeight = options.minAreaKm2 / STERADIAN_KM2;
    threshold = 'as given';
  } else {
    const median = medianAreaKm2(regions);
    minWeight = (median * DEFAULT_AREA_SHARE) / STERADIAN_KM2;
    threshold = `${DEFAULT_AREA_SHARE} of the median region's ${formatArea(median)}`;
  }
  protectOuterRings(weighted, minWeight);
  const simplified = simplify(weighted, minWeight);

  // A coarser grid can still fold a small protected island onto a line; a finer one then keeps it.
  let quantization = options.quantization ?? DEFAULT_QUANTIZATION;
  for (;;) {
    const grid = decimalGrid(simplified.bbox!, quantization);
    const quantized = quantize(simplified, grid.transform) as Topology<{ [OBJECT]: GeometryCollection }>;
    const { decimals } = grid;
    const decoded = decode(quantized, quantized.objects[OBJECT]) as FeatureCollection<Polygonal, Record<string, string>>;
    const { collection: unwrapped, changed } = unwrapCollection(decoded);
    const cleaned = cleanFeatures(unwrapped.features as PackedFeature[], decimals, sourceArea);
    if (cleaned.collapsed === undefined || Math.min(...decimals) >= MAX_DECIMALS) {
      if (cleaned.collapsed !== undefined) {
        throw new Error(`region ${regions[cleaned.collapsed].id} collapses to nothing even on a grid of ${10 ** -MAX_DECIMALS}°`);
      }
      const geojson = { type: 'FeatureCollection' as const, features: cleaned.features };
      return {
        geojson,
        topology: quantized,
        stats: {
          regions: regions.length,
          pointsBefore,
          pointsAfter: countPositions(geojson.features),
          minAreaKm2: minWeight * STERADIAN_KM2,
          threshold,
          quantization,
          decimals,
          droppedRings: cleaned.droppedRings,
          unwrapped: changed.map((i) => regions[i].id),
          withoutArea: regions.filter((_, i) => !sourceArea[i].some((polygon) => polygon[0])).map((r) => r.id),
        },
      };
    }
    quantization *= 10;
  }
}

/**
 * Gives each region's outer rings at least three vertices above the threshold: Visvalingam keeps
 * only arc endpoints otherwise, and an island made of one closed arc would shrink to a point.
 * The protected vertices are the ring's most significant ones (largest weights), and since they
 * live on shared arcs, a neighbour sharing them keeps them too.
 */
function protectOuterRings(topology: Topology<{ [OBJECT]: GeometryCollection }>, minWeight: number): void {
  const arcs = topology.arcs as unknown as number[][][];
  for (const g of topology.objects[OBJECT].geometries) {
    const polygons = g.type === 'Polygon' ? [(g as TopoPolygon).arcs] : g.type === 'MultiPolygon' ? (g as TopoMultiPolygon).arcs : [];
    for (const polygon of polygons) {
      const kept = new Set<string>();
      const candidates: number[][] = [];
      for (const index of polygon[0]) {
        for (const p of arcs[index < 0 ? ~index : index]) {
          if (p[2] >= minWeight) kept.add(`${p[0]},${p[1]}`);
          else candidates.push(p);
        }
      }
      candidates.sort((a, b) => b[2] - a[2]);
      for (const p of candidates) {
        if (kept.size >= 3) break;
        const key = `${p[0]},${p[1]}`;
        if (kept.has(key)) continue;
        p[2] = Infinity;
        kept.add(key);
      }
    }
  }
}

/**
 * Visvalingam's weight as the triangle's area on the ground (steradians), measured in longitude
 * and latitude: a run of points along a parallel is a straight line on the app's Web Mercator map
 * and weighs nothing here, where on the sphere it would bow away from the great circle.
 */
function groundTriangleArea(t: Triangle): number {
  const latitude = ((t[0][1] + t[1][1] + t[2][1]) / 3) * RADIANS;
  return planarTriangleArea(t) * RADIANS * RADIANS * Math.cos(latitude);
}

const RADIANS = Math.PI / 180;
const MAX_DECIMALS = 7;

/**
 * A quantisation grid of round decimal degrees, with at least `steps` steps across each side of
 * the bounding box: topojson's default grid divides the box into exactly `steps` parts and so
 * moves a corner at 11° to 11.000007°, while on a decimal grid coordinates the source gave at
 * that precision stay exactly as they were, and the GeoJSON needs no more digits than the grid.
 */
function decimalGrid(bbox: readonly number[], steps: number): { transform: { scale: [number, number]; translate: [number, number] }; decimals: [number, number] } {
  const axis = (lo: number, hi: number) => {
    const decimals = Math.min(MAX_DECIMALS, Math.max(0, Math.ceil(Math.log10(steps / Math.max(hi - lo, 1e-9)))));
    const step = 10 ** -decimals;
    return { decimals, step, origin: Math.floor(lo / step) * step };
  };
  const x = axis(bbox[0], bbox[2]);
  const y = axis(bbox[1], bbox[3]);
  return { transform: { scale: [x.step, y.step], translate: [x.origin, y.origin] }, decimals: [x.decimals, y.decimals] };
}

/**
 * Rounds coordinates and drops rings that simplification or the grid left without area (holes
 * and islands smaller than a grid cell). Rings that had no area in the source already are kept as
 * they were: they draw nothing either way, but they can be what makes two regions touch (us-atlas
 * joins San Francisco to Alameda by such a sliver). A region left with no polygon is reported by
 * its index so the caller can refine the grid. The topology keeps the source's rings one for one.
 */
function cleanFeatures(
  features: PackedFeature[],
  decimals: [number, number],
  sourceArea: readonly boolean[][][],
): { features: PackedFeature[]; droppedRings: number; collapsed?: number } {
  const [sx, sy] = decimals.map((d) => 10 ** d);
  const round = (p: Position): Position => [Math.round(p[0] * sx) / sx, Math.round(p[1] * sy) / sy];
  let droppedRings = 0;
  const out: PackedFeature[] = [];
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    const hadArea = sourceArea[i];
    const kept: Position[][][] = [];
    let keptArea = false;
    polygonsOf(f.geometry).forEach((polygon, j) => {
      const keepRing = (ring: Position[], k: number) => (hadArea[j][k] ? roundRing(ring, round) : padRing(ring.map(round)));
      const outer = keepRing(polygon[0], 0);
      if (!outer) {
        // A polygon whose outer ring went loses its holes with it.
        droppedRings += polygon.length;
        return;
      }
      const rings = [outer];
      polygon.slice(1).forEach((hole, k) => {
        const rounded = keepRing(hole, k + 1);
        if (rounded) rings.push(rounded);
        else droppedRings++;
      });
      kept.push(rings);
      keptArea ||= hadArea[j][0];
    });
    if (!keptArea && hadArea.some((polygon) => polygon[0])) return { features: out, droppedRings, collapsed: i };
    const geometry: Polygonal = kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
    out.push({ type: 'Feature', properties: f.properties, geometry });
  }
  return { features: out, droppedRings };
}

function roundRing(ring: Position[], round: (p: Position) => Position): Position[] | undefined {
  const out: Position[] = [];
  for (const p of ring) {
    const q = round(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  if (out.length < 4 || out[0][0] !== out[out.length - 1][0] || out[0][1] !== out[out.length - 1][1]) return undefined;
  return ringArea(out) === 0 ? undefined : out;
}

/** Twice the planar signed area (shoelace); 0 for a ring that encloses nothing. */
function ringArea(ring: Position[]): number {
  let twiceArea = 0;
  for (let k = 1; k < ring.length; k++) twiceArea += ring[k - 1][0] * ring[k][1] - ring[k][0] * ring[k - 1][1];
  return twiceArea;
}

/** A source ring without area, rounded and kept as it was (padded to the four positions a ring needs). */
function padRing(ring: Position[]): Position[] {
  const out = ring.slice();
  while (out.length < 4) out.push(out[0]);
  return out;
}

function polygonsOf(g: Polygonal): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function countPositions(features: readonly Feature<Polygonal>[]): number {
  let n = 0;
  for (const f of features) {
    const polygons = polygonsOf(f.geometry);
    for (const polygon of polygons) for (const ring of polygon) n += ring.length;
  }
  return n;
}

/** Area of a region on the sphere, whatever the winding of its rings. */
export function regionAreaKm2(geometry: Polygonal): number {
  let total = 0;
  for (const polygon of polygonsOf(geometry)) {
    polygon.forEach((ring, r) => {
      const a = sphericalRingArea(ring as [number, number][], false);
      // Winding decides which side of the ring is "inside"; the smaller side is the region.
      const area = Math.min(a, 4 * Math.PI - a) * STERADIAN_KM2;
      total += r === 0 ? area : -area;
    });
  }
  return Math.max(0, total);
}

function medianAreaKm2(regions: readonly RegionShape[]): number {
  const areas = regions.map((r) => regionAreaKm2(r.geometry)).sort((a, b) => a - b);
  const mid = areas.length >> 1;
  return areas.length % 2 === 1 ? areas[mid] : (areas[mid - 1] + areas[mid]) / 2;
}

export function formatArea(km2: number): string {
  return km2 >= 100 ? `${Math.round(km2).toLocaleString('en')} km²` : `${Number(km2.toPrecision(2))} km²`;
}

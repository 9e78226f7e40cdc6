/**
 * Where each map region is, for keyboard navigation and for flying the map to a region: a label
 * point inside the region and its bounding box. Computed once in the worker from the boundaries
 * it already parsed, so the page never parses geometry itself.
 *
 * Label point: the area centroid of the region's largest part (islands and exclaves would pull a
 * whole-region centroid into the sea); when that centroid falls outside the part (a crescent, a
 * U-shaped county), the midpoint of the widest inside stretch of the horizontal line through it.
 *
 * Area (of that largest part, in km², from degrees scaled by the cosine of the latitude): the room
 * a place name has, by which the map chooses which names to show first.
 */
import type { Position } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { FEATURE_ID } from '../io/boundaries';
import { planarSummary, polygonsOf, type PolygonalGeometry } from '../indicators/spatial';
import { packOutlines, type RegionOutlines } from './regionOutlines';

export interface RegionPlaces {
  /** Feature ids in the file's order. */
  ids: string[];
  /** Per feature: longitude, latitude of its label point. */
  labels: Float64Array;
  /** Per feature: west, south, east, north. */
  bounds: Float64Array;
  /** Per feature: area of the part the label point is on, km² (approximate: for ranking place names). */
  areas?: Float64Array;
  /** Per feature: its name in Latin script, when the dataset names a property for it ("" where a feature has none). */
  latinNames?: string[];
  /** Per feature: its rings, for outlining a marked region on the map. */
  outlines?: RegionOutlines;
}

/** Kilometres in a degree of latitude (and of longitude at the equator). */
const KM_PER_DEGREE = 111.32;

/** `idProperty` FEATURE_ID ("@id") reads each feature's own `id`, as the boundary reader leaves it. */
export function regionPlaces(geojson: unknown, idProperty: string, latinProperty?: string): RegionPlaces {
  const features = (geojson as { features: { id?: unknown; properties?: Record<string, unknown> | null; geometry: PolygonalGeometry }[] }).features;
  const ids: string[] = [];
  const labels = new Float64Array(features.length * 2);
  const bounds = new Float64Array(features.length * 4);
  const areas = new Float64Array(features.length);
  const shapes: Position[][][][] = [];
  features.forEach((feature, i) => {
    ids.push(String(idProperty === FEATURE_ID ? feature.id : feature.properties?.[idProperty]));
    const parts = polygonsOf(feature.geometry, i);
    shapes.push(parts);
    const [x, y, area] = labelPoint(parts, i);
    labels[2 * i] = x;
    labels[2 * i + 1] = y;
    areas[i] = area * Math.cos((y * Math.PI) / 180) * KM_PER_DEGREE ** 2;
    bounds.set(extent(parts), 4 * i);
  });
  const places: RegionPlaces = { ids, labels, bounds, areas, outlines: packOutlines(shapes) };
  if (latinProperty !== undefined) {
    places.latinNames = features.map((f) => {
      const name = f.properties?.[latinProperty];
      return typeof name === 'string' ? name.trim() : name === undefined || name === null ? '' : String(name);
    });
  }
  return places;
}

/** The label point and the planar area (degrees²) of the largest part. */
function labelPoint(parts: Position[][][], feature: number): [number, number, number] {
  let largest = parts[0];
  let largestArea = -1;
  for (const rings of parts) {
    const { area } = planarSummary({ type: 'Polygon', coordinates: rings }, feature);
    if (area > largestArea) {
      largestArea = area;
      largest = rings;
    }
  }
  const c = planarSummary({ type: 'Polygon', coordinates: largest }, feature);
  const area = Math.max(0, largestArea);
  if (booleanPointInPolygon([c.x, c.y], { type: 'Polygon', coordinates: largest })) return [c.x, c.y, area];
  return [...(widestStretch(largest, c.y) ?? [c.x, c.y]), area];
}

/** Midpoint of the longest inside segment of the line at latitude y, or undefined if it misses. */
function widestStretch(rings: Position[][], y: number): [number, number] | undefined {
  const crossings: number[] = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y) crossings.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
  }
  crossings.sort((a, b) => a - b);
  let best: [number, number] | undefined;
  let width = 0;
  for (let k = 0; k + 1 < crossings.length; k += 2) {
    if (crossings[k + 1] - crossings[k] > width) {
      width = crossings[k + 1] - crossings[k];
      best = [(crossings[k] + crossings[k + 1]) / 2, y];
    }
  }
  return best;
}

function extent(parts: Position[][][]): [number, number, number, number] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const rings of parts) {
    for (const p of rings[0]) {
      if (p[0] < west) west = p[0];
      if (p[0] > east) east = p[0];
      if (p[1] < south) south = p[1];
      if (p[1] > north) north = p[1];
    }
  }
  return [west, south, east, north];
}

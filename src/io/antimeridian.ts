import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

type Polygonal = Polygon | MultiPolygon;

function polygonsOf(g: Polygonal): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Smallest and largest longitude of a polygonal geometry. */
export function longitudeRange(g: Polygonal): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const polygon of polygonsOf(g)) {
    for (const ring of polygon) {
      for (const p of ring) {
        if (p[0] < min) min = p[0];
        if (p[0] > max) max = p[0];
      }
    }
  }
  return [min, max];
}

const shiftPosition = (p: Position): Position => (p[0] < 0 ? [p[0] + 360, ...p.slice(1)] : p);

/**
 * A region that crosses ±180° (Chukotka, Fiji, the Aleutians) is stored as parts at both ends of
 * the map, or as rings that jump across it; MapLibre then draws it at both edges of the world, or
 * as a band across the globe. Moving its negative longitudes to +180…+360 makes it one continuous
 * shape east of 180°, which MapLibre draws correctly (it accepts longitudes beyond 180).
 * Only features that span more than 180°, get narrower by the shift and gain no edge longer than
 * 180° are changed, so a region that really straddles Greenwich is left alone. Input is not modified.
 */
export function unwrapAntimeridian<F extends Feature<Polygonal>>(feature: F): F {
  const [min, max] = longitudeRange(feature.geometry);
  if (max - min <= 180 || min >= 0) return feature;
  let shiftedMin = Infinity;
  let shiftedMax = -Infinity;
  for (const polygon of polygonsOf(feature.geometry)) {
    for (const ring of polygon) {
      for (let i = 0; i < ring.length; i++) {
        const x = ring[i][0] < 0 ? ring[i][0] + 360 : ring[i][0];
        if (x < shiftedMin) shiftedMin = x;
        if (x > shiftedMax) shiftedMax = x;
        // An edge that the shift would stretch across the map means the region really goes the
        // long way round (e.g. through Greenwich): leave it.
        if (i > 0 && Math.abs(x - (ring[i - 1][0] < 0 ? ring[i - 1][0] + 360 : ring[i - 1][0])) > 180) return feature;
      }
    }
  }
  if (shiftedMax - shiftedMin >= max - min) return feature;
  const g = feature.geometry;
  const geometry: Polygonal =
    g.type === 'Polygon'
      ? { ...g, coordinates: g.coordinates.map((ring) => ring.map(shiftPosition)) }
      : { ...g, coordinates: g.coordinates.map((polygon) => polygon.map((ring) => ring.map(shiftPosition))) };
  delete (geometry as { bbox?: unknown }).bbox;
  const { bbox: _stale, ...rest } = feature;
  return { ...rest, geometry } as F;
}

/** The collection with every antimeridian-crossing feature unwrapped; `changed` lists their indices. */
export function unwrapCollection<G extends Polygonal>(collection: FeatureCollection<G>): { collection: FeatureCollection<G>; changed: number[] } {
  const changed: number[] = [];
  const features = collection.features.map((f, i) => {
    const out = unwrapAntimeridian(f as Feature<Polygonal>) as Feature<G>;
    if (out !== f) changed.push(i);
    return out;
  });
  const { bbox: _stale, ...rest } = collection;
  return { collection: { ...rest, features }, changed };
}

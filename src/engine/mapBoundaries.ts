import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { FEATURE_ID, readBoundaries, type Boundaries } from '../io/boundaries';
import { regionPlaces, type RegionPlaces } from './regionPlaces';
import { mapGeometryOf, type MapGeometry } from './regionWeights';

/**
 * A dataset's boundaries as the compute worker needs them, read by the one boundary reader every
 * door uses (hosted folder, the user's files, the CLI): polygons only, ids trimmed and unique,
 * coordinates in degrees. The named id and name properties are the manifest's.
 */
export function readMapBoundaries(value: unknown, file: string, regions: { id: string; name: string; nameLatin?: string }): { boundaries: Boundaries; map: MapGeometry; places: RegionPlaces } {
  const boundaries = readBoundaries(value as object, file, { idProperty: regions.id, nameProperty: regions.name });
  return { boundaries, map: mapGeometryOf(boundaries), places: regionPlaces(boundaries.collection, FEATURE_ID, regions.nameLatin) };
}

/**
 * The features as the map draws them: MapLibre's promoteId reads a property, so the id the
 * boundary reader settled on (trimmed, as the cube has it) is written there as text.
 */
export function mapFeatures(collection: FeatureCollection<Polygon | MultiPolygon>, promoteId: string): Feature<Polygon | MultiPolygon>[] {
  return collection.features.map((f) => ({ ...f, properties: { ...f.properties, [promoteId]: String(f.id) } }));
}

/**
 * A hosted folder's boundaries for the map when its file cannot be drawn as it is: a TopoJSON or
 * shapefile (MapLibre reads GeoJSON only), or ids that the reader trimmed (" DE11 ") and that would
 * not match the cube's under promoteId. Undefined when the file is GeoJSON and every feature's
 * property already holds its id, so the map reads the file itself (the usual case).
 */
export function normalisedForMap(boundaries: Boundaries, promoteId: string): FeatureCollection<Polygon | MultiPolygon> | undefined {
  if (boundaries.format !== 'geojson') return { type: 'FeatureCollection', features: mapFeatures(boundaries.collection, promoteId) };
  if (promoteId === FEATURE_ID) return undefined;
  const same = boundaries.collection.features.every((f) => String(f.properties?.[promoteId] ?? '') === String(f.id));
  return same ? undefined : { type: 'FeatureCollection', features: mapFeatures(boundaries.collection, promoteId) };
}

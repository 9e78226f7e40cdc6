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

import type { EmploymentCube } from '../model/dataset';
import { regionFeatureKeys } from '../io/featureJoin';
import type { LoadedDataset } from '../engine/types';
import { regionPlaces } from './regionPlaces';
import { mapGeometryOf, type MapGeometry } from './regionWeights';

/**
 * A dataset built from the user's files by the import worker, taken over by the compute worker:
 * the same map geometry and region places as a hosted dataset gets at load, from the validated
 * GeoJSON the import produced (its id property already holds each region id as text).
 */
export async function adoptDataset(
  dataset: LoadedDataset,
  cube: EmploymentCube,
  regions: Blob,
): Promise<{ dataset: LoadedDataset; cube: EmploymentCube; map: MapGeometry }> {
  const boundaries = JSON.parse(await regions.text()) as unknown;
  const { file, id, name } = dataset.manifest.regions;
  const features = regionFeatureKeys(boundaries, file, id, name);
  return { cube, map: mapGeometryOf(boundaries, features), dataset: { ...dataset, places: regionPlaces(boundaries, id) } };
}

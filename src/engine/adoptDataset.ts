import type { EmploymentCube } from '../model/dataset';
import type { LoadedDataset } from '../engine/types';
import { readMapBoundaries } from './mapBoundaries';
import type { MapGeometry } from './regionWeights';

/**
 * A dataset built from the user's files by the import worker, taken over by the compute worker:
 * the same map geometry and region places as a hosted dataset gets at load, read by the same
 * boundary reader from the validated GeoJSON the import produced (its id property holds each
 * region id as text).
 */
export async function adoptDataset(
  dataset: LoadedDataset,
  cube: EmploymentCube,
  regions: Blob,
): Promise<{ dataset: LoadedDataset; cube: EmploymentCube; map: MapGeometry }> {
  const { map, places } = readMapBoundaries(await regions.text(), dataset.manifest.regions.file, dataset.manifest.regions);
  return { cube, map, dataset: { ...dataset, places } };
}

import type { EmploymentCube, Region } from '../model/dataset';

/** Matches cube regions to features by id; gives regions their map names; lists both kinds of misses. */
export function joinCubeToFeatures(cube: EmploymentCube, features: readonly Region[]) {
  const byId = new Map(features.map((f) => [f.id, f]));
  const dataIds = new Set<string>();
  const dataRegionsNotOnMap: string[] = [];
  for (const region of cube.regions) {
    dataIds.add(region.id);
    const feature = byId.get(region.id);
    if (feature) region.name = feature.name;
    else dataRegionsNotOnMap.push(region.id);
  }
  const regionsWithoutData = features.filter((f) => !dataIds.has(f.id)).map((f) => f.id);
  return {
    mapFeatures: features.length,
    matched: cube.regions.length - dataRegionsNotOnMap.length,
    regionsWithoutData,
    dataRegionsNotOnMap,
  };
}

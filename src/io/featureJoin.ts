import type { EmploymentCube } from '../model/dataset';
import { InputError } from './errors';

export interface FeatureKey {
  id: string;
  name: string;
}

/**
 * The id and name of every polygon feature of a GeoJSON FeatureCollection, validated:
 * a missing or duplicate id names the feature, because a map cannot colour what it cannot address.
 */
export function regionFeatureKeys(geojson: unknown, file: string, idProperty: string, nameProperty: string): FeatureKey[] {
  const collection = geojson as { type?: string; features?: unknown[] };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new InputError({ file }, 'expected a GeoJSON FeatureCollection');
  }
  const seen = new Map<string, number>();
  return collection.features.map((raw, feature) => {
    const f = raw as { properties?: Record<string, unknown> | null; geometry?: { type?: string } | null };
    const type = f?.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      throw new InputError({ file, feature }, `geometry is ${type ?? 'missing'}, not Polygon or MultiPolygon`);
    }
    const id = f.properties?.[idProperty];
    if (id === undefined || id === null || String(id) === '') throw new InputError({ file, feature }, `no "${idProperty}" property`);
    const key = String(id);
    const first = seen.get(key);
    if (first !== undefined) throw new InputError({ file, feature }, `id "${key}" already used by feature ${first}`);
    seen.set(key, feature);
    const name = f.properties?.[nameProperty];
    return { id: key, name: name === undefined || name === null ? key : String(name) };
  });
}

/** Matches cube regions to features by id; gives regions their map names; lists both kinds of misses. */
export function joinCubeToFeatures(cube: EmploymentCube, features: FeatureKey[]) {
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

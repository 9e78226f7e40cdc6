import { feature as topoFeature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { InputError } from './errors';

const POLYGONAL = new Set(['Polygon', 'MultiPolygon']);

/**
 * The features of one object of a TopoJSON topology. Without a name, the object with the most
 * polygonal geometries is taken (us-atlas has counties, states and nation: counties wins), and the
 * notes say which one and what else there was.
 */
export function topologyToCollection(
  value: Record<string, unknown>,
  fileName: string,
  objectName?: string,
): { collection: FeatureCollection; object: string; notes: string[] } {
  const objects = value.objects as Record<string, GeometryObject> | undefined;
  if (typeof objects !== 'object' || objects === null || !Array.isArray(value.arcs)) {
    throw new InputError({ file: fileName }, 'a TopoJSON Topology needs "objects" and "arcs"');
  }
  const names = Object.keys(objects);
  if (names.length === 0) throw new InputError({ file: fileName }, 'the topology has no objects');
  const notes: string[] = [];
  let chosen = objectName;
  if (chosen === undefined) {
    const polygonCount = (name: string) => geometriesOf(objects[name]).filter((g) => POLYGONAL.has(g.type as string)).length;
    chosen = names.reduce((best, name) => (polygonCount(name) > polygonCount(best) ? name : best), names[0]);
    if (polygonCount(chosen) === 0) throw new InputError({ file: fileName }, `no object of the topology holds polygons (objects: ${names.join(', ')})`);
    if (names.length > 1) notes.push(`TopoJSON object "${chosen}" used (the one with the most polygons; also present: ${names.filter((n) => n !== chosen).join(', ')})`);
  } else if (!(chosen in objects)) {
    throw new InputError({ file: fileName }, `the topology has no object "${chosen}" (objects: ${names.join(', ')})`);
  }
  const object = objects[chosen];
  let converted: Feature | FeatureCollection;
  try {
    converted = topoFeature(value as unknown as Topology, object) as Feature | FeatureCollection;
  } catch (e) {
    throw new InputError({ file: fileName }, `TopoJSON object "${chosen}" cannot be decoded: ${(e as Error).message}`);
  }
  const collection: FeatureCollection =
    converted.type === 'FeatureCollection' ? converted : { type: 'FeatureCollection', features: [converted as Feature<Geometry>] };
  return { collection, object: chosen, notes };
}

function geometriesOf(object: GeometryObject): { type: string | null }[] {
  if (object?.type === 'GeometryCollection') return (object.geometries ?? []) as { type: string | null }[];
  return object ? [object as { type: string | null }] : [];
}

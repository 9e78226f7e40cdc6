import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { notes as noteText } from './notes';
import type { Region } from '../model/dataset';
import { InputError } from './errors';
import { parseJsonText } from './jsonText';
import { topologyToCollection } from './topology';
import { addToGroup } from '../model/groups';

/** `idProperty` value meaning "the feature's own `id` member" rather than a property. */
export const FEATURE_ID = '@id';

export type RegionFeature = Feature<Polygon | MultiPolygon>;

export interface BoundaryOptions {
  /** Property holding the region id; detected when absent. */
  idProperty?: string;
  /** Property holding the display name; detected when absent (falls back to the id). */
  nameProperty?: string;
  /** TopoJSON object to read; by default the one with the most polygons. */
  object?: string;
}

export interface Boundaries {
  fileName: string;
  format: 'geojson' | 'topojson' | 'shapefile';
  /** Validated polygonal features; each feature's `id` is its region id (a string). */
  collection: FeatureCollection<Polygon | MultiPolygon>;
  /** One per feature, in feature order. */
  regions: Region[];
  idProperty: string;
  nameProperty?: string;
  /** Every property name seen on the features, in first-seen order (for an id or name picker). */
  properties: string[];
  notes: string[];
}

export const ID_CANDIDATES = ['NUTS_ID', 'GEOID', 'GEO_ID', 'geoid', 'FIPS', 'fips', 'id', 'ID', 'code', 'CODE', 'region_id', 'region', 'iso_3166_2', 'ISO'];
const NAME_CANDIDATES = ['name', 'NAME', 'Name', 'NAME_LATN', 'NUTS_NAME', 'NAMELSAD', 'name_en', 'NAME_EN', 'name_latin', 'region_name'];
const LISTED = 10;

/**
 * Region boundaries from GeoJSON or TopoJSON text (or an already parsed object), validated so that
 * every feature is a polygon with a unique id: a map cannot colour what it cannot address, and a
 * point or line would silently vanish from a choropleth.
 */
export function readBoundaries(input: string | object, fileName: string, options: BoundaryOptions = {}): Boundaries {
  const value = typeof input === 'string' ? parseJsonText(input, fileName) : input;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError({ file: fileName }, `expected a GeoJSON FeatureCollection or a TopoJSON Topology, found ${Array.isArray(value) ? 'a JSON array' : typeof value}`);
  }
  const record = value as Record<string, unknown>;
  const notes: string[] = [];
  let collection: FeatureCollection;
  let format: Boundaries['format'];
  if (record.type === 'Topology') {
    const topo = topologyToCollection(record, fileName, options.object);
    collection = topo.collection;
    notes.push(...topo.notes);
    format = 'topojson';
  } else if (record.type === 'FeatureCollection') {
    if (!Array.isArray(record.features)) throw new InputError({ file: fileName }, 'the FeatureCollection has no "features" array');
    collection = record as unknown as FeatureCollection;
    format = 'geojson';
  } else {
    const found = record.type === undefined ? 'an object without "type" (is this a boundary file?)' : `type ${JSON.stringify(record.type)}`;
    throw new InputError({ file: fileName }, `expected a GeoJSON FeatureCollection or a TopoJSON Topology, found ${found}`);
  }
  const features = collection.features;
  if (features.length === 0) throw new InputError({ file: fileName }, 'the file has no features');
  checkGeometries(features, fileName);

  const properties = propertyNames(features);
  const idProperty = options.idProperty ?? detectIdProperty(features, properties, fileName);
  if (options.idProperty === undefined) notes.push(noteText.idsDetected(idProperty, FEATURE_ID));
  else if (idProperty !== FEATURE_ID && !properties.includes(idProperty)) {
    throw new InputError({ file: fileName }, `no feature has a property "${idProperty}" (properties: ${properties.join(', ') || 'none'})`);
  }
  const ids = readIds(features, idProperty, fileName);
  const nameProperty = options.nameProperty ?? NAME_CANDIDATES.find((n) => properties.includes(n));
  if (nameProperty !== undefined && !properties.includes(nameProperty)) {
    throw new InputError({ file: fileName }, `no feature has a property "${nameProperty}" (properties: ${properties.join(', ')})`);
  }

  const regions: Region[] = [];
  const out: RegionFeature[] = features.map((f, i) => {
    const name = nameProperty === undefined ? undefined : f.properties?.[nameProperty];
    regions.push({ id: ids[i], name: name === undefined || name === null || String(name).trim() === '' ? ids[i] : String(name).trim() });
    return { type: 'Feature', id: ids[i], properties: f.properties ?? {}, geometry: f.geometry as Polygon | MultiPolygon };
  });
  return { fileName, format, collection: { type: 'FeatureCollection', features: out }, regions, idProperty, nameProperty, properties, notes };
}

function list(indices: number[]): string {
  const shown = indices.slice(0, LISTED).join(', ');
  return indices.length > LISTED ? `${shown} and ${indices.length - LISTED} more` : shown;
}

function checkGeometries(features: Feature[], file: string): void {
  const wrong = new Map<string, number[]>();
  features.forEach((f, i) => {
    const type = f?.geometry?.type ?? (f?.type === 'Feature' ? 'no geometry' : 'not a Feature');
    if (type !== 'Polygon' && type !== 'MultiPolygon') addToGroup(wrong, type, i);
  });
  if (wrong.size > 0) {
    const [first] = [...wrong.values()].map((v) => v[0]).sort((a, b) => a - b);
    const detail = [...wrong].map(([type, idx]) => `${type} at feature${idx.length > 1 ? 's' : ''} ${list(idx)}`).join('; ');
    throw new InputError({ file, feature: first }, `only Polygon and MultiPolygon regions can be mapped: ${detail}`);
  }
  features.forEach((f, feature) => {
    const g = f.geometry as Polygon | MultiPolygon;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    if (!Array.isArray(polygons) || polygons.length === 0) throw new InputError({ file, feature }, `${g.type} has no coordinates`);
    for (const polygon of polygons) {
      if (!Array.isArray(polygon) || polygon.length === 0) throw new InputError({ file, feature }, 'a polygon has no rings');
      for (const ring of polygon) {
        if (!Array.isArray(ring)) throw new InputError({ file, feature }, 'a ring is not a list of positions');
        // An empty ring has no shape and crashes simplification when the dataset is packed.
        if (ring.length === 0) throw new InputError({ file, feature }, 'a ring has no positions');
        for (const p of ring) checkPosition(p, file, feature);
      }
    }
  });
}

function checkPosition(p: Position, file: string, feature: number): void {
  if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
    throw new InputError({ file, feature }, `a position is not [longitude, latitude]: ${shortJson(p)}`);
  }
  // Up to ±360 because files already shifted across the antimeridian go past 180.
  if (Math.abs(p[0]) > 360 || Math.abs(p[1]) > 90) {
    throw new InputError({ file, feature }, `coordinates [${p[0]}, ${p[1]}] are not longitude/latitude degrees: reproject the file to WGS 84 (EPSG:4326)`);
  }
}

/** A value as JSON for a message, bounded in depth and length (a hostile value may nest without end). */
function shortJson(value: unknown, depth = 0): string {
  if (Array.isArray(value)) {
    if (depth >= 3) return '[…]';
    const items = value.slice(0, 4).map((v) => shortJson(v, depth + 1));
    return `[${items.join(',')}${value.length > 4 ? ',…' : ''}]`;
  }
  if (typeof value === 'object' && value !== null) return '{…}';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function propertyNames(features: Feature[]): string[] {
  const names = new Set<string>();
  for (const f of features) for (const key of Object.keys(f.properties ?? {})) names.add(key);
  return [...names];
}

function rawId(f: Feature, idProperty: string): unknown {
  return idProperty === FEATURE_ID ? f.id : f.properties?.[idProperty];
}

function idText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

function identifiesAll(features: Feature[], idProperty: string): boolean {
  const seen = new Set<string>();
  for (const f of features) {
    const id = idText(rawId(f, idProperty));
    if (id === undefined || seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}

/** A well-known id property, else the feature ids, else the first property unique across features. */
function detectIdProperty(features: Feature[], properties: string[], file: string): string {
  const candidates = [...ID_CANDIDATES.filter((c) => properties.includes(c)), FEATURE_ID, ...properties.filter((p) => !ID_CANDIDATES.includes(p))];
  const found = candidates.find((c) => identifiesAll(features, c));
  if (found === undefined) {
    throw new InputError({ file }, `no property identifies every feature uniquely (properties: ${properties.join(', ') || 'none'}); name the id property`);
  }
  return found;
}

function readIds(features: Feature[], idProperty: string, file: string): string[] {
  const missing: number[] = [];
  const firstUse = new Map<string, number>();
  const duplicates = new Map<string, number[]>();
  const ids = features.map((f, i) => {
    const id = idText(rawId(f, idProperty));
    if (id === undefined) {
      missing.push(i);
      return '';
    }
    // A NUL or other control character makes an id that looks like another but joins nothing.
    const control = /[\u0000-\u001f\u007f]/.exec(id);
    if (control) {
      const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      throw new InputError({ file, feature: i }, `the ${idProperty === FEATURE_ID ? 'feature id' : `"${idProperty}"`} ${JSON.stringify(id)} holds the control character ${code}`);
    }
    const first = firstUse.get(id);
    if (first === undefined) firstUse.set(id, i);
    else addToGroup(duplicates, id, i, first);
    return id;
  });
  const label = idProperty === FEATURE_ID ? 'feature id' : `"${idProperty}"`;
  if (missing.length > 0) {
    throw new InputError({ file, feature: missing[0] }, `no ${label} at feature${missing.length > 1 ? 's' : ''} ${list(missing)}`);
  }
  if (duplicates.size > 0) {
    const [[id, where]] = duplicates;
    const more = duplicates.size > 1 ? `; ${duplicates.size - 1} more id(s) repeat: ${[...duplicates.keys()].slice(1, LISTED).join(', ')}` : '';
    throw new InputError({ file, feature: where[1] }, `${label} "${id}" is used by features ${list(where)}${more}`);
  }
  return ids;
}

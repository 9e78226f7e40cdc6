/**
 * U.S. county geography for the demo, from the us-atlas package (Census Bureau cartographic
 * boundaries, 2017 edition, quantised TopoJSON): county polygons with readable names, state
 * border lines, and a representative point per county for the synthetic model.
 *
 * Scope: the 50 states and the District of Columbia, the area covered by U.S. Cluster Mapping.
 * Puerto Rico and the island areas are left out (the synthetic economy has no cores there, and
 * Guam and the Northern Mariana Islands would stretch the map's bounds across the Pacific).
 */
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import { area, centerOfMass } from '@turf/turf';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

const require = createRequire(import.meta.url);

/** us-atlas's package version, part of the demo's up-to-date check. */
export function usAtlasVersion(): string {
  return (require('us-atlas/package.json') as { version: string }).version;
}

export function loadCountiesTopology(): Topology {
  return require('us-atlas/counties-10m.json') as Topology;
}

/** USPS codes of the states by the names us-atlas gives them (FIPS comes from us-atlas itself). */
const POSTAL_BY_STATE_NAME: Readonly<Record<string, string>> = {
  Alabama: 'AL', Alaska: 'AK', Arizona: 'AZ', Arkansas: 'AR', California: 'CA', Colorado: 'CO',
  Connecticut: 'CT', Delaware: 'DE', 'District of Columbia': 'DC', Florida: 'FL', Georgia: 'GA',
  Hawaii: 'HI', Idaho: 'ID', Illinois: 'IL', Indiana: 'IN', Iowa: 'IA', Kansas: 'KS', Kentucky: 'KY',
  Louisiana: 'LA', Maine: 'ME', Maryland: 'MD', Massachusetts: 'MA', Michigan: 'MI', Minnesota: 'MN',
  Mississippi: 'MS', Missouri: 'MO', Montana: 'MT', Nebraska: 'NE', Nevada: 'NV', 'New Hampshire': 'NH',
  'New Jersey': 'NJ', 'New Mexico': 'NM', 'New York': 'NY', 'North Carolina': 'NC', 'North Dakota': 'ND',
  Ohio: 'OH', Oklahoma: 'OK', Oregon: 'OR', Pennsylvania: 'PA', 'Rhode Island': 'RI',
  'South Carolina': 'SC', 'South Dakota': 'SD', Tennessee: 'TN', Texas: 'TX', Utah: 'UT', Vermont: 'VT',
  Virginia: 'VA', Washington: 'WA', 'West Virginia': 'WV', Wisconsin: 'WI', Wyoming: 'WY',
};

/** State FIPS → USPS code for the states in scope; throws if us-atlas names a state we do not know. */
export function statePostalCodes(topology: Topology): Map<string, string> {
  const states = topology.objects.states as GeometryCollection<{ name: string }>;
  const nameOf = (g: (typeof states.geometries)[number]): string =>
    (g.properties as { name?: string } | undefined)?.name ?? '';
  const out = new Map<string, string>();
  for (const g of states.geometries) {
    const name = nameOf(g);
    const postal = POSTAL_BY_STATE_NAME[name];
    if (postal) out.set(String(g.id), postal);
  }
  const missing = Object.keys(POSTAL_BY_STATE_NAME).filter(
    (n) => !states.geometries.some((g) => nameOf(g) === n),
  );
  if (missing.length > 0) throw new Error(`us-atlas states: no state named ${missing.join(', ')}`);
  return out;
}

// Alaska's county equivalents carry different titles (2017 codes).
const ALASKA_CENSUS_AREAS = new Set(['016', '050', '063', '066', '070', '105', '158', '180', '198', '240', '261', '290']);
const ALASKA_CITY_AND_BOROUGH = new Set(['110', '220', '275', '282']);
const ALASKA_MUNICIPALITY = new Set(['020', '230']);
/** States with independent cities, coded 510 and above (Census "… city"). */
const INDEPENDENT_CITY_STATES = new Set(['24', '29', '32', '51']);

/** The county's title as the Census Bureau writes it: "Autauga County", "Acadia Parish", "Richmond city". */
export function countyTitle(fips: string, name: string): string {
  const state = fips.slice(0, 2);
  const county = fips.slice(2);
  if (state === '11') return name; // District of Columbia
  if (state === '22') return `${name} Parish`;
  if (state === '02') {
    if (ALASKA_CENSUS_AREAS.has(county)) return `${name} Census Area`;
    if (ALASKA_CITY_AND_BOROUGH.has(county)) return `${name} City and Borough`;
    if (ALASKA_MUNICIPALITY.has(county)) return `${name} Municipality`;
    return `${name} Borough`;
  }
  if (INDEPENDENT_CITY_STATES.has(state) && Number(county) >= 510) {
    return /\bCity$/.test(name) ? name : `${name} city`;
  }
  return `${name} County`;
}

export interface CountyRegion {
  /** 5-digit FIPS code. */
  id: string;
  /** "Autauga County, AL". */
  name: string;
  /** Centre of mass, degrees (Aleutian longitudes below −180, see `unwrapLongitudes`). */
  lon: number;
  lat: number;
  areaKm2: number;
}

export type CountyFeature = Feature<Polygon | MultiPolygon, { id: string; name: string }> & { id: string };

export interface CountyGeography {
  /** Sorted by FIPS code. */
  counties: CountyRegion[];
  regions: { type: 'FeatureCollection'; features: CountyFeature[] };
  outlines: FeatureCollection<MultiLineString, { kind: string }>;
}

const round5 = (v: number): number => Math.round(v * 1e5) / 1e5;

/**
 * Rounds to 5 decimals (~1 m; the source is quantised to ~300 m, so no two vertices merge) and
 * moves the western Aleutians from +172° to −188°: Alaska then draws as one piece and the
 * dataset's bounds stay in the western hemisphere instead of spanning the whole globe.
 * MapLibre draws longitudes beyond −180 in the neighbouring world copy, i.e. in the right place.
 */
function unwrapLongitudes(coords: unknown): unknown {
  if (typeof (coords as Position)[0] === 'number') {
    const [lon, lat] = coords as Position;
    return [round5(lon > 0 ? lon - 360 : lon), round5(lat)];
  }
  return (coords as unknown[]).map(unwrapLongitudes);
}

export function buildCountyGeography(topology: Topology = loadCountiesTopology()): CountyGeography {
  const postal = statePostalCodes(topology);
  const countiesObject = topology.objects.counties as GeometryCollection<{ name: string }>;
  const decoded = feature(topology, countiesObject).features;

  const features: CountyFeature[] = [];
  for (const f of decoded) {
    const fips = String(f.id);
    const state = postal.get(fips.slice(0, 2));
    if (!state) continue; // outside the 50 states and DC, see the module comment
    if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') {
      throw new Error(`us-atlas county ${fips}: geometry is ${f.geometry.type}, expected a polygon`);
    }
    const name = `${countyTitle(fips, f.properties?.name ?? fips)}, ${state}`;
    const geometry = {
      type: f.geometry.type,
      coordinates: unwrapLongitudes(f.geometry.coordinates),
    } as Polygon | MultiPolygon;
    features.push({ type: 'Feature', id: fips, properties: { id: fips, name }, geometry });
  }
  features.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const counties = features.map((f) => {
    const [lon, lat] = centerOfMass(f).geometry.coordinates;
    return { id: f.id, name: f.properties.name, lon, lat, areaKm2: area(f) / 1e6 };
  });

  const statesObject = topology.objects.states as GeometryCollection;
  const borders = mesh(topology, statesObject, (a, b) => a !== b);
  const outlines: CountyGeography['outlines'] = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { kind: 'state-border' },
        geometry: { type: 'MultiLineString', coordinates: unwrapLongitudes(borders.coordinates) as Position[][] },
      },
    ],
  };

  return { counties, regions: { type: 'FeatureCollection', features }, outlines };
}

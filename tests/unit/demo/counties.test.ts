import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { buildCountyGeography, countyTitle } from '../../../src/demo/counties';

const geography = buildCountyGeography();
const byId = new Map(geography.regions.features.map((f) => [f.id, f]));

function positions(coords: unknown, out: Position[] = []): Position[] {
  if (typeof (coords as Position)[0] === 'number') out.push(coords as Position);
  else for (const c of coords as unknown[]) positions(c, out);
  return out;
}

describe('demo county geography (us-atlas)', () => {
  it('has every county of the 50 states and DC once, sorted by FIPS, and no territory', () => {
    const ids = geography.regions.features.map((f) => f.id);
    // Census 2017 vintage: 3,142 counties and equivalents in the 50 states and DC.
    expect(ids.length).toBe(3142);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => /^\d{5}$/.test(id))).toBe(true);
    expect(new Set(ids.map((id) => id.slice(0, 2))).size).toBe(51);
    expect(ids.some((id) => ['60', '66', '69', '72', '78'].includes(id.slice(0, 2)))).toBe(false);
    expect(geography.counties.map((c) => c.id)).toEqual(ids);
  });

  it('gives each feature a top-level id equal to properties.id, and Census-style names with the postal code', () => {
    for (const f of geography.regions.features) {
      expect(f.properties.id).toBe(f.id);
      expect(f.properties.name).toMatch(/^.+, [A-Z]{2}$/);
    }
    const names = new Set(geography.regions.features.map((f) => f.properties.name));
    expect(names.size).toBe(3142);
    expect(byId.get('01001')?.properties.name).toBe('Autauga County, AL');
    expect(byId.get('22001')?.properties.name).toBe('Acadia Parish, LA');
    expect(byId.get('02020')?.properties.name).toBe('Anchorage Municipality, AK');
    expect(byId.get('02016')?.properties.name).toBe('Aleutians West Census Area, AK');
    expect(byId.get('02110')?.properties.name).toBe('Juneau City and Borough, AK');
    expect(byId.get('02090')?.properties.name).toBe('Fairbanks North Star Borough, AK');
    expect(byId.get('11001')?.properties.name).toBe('District of Columbia, DC');
    expect(byId.get('51760')?.properties.name).toBe('Richmond city, VA');
    expect(byId.get('51159')?.properties.name).toBe('Richmond County, VA');
    expect(byId.get('24510')?.properties.name).toBe('Baltimore city, MD');
    expect(byId.get('24005')?.properties.name).toBe('Baltimore County, MD');
    expect(byId.get('29510')?.properties.name).toBe('St. Louis city, MO');
    expect(byId.get('32510')?.properties.name).toBe('Carson City, NV');
    expect(byId.get('35013')?.properties.name).toBe('Doña Ana County, NM');
    expect(byId.get('36061')?.properties.name).toBe('New York County, NY');
  });

  it('titles counties by the Census rules', () => {
    expect(countyTitle('51036', 'Charles City')).toBe('Charles City County');
    expect(countyTitle('51520', 'Bristol')).toBe('Bristol city');
    expect(countyTitle('02230', 'Skagway')).toBe('Skagway Municipality');
  });

  it('writes valid polygons rounded to 5 decimals, with Alaska unwrapped west of −180°', () => {
    const problems: string[] = [];
    const beyond180 = new Set<string>();
    for (const f of geography.regions.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const polygon of polygons) {
        for (const ring of polygon) {
          const [a, b] = [ring[0], ring[ring.length - 1]];
          if (ring.length < 4 || a[0] !== b[0] || a[1] !== b[1]) problems.push(`${f.id}: open or short ring`);
        }
      }
      for (const [lon, lat] of positions(f.geometry.coordinates)) {
        if (!(lon > -190 && lon < -60 && lat > 18 && lat < 72)) problems.push(`${f.id}: [${lon}, ${lat}] outside the U.S.`);
        if (Math.round(lon * 1e5) / 1e5 !== lon || Math.round(lat * 1e5) / 1e5 !== lat) problems.push(`${f.id}: not rounded`);
        if (lon < -180) beyond180.add(f.id);
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
    // The western Aleutians (Attu, ~172.9° E in the source) are the only part beyond −180°.
    expect([...beyond180]).toEqual(['02016']);
  });

  it('places representative points inside the right part of the country', () => {
    const point = (id: string) => geography.counties.find((c) => c.id === id)!;
    // Los Angeles County: centre of mass in the San Gabriel mountains north of the city.
    expect(point('06037').lon).toBeCloseTo(-118.2, 0);
    expect(point('06037').lat).toBeCloseTo(34.3, 0);
    // Area within 10 % of the Census land + water area (LA County 12,310 km²; Manhattan 87 km²).
    expect(point('06037').areaKm2).toBeGreaterThan(10_000);
    expect(point('06037').areaKm2).toBeLessThan(13_500);
    expect(point('36061').areaKm2).toBeGreaterThan(50);
    expect(point('36061').areaKm2).toBeLessThan(95);
  });

  it('builds the state borders as one MultiLineString of interior arcs', () => {
    expect(geography.outlines.features).toHaveLength(1);
    const geometry = geography.outlines.features[0].geometry;
    expect(geometry.type).toBe('MultiLineString');
    expect(geometry.coordinates.length).toBeGreaterThan(20);
    const lons = positions(geometry.coordinates).map(([lon]) => lon);
    // Interior borders only: nothing in Alaska or Hawaii, which border no other state.
    expect(Math.min(...lons)).toBeGreaterThan(-125);
    expect(Math.max(...lons)).toBeLessThan(-66);
  });
});

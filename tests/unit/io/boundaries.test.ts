import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { topology } from 'topojson-server';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { FEATURE_ID, readBoundaries } from '../../../src/io/boundaries';
import { InputError } from '../../../src/io/errors';
import { readZippedShapefile } from '../../../src/io/shapefileZip';
import { longitudeRange, unwrapAntimeridian, unwrapCollection } from '../../../src/io/antimeridian';
import { haveSharedData, sharedDataPath } from '../../shared-data';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/io/${name}`, import.meta.url));
const regionsText = readFileSync(fixture('regions.geojson'), 'utf8');
const regions = () => JSON.parse(regionsText) as FeatureCollection<Polygon | MultiPolygon>;
const FIXTURE_REGIONS = [
  { id: 'R1', name: 'Älvdal' },
  { id: 'R2', name: 'Berg' },
  { id: 'R3', name: 'Côte' },
];

function errorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('readBoundaries: GeoJSON', () => {
  it('detects the id and name properties and keeps feature order', () => {
    const b = readBoundaries(regionsText, 'regions.geojson');
    expect(b.format).toBe('geojson');
    expect(b.idProperty).toBe('code');
    expect(b.nameProperty).toBe('name');
    expect(b.regions).toEqual(FIXTURE_REGIONS);
    expect(b.collection.features.map((f) => f.id)).toEqual(['R1', 'R2', 'R3']);
    expect(b.properties).toEqual(['code', 'name', 'pop']);
    expect(b.notes).toEqual(['region ids from property "code" (detected)']);
  });

  it('names the features that share an id or lack one', () => {
    const dup = errorOf(() => readBoundaries(regions(), 'r.geojson', { idProperty: 'pop' }));
    expect(dup.message).toBe('r.geojson, feature 1: "pop" "10" is used by features 0, 1');
    const fc = regions();
    delete fc.features[2].properties!.code;
    fc.features[0].properties!.code = '  ';
    const missing = errorOf(() => readBoundaries(fc, 'r.geojson', { idProperty: 'code' }));
    expect(missing.location.feature).toBe(0);
    expect(missing.problem).toBe('no "code" at features 0, 2');
    expect(errorOf(() => readBoundaries(regions(), 'r.geojson', { idProperty: 'NUTS_ID' })).problem).toMatch(/no feature has a property "NUTS_ID" \(properties: code, name, pop\)/);
  });

  it('rejects points, lines and missing geometry, listing every such feature', () => {
    const fc = regions() as FeatureCollection;
    fc.features.push(
      { type: 'Feature', properties: { code: 'P' }, geometry: { type: 'Point', coordinates: [1, 2] } },
      { type: 'Feature', properties: { code: 'L' }, geometry: { type: 'LineString', coordinates: [[1, 2], [3, 4]] } },
      { type: 'Feature', properties: { code: 'N' }, geometry: null as unknown as Polygon },
    );
    const e = errorOf(() => readBoundaries(fc, 'mixed.geojson'));
    expect(e.location.feature).toBe(3);
    expect(e.problem).toBe('only Polygon and MultiPolygon regions can be mapped: Point at feature 3; LineString at feature 4; no geometry at feature 5');
  });

  it('rejects an empty collection, projected coordinates and files of the wrong kind', () => {
    expect(errorOf(() => readBoundaries('{"type":"FeatureCollection","features":[]}', 'e.geojson')).message).toBe('e.geojson: the file has no features');
    const projected = regions();
    (projected.features[1].geometry as Polygon).coordinates[0][2] = [4321000, 3210000];
    const p = errorOf(() => readBoundaries(projected, 'p.geojson'));
    expect(p.location.feature).toBe(1);
    expect(p.problem).toMatch(/not longitude\/latitude degrees: reproject the file to WGS 84 \(EPSG:4326\)$/);
    expect(errorOf(() => readBoundaries('{"Москва": {"A": 1}}', 'data.json')).problem).toMatch(/found an object without "type" \(is this a boundary file\?\)/);
    expect(errorOf(() => readBoundaries('region,value\nA,1\n', 'data.csv')).problem).toMatch(/^invalid JSON: .*this does not look like a JSON file/);
  });

  it('gives the line and character of a JSON syntax error', () => {
    const broken = regionsText.replace('"name": "Berg",', '"name": "Berg"');
    const e = errorOf(() => readBoundaries(broken, 'broken.geojson'));
    // The missing comma is noticed at `"pop"` on line 6 of the fixture.
    const line6 = broken.split('\n')[5];
    expect(e.location).toEqual({ file: 'broken.geojson', line: 6, lineColumn: line6.indexOf('"pop"') + 1 });
    expect(e.problem).toBe('invalid JSON: expected "," or "}" after a property value, found """');
    const cut = errorOf(() => readBoundaries(regionsText.slice(0, 200), 'cut.geojson'));
    expect(cut.problem).toMatch(/the end of the file|unterminated string/);
  });
});

describe('readBoundaries: TopoJSON', () => {
  it('takes the object with the most polygons and says so', () => {
    const dots: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'x' }, geometry: { type: 'Point', coordinates: [10.5, 50.5] } }] };
    const topo = topology({ dots, regions: regions() });
    const b = readBoundaries(JSON.stringify(topo), 'r.topojson');
    expect(b.format).toBe('topojson');
    expect(b.regions.map((r) => r.id)).toEqual(['R1', 'R2', 'R3']);
    expect(b.notes[0]).toBe('TopoJSON object "regions" used (the one with the most polygons; also present: dots)');
    // Shared arcs are decoded back to the same rings.
    expect((b.collection.features[1].geometry as Polygon).coordinates[0]).toHaveLength(5);
    expect(longitudeRange(b.collection.features[2].geometry)).toEqual([12, 15]);
    expect(errorOf(() => readBoundaries(topo, 'r.topojson', { object: 'dots' })).problem).toMatch(/Point at feature 0/);
    expect(errorOf(() => readBoundaries(topo, 'r.topojson', { object: 'nope' })).problem).toBe('the topology has no object "nope" (objects: dots, regions)');
  });

  it('uses geometry ids when no property identifies the features', () => {
    const topo = {
      type: 'Topology',
      arcs: [
        [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]],
        [[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]],
      ],
      objects: { counties: { type: 'GeometryCollection', geometries: [
        { type: 'Polygon', id: '01001', arcs: [[0]], properties: { name: 'Autauga' } },
        { type: 'Polygon', id: '01003', arcs: [[1]], properties: { name: 'Baldwin' } },
      ] } },
    };
    const b = readBoundaries(topo, 'c.topojson');
    expect(b.idProperty).toBe(FEATURE_ID);
    expect(b.regions).toEqual([
      { id: '01001', name: 'Autauga' },
      { id: '01003', name: 'Baldwin' },
    ]);
  });
});

describe('readZippedShapefile', () => {
  it('reads a zipped shapefile in a projected CRS back to longitude/latitude with UTF-8 names', async () => {
    const b = await readZippedShapefile(readFileSync(fixture('regions-laea.zip')), 'regions-laea.zip');
    expect(b.format).toBe('shapefile');
    expect(b.idProperty).toBe('code');
    expect(b.regions).toEqual(FIXTURE_REGIONS);
    const [min, max] = longitudeRange(b.collection.features[2].geometry);
    expect(min).toBeCloseTo(12, 6);
    expect(max).toBeCloseTo(15, 6);
    expect(b.collection.features[2].geometry.type).toBe('MultiPolygon');
  });

  it('reports a file that is not a zip', async () => {
    await expect(readZippedShapefile(new TextEncoder().encode('not a zip at all'), 'x.zip')).rejects.toThrow('x.zip: not a readable zip archive');
    await expect(readZippedShapefile(readFileSync(fixture('no-shapefile.zip')), 'n.zip')).rejects.toThrow('n.zip: the zip holds no .shp file');
  });
});

describe('antimeridian', () => {
  const square = (x0: number, x1: number): Polygon['coordinates'] => [[[x0, 60], [x1, 60], [x1, 65], [x0, 65], [x0, 60]]];

  it('moves the western parts of a region crossing ±180° east so it is one shape', () => {
    const f = { type: 'Feature' as const, properties: {}, geometry: { type: 'MultiPolygon' as const, coordinates: [square(170, 180), square(-180, -175)] } };
    const out = unwrapAntimeridian(f);
    expect(longitudeRange(out.geometry)).toEqual([170, 185]);
    expect(out.geometry.coordinates[1][0][0]).toEqual([180, 60]);
    expect(f.geometry.coordinates[1][0][0]).toEqual([-180, 60]);
  });

  it('leaves regions that straddle Greenwich or wrap the globe alone', () => {
    const europe = { type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: square(-10, 10) } };
    expect(unwrapAntimeridian(europe)).toBe(europe);
    const band = { type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [[[-170, 0], [-90, 0], [0, 0], [90, 0], [170, 0], [170, 5], [-170, 5], [-170, 0]]] } };
    expect(unwrapAntimeridian(band)).toBe(band);
  });

  describe.skipIf(!haveSharedData('ru/russia_federal_subjects_gislab_osm.geojson'))('on the Russian federal subjects', () => {
    it('makes Chukotka continuous and changes nothing else', () => {
      const b = readBoundaries(readFileSync(sharedDataPath('ru/russia_federal_subjects_gislab_osm.geojson'), 'utf8'), 'russia.geojson', { idProperty: 'name' });
      const chukotka = b.regions.findIndex((r) => r.id === 'Чукотский автономный округ');
      expect(longitudeRange(b.collection.features[chukotka].geometry)).toEqual([-180, 180]);
      const { collection, changed } = unwrapCollection(b.collection);
      expect(changed).toEqual([chukotka]);
      const [min, max] = longitudeRange(collection.features[chukotka].geometry);
      expect(min).toBeGreaterThan(157);
      expect(max).toBeLessThan(192);
      // Parts that met at the seam now meet at +180: no ring jumps across the map.
      const g = collection.features[chukotka].geometry as MultiPolygon;
      const atSeam = g.coordinates.flat(2).filter((p) => p[0] === 180).length;
      expect(atSeam).toBeGreaterThan(2);
      for (const ring of g.coordinates.flat()) for (let i = 1; i < ring.length; i++) expect(Math.abs(ring[i][0] - ring[i - 1][0])).toBeLessThan(180);
    });
  });
});

describe('a large file of the wrong kind', () => {
  it('is refused with one located error naming how many features are wrong, for 200,000 points as for ten', () => {
    const points = (n: number) => ({ type: 'FeatureCollection', features: Array.from({ length: n }, (_, i) => ({ type: 'Feature', properties: { id: `P${i}` }, geometry: { type: 'Point', coordinates: [i % 360 - 180, 0] } })) });
    expect(() => readBoundaries(points(10), 'points.geojson', { idProperty: 'id' })).toThrow('points.geojson, feature 0: only Polygon and MultiPolygon regions can be mapped: Point at features 0, 1, 2, 3, 4, 5, 6, 7, 8, 9');
    // Listed by copying the list at every feature, this took minutes.
    expect(() => readBoundaries(points(200_000), 'points.geojson', { idProperty: 'id' })).toThrow('Point at features 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 and 199990 more');
  });

  it('names every feature of an id used 100,000 times', () => {
    const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
    const collection = { type: 'FeatureCollection', features: Array.from({ length: 100_000 }, () => ({ type: 'Feature', properties: { id: 'same' }, geometry: square })) };
    expect(() => readBoundaries(collection, 'same.geojson', { idProperty: 'id' })).toThrow(/"same".*99990 more/);
  });
});


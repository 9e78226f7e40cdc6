import { describe, expect, it } from 'vitest';
import { topology } from 'topojson-server';
import { readBoundaries } from '../../../src/io/boundaries';
import { normalisedForMap } from '../../../src/engine/mapBoundaries';

const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
const collection = (ids: string[]) => ({ type: 'FeatureCollection', features: ids.map((id, i) => ({ type: 'Feature', properties: { code: id, name: `R${i}` }, geometry: square(i) })) });

describe('the boundaries the map draws for a hosted folder', () => {
  it('are the file itself when every feature already holds its id (the map reads the file)', () => {
    const b = readBoundaries(collection(['DE11', 'DE12']), 'regions.geojson', { idProperty: 'code', nameProperty: 'name' });
    expect(normalisedForMap(b, 'code')).toBeUndefined();
  });

  it('carry the trimmed ids under the promoted property when the file pads them, the other properties as they were', () => {
    const b = readBoundaries(collection([' DE11 ', 'DE12\t']), 'regions.geojson', { idProperty: 'code', nameProperty: 'name' });
    expect(b.regions.map((r) => r.id)).toEqual(['DE11', 'DE12']);
    const drawn = normalisedForMap(b, 'code')!;
    expect(drawn.features.map((f) => f.properties?.code)).toEqual(['DE11', 'DE12']);
    expect(drawn.features.map((f) => f.properties?.name)).toEqual(['R0', 'R1']);
    expect(drawn.features[0].geometry).toEqual(b.collection.features[0].geometry);
  });

  it('are the features themselves when the file is TopoJSON, which MapLibre cannot read, even with every id in place', () => {
    const topo = topology({ regions: collection(['DE11', 'DE12']) as GeoJSON.FeatureCollection });
    const b = readBoundaries(topo, 'regions.topojson', { idProperty: 'code', nameProperty: 'name' });
    expect(b.format).toBe('topojson');
    const drawn = normalisedForMap(b, 'code')!;
    expect(drawn.type).toBe('FeatureCollection');
    expect(drawn.features.map((f) => f.properties?.code)).toEqual(['DE11', 'DE12']);
    expect(drawn.features.map((f) => f.geometry.type)).toEqual(['Polygon', 'Polygon']);
  });
});

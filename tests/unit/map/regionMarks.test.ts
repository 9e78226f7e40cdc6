import { describe, expect, it } from 'vitest';
import { RegionMarks, MARKS } from '../../../src/map/regionMarks';
import { regionPlaces } from '../../../src/engine/regionPlaces';

/** The part of a MapLibre map the marks use: one GeoJSON source whose data is recorded. */
function fakeMap() {
  const sources = new Map<string, { data: unknown; setData(d: unknown): void }>();
  const map = {
    sources,
    /** Calls of setData: each one is a re-tiling and a redraw of the whole map. */
    setDataCalls: 0,
    getSource: (id: string) => sources.get(id),
    addSource: (id: string, spec: { data: unknown }) => {
      const source = { data: spec.data, setData: (d: unknown) => ((source.data = d), map.setDataCalls++) };
      sources.set(id, source);
    },
  };
  return map;
}

const square = (x: number) => [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 0]]];
const places = regionPlaces(
  { type: 'FeatureCollection', features: ['a', 'b', 'c'].map((code, i) => ({ type: 'Feature', properties: { code }, geometry: { type: 'Polygon', coordinates: square(i * 2) } })) },
  'code',
);

type Marked = { features: { id: string; properties: Record<string, boolean>; geometry: { coordinates: number[][][] } }[] };

describe('the marked regions’ own source', () => {
  it('holds only the marked regions, each once with every way it is marked, and follows each change', () => {
    const map = fakeMap();
    const marks = new RegionMarks(map as never);
    marks.addSource();
    marks.setPlaces(places);
    const data = () => map.sources.get(MARKS)!.data as Marked;
    expect(data().features).toEqual([]);

    marks.setHover('b');
    expect(data().features.map((f) => [f.id, f.properties])).toEqual([['b', { hover: true }]]);
    expect(data().features[0].geometry.coordinates).toEqual(square(2));

    marks.setSelected('b');
    marks.setHighlighted(['c']);
    marks.setKeyboard('a');
    expect(Object.fromEntries(data().features.map((f) => [f.id, f.properties]))).toEqual({
      b: { selected: true, hover: true },
      c: { selected: true },
      a: { kbfocus: true },
    });
    // An image shows the pinned region's outline only.
    expect(marks.collection(true).features.map((f) => [f.id, f.properties])).toEqual([['b', { selected: true }]]);

    marks.setHover(undefined);
    marks.setKeyboard(undefined);
    marks.setHighlighted([]);
    expect(data().features.map((f) => [f.id, f.properties])).toEqual([['b', { selected: true }]]);
    // Another dataset's places: nothing is marked any more.
    marks.setPlaces(regionPlaces({ type: 'FeatureCollection', features: [] }, 'code'));
    expect(data().features).toEqual([]);
  });

  it('leaves a source that holds no marks alone when there are still none (no redraw of the whole map)', () => {
    const map = fakeMap();
    const marks = new RegionMarks(map as never);
    marks.addSource();
    marks.setPlaces(places);
    marks.clear();
    marks.setHighlighted([]);
    marks.setHover('zz');
    expect(map.setDataCalls).toBe(0);
    marks.setHover('a');
    expect(map.setDataCalls).toBe(1);
    marks.setHover(undefined);
    expect(map.setDataCalls).toBe(2);
    expect((map.sources.get(MARKS)!.data as Marked).features).toEqual([]);
    marks.setPlaces(regionPlaces({ type: 'FeatureCollection', features: [] }, 'code'));
    expect(map.setDataCalls).toBe(2);
    // A source made anew (another style) is given its marks, even when the last ones were none.
    map.sources.delete(MARKS);
    marks.addSource();
    marks.setPlaces(places);
    marks.setSelected('b');
    expect((map.sources.get(MARKS)!.data as Marked).features.map((f) => f.id)).toEqual(['b']);
  });

  it('outlines nothing for an id that is not a region (and nothing before the places are in)', () => {
    const map = fakeMap();
    const marks = new RegionMarks(map as never);
    marks.addSource();
    marks.setHover('a');
    expect((map.sources.get(MARKS)!.data as Marked).features).toEqual([]);
    marks.setPlaces(places);
    marks.setHover('zz');
    expect((map.sources.get(MARKS)!.data as Marked).features).toEqual([]);
  });
});

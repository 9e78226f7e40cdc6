import { describe, expect, it } from 'vitest';
import { RevealWhenLoaded, type SourceDataEvent } from '../../../src/map/revealWhenLoaded';

/** The part of a MapLibre map the reveal uses: layers' paint, one source's loaded state, `sourcedata` listeners. */
function fakeMap() {
  const paint = new Map<string, number>([
    ['fill fill-opacity', 1],
    ['line line-opacity', 0.6],
  ]);
  const listeners = new Set<(event: SourceDataEvent) => void>();
  const map = {
    paint,
    listeners,
    loaded: false,
    /** The outlines' tiles (a second source), and whether the map has them at all. */
    outlinesLoaded: true,
    outlines: true,
    layers: new Set(['fill', 'line']),
    on: (_: 'sourcedata', f: (event: SourceDataEvent) => void) => listeners.add(f),
    off: (_: 'sourcedata', f: (event: SourceDataEvent) => void) => listeners.delete(f),
    isSourceLoaded: (id: string) => (id === 'regions' ? map.loaded : id === 'outlines' && map.outlinesLoaded),
    getSource: (id: string) => (id === 'regions' || (id === 'outlines' && map.outlines) ? {} : undefined),
    getLayer: (id: string) => (map.layers.has(id) ? {} : undefined),
    setPaintProperty: (layer: string, property: string, value: number) => paint.set(`${layer} ${property}`, value),
    emit: (event: SourceDataEvent) => [...listeners].forEach((f) => f(event)),
  };
  return map;
}

const LAYERS = [
  { id: 'fill', property: 'fill-opacity', opacity: 1 },
  { id: 'line', property: 'line-opacity', opacity: 0.6 },
] as const;
const opacities = (map: ReturnType<typeof fakeMap>) => [map.paint.get('fill fill-opacity'), map.paint.get('line line-opacity')];

describe('new regions drawn once their tiles are in, not tile by tile', () => {
  it('holds the layers invisible while tiles come in, and shows them at their own opacity when the last one is in', () => {
    const map = fakeMap();
    const reveal = new RevealWhenLoaded(map, ['regions', 'outlines'], LAYERS);
    reveal.hide();
    expect(opacities(map)).toEqual([0, 0]);
    expect(reveal.hidden).toBe(true);
    // The data is in but no tile yet: MapLibre counts such a source as loaded.
    map.loaded = true;
    map.emit({ sourceId: 'regions' });
    expect(opacities(map)).toEqual([0, 0]);
    // A tile in while others are still loading; then another source's tile.
    map.loaded = false;
    map.emit({ sourceId: 'regions', tile: {} });
    map.loaded = true;
    map.emit({ sourceId: 'other', tile: {} });
    expect(opacities(map)).toEqual([0, 0]);
    // The regions all in, the outlines not yet: still held.
    map.outlinesLoaded = false;
    map.emit({ sourceId: 'regions', tile: {} });
    expect(opacities(map)).toEqual([0, 0]);
    map.outlinesLoaded = true;
    map.emit({ sourceId: 'outlines', tile: {} });
    expect(opacities(map)).toEqual([1, 0.6]);
    expect(reveal.hidden).toBe(false);
    expect(map.listeners.size).toBe(0);
  });

  it('shows them at once when the colours come first, and stops listening', () => {
    const map = fakeMap();
    const reveal = new RevealWhenLoaded(map, ['regions', 'outlines'], LAYERS);
    reveal.hide();
    reveal.reveal();
    expect(opacities(map)).toEqual([1, 0.6]);
    expect(map.listeners.size).toBe(0);
    // Later colours and tiles change nothing.
    map.paint.set('fill fill-opacity', 0.5);
    reveal.reveal();
    map.loaded = true;
    map.emit({ sourceId: 'regions', tile: {} });
    expect(map.paint.get('fill fill-opacity')).toBe(0.5);
  });

  it('hides another dataset’s regions again, with one listener however often it is asked', () => {
    const map = fakeMap();
    const reveal = new RevealWhenLoaded(map, ['regions', 'outlines'], LAYERS);
    reveal.hide();
    reveal.hide();
    expect(map.listeners.size).toBe(1);
    reveal.reveal();
    reveal.hide();
    expect(opacities(map)).toEqual([0, 0]);
    expect(map.listeners.size).toBe(1);
    // Without outlines on the map, the regions' tiles are all it waits for.
    map.outlines = false;
    map.outlinesLoaded = false;
    map.loaded = true;
    map.emit({ sourceId: 'regions', tile: {} });
    expect(opacities(map)).toEqual([1, 0.6]);
    reveal.hide();
    // A layer not on the map (yet) is passed over, not an error.
    map.layers.delete('line');
    reveal.reveal();
    expect(opacities(map)).toEqual([1, 0]);
  });
});

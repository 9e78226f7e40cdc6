/**
 * The outlines of marked regions — hovered, pinned or brushed in a linked view, holding the keyboard's
 * focus — drawn from a small GeoJSON source of their own that holds only those regions' rings
 * (engine/regionOutlines.ts). Drawn from the regions' source through feature-state widths instead,
 * every frame would pass over every region's geometry in each outline layer, and every colour change
 * would rewrite each outline layer's per-vertex widths: in software WebGL most of a frame's cost.
 */
import type * as maplibregl from 'maplibre-gl';
import type { Feature, FeatureCollection, MultiLineString } from 'geojson';
import type { RegionPlaces } from '../engine/regionPlaces';
import { outlineOf } from '../engine/regionOutlines';

export const MARKS = 'region-marks';
/** The hover and pinned outline (black, the pinned one wider). */
export const MARK_LAYER = 'regions-focus';
/** The keyboard focus: a dark line on a white halo, visible on every fill colour of every palette. */
export const KEYBOARD_LAYERS = ['regions-keyboard-halo', 'regions-keyboard-focus'] as const;

type MarkKind = 'hover' | 'selected' | 'kbfocus';
type Marks = FeatureCollection<MultiLineString, Partial<Record<MarkKind, boolean>>>;

const flag = (kind: MarkKind) => ['boolean', ['get', kind], false];

export const MARK_LAYER_SPEC: maplibregl.LineLayerSpecification = {
  id: MARK_LAYER,
  type: 'line',
  source: MARKS,
  paint: { 'line-color': '#000000', 'line-width': ['case', flag('selected'), 2.5, flag('hover'), 1.5, 0] as never },
};

export const KEYBOARD_LAYER_SPECS: maplibregl.LineLayerSpecification[] = [
  { id: KEYBOARD_LAYERS[0], type: 'line', source: MARKS, paint: { 'line-color': '#ffffff', 'line-width': ['case', flag('kbfocus'), 6, 0] as never } },
  { id: KEYBOARD_LAYERS[1], type: 'line', source: MARKS, paint: { 'line-color': '#0b3d91', 'line-width': ['case', flag('kbfocus'), 3, 0] as never } },
];

export class RegionMarks {
  private places: RegionPlaces | undefined;
  private index = new Map<string, number>();
  private hovered: string | undefined;
  private pinned: string | undefined;
  private brushed = new Set<string>();
  private keyboard: string | undefined;
  /** The source last given no marks (a source added anew starts empty too). */
  private drawnEmpty: unknown;

  constructor(private readonly map: maplibregl.Map) {}

  /** The source, once the style is up; the layers are added where the map wants them. */
  addSource(): void {
    if (this.map.getSource(MARKS)) return;
    const marks = this.collection(false);
    this.map.addSource(MARKS, { type: 'geojson', data: marks });
    this.drawnEmpty = marks.features.length === 0 ? this.map.getSource(MARKS) : undefined;
  }

  /** The regions whose rings can be outlined (a new dataset's): every mark is cleared. */
  setPlaces(places: RegionPlaces | undefined): void {
    if (places === this.places) return;
    this.places = places;
    this.index = new Map(places?.ids.map((id, i) => [id, i]) ?? []);
    this.clear();
  }

  /** Forgets the marks (the regions' source was replaced), keeping the places until new ones come. */
  clear(): void {
    this.hovered = this.pinned = this.keyboard = undefined;
    this.brushed = new Set();
    this.draw();
  }

  get selected(): string | undefined {
    return this.pinned;
  }

  get highlighted(): ReadonlySet<string> {
    return this.brushed;
  }

  setHover(id: string | undefined): void {
    if (this.hovered === id) return;
    this.hovered = id;
    this.draw();
  }

  setSelected(id: string | undefined): void {
    if (this.pinned === id) return;
    this.pinned = id;
    this.draw();
  }

  setHighlighted(ids: Iterable<string>): void {
    this.brushed = new Set(ids);
    this.draw();
  }

  setKeyboard(id: string | undefined): void {
    if (this.keyboard === id) return;
    this.keyboard = id;
    this.draw();
  }

  /**
   * The marks as GeoJSON: all of them, or (`pinnedOnly`, for an exported image) the pinned region
   * alone, as exports have always shown it.
   */
  collection(pinnedOnly: boolean): Marks {
    const kinds = new Map<string, Partial<Record<MarkKind, boolean>>>();
    const mark = (id: string | undefined, kind: MarkKind) => {
      if (id !== undefined) kinds.set(id, { ...kinds.get(id), [kind]: true });
    };
    mark(this.pinned, 'selected');
    if (!pinnedOnly) {
      for (const id of this.brushed) mark(id, 'selected');
      mark(this.hovered, 'hover');
      mark(this.keyboard, 'kbfocus');
    }
    const features: Feature<MultiLineString, Partial<Record<MarkKind, boolean>>>[] = [];
    const outlines = this.places?.outlines;
    for (const [id, properties] of kinds) {
      const i = this.index.get(id);
      if (outlines && i !== undefined) features.push({ type: 'Feature', id, properties, geometry: outlineOf(outlines, i) });
    }
    return { type: 'FeatureCollection', features };
  }

  /**
   * New data for the source, unless it held no marks and still holds none: each `setData` makes
   * MapLibre cut the source's tiles again and redraw the whole map, a frame that costs a tenth of a
   * second or more in software WebGL (a new dataset's places clear marks that were never there).
   */
  private draw(): void {
    const source = this.map.getSource(MARKS) as maplibregl.GeoJSONSource | undefined;
    if (!source) return;
    const marks = this.collection(false);
    if (marks.features.length === 0 && this.drawnEmpty === source) return;
    source.setData(marks);
    this.drawnEmpty = marks.features.length === 0 ? source : undefined;
  }
}

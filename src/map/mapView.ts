import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MAP_BACKGROUND, NO_DATA_COLOUR } from './classify';
import { t } from '../i18n/i18n';
import { attributionAsText } from './attributionText';
import { HomeView, resetViewButton } from './viewport';
import { InsetFrames } from './insets';
import type { InsetFrame } from '../io/outlyingRegions';
import { MARK_LAYER, MARK_LAYER_SPEC, RegionMarks } from './regionMarks';
import type { RegionPlaces } from '../engine/regionPlaces';
import { RevealWhenLoaded } from './revealWhenLoaded';
import type { RegionsFile } from '../engine/datasetSource';

// MapLibre's own worker must be the bundled file, not a blob from a CDN.
maplibregl.setWorkerUrl(workerUrl);

export const SOURCE = 'regions';
const FILL = 'regions-fill';
const LINES = 'regions-line';
const LINE_OPACITY = 0.6;
const OUTLINES = 'outlines';
/**
 * Pixels of geometry each tile of the regions and outlines holds beyond its edges: plenty for their
 * lines (0.8 px at most; the marks' wider outlines have a source of their own) to meet at a tile's
 * edge. MapLibre's default of 128 px makes each 512 px tile carry, tile and draw 2.25 times its own
 * area: in software WebGL every frame rasterises the overlap only for the stencil to discard it.
 */
const TILE_BUFFER = 4;
/** Revealed at once (revealWhenLoaded.ts): a fade is a run of whole-map frames, each dear in software WebGL. */
const NO_TRANSITION = { duration: 0, delay: 0 };
const OUTLINES_LAYER: maplibregl.LineLayerSpecification = { id: 'outlines', type: 'line', source: OUTLINES, paint: { 'line-color': '#4a4a4a', 'line-width': 0.8, 'line-opacity-transition': NO_TRANSITION } };

export interface MapOptions {
  container: HTMLElement;
  regionsUrl: string;
  /** The boundaries themselves, drawn instead of the file at regionsUrl (ids the reader trimmed). */
  regionsData?: GeoJSON.FeatureCollection;
  /** Feature property holding the region id (becomes the feature-state id). */
  idProperty: string;
  outlinesUrl?: string;
  attribution: string;
  bounds?: [number, number, number, number];
  /** Outlying regions drawn in inset frames (their bounds are not in `bounds`). */
  insets?: InsetFrame[];
}

/**
 * MapLibre's own constraint (without world copies) keeps the world's edge at the screen's edge:
 * on a narrow screen, where a country spanning half the globe (Russia) is fitted at a low zoom,
 * it pushes the view off the country — nothing east of 180° (Chukotka), the country at the top and
 * the lower half empty. This one only keeps the centre on the map: latitudes inside Mercator's
 * range, longitudes within one world either side (Chukotka lies at 170°–191° once unwrapped).
 */
export function looseConstrain(lngLat: maplibregl.LngLat, zoom: number): { center: maplibregl.LngLat; zoom: number } {
  const lng = Math.max(-360, Math.min(360, lngLat.lng));
  const lat = Math.max(-85, Math.min(85, lngLat.lat));
  return { center: new maplibregl.LngLat(lng, lat), zoom };
}

function sameFiles(a: RegionsFile, b: RegionsFile): boolean {
  return a.regionsUrl === b.regionsUrl && a.idProperty === b.idProperty && a.outlinesUrl === b.outlinesUrl && a.attribution === b.attribution;
}

export interface RegionPointerEvent {
  regionId: string;
  point: { x: number; y: number };
}

/**
 * The choropleth: one GeoJSON source addressed by region id (promoteId), coloured through
 * feature-state so a new category, indicator or year never re-uploads geometry.
 */
export class AtlasMap {
  readonly map: maplibregl.Map;
  private readonly coloured = new Map<string, string>();
  /** Hovered, pinned, brushed and keyboard-focused regions, outlined from a source of their own. */
  readonly marks: RegionMarks;
  /** The map's style is up (its WebGL context made, the background drawn). */
  private readonly styleLoaded: Promise<void>;
  /** …and the regions' source and layers are on it. */
  private readonly ready: Promise<void>;
  private regionsAdded: () => void = () => undefined;
  /** The opening view, fitted to the dataset's bounds for the map's size (and "reset view"). */
  readonly home: HomeView;
  /** Frames for the regions outside the main view, coloured with the map. */
  readonly insets: InsetFrames;
  /** New regions are drawn once their tiles are in or coloured, not tile by tile (revealWhenLoaded.ts). */
  private readonly reveal: RevealWhenLoaded;
  /** The files whose sources are on the map ahead of their layers (prefetchRegions). */
  private prefetched: RegionsFile | undefined;

  /**
   * Without regions (only a container) the map starts at once — MapLibre's WebGL context and first
   * frame cost most of a second in software GL, spent while the worker still reads the data — and
   * `setRegions` puts the first dataset's regions on it.
   */
  constructor(options: { container: HTMLElement } & Partial<Omit<MapOptions, 'container'>>) {
    this.map = new maplibregl.Map({
      container: options.container,
      // A style with no tiles, glyphs or sprites: nothing is requested from another origin.
      style: {
        version: 8,
        sources: {},
        layers: [{ id: 'background', type: 'background', paint: { 'background-color': MAP_BACKGROUND } }],
      },
      bounds: options.bounds,
      fitBoundsOptions: { padding: 20 },
      attributionControl: { compact: false },
      // No symbol layers (place names are drawn in the page): a label fade would only cost frames.
      fadeDuration: 0,
      canvasContextAttributes: { preserveDrawingBuffer: true },
      dragRotate: false,
      pitchWithRotate: false,
      // World copies on: a region unwrapped past 180° (Chukotka to 191°) is drawn from the next
      // copy's tiles; without them it is cut at the meridian.
      renderWorldCopies: true,
      transformConstrain: looseConstrain,
    });
    this.marks = new RegionMarks(this.map);
    this.reveal = new RevealWhenLoaded(this.map, [SOURCE, OUTLINES], [
      { id: FILL, property: 'fill-opacity', opacity: 1 },
      { id: LINES, property: 'line-opacity', opacity: LINE_OPACITY },
      { id: OUTLINES, property: 'line-opacity', opacity: 1 },
    ]);
    this.map.touchZoomRotate.disableRotation();
    const zoom = new maplibregl.NavigationControl({ showCompass: false });
    this.map.addControl(zoom, 'top-right');
    this.home = new HomeView(this.map);
    this.home.setBounds(options.bounds);
    this.insets = new InsetFrames(options.container);
    this.insets.setFrames(options.insets);
    // After the attribution control's own handler (added with the map): the frames sit above its text.
    this.map.on('sourcedata', (e) => {
      if (e.sourceDataType === 'metadata') this.insets.layout();
    });
    // Frames that change size (the map resized, the attribution wrapped) change the room the opening view has.
    this.insets.onLayout = () => {
      if (this.home.isHome()) this.home.fit();
    };
    options.container.querySelector('.maplibregl-ctrl-zoom-out')?.after(resetViewButton(this.home));
    this.styleLoaded = new Promise((resolve) => {
      this.map.on('load', () => {
        // Fit again once the page's layout has settled: the container may have changed size
        // since the constructor measured it.
        this.map.resize();
        this.home.fit();
        resolve();
      });
    });
    this.ready = new Promise((resolve) => (this.regionsAdded = resolve));
    if (options.regionsUrl !== undefined) {
      const regions = options as MapOptions;
      void this.styleLoaded.then(() => {
        this.addLayers(regions);
        this.regionsAdded();
      });
    }
  }

  /** The regions' source and, when the dataset has them, the outlines'. */
  private addSources(options: RegionsFile & Pick<MapOptions, 'regionsData'>): void {
    const map = this.map;
    map.addSource(SOURCE, { type: 'geojson', data: options.regionsData ?? options.regionsUrl, promoteId: options.idProperty, attribution: attributionAsText(options.attribution), buffer: TILE_BUFFER });
    if (options.outlinesUrl) map.addSource(OUTLINES, { type: 'geojson', data: options.outlinesUrl, buffer: TILE_BUFFER });
  }

  private removeSources(): void {
    for (const id of [SOURCE, OUTLINES]) if (this.map.getSource(id)) this.map.removeSource(id);
  }

  /**
   * Puts a dataset's sources on the map before its layers, as soon as the manifest names the
   * files: MapLibre's worker fetches and parses the boundaries meanwhile, and asks for no tile
   * until a layer draws them (setRegions adds the layers, with the view fitted by then). Nothing
   * when regions are drawn already: setRegions replaces those.
   */
  async prefetchRegions(file: RegionsFile): Promise<void> {
    await this.styleLoaded;
    if (this.prefetched && !sameFiles(this.prefetched, file)) await this.sourcesSettled();
    if (this.map.getLayer(FILL) || (this.prefetched && sameFiles(this.prefetched, file))) return;
    this.removeSources();
    this.addSources(file);
    this.prefetched = file;
  }

  /**
   * Resolves once the regions' and outlines' sources have no data on its way (or after `timeoutMs`).
   * Why: a GeoJSON source removed while MapLibre's worker is still loading its file, and added again
   * under the same id, can be given that file's late data in place of the new one (seen: a folder's
   * read boundaries replaced within milliseconds of the file's prefetch were drawn with the file's
   * untrimmed ids).
   */
  private sourcesSettled(timeoutMs = 10_000): Promise<void> {
    const loading = () => [SOURCE, OUTLINES].some((id) => (this.map.getSource(id) as { loaded(): boolean } | undefined)?.loaded() === false);
    if (!loading()) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.map.off('sourcedata', check);
        this.map.off('error', check);
        resolve();
      };
      const check = () => {
        if (!loading()) finish();
      };
      const timer = setTimeout(finish, timeoutMs);
      this.map.on('sourcedata', check);
      this.map.on('error', check);
    });
  }

  private addLayers(options: Omit<MapOptions, 'container'>): void {
    const map = this.map;
    if (this.prefetched && sameFiles(this.prefetched, options)) {
      // Boundaries the map cannot draw as the file is go into the prefetched source: MapLibre applies
      // a source's updates in order, so the file's own data, perhaps still on its way, cannot win.
      if (options.regionsData) (map.getSource(SOURCE) as maplibregl.GeoJSONSource).setData(options.regionsData);
    } else {
      this.removeSources();
      this.addSources(options);
    }
    this.prefetched = undefined;
    map.addLayer({
      id: FILL,
      type: 'fill',
      source: SOURCE,
      paint: { 'fill-color': ['coalesce', ['feature-state', 'fill'], NO_DATA_COLOUR], 'fill-antialias': false, 'fill-opacity-transition': NO_TRANSITION },
    });
    map.addLayer({
      id: LINES,
      type: 'line',
      source: SOURCE,
      paint: { 'line-color': '#ffffff', 'line-width': 0.3, 'line-opacity': LINE_OPACITY, 'line-opacity-transition': NO_TRANSITION },
    });
    if (options.outlinesUrl) map.addLayer(OUTLINES_LAYER);
    this.reveal.hide();
    this.marks.addSource();
    if (!map.getLayer(MARK_LAYER)) map.addLayer(MARK_LAYER_SPEC);
  }

  /** MapLibre's own control labels in the interface's language (it ships English ones). */
  localiseControls(labels: { zoomIn: string; zoomOut: string; attribution: string }): void {
    const container = this.map.getContainer();
    const label = (selector: string, text: string) => {
      for (const button of container.querySelectorAll<HTMLElement>(selector)) {
        button.title = text;
        button.setAttribute('aria-label', text);
      }
    };
    label('.maplibregl-ctrl-zoom-in', labels.zoomIn);
    label('.maplibregl-ctrl-zoom-out', labels.zoomOut);
    label('.maplibregl-ctrl-attrib-button', labels.attribution);
    label('.atlas-reset-view', t('layout.frame.resetView'));
    this.insets.relabel();
  }

  whenLoaded(): Promise<void> {
    return this.ready;
  }

  /**
   * Shows another dataset's regions. A source's promoteId cannot change, so the regions (and
   * outlines) sources are replaced and every layer drawn from them — whoever added it — is put
   * back in its place; pointer handlers, bound by layer id, carry over. Feature-state goes with
   * the old source.
   */
  async setRegions(options: Omit<MapOptions, 'container'>): Promise<void> {
    await this.styleLoaded;
    const map = this.map;
    if (!map.getLayer(FILL)) {
      // The first regions of a map made without them (their sources may be on it: prefetchRegions).
      this.addLayers(options);
      this.insets.setFrames(options.insets);
      this.home.setBounds(options.bounds);
      this.home.fit();
      this.regionsAdded();
      return;
    }
    await this.ready;
    const layers = map.getStyle().layers;
    const fromDataset = (l: (typeof layers)[number]) => 'source' in l && (l.source === SOURCE || l.source === OUTLINES);
    const removed = layers.filter(fromDataset);
    const before = new Map(removed.map((l) => [l.id, layers.slice(layers.indexOf(l) + 1).find((x) => !fromDataset(x))?.id]));
    for (const layer of [...removed].reverse()) map.removeLayer(layer.id);
    this.removeSources();
    this.coloured.clear();
    this.marks.clear();
    this.addSources(options);
    let outlines = false;
    for (const layer of removed) {
      if ('source' in layer && layer.source === OUTLINES) {
        if (!options.outlinesUrl) continue;
        outlines = true;
      }
      map.addLayer(layer, before.get(layer.id));
    }
    // Outlines the previous regions did not have go where they always are: over the regions' own lines.
    if (options.outlinesUrl && !outlines) map.addLayer(OUTLINES_LAYER, before.get(LINES));
    this.reveal.hide();
    this.insets.setFrames(options.insets);
    this.home.setBounds(options.bounds);
    this.home.fit();
  }

  /** Sets every region's colour; regions not in `colours` fall back to the "no data" colour. */
  setColours(colours: Map<string, string>): void {
    for (const id of this.coloured.keys()) {
      if (!colours.has(id)) this.map.removeFeatureState({ source: SOURCE, id }, 'fill');
    }
    this.coloured.clear();
    for (const [id, fill] of colours) {
      this.map.setFeatureState({ source: SOURCE, id }, { fill });
      this.coloured.set(id, fill);
    }
    this.insets.setColours(colours);
    this.reveal.reveal();
    this.map.triggerRepaint();
  }

  /** Resolves once the map has finished drawing what it was last given (or after the timeout). */
  whenIdle(timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      // `idle` never fires again on a map that is already idle with nothing to draw.
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.map.once('idle', done);
      if (this.map.loaded()) this.map.triggerRepaint();
    });
  }

  onPointer(handlers: {
    move: (event: RegionPointerEvent) => void;
    leave: () => void;
    click: (event: RegionPointerEvent | undefined) => void;
  }): void {
    this.insets.onPointer(handlers);
    const toEvent = (e: maplibregl.MapLayerMouseEvent): RegionPointerEvent | undefined => {
      const id = e.features?.[0]?.id;
      return id === undefined ? undefined : { regionId: String(id), point: { x: e.point.x, y: e.point.y } };
    };
    this.map.on('mousemove', FILL, (e) => {
      const event = toEvent(e);
      if (!event) return;
      this.setHover(event.regionId);
      this.map.getCanvas().style.cursor = 'pointer';
      handlers.move(event);
    });
    this.map.on('mouseleave', FILL, () => {
      this.setHover(undefined);
      this.map.getCanvas().style.cursor = '';
      handlers.leave();
    });
    this.map.on('click', (e) => {
      if (!this.map.getLayer(FILL)) return;
      const hit = this.map.queryRenderedFeatures(e.point, { layers: [FILL] })[0];
      handlers.click(hit?.id === undefined ? undefined : { regionId: String(hit.id), point: { x: e.point.x, y: e.point.y } });
    });
  }

  private setHover(id: string | undefined): void {
    this.marks.setHover(id);
  }

  /** Outlines the regions brushed in a linked view, as the pinned region is. */
  setHighlighted(ids: Iterable<string>): void {
    this.marks.setHighlighted(ids);
    this.markInsets();
  }

  setSelected(id: string | undefined): void {
    if (this.marks.selected === id) return;
    this.marks.setSelected(id);
    this.markInsets();
  }

  /** The regions' rings, for outlining the marked ones (a new dataset's places clear the marks). */
  setPlaces(places: RegionPlaces | undefined): void {
    this.marks.setPlaces(places);
    this.markInsets();
  }

  private markInsets(): void {
    const { selected, highlighted } = this.marks;
    this.insets.setMarked(selected === undefined ? highlighted : [...highlighted, selected]);
  }

  /** The colours as feature-states, to draw the same map elsewhere (exports; the pinned outline: `marks.collection(true)`). */
  featureStates(): [string, Record<string, string>][] {
    return [...this.coloured].map(([id, fill]) => [id, { fill }]);
  }

  /** Screen position of a region's label point, for placing a pinned tooltip. */
  project(lngLat: [number, number]): { x: number; y: number } {
    const p = this.map.project(lngLat);
    return { x: p.x, y: p.y };
  }
}

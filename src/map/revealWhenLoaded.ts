/**
 * The regions' layers stay invisible (opacity 0, which MapLibre's fill and line drawing skip)
 * until every tile of the view is in — the regions' and the outlines' — or the first colours are
 * set, whichever comes first.
 *
 * Why: MapLibre repaints as each tile of a new source arrives, and every frame redraws every tile
 * already in. With software WebGL (SwiftShader, what headless Chromium and many locked-down
 * machines run) a frame of 3,142 counties costs the GPU process 0.1–0.3 s, and the page's main
 * thread waits for it while reading the frame back. Drawing the half-loaded map tile by tile cost
 * about 0.6 s of the GPU process's CPU before the demo's first colours (traced: 1.5 s → 0.8–0.9 s of
 * frame readback until `data-ready`). Frames of an invisible layer are the background only.
 * The grey boundaries still show before the colours when their tiles are all in first.
 */

/** What this needs of a MapLibre map. */
/** A `sourcedata` event: `tile` is set when one of the source's tiles has come in. */
export interface SourceDataEvent {
  sourceId?: string;
  tile?: unknown;
}

export interface RevealableMap {
  on(type: 'sourcedata', listener: (event: SourceDataEvent) => void): unknown;
  off(type: 'sourcedata', listener: (event: SourceDataEvent) => void): unknown;
  isSourceLoaded(id: string): boolean;
  getSource(id: string): unknown;
  getLayer(id: string): unknown;
  setPaintProperty(layer: string, property: string, value: unknown): unknown;
}

/** A layer and the opacity it is drawn with once revealed. */
export interface RevealedLayer {
  id: string;
  property: 'fill-opacity' | 'line-opacity';
  opacity: number;
}

export class RevealWhenLoaded {
  private waiting: ((event: SourceDataEvent) => void) | undefined;

  constructor(
    private readonly map: RevealableMap,
    /** The sources whose tiles are waited for (one not on the map is not waited for). */
    private readonly sources: readonly string[],
    private readonly layers: readonly RevealedLayer[],
  ) {}

  /** Whether the layers are held invisible. */
  get hidden(): boolean {
    return this.waiting !== undefined;
  }

  /** New regions on the map: invisible until their tiles are in (or `reveal`). */
  hide(): void {
    this.stopWaiting();
    for (const layer of this.layers) if (this.map.getLayer(layer.id)) this.map.setPaintProperty(layer.id, layer.property, 0);
    // After a tile: a source whose data is in but whose tiles are not yet asked for counts as loaded.
    const listener = (event: SourceDataEvent) => {
      if (event.tile === undefined || !this.sources.includes(event.sourceId!)) return;
      if (this.sources.every((id) => !this.map.getSource(id) || this.map.isSourceLoaded(id))) this.reveal();
    };
    this.waiting = listener;
    this.map.on('sourcedata', listener);
  }

  /** Drawn from now on (the colours are set, or every tile is in). */
  reveal(): void {
    if (!this.waiting) return;
    this.stopWaiting();
    for (const layer of this.layers) if (this.map.getLayer(layer.id)) this.map.setPaintProperty(layer.id, layer.property, layer.opacity);
  }

  private stopWaiting(): void {
    if (this.waiting) this.map.off('sourcedata', this.waiting);
    this.waiting = undefined;
  }
}

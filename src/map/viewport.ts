import type * as maplibregl from 'maplibre-gl';

/** A map camera as the view (and the URL hash) keeps it. */
export interface Camera {
  lng: number;
  lat: number;
  zoom: number;
}

export function cameraOf(map: maplibregl.Map): Camera {
  const { lng, lat } = map.getCenter();
  return { lng, lat, zoom: map.getZoom() };
}

export function jumpToCamera(map: maplibregl.Map, camera: Camera): void {
  map.jumpTo({ center: [camera.lng, camera.lat], zoom: camera.zoom });
}

/**
 * Calls back after every move the user or the app makes (with no camera when it is back at the
 * fitted opening view), but not after a mere resize (the page
 * hiding its panel for a presentation, a window resize): those keep the centre and zoom, and
 * recording them would pin a camera into links that had none.
 */
export function trackCamera(map: maplibregl.Map, onChange: (camera: Camera | undefined) => void, home?: HomeView): void {
  let resizing = false;
  // MapLibre fires resize and then (unless the camera is moving) moveend synchronously from resize().
  map.on('resize', () => {
    resizing = true;
    queueMicrotask(() => (resizing = false));
  });
  map.on('moveend', () => {
    if (resizing) {
      resizing = false;
      return;
    }
    // Back at the fitted opening view ("reset view"): the link keeps no camera, so it opens fitted to any screen.
    onChange(home?.isHome() ? undefined : cameraOf(map));
  });
}

/** What is in sight, as west, south, east, north: the screen's bounds cut to the data's (when known). */
export function visibleBounds(map: maplibregl.Map, data?: [number, number, number, number]): [number, number, number, number] {
  const b = map.getBounds();
  const screen: [number, number, number, number] = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  if (!data) return screen;
  const cut: [number, number, number, number] = [Math.max(screen[0], data[0]), Math.max(screen[1], data[1]), Math.min(screen[2], data[2]), Math.min(screen[3], data[3])];
  return cut[0] < cut[2] && cut[1] < cut[3] ? cut : screen;
}

export type Box = [number, number, number, number];

/** The attribution along the map's foot (its control corner floats it, so the corner itself has no height). */
export function attributionOf(container: HTMLElement): HTMLElement | null {
  return container.querySelector<HTMLElement>('.maplibregl-ctrl-attrib');
}

/** How much of the map's foot the attribution covers, CSS px. */
export function footHeight(container: HTMLElement): number {
  const attribution = attributionOf(container);
  if (!attribution) return 0;
  const a = attribution.getBoundingClientRect();
  return a.height === 0 ? 0 : Math.max(0, container.getBoundingClientRect().bottom - a.top);
}
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Room to leave around the dataset when fitting it: a margin that grows with the map (12 px on a
 * phone, 24 px on a wide screen) plus whatever the map's own furniture covers at its edges — the
 * attribution along the foot (two lines on a phone), the zoom buttons at the top right when the map
 * is narrow enough for the data to reach them, and frames laid over the map (insets) named by
 * `[data-map-overlay]` on the container's children.
 */
export function framePadding(container: HTMLElement): Padding {
  const rect = container.getBoundingClientRect();
  const margin = Math.round(Math.min(24, Math.max(12, Math.min(rect.width, rect.height) * 0.03)));
  const pad: Padding = { top: margin, right: margin, bottom: margin, left: margin };
  pad.bottom += footHeight(container);
  for (const overlay of container.querySelectorAll<HTMLElement>('[data-map-overlay]')) {
    const o = overlay.getBoundingClientRect();
    if (o.width === 0 || o.height === 0) continue;
    // A frame along an edge takes that edge's strip (the side that costs the map least).
    const side = overlay.dataset.mapOverlay as keyof Padding;
    if (side === 'left' || side === 'right') pad[side] = Math.max(pad[side], (side === 'left' ? o.right - rect.left : rect.right - o.left) + margin / 2);
    else if (side === 'top' || side === 'bottom') pad[side] = Math.max(pad[side], (side === 'top' ? o.bottom - rect.top : rect.bottom - o.top) + margin / 2);
  }
  // Never more than the map can give: MapLibre refuses a fit whose padding leaves no room.
  const scale = (total: number, size: number) => (total > size * 0.8 ? (size * 0.8) / total : 1);
  const sx = scale(pad.left + pad.right, rect.width);
  const sy = scale(pad.top + pad.bottom, rect.height);
  return { top: pad.top * sy, bottom: pad.bottom * sy, left: pad.left * sx, right: pad.right * sx };
}

const same = (a: Camera, b: Camera) => Math.abs(a.lng - b.lng) < 1e-6 && Math.abs(a.lat - b.lat) < 1e-6 && Math.abs(a.zoom - b.zoom) < 1e-6;

/**
 * The opening view: the dataset's bounds fitted to the map's actual size. Until someone moves
 * the camera it stays fitted — when the map's size changes (the page's layout settling, a phone
 * turned, the header wrapping, a sheet bar appearing) it is fitted again rather than keeping a
 * centre and zoom measured for another size. A camera equal to the fitted one is "no camera"
 * for links (see `trackCamera`).
 */
export class HomeView {
  private bounds: Box | undefined;
  private fitted: Camera | undefined;
  /** The attribution fills in (and wraps) after the first fit: the view is fitted again for its height. */
  private readonly footWatch = new ResizeObserver(() => {
    if (this.isHome()) this.fit();
  });
  private watched: Element | undefined;

  constructor(private readonly map: maplibregl.Map) {
    map.on('resize', () => {
      if (this.fitted && same(cameraOf(map), this.fitted)) this.fit();
    });
    // What is in sight, for checks from outside: `#map[data-view-bounds]`, west,south,east,north of
    // the part of the map its attribution does not cover.
    map.on('moveend', () => this.publish());
  }

  private publish(): void {
    const container = this.map.getContainer();
    const height = container.clientHeight - footHeight(container);
    const nw = this.map.unproject([0, 0]);
    const se = this.map.unproject([container.clientWidth, height]);
    container.dataset.viewBounds = [nw.lng, se.lat, se.lng, nw.lat].map((x) => x.toFixed(4)).join(',');
  }

  setBounds(bounds: Box | undefined): void {
    this.bounds = bounds;
  }

  /** The bounds the opening view is fitted to. */
  get box(): Box | undefined {
    return this.bounds;
  }

  /** Fits the bounds now (no animation); "reset view" and the first view. */
  fit(): void {
    if (!this.bounds) return;
    const container = this.map.getContainer();
    const attribution = attributionOf(container);
    if (attribution && attribution !== this.watched) {
      this.watched = attribution;
      this.footWatch.observe(attribution);
    }
    if (container.clientWidth === 0 || container.clientHeight === 0) return;
    const camera = this.map.cameraForBounds(this.bounds, { padding: framePadding(container) });
    if (!camera?.center || camera.zoom === undefined) return;
    // Known before the move, so the move's own moveend already reads as the opening view.
    const center = maplibreLngLat(camera.center);
    this.fitted = { lng: center[0], lat: center[1], zoom: camera.zoom };
    this.map.jumpTo({ center, zoom: camera.zoom });
    // The map may round what it was given (constraints): hold the camera it really took.
    this.fitted = cameraOf(this.map);
  }

  /** True while the camera is the fitted opening view. */
  isHome(): boolean {
    return this.fitted !== undefined && same(cameraOf(this.map), this.fitted);
  }
}

function maplibreLngLat(center: maplibregl.LngLatLike): [number, number] {
  if (Array.isArray(center)) return [center[0], center[1]];
  const c = center as { lng?: number; lon?: number; lat: number };
  return [c.lng ?? c.lon ?? 0, c.lat];
}

/** A button under the zoom buttons (in their group) that brings back the opening view: every region in sight. */
export function resetViewButton(home: HomeView): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'atlas-reset-view';
  button.setAttribute('aria-label', 'Reset view');
  button.title = 'Reset view';
  // Four corners pointing outwards ("fit everything"), drawn inline: no icon font or sprite to fetch.
  button.innerHTML = '<svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false"><path d="M4 8V4h4M12 4h4v4M16 12v4h-4M8 16H4v-4" fill="none" stroke="#333" stroke-width="1.8"/></svg>';
  button.addEventListener('click', () => home.fit());
  return button;
}

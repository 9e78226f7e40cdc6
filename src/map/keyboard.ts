import type { AtlasMap } from './mapView';
import { mercatorPoints, nearestInDirection, nearestTo, type Direction, type PlanePoints } from './keyboardNav';
import type { RegionPlaces } from '../engine/regionPlaces';
import { t } from '../i18n/i18n';
import { KEYBOARD_LAYER_SPECS } from './regionMarks';

export interface MapKeyboardHandlers {
  /** Shows the region's details as hover does; returns the words to announce to screen readers. */
  focus(regionId: string, point: { x: number; y: number }): string;
  /** Enter: open the region's profile. */
  open(regionId: string): void;
  /** Escape. */
  escape(): void;
  /** The map lost the keyboard focus. */
  blur(): void;
  /** The pinned region, where the keyboard starts when it has not been on the map yet. */
  pinned(): string | undefined;
}

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
const PAN_STEP = 100;
/** Keep the focused region this far inside the map's edges (px). */
const MARGIN = 40;

/**
 * Every region reachable by keyboard: Tab into the map (MapLibre's canvas is focusable), arrow
 * keys move to the nearest region in that direction (keyboardNav.ts), Enter opens its profile,
 * Escape closes; Shift+arrows pan and +/− zoom, in place of MapLibre's own arrow-key panning.
 * The focused region gets an outline through feature-state `kbfocus`, shows the same tooltip as
 * on hover and is announced through a polite live region.
 */
export class MapKeyboard {
  private readonly canvas: HTMLCanvasElement;
  private readonly live: HTMLElement;
  private places: RegionPlaces | undefined;
  private points: PlanePoints | undefined;
  private index = new Map<string, number>();
  private current: number | undefined;
  private loaded = false;

  constructor(
    private readonly atlas: AtlasMap,
    private readonly handlers: MapKeyboardHandlers,
  ) {
    const map = atlas.map;
    this.canvas = map.getCanvas();
    map.keyboard.disable();
    this.live = document.createElement('div');
    this.live.className = 'visually-hidden';
    this.live.setAttribute('aria-live', 'polite');
    this.live.id = 'map-announcer';
    map.getContainer().append(this.live);
    this.relabel();
    void atlas.whenLoaded().then(() => {
      this.addLayers();
      this.loaded = true;
    });
    this.canvas.addEventListener('focus', () => {
      // Only a keyboard arrival picks a region; a mouse click on the map pins one itself.
      if (this.canvas.matches(':focus-visible')) this.enter();
    });
    this.canvas.addEventListener('blur', () => {
      this.outline(undefined);
      this.handlers.blur();
    });
    this.canvas.addEventListener('keydown', (event) => this.key(event));
  }

  relabel(): void {
    // An application: screen readers pass the arrow keys through instead of reading with them.
    this.canvas.setAttribute('role', 'application');
    this.canvas.setAttribute('aria-label', t('mapKeys.canvas'));
  }

  setPlaces(places: RegionPlaces | undefined): void {
    if (places !== this.places) this.outline(undefined);
    this.places = places;
    this.points = places ? mercatorPoints(places.labels) : undefined;
    this.index = new Map(places?.ids.map((id, i) => [id, i]) ?? []);
    this.current = undefined;
  }

  /** Starts the next arrow move from this region (e.g. one picked by search or click). */
  setCurrent(regionId: string | undefined): void {
    const i = regionId === undefined ? undefined : this.index.get(regionId);
    if (i !== undefined) this.current = i;
  }

  /** Label point of a region, for placing a pinned tooltip or flying to it. */
  labelPoint(regionId: string): [number, number] | undefined {
    const i = this.index.get(regionId);
    return i === undefined || !this.places ? undefined : [this.places.labels[2 * i], this.places.labels[2 * i + 1]];
  }

  /** West, south, east, north of a region. */
  bounds(regionId: string): [number, number, number, number] | undefined {
    const i = this.index.get(regionId);
    if (i === undefined || !this.places) return undefined;
    const b = this.places.bounds;
    return [b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]];
  }

  private enter(): void {
    if (!this.points || !this.loaded) return;
    // Start at the pinned region (clicked, searched or linked), else where the keyboard last was.
    const pinned = this.handlers.pinned();
    if (pinned !== undefined) this.setCurrent(pinned);
    if (this.current === undefined || !this.onScreen(this.current)) {
      const centre = this.atlas.map.getCenter();
      const c = mercatorPoints(Float64Array.of(centre.lng, centre.lat));
      this.current = nearestTo(this.points, c.x[0], c.y[0]);
    }
    if (this.current !== undefined) this.focusRegion(this.current);
  }

  private key(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const map = this.atlas.map;
    const direction = ARROWS[event.key];
    let handled = true;
    if (direction && event.shiftKey) {
      const [dx, dy] = { up: [0, -1], down: [0, 1], left: [-1, 0], right: [1, 0] }[direction];
      map.panBy([dx * PAN_STEP, dy * PAN_STEP], { duration: 0 });
    } else if (direction) {
      if (this.current === undefined) this.enter();
      else {
        const next = this.points ? nearestInDirection(this.points, this.current, direction) : undefined;
        if (next !== undefined) this.current = next;
        this.focusRegion(this.current);
      }
    } else if (event.key === '+' || event.key === '=') {
      map.zoomIn({ duration: 0 });
    } else if (event.key === '-' || event.key === '_') {
      map.zoomOut({ duration: 0 });
    } else if ((event.key === 'Enter' || event.key === ' ') && this.current !== undefined && this.places) {
      this.handlers.open(this.places.ids[this.current]);
    } else if (event.key === 'Escape') {
      this.handlers.escape();
    } else handled = false;
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  private focusRegion(i: number): void {
    if (!this.places) return;
    const id = this.places.ids[i];
    const label: [number, number] = [this.places.labels[2 * i], this.places.labels[2 * i + 1]];
    // Instant, not animated: the tooltip is placed from the camera right after.
    if (!this.onScreen(i)) this.atlas.map.jumpTo({ center: label });
    this.outline(id);
    const point = this.atlas.project(label);
    this.live.textContent = this.handlers.focus(id, point);
  }

  private onScreen(i: number): boolean {
    const p = this.atlas.project([this.places!.labels[2 * i], this.places!.labels[2 * i + 1]]);
    const { clientWidth: w, clientHeight: h } = this.canvas;
    return p.x >= MARGIN && p.y >= MARGIN && p.x <= w - MARGIN && p.y <= h - MARGIN;
  }

  private outlined: string | undefined;

  private outline(id: string | undefined): void {
    if (!this.loaded || this.outlined === id) return;
    const map = this.atlas.map;
    this.outlined = id;
    this.atlas.marks.setKeyboard(id);
    // Said on the container too, so tests (and styles) can see which region holds the focus.
    if (id === undefined) delete map.getContainer().dataset.keyboardRegion;
    else map.getContainer().dataset.keyboardRegion = id;
  }

  private addLayers(): void {
    for (const layer of KEYBOARD_LAYER_SPECS) if (!this.atlas.map.getLayer(layer.id)) this.atlas.map.addLayer(layer);
  }
}

/**
 * Names of the larger places on the map, as DOM text over the canvas: crisp at any pixel ratio,
 * no glyph files and no request to any other origin (a MapLibre symbol layer needs a glyphs URL).
 * The regions are tried largest first (by the area of their main part); a name is shown when its
 * box lies in the view, overlaps no name already shown, and the region is big enough on screen to
 * carry it (on its label point, or a line above or below) — so the names that fit at the current
 * zoom appear, and those of smaller places as one zooms in. They are
 * placed again on every camera move. Names are set with textContent; the layer is hidden from
 * assistive technology, which reaches every region by the map's keyboard path instead.
 */
import type * as maplibregl from 'maplibre-gl';
import type { RegionPlaces } from '../engine/regionPlaces';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Most names on screen at once: beyond this a map reads as text, not as a map. */
export const MAX_LABELS = 80;
/** Free space kept around each name, px. */
const GAP = 3;

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;
}

/**
 * Where to show each name, greedily in the order given (the first is the most wanted): the first of
 * its candidate positions inside the view that overlaps no name shown before, at most `max` names.
 * Gives the chosen position's index per name, -1 for none (undefined: the region is skipped).
 */
export function placeBoxes(candidates: readonly (readonly Box[] | undefined)[], view: { width: number; height: number }, max = MAX_LABELS): number[] {
  const shown: Box[] = [];
  return candidates.map((positions) => {
    if (!positions || shown.length >= max) return -1;
    const k = positions.findIndex((box) => box.x >= 0 && box.y >= 0 && box.x + box.width <= view.width && box.y + box.height <= view.height && !shown.some((s) => overlaps(s, box)));
    if (k >= 0) shown.push(positions[k]);
    return k;
  });
}

/** A name placed on a map: its box in CSS pixels and the font the page draws it in. */
export interface PlacedLabel extends Box {
  text: string;
  /** CSS font weight and family, and the size in CSS px. */
  fontWeight: string;
  fontFamily: string;
  fontSize: number;
}

export interface LabelSet {
  places: RegionPlaces;
  /** The name to show for each place (by index into places.ids); "" shows none. */
  names: string[];
}

export class PlaceLabels {
  readonly element: HTMLDivElement;
  private set: LabelSet | undefined;
  /** Place indices, largest first. */
  private order: number[] = [];
  private widths = new Map<number, number>();
  private readonly spans = new Map<number, HTMLSpanElement>();
  /** The position each name had last (0 on the point, 1 above, 2 below): tried first, so names do not hop as the map moves. */
  private readonly lastPosition = new Map<number, number>();
  private frame = 0;
  private measure: CanvasRenderingContext2D | null = null;
  private font = { weight: '600', size: 11, family: 'sans-serif' };
  private lineHeight = 14;

  constructor(private readonly map: maplibregl.Map) {
    this.element = document.createElement('div');
    this.element.className = 'map-labels';
    this.element.setAttribute('aria-hidden', 'true');
    // Names from the data, as the data spells them (the Russian interface's sweep for untranslated text skips them).
    this.element.dataset.data = '';
    const container = map.getContainer();
    // Under the zoom buttons and the attribution, over the canvas.
    container.insertBefore(this.element, container.querySelector('.maplibregl-control-container'));
    const schedule = () => {
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.layout();
      });
    };
    map.on('move', schedule);
    map.on('resize', schedule);
  }

  /** Names to show (undefined: none). Unchanged names are not measured again. */
  show(set: LabelSet | undefined): void {
    const same = set && this.set && set.places === this.set.places && set.names.length === this.set.names.length && set.names.every((n, i) => n === this.set!.names[i]);
    if (!same) {
      this.set = set;
      this.widths.clear();
      for (const span of this.spans.values()) span.remove();
      this.spans.clear();
      this.lastPosition.clear();
      const areas = set?.places.areas;
      this.order = set ? set.names.map((_, i) => i).filter((i) => set.names[i] !== '') : [];
      if (areas) this.order.sort((a, b) => areas[b] - areas[a]);
    }
    this.element.hidden = !set;
    this.layout();
  }

  private textWidth(i: number): number {
    let w = this.widths.get(i);
    if (w === undefined) {
      if (!this.measure) {
        // The labels' own font, measured once: the boxes match what the DOM draws.
        const style = getComputedStyle(this.element);
        this.font = { weight: style.fontWeight, size: parseFloat(style.fontSize) || 11, family: style.fontFamily };
        this.lineHeight = Math.ceil(this.font.size * 1.25) || 14;
        this.measure = document.createElement('canvas').getContext('2d');
        if (this.measure) this.measure.font = `${this.font.weight} ${this.font.size}px ${this.font.family}`;
      }
      const text = this.set!.names[i];
      w = Math.ceil(this.measure ? this.measure.measureText(text).width : text.length * 7) + 2;
      this.widths.set(i, w);
    }
    return w;
  }

  /** Places the names for the current camera. */
  layout(): void {
    const set = this.set;
    if (!set || this.element.hidden) return;
    const canvas = this.map.getCanvas();
    const { order, candidates, chosen } = this.place(this.map, { width: canvas.clientWidth, height: canvas.clientHeight }, this.lastPosition);
    order.forEach((i, k) => {
      let span = this.spans.get(i);
      if (chosen[k] < 0) {
        if (span) span.hidden = true;
        return;
      }
      if (!span) {
        span = document.createElement('span');
        span.className = 'map-label';
        span.textContent = set.names[i];
        span.dataset.region = set.places.ids[i];
        this.element.append(span);
        this.spans.set(i, span);
      }
      const box = candidates[k]![chosen[k]];
      this.lastPosition.set(i, box.position);
      span.hidden = false;
      span.style.transform = `translate(${Math.round(box.x)}px, ${Math.round(box.y)}px)`;
      span.style.width = `${box.width}px`;
    });
  }

  /**
   * The names as they would be placed on another map of the same places (an image drawn off screen
   * at its own size), by the same rule as on screen: boxes in that map's CSS pixels. None when hidden.
   */
  placedOn(map: maplibregl.Map): PlacedLabel[] {
    const set = this.set;
    if (!set || this.element.hidden) return [];
    const canvas = map.getCanvas();
    const { order, candidates, chosen } = this.place(map, { width: canvas.clientWidth, height: canvas.clientHeight }, this.lastPosition);
    return order.flatMap((i, k) => (chosen[k] < 0 ? [] : [{ text: set.names[i], ...candidates[k]![chosen[k]], fontWeight: this.font.weight, fontFamily: this.font.family, fontSize: this.font.size }]));
  }

  private place(map: maplibregl.Map, view: { width: number; height: number }, lastPosition: ReadonlyMap<number, number>) {
    const set = this.set!;
    const { labels, bounds } = set.places;
    // Web Mercator spreads longitude evenly: a region's width on screen without projecting it, so the
    // thousands of regions too narrow for their names cost no projection on each frame of a pan.
    const pxPerDegree = (512 * 2 ** map.getZoom()) / 360;
    const order = this.order;
    const candidates = order.map((i): (Box & { position: number })[] | undefined => {
      const across = (bounds[4 * i + 2] - bounds[4 * i]) * pxPerDegree;
      // No glyph is narrower than a fifth of the font's size: a region narrower than that bound
      // needs no measuring (at the opening view of 3,000 counties, most of them).
      if (across < 0.4 * (set.names[i].length * 0.2 * this.font.size)) return undefined;
      const width = this.textWidth(i);
      if (across < 0.4 * width) return undefined;
      const p = map.project([labels[2 * i], labels[2 * i + 1]]);
      if (p.x < -200 || p.y < -50 || p.x > view.width + 200 || p.y > view.height + 50) return undefined;
      // The region must be on screen at least 40 % as wide as its name and as tall as a line.
      const sw = map.project([bounds[4 * i], bounds[4 * i + 1]]);
      const ne = map.project([bounds[4 * i + 2], bounds[4 * i + 3]]);
      const height = Math.abs(sw.y - ne.y);
      if (Math.abs(ne.x - sw.x) < 0.4 * width || height < this.lineHeight) return undefined;
      // On the label point (0); else a line above (1) or below (2) it, when the region is tall enough
      // to keep the name on it. The position a name had last is tried first, so names do not hop as the map moves.
      const at = (position: number, dy: number) => ({ x: p.x - width / 2, y: p.y - this.lineHeight / 2 + dy, width, height: this.lineHeight, position });
      if (height < 3 * this.lineHeight) return [at(0, 0)];
      const last = lastPosition.get(i) ?? 0;
      const positions = [at(0, 0), at(1, -this.lineHeight), at(2, this.lineHeight)];
      return [positions[last], ...positions.filter((q) => q.position !== last)];
    });
    return { order, candidates, chosen: placeBoxes(candidates, view) };
  }
}

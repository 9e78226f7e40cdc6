/**
 * Names of the larger places on the map, as DOM text over the canvas: crisp at any pixel ratio,
 * no glyph files and no request to any other origin (a MapLibre symbol layer needs a glyphs URL).
 * The regions are tried largest first (by the area of their main part); a name is shown when its
 * box lies in the view, overlaps no name already shown, and the region is big enough on screen to
 * carry it — so the names that fit at the current zoom appear, and more as one zooms in. They are
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
 * Which boxes to show, greedily in the order given (the first is the most wanted): inside the view,
 * overlapping none shown before, at most `max`. `fits[i]` false skips a box (its region too small).
 */
export function placeBoxes(boxes: readonly (Box | undefined)[], view: { width: number; height: number }, max = MAX_LABELS): boolean[] {
  const shown: Box[] = [];
  return boxes.map((box) => {
    if (!box || shown.length >= max) return false;
    if (box.x < 0 || box.y < 0 || box.x + box.width > view.width || box.y + box.height > view.height) return false;
    if (shown.some((s) => overlaps(s, box))) return false;
    shown.push(box);
    return true;
  });
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
  private frame = 0;
  private measure: CanvasRenderingContext2D | null = null;
  private font = '';
  private lineHeight = 14;

  constructor(private readonly map: maplibregl.Map) {
    this.element = document.createElement('div');
    this.element.className = 'map-labels';
    this.element.setAttribute('aria-hidden', 'true');
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
        this.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        this.lineHeight = Math.ceil(parseFloat(style.fontSize) * 1.25) || 14;
        this.measure = document.createElement('canvas').getContext('2d');
        if (this.measure) this.measure.font = this.font;
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
    const view = { width: canvas.clientWidth, height: canvas.clientHeight };
    const { labels, bounds } = set.places;
    const boxes = this.order.map((i): Box | undefined => {
      const p = this.map.project([labels[2 * i], labels[2 * i + 1]]);
      if (p.x < -200 || p.y < -50 || p.x > view.width + 200 || p.y > view.height + 50) return undefined;
      const width = this.textWidth(i);
      // The region must be on screen at least 40 % as wide as its name and as tall as a line.
      const sw = this.map.project([bounds[4 * i], bounds[4 * i + 1]]);
      const ne = this.map.project([bounds[4 * i + 2], bounds[4 * i + 3]]);
      if (Math.abs(ne.x - sw.x) < 0.4 * width || Math.abs(sw.y - ne.y) < this.lineHeight) return undefined;
      return { x: p.x - width / 2, y: p.y - this.lineHeight / 2, width, height: this.lineHeight };
    });
    const shown = placeBoxes(boxes, view);
    this.order.forEach((i, k) => {
      let span = this.spans.get(i);
      if (!shown[k]) {
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
      const box = boxes[k]!;
      span.hidden = false;
      span.style.transform = `translate(${Math.round(box.x)}px, ${Math.round(box.y)}px)`;
      span.style.width = `${box.width}px`;
    });
  }
}

/**
 * Inset frames in the map's lower-left corner for the regions the main view leaves out (which ones:
 * io/outlyingRegions.ts) — Alaska and Hawaii beside the U.S. mainland, the EU's outermost regions
 * beside Europe — as every atlas draws them. Each frame is a small SVG of its regions in Web
 * Mercator at its own scale, filled with the very colours the main map is given (setColours), so
 * the legend reads for both. Pointer and keyboard give the main map's events (hover → the
 * role="tooltip", click → the region pinned and its profile); a frame is one Tab stop whose arrow
 * keys step through its regions. The PNG export draws the same frames (drawInsets).
 */
import type { InsetFrame } from '../io/outlyingRegions';
import { NO_DATA_COLOUR } from './classify';
import { t } from '../i18n/i18n';
import { attributionOf, footHeight } from './viewport';

export interface InsetPointerEvent {
  regionId: string;
  /** Relative to the map's container, like the main map's events. */
  point: { x: number; y: number };
}

export interface InsetHandlers {
  move: (event: InsetPointerEvent) => void;
  leave: () => void;
  click: (event: InsetPointerEvent) => void;
}

const SVG = 'http://www.w3.org/2000/svg';
/** Projected units per radian: coordinates in the path data stay readable with two decimals. */
const UNIT = 1000;

const mercator = (lng: number, lat: number): [number, number] => {
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return [((lng * Math.PI) / 180) * UNIT, -Math.log(Math.tan(Math.PI / 4 + phi / 2)) * UNIT];
};

/** A frame's extent in projected units, with a margin of 6 % of its size. */
export function projectedBox(frame: InsetFrame): { x: number; y: number; w: number; h: number } {
  const [x0, y1] = mercator(frame.box[0], frame.box[1]);
  const [x1, y0] = mercator(frame.box[2], frame.box[3]);
  const w = Math.max(x1 - x0, 1e-3);
  const h = Math.max(y1 - y0, 1e-3);
  const m = Math.max(w, h) * 0.06;
  return { x: x0 - m, y: y0 - m, w: w + 2 * m, h: h + 2 * m };
}

/** SVG path data of a polygon or multipolygon in projected units. */
export function pathData(geometry: InsetFrame['regions'][number]['geometry']): string {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
  const parts: string[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      ring.forEach((p, i) => {
        const [x, y] = mercator(p[0], p[1]);
        parts.push(`${i === 0 ? 'M' : 'L'}${x.toFixed(2)} ${y.toFixed(2)}`);
      });
      parts.push('Z');
    }
  }
  return parts.join('');
}

/**
 * Frame sizes (CSS px) for a map of this size: one height for all — up to 15 % of the map's smaller
 * side, less when that keeps every frame in one row along the foot — widths by each frame's shape.
 */
export function frameSizes(frames: InsetFrame[], mapWidth: number, mapHeight: number): { width: number; height: number }[] {
  const aspects = frames.map((frame) => {
    const b = projectedBox(frame);
    return Math.max(0.7, Math.min(2, b.w / b.h));
  });
  // The row's room: the map's width less the frames' gaps and the zoom buttons' column.
  const room = mapWidth - 16 - 6 * Math.max(0, frames.length - 1) - 48 - 2 * frames.length;
  const total = aspects.reduce((a, b) => a + b, 0);
  const height = Math.floor(Math.max(36, Math.min(110, Math.min(mapWidth, mapHeight) * 0.15, room / Math.max(total, 1e-9))));
  return aspects.map((aspect) => ({ width: Math.floor(height * aspect), height }));
}

export class InsetFrames {
  /** Laid over the map's lower-left corner; `data-map-overlay` makes the main view's fit leave it room. */
  readonly element: HTMLDivElement;
  private frames: InsetFrame[] = [];
  private readonly paths = new Map<string, SVGPathElement>();
  private colours = new Map<string, string>();
  private marked = new Set<string>();
  private handlers: InsetHandlers | undefined;
  private readonly resized: ResizeObserver;
  private observed: Element | undefined;
  /** Called after the frames change place or size (the main view's fit leaves them room). */
  onLayout: () => void = () => undefined;

  constructor(private readonly container: HTMLElement) {
    this.element = document.createElement('div');
    this.element.className = 'map-insets';
    this.element.dataset.mapOverlay = 'bottom';
    container.append(this.element);
    // The map's size and the attribution's height (it wraps to two lines on a phone) place the frames.
    this.resized = new ResizeObserver(() => this.layout());
    this.resized.observe(container);
  }

  /** Watches the attribution too: its height (two lines on a phone) sets where the frames sit. */
  private watchAttribution(): void {
    const attribution = attributionOf(this.container);
    if (attribution && attribution !== this.observed) {
      this.observed = attribution;
      this.resized.observe(attribution);
    }
  }

  /** The frames shown (for the PNG). */
  get current(): InsetFrame[] {
    return this.frames;
  }

  setFrames(frames: InsetFrame[] | undefined): void {
    this.frames = frames ?? [];
    this.paths.clear();
    this.marked.clear();
    this.element.replaceChildren(...this.frames.map((frame, i) => this.frameBox(frame, i)));
    this.element.hidden = this.frames.length === 0;
    this.layout();
    this.paint();
  }

  /** Names and labels in the interface's language. */
  relabel(): void {
    this.element.querySelectorAll<SVGSVGElement>('svg').forEach((svg, i) => svg.setAttribute('aria-label', this.frameLabel(this.frames[i])));
  }

  setColours(colours: Map<string, string>): void {
    this.colours = colours;
    this.paint();
  }

  /** The pinned region and the regions brushed in a linked view, outlined as on the main map. */
  setMarked(ids: Iterable<string>): void {
    this.marked = new Set(ids);
    for (const [id, path] of this.paths) path.classList.toggle('marked', this.marked.has(id));
  }

  onPointer(handlers: InsetHandlers): void {
    this.handlers = handlers;
  }

  /** The frames as laid out on screen, relative to the map's container (for the PNG). */
  placed(): { frame: InsetFrame; x: number; y: number; width: number; height: number }[] {
    const origin = this.container.getBoundingClientRect();
    return [...this.element.querySelectorAll<SVGSVGElement>('svg')].map((svg, i) => {
      const r = svg.getBoundingClientRect();
      return { frame: this.frames[i], x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
    });
  }

  colourOf(id: string): string {
    return this.colours.get(id) ?? NO_DATA_COLOUR;
  }

  private paint(): void {
    for (const [id, path] of this.paths) path.setAttribute('fill', this.colourOf(id));
  }

  /**
   * Places and sizes the frames for the map's size and the attribution's height. Also called when
   * the attribution's text changes (another dataset): its observer reports sizes only, and a text
   * that ends as tall as the one before — after being empty while the sources changed — reports none.
   */
  layout(): void {
    if (this.frames.length === 0) return;
    const { clientWidth, clientHeight } = this.container;
    if (clientWidth === 0 || clientHeight === 0) return;
    this.watchAttribution();
    const bottom = `${footHeight(this.container) + 6}px`;
    const sizes = frameSizes(this.frames, clientWidth, clientHeight);
    const svgs = [...this.element.querySelectorAll<SVGSVGElement>('svg')];
    const changed = this.element.style.bottom !== bottom || svgs.some((svg, i) => svg.style.width !== `${sizes[i].width}px` || svg.style.height !== `${sizes[i].height}px`);
    if (!changed) return;
    this.element.style.bottom = bottom;
    // Frames too small for a caption over their shapes go without (the name is still in the tooltip and the frame's label).
    this.element.classList.toggle('compact', (sizes[0]?.height ?? 0) < 56);
    svgs.forEach((svg, i) => {
      svg.style.width = `${sizes[i].width}px`;
      svg.style.height = `${sizes[i].height}px`;
    });
    this.onLayout();
  }

  private frameLabel(frame: InsetFrame): string {
    const names = frame.regions.map((r) => r.name);
    return t('layout.frame.inset', { names: names.length > 3 ? `${names.slice(0, 3).join(', ')} …` : names.join(', '), n: names.length });
  }

  /** The frame, captioned with its region's name when it holds one region (Canarias, Réunion …). */
  private frameBox(frame: InsetFrame, index: number): HTMLElement {
    const box = document.createElement('div');
    box.className = 'map-inset-box';
    box.append(this.frameElement(frame, index));
    if (frame.regions.length === 1) {
      const caption = document.createElement('div');
      caption.className = 'map-inset-name';
      caption.setAttribute('aria-hidden', 'true');
      // A name from data: text, never markup.
      caption.textContent = frame.regions[0].name;
      box.append(caption);
    }
    return box;
  }

  private frameElement(frame: InsetFrame, index: number): SVGSVGElement {
    const box = projectedBox(frame);
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `${box.x} ${box.y} ${box.w} ${box.h}`);
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    svg.setAttribute('class', 'map-inset');
    svg.setAttribute('role', 'group');
    svg.setAttribute('tabindex', '0');
    svg.setAttribute('aria-label', this.frameLabel(frame));
    svg.dataset.inset = String(index);
    for (const region of frame.regions) {
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', pathData(region.geometry));
      path.setAttribute('fill', NO_DATA_COLOUR);
      path.dataset.region = region.id;
      this.paths.set(region.id, path);
      svg.append(path);
    }
    const at = (event: MouseEvent) => {
      const origin = this.container.getBoundingClientRect();
      return { x: event.clientX - origin.left, y: event.clientY - origin.top };
    };
    const regionOf = (target: EventTarget | null) => (target instanceof SVGPathElement ? target.dataset.region : undefined);
    let hovered: string | undefined;
    svg.addEventListener('pointermove', (event) => {
      const id = regionOf(event.target);
      if (id === undefined) {
        if (hovered !== undefined) this.handlers?.leave();
        hovered = undefined;
        return;
      }
      this.setHover(hovered, id);
      hovered = id;
      this.handlers?.move({ regionId: id, point: at(event) });
    });
    svg.addEventListener('pointerleave', () => {
      this.setHover(hovered, undefined);
      hovered = undefined;
      this.handlers?.leave();
    });
    svg.addEventListener('click', (event) => {
      const id = regionOf(event.target);
      if (id !== undefined) this.handlers?.click({ regionId: id, point: at(event) });
    });
    // Keyboard: the frame is one Tab stop; arrows step through its regions (west to east), Enter pins one.
    let current = -1;
    const pointOf = (id: string) => {
      const r = this.paths.get(id)!.getBoundingClientRect();
      const origin = this.container.getBoundingClientRect();
      return { x: r.left + r.width / 2 - origin.left, y: r.top + r.height / 2 - origin.top };
    };
    const focusRegion = (i: number) => {
      current = (i + frame.regions.length) % frame.regions.length;
      const id = frame.regions[current].id;
      this.setHover(hovered, id);
      hovered = id;
      svg.setAttribute('aria-label', `${this.frameLabel(frame)}: ${frame.regions[current].name}`);
      this.handlers?.move({ regionId: id, point: pointOf(id) });
    };
    svg.addEventListener('focus', () => focusRegion(Math.max(0, current)));
    svg.addEventListener('blur', () => {
      this.setHover(hovered, undefined);
      hovered = undefined;
      svg.setAttribute('aria-label', this.frameLabel(frame));
      this.handlers?.leave();
    });
    svg.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowRight' || event.key === 'ArrowDown') focusRegion(current + 1);
      else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') focusRegion(current - 1);
      else if (event.key === 'Enter' || event.key === ' ') {
        const id = frame.regions[Math.max(0, current)].id;
        this.handlers?.click({ regionId: id, point: pointOf(id) });
      } else return;
      event.preventDefault();
    });
    return svg;
  }

  private setHover(previous: string | undefined, next: string | undefined): void {
    if (previous !== undefined) this.paths.get(previous)?.classList.remove('hover');
    if (next !== undefined) this.paths.get(next)?.classList.add('hover');
  }
}

/**
 * The insets drawn into an exported image: each frame at `placed` (CSS px, relative to the map's
 * corner) times `scale`, a white box with a border and its regions in their colours.
 */
export function drawInsets(
  ctx: CanvasRenderingContext2D,
  placed: { frame: InsetFrame; x: number; y: number; width: number; height: number }[],
  colourOf: (id: string) => string,
  scale: number,
): void {
  for (const p of placed) {
    // Whole device pixels, so the frame's border is a crisp line.
    const [x, y, w, h] = [p.x * scale, p.y * scale, p.width * scale, p.height * scale].map(Math.round);
    const line = Math.max(1, Math.round(scale));
    ctx.save();
    ctx.fillStyle = '#eef2f5';
    ctx.fillRect(x, y, w, h);
    ctx.strokeStyle = '#8c959f';
    ctx.lineWidth = line;
    ctx.strokeRect(x + line / 2, y + line / 2, w - line, h - line);
    ctx.beginPath();
    ctx.rect(x, y, w, h);
    ctx.clip();
    const box = projectedBox(p.frame);
    const k = Math.min(w / box.w, h / box.h);
    ctx.translate(x + (w - box.w * k) / 2, y + (h - box.h * k) / 2);
    ctx.scale(k, k);
    ctx.translate(-box.x, -box.y);
    ctx.lineWidth = (0.5 * scale) / k;
    ctx.strokeStyle = '#ffffff';
    for (const region of p.frame.regions) {
      const path = new Path2D(pathData(region.geometry));
      ctx.fillStyle = colourOf(region.id);
      ctx.fill(path, 'evenodd');
      ctx.stroke(path);
    }
    ctx.restore();
  }
}

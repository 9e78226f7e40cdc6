/**
 * The map as a PNG with its title, legend and attribution drawn in, so the image says what it
 * shows wherever it ends up. The map canvas is copied as drawn (MapLibre keeps its drawing
 * buffer, see mapView.ts), then the text boxes are painted over its corners the way the page
 * shows them. The image has the canvas's size in device pixels. The title, notes and attribution
 * are also written into the file as text chunks (pngText.ts), so they can be read back.
 */
import { addPngText } from './pngText';
import { drawInsets, frameSizes } from './insets';
import type { InsetFrame } from '../io/outlyingRegions';
import type { PlacedLabel } from './placeLabels';
import { MAP_BACKGROUND } from './classify';

export interface PngLegendItem {
  colour: string;
  label: string;
  /** Formatted count of regions in the class. */
  count?: string;
}

export interface PngSpec {
  title: string;
  subtitle?: string;
  /** A warning that must travel with the image (e.g. synthetic demo data). */
  notice?: string;
  /** What the values are measured in (e.g. "Employment: persons; LQ: ratio to the benchmark share"). */
  units?: string;
  /** The mode's notes (LISA: significance level, permutations, seed, global Moran's I with its p). */
  notes?: string[];
  legend: PngLegendItem[];
  attribution: string;
  /** The place names as they stand on the map drawn (CSS px of that map): painted over the canvas, under the text boxes. */
  labels?: PlacedLabel[];
  /** The map's inset frames (Alaska, Hawaii, the EU's outermost regions) and their regions' colours. */
  insets?: { frames: InsetFrame[]; colourOf: (id: string) => string };
}

/** The lines the image carries under its title, in order (also its text metadata). */
export function pngTextLines(spec: PngSpec): string[] {
  return [spec.subtitle, spec.units, ...(spec.notes ?? []), spec.notice].filter((line): line is string => !!line);
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
const INK = '#1b1f23';
const MUTED = '#57606a';

export async function composeMapPng(mapCanvas: HTMLCanvasElement, spec: PngSpec): Promise<Blob> {
  const width = mapCanvas.width;
  const height = mapCanvas.height;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  // CSS pixels → device pixels, so text has the size it has on screen.
  const s = width / Math.max(1, mapCanvas.clientWidth || width / (globalThis.devicePixelRatio || 1));
  // Past Mercator's latitudes MapLibre leaves the canvas see-through (the far north of Chukotka's
  // view): the image has the map's sea there, not a transparent hole.
  ctx.fillStyle = MAP_BACKGROUND;
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(mapCanvas, 0, 0);
  ctx.textBaseline = 'top';
  if (spec.labels) drawLabels(ctx, spec.labels, s);

  drawTitle(ctx, spec, s, width);
  const attributionHeight = drawAttribution(ctx, spec.attribution, s, width, height);
  if (spec.insets && spec.insets.frames.length > 0) drawInsets(ctx, placeInsets(spec.insets.frames, width / s, (height - attributionHeight) / s), spec.insets.colourOf, s);
  drawLegend(ctx, spec.legend, s, height - attributionHeight - 8 * s);

  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the image could not be encoded'))), 'image/png'));
  const bytes = addPngText(new Uint8Array(await blob.arrayBuffer()), [
    ['Title', spec.title],
    ['Description', pngTextLines(spec).join('\n')],
    ['Source', spec.attribution],
    ['Software', 'Cluster Atlas'],
  ]);
  return new Blob([bytes as BlobPart], { type: 'image/png' });
}

/** The names as the page sets them: dark text in a white halo (the page's text-shadow), centred in its box. */
export function drawLabels(ctx: CanvasRenderingContext2D, labels: readonly PlacedLabel[], s: number): void {
  ctx.save();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  for (const label of labels) {
    ctx.font = `${label.fontWeight} ${label.fontSize * s}px ${label.fontFamily}`;
    const x = (label.x + label.width / 2) * s;
    const y = (label.y + label.height / 2) * s;
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
    ctx.lineWidth = 3 * s;
    ctx.strokeText(label.text, x, y);
    ctx.fillStyle = '#1a1a1a';
    ctx.fillText(label.text, x, y);
  }
  ctx.restore();
}

function font(ctx: CanvasRenderingContext2D, px: number, weight = 400): void {
  ctx.font = `${weight} ${px}px ${FONT}`;
}

function panel(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, s: number): void {
  ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
  ctx.strokeStyle = '#d0d7de';
  ctx.lineWidth = Math.max(1, s);
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, 6 * s);
  ctx.fill();
  ctx.stroke();
}

/** Greedy word wrap to a width; a single over-long word gets its own line. */
export function wrapText(measure: (text: string) => number, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

function drawTitle(ctx: CanvasRenderingContext2D, spec: PngSpec, s: number, width: number): void {
  const pad = 10 * s;
  const maxText = Math.min(width * 0.62, 560 * s);
  const blocks: { lines: string[]; px: number; weight: number; colour: string; band?: string }[] = [];
  const add = (text: string | undefined, px: number, weight: number, colour: string, band?: string) => {
    if (!text) return;
    font(ctx, px * s, weight);
    blocks.push({ lines: wrapText((t) => ctx.measureText(t).width, text, maxText), px: px * s, weight, colour, band });
  };
  add(spec.title, 20, 700, INK);
  add(spec.subtitle, 13, 400, MUTED);
  add(spec.units, 12, 400, MUTED);
  for (const note of spec.notes ?? []) add(note, 12, 400, INK);
  add(spec.notice, 12, 600, '#5c4400', '#fff3cd');
  if (blocks.length === 0) return;
  let textWidth = 0;
  let textHeight = 0;
  for (const b of blocks) {
    font(ctx, b.px, b.weight);
    for (const line of b.lines) textWidth = Math.max(textWidth, ctx.measureText(line).width);
    textHeight += b.lines.length * b.px * 1.3 + 3 * s;
  }
  panel(ctx, pad, pad, textWidth + 2 * pad, textHeight + 1.5 * pad, s);
  let y = pad * 1.75;
  for (const b of blocks) {
    font(ctx, b.px, b.weight);
    if (b.band) {
      ctx.fillStyle = b.band;
      ctx.fillRect(pad * 1.5, y - 2 * s, textWidth + pad, b.lines.length * b.px * 1.3 + 2 * s);
    }
    ctx.fillStyle = b.colour;
    for (const line of b.lines) {
      ctx.fillText(line, pad * 2, y);
      y += b.px * 1.3;
    }
    y += 3 * s;
  }
}

/**
 * Where the image's insets go (CSS px): in a row at the bottom right, above the attribution, within
 * the right half so the legend keeps the left; more rows upwards if they do not fit.
 */
export function placeInsets(frames: InsetFrame[], width: number, bottom: number): { frame: InsetFrame; x: number; y: number; width: number; height: number }[] {
  const room = width * 0.5;
  const sizes = frameSizes(frames, room, bottom);
  const gap = 6;
  const placed: { frame: InsetFrame; x: number; y: number; width: number; height: number }[] = [];
  let x = width - 10;
  let y = bottom - 6 - (sizes[0]?.height ?? 0);
  frames.forEach((_, i) => {
    const size = sizes[frames.length - 1 - i];
    if (x - size.width < width - 10 - room && x < width - 10) {
      x = width - 10;
      y -= size.height + gap;
    }
    x -= size.width;
    placed.push({ frame: frames[frames.length - 1 - i], x, y, width: size.width, height: size.height });
    x -= gap;
  });
  return placed.reverse();
}

/** The legend box, bottom-left, its lower edge at `bottom`. */
function drawLegend(ctx: CanvasRenderingContext2D, items: PngLegendItem[], s: number, bottom: number): void {
  if (items.length === 0) return;
  const pad = 8 * s;
  const row = 18 * s;
  const swatch = { w: 18 * s, h: 12 * s };
  font(ctx, 12 * s);
  const labelWidth = Math.max(...items.map((item) => ctx.measureText(item.label).width));
  const countWidth = Math.max(0, ...items.map((item) => (item.count ? ctx.measureText(item.count).width : 0)));
  const w = pad * 2 + swatch.w + 6 * s + labelWidth + (countWidth > 0 ? 12 * s + countWidth : 0);
  const h = pad * 2 + row * items.length;
  const x = 10 * s;
  const y = bottom - h;
  panel(ctx, x, y, w, h, s);
  items.forEach((item, i) => {
    const top = y + pad + i * row;
    ctx.fillStyle = item.colour;
    ctx.fillRect(x + pad, top + (row - swatch.h) / 2, swatch.w, swatch.h);
    ctx.strokeStyle = '#8c959f';
    ctx.lineWidth = Math.max(1, s);
    ctx.strokeRect(x + pad, top + (row - swatch.h) / 2, swatch.w, swatch.h);
    ctx.fillStyle = INK;
    ctx.textAlign = 'left';
    ctx.fillText(item.label, x + pad + swatch.w + 6 * s, top + 3 * s);
    if (item.count) {
      ctx.fillStyle = MUTED;
      ctx.textAlign = 'right';
      ctx.fillText(item.count, x + w - pad, top + 3 * s);
    }
  });
  ctx.textAlign = 'left';
}

/** The attribution, bottom-right; returns the height it takes. */
function drawAttribution(ctx: CanvasRenderingContext2D, text: string, s: number, width: number, height: number): number {
  if (!text) return 0;
  const px = 11 * s;
  font(ctx, px);
  const lines = wrapText((t) => ctx.measureText(t).width, text, width * 0.7);
  const lineHeight = px * 1.3;
  const textWidth = Math.max(...lines.map((line) => ctx.measureText(line).width));
  const pad = 5 * s;
  const h = lines.length * lineHeight + 2 * pad;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillRect(width - textWidth - 2 * pad, height - h, textWidth + 2 * pad, h);
  ctx.fillStyle = INK;
  ctx.textAlign = 'right';
  lines.forEach((line, i) => ctx.fillText(line, width - pad, height - h + pad + i * lineHeight));
  ctx.textAlign = 'left';
  return h;
}

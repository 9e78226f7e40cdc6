/**
 * Region values → coloured classes, with what the legend shows (labels and counts).
 *
 * Two kinds: `classifyValues` for continuous values (quantile, equal interval, natural breaks by
 * ckmeans, manual thresholds; sequential or centred diverging ColorBrewer palettes), and
 * `categoricalClasses` for values that are already codes (stars, LISA quadrants, Gi* bands,
 * life-cycle stages). Both go through `finalise`, so the counts the legend shows are the counts of
 * the classes the layer is coloured with. NaN is "no data" and never falls in a class.
 */
import * as chromatic from 'd3-scale-chromatic';
import { ckmeans } from 'simple-statistics';
import type { IndicatorId } from '../model/dataset';

export const NO_DATA_COLOUR = '#d9d9d9';
/** The sea behind the regions, on screen and in images. */
export const MAP_BACKGROUND = '#eef2f5';

/** A classification of region values into coloured classes, with what the legend shows. */
export interface Classes {
  /** Upper-open class boundaries: class i holds values in [breaks[i-1], breaks[i]). */
  breaks: number[];
  colours: string[];
  labels: string[];
  counts: number[];
  noData: number;
  classOf(value: number): number;
  /** Classes asked for, when fewer came out (the legend says so, and why). */
  fewer?: { asked: number; distinct: number };
}

/**
 * The LQ's fixed classes: breaks at 0.5, 0.8, 1.25, 2 and 3, symmetric around 1 on a log scale
 * (0.8 = 1/1.25, 0.5 = 1/2) and the same for every category, year and dataset, so that a colour
 * always means the same degree of specialisation. 0.8–1.25 is "about the national share" and takes
 * the palette's neutral middle; 2 is the ECO specialisation star's threshold. Documented in the
 * methodology panel.
 */
export const LQ_BREAKS = [0.5, 0.8, 1.25, 2, 3];

export type ClassMethod = 'quantile' | 'equal' | 'ckmeans' | 'manual';

/** LQ_BREAKS as classes: two below the neutral band, the band, three above (a diverging palette of 7). */
export function lqFixedClasses(values: ArrayLike<number>, palette: string, format: (v: number) => string): Classes {
  const scheme = schemeColours(resolvePalette(palette, true), 7);
  const b = LQ_BREAKS;
  const labels = [`< ${format(b[0])}`, ...b.slice(1).map((hi, i) => `${format(b[i])} – ${format(hi)}`), `≥ ${format(b[b.length - 1])}`];
  return finalise(values, b, scheme.slice(1), labels);
}

/**
 * Drops breaks that would make a class whose two ends read the same ("1.00 – 1.00"): that class
 * merges into its neighbour. `keep` (a diverging scale's centre) is never dropped.
 */
function distinctEnds(breaks: number[], min: number, max: number, format: (v: number) => string, keep?: number): number[] {
  const out: number[] = [];
  for (const b of breaks) {
    const previous = out.length > 0 ? out[out.length - 1] : min;
    if (format(b) !== format(previous)) out.push(b);
    else if (b === keep) {
      // The centre stays; the break just below it, which reads the same, goes.
      if (out.length > 0) out[out.length - 1] = b;
      else out.push(b);
    }
  }
  // The last class runs to the maximum; holding the maximum alone it reads as one value, which is right.
  while (out.length > 0 && out[out.length - 1] !== keep && out[out.length - 1] < max && format(out[out.length - 1]) === format(max)) out.pop();
  return out;
}

/** Colour-blind-safe ColorBrewer schemes (colorbrewer2.org, "colorblind safe" filter). */
export const SEQUENTIAL_PALETTES = ['Blues', 'Greens', 'Purples', 'Oranges', 'Greys', 'YlGnBu', 'YlOrRd', 'PuBuGn', 'BuPu'] as const;
export const DIVERGING_PALETTES = ['RdBu', 'PuOr', 'BrBG', 'PiYG', 'PRGn', 'RdYlBu'] as const;
/** Diverging schemes whose low end is red: flipped so that red means high (LQ above 1, growth). */
const FLIPPED = new Set(['RdBu', 'RdYlBu']);
export const MIN_CLASSES = 2;
export const MAX_CLASSES = 9;

export interface ClassifyOptions {
  method: ClassMethod;
  /** Wanted number of classes; fewer come out when the data have fewer distinct values. */
  classes: number;
  palette: string;
  /** Class boundaries for `manual`. */
  thresholds?: number[];
  /**
   * Centre of a diverging scale (LQ 1, zero change): a class boundary is put at the centre, classes
   * below take one side of the palette and classes above the other, symmetric in lightness, and
   * values exactly at the centre get the neutral middle colour in a class of their own.
   */
  centre?: number;
  format: (v: number) => string;
  /**
   * Breaks held across years: the finite values of every year, ascending (engine/pooledValues.ts).
   * The breaks and the classes' ends come from them, the counts from `values` (the year shown), so
   * a value has the same colour in every year.
   */
  pooled?: Float64Array;
}

export function isDiverging(palette: string): boolean {
  return (DIVERGING_PALETTES as readonly string[]).includes(palette);
}

/** The palette to use: the wanted one when it suits the data (diverging iff centred), else the default. */
export function resolvePalette(palette: string, centred: boolean): string {
  if (centred) return isDiverging(palette) ? palette : 'RdBu';
  return (SEQUENTIAL_PALETTES as readonly string[]).includes(palette) ? palette : 'Blues';
}

/** n colours of a ColorBrewer scheme (its discrete set when it has one of that size, else sampled). */
export function schemeColours(palette: string, n: number): string[] {
  const scheme = (chromatic as unknown as Record<string, readonly (readonly string[] | undefined)[]>)[`scheme${palette}`];
  const interpolate = (chromatic as unknown as Record<string, (t: number) => string>)[`interpolate${palette}`];
  if (!scheme || !interpolate) throw new RangeError(`unknown palette "${palette}"`);
  let colours: string[];
  if (scheme[n]) colours = [...scheme[n]!];
  else if (n < 3) {
    // Two or one colour: the ends (or middle) of the 3-class scheme, never an interpolated tint.
    const three = scheme[3]!;
    colours = n === 2 ? [three[0], three[2]] : [three[1]];
  } else colours = Array.from({ length: n }, (_, i) => interpolate(n === 1 ? 0.5 : i / (n - 1)));
  return FLIPPED.has(palette) ? colours.reverse() : colours;
}

function classIndex(breaks: number[], value: number): number {
  let i = 0;
  while (i < breaks.length && value >= breaks[i]) i++;
  return i;
}

function finalise(values: ArrayLike<number>, breaks: number[], colours: string[], labels: string[], exactClass?: (v: number) => number): Classes {
  const classOf = exactClass ?? ((v: number) => classIndex(breaks, v));
  const counts = new Array<number>(colours.length).fill(0);
  let noData = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) noData++;
    else counts[classOf(v)]++;
  }
  return { breaks, colours, labels, counts, noData, classOf };
}

function sortedFinite(values: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out.push(values[i]);
  return Float64Array.from(out).sort();
}

/** Strictly increasing breaks inside (min, max]: a break at or below the minimum would leave an empty first class. */
function cleanBreaks(candidates: number[], min: number, max: number): number[] {
  const out: number[] = [];
  for (const b of [...candidates].sort((a, c) => a - c)) {
    if (b > min && b <= max && (out.length === 0 || b > out[out.length - 1])) out.push(b);
  }
  return out;
}

/** Class boundaries by method, from the sorted finite values (length ≥ 1). */
export function methodBreaks(sorted: Float64Array, method: ClassMethod, k: number, thresholds: number[] = []): number[] {
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  switch (method) {
    case 'manual':
      // The user's thresholds stand even where no value falls: an empty class is information too.
      return [...new Set(thresholds.filter(Number.isFinite))].sort((a, b) => a - b);
    case 'equal': {
      // Equal steps may leave a class empty (that is the method), but never more classes than values.
      const m = Math.min(k, countDistinct(sorted));
      const step = (max - min) / m;
      return cleanBreaks(Array.from({ length: m - 1 }, (_, i) => min + step * (i + 1)), min, max);
    }
    case 'ckmeans': {
      const distinct = countDistinct(sorted);
      const clusters = ckmeans(Array.from(sorted), Math.min(k, distinct));
      return cleanBreaks(clusters.slice(1).map((cluster) => cluster[0]), min, max);
    }
    case 'quantile':
    default: {
      // Each break is a data value (the first of the next k-th of the regions), so every class holds
      // at least its lower bound; tied quantiles (many zeros) collapse into one class instead of
      // leaving empty ones, as interpolated quantiles between two tied values would.
      const candidates: number[] = [];
      for (let i = 1; i < k; i++) candidates.push(sorted[Math.floor((i * sorted.length) / k)]);
      return cleanBreaks(candidates, min, max);
    }
  }
}

function countDistinct(sorted: Float64Array): number {
  let n = sorted.length > 0 ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) n++;
  return n;
}

/** Continuous values in classes by the chosen method and palette (see ClassifyOptions). */
export function classifyValues(values: ArrayLike<number>, options: ClassifyOptions): Classes {
  const { format } = options;
  const k = Math.max(MIN_CLASSES, Math.min(MAX_CLASSES, Math.round(options.classes) || MIN_CLASSES));
  const centred = options.centre !== undefined;
  const palette = resolvePalette(options.palette, centred);
  const sorted = options.pooled ?? sortedFinite(values);
  if (sorted.length === 0 && options.method !== 'manual') {
    return finalise(values, [], schemeColours(palette, 1), ['—']);
  }
  const min = sorted.length ? sorted[0] : NaN;
  const max = sorted.length ? sorted[sorted.length - 1] : NaN;
  const manual = options.method === 'manual';
  let breaks = sorted.length ? methodBreaks(sorted, options.method, k, options.thresholds) : [...new Set(options.thresholds ?? [])].sort((a, b) => a - b);
  if (!manual) breaks = distinctEnds(breaks, min, max, format);
  // Fewer classes than asked (ties, few distinct values, merged equal ends): said in the legend.
  const fewer = (n: number): Classes['fewer'] => (!manual && n < k ? { asked: k, distinct: countDistinct(sorted) } : undefined);
  // Two ends that read the same are one number ("0.00", never "0.00 – 0.00").
  const span = (lo: number, hi: number) => (format(lo) === format(hi) ? format(lo) : `${format(lo)} – ${format(hi)}`);
  const interval = (i: number, n: number) => {
    if (n === 1) return sorted.length === 0 ? '—' : span(min, max);
    // Manual classes are open-ended; automatic ones run from the data's minimum to its maximum.
    if (manual) return i === 0 ? `< ${format(breaks[0])}` : i === n - 1 ? `≥ ${format(breaks[i - 1])}` : `${format(breaks[i - 1])} – ${format(breaks[i])}`;
    const lo = i === 0 ? min : breaks[i - 1];
    const hi = i === n - 1 ? max : breaks[i];
    return span(lo, hi);
  };

  if (!centred) {
    const n = breaks.length + 1;
    return { ...finalise(values, breaks, schemeColours(palette, n), Array.from({ length: n }, (_, i) => interval(i, n))), fewer: fewer(n) };
  }

  // Diverging: a boundary at the centre (each class then lies wholly below or above it), and a
  // neutral class for values exactly at the centre.
  const c = options.centre!;
  const atCentre = sorted.includes(c);
  if (!manual && atCentre) {
    // The centre's values leave the class that starts at it: merge that class upwards until it holds
    // a value, rather than show an empty class next to the neutral one.
    const firstAbove = sorted.find((v) => v > c);
    breaks = breaks.filter((b) => !(b > c && (firstAbove === undefined || b <= firstAbove)));
  }
  if ((manual || (c > min && c < max)) && !breaks.includes(c)) breaks = [...breaks, c].sort((a, b) => a - b);
  if (!manual) breaks = distinctEnds(breaks, min, max, format, c);
  const n = breaks.length + 1;
  // Classes wholly below the centre come first: those whose upper bound (the maximum for the last,
  // unbounded for manual classes) is at or below it.
  let below = 0;
  while (below < n && (below < n - 1 ? breaks[below] : manual ? Infinity : max) <= c) below++;
  const above = n - below;
  const side = Math.max(below, above);
  const scheme = schemeColours(palette, 2 * side + 1);
  const colours: string[] = [];
  const labels: string[] = [];
  for (let i = 0; i < n; i++) {
    colours.push(i < below ? scheme[side - below + i] : scheme[side + 1 + (i - below)]);
    labels.push(interval(i, n));
  }
  // The centre's break is added, not asked for: k classes asked are k shown if n ≥ k.
  const shownFewer = fewer(atCentre ? n + 1 : n);
  if (!atCentre) return { ...finalise(values, breaks, colours, labels), fewer: shownFewer };
  // The neutral class sits between the classes below and above the centre.
  colours.splice(below, 0, scheme[side]);
  labels.splice(below, 0, format(c));
  const classes = finalise(values, breaks, colours, labels, (v) => {
    if (v === c) return below;
    const i = classIndex(breaks, v);
    return i < below ? i : i + 1;
  });
  return { ...classes, fewer: shownFewer };
}

export interface ClassCategory {
  label: string;
  colour: string;
}

/** One class per code 0..n-1 (`classOf` turns a value into its code); codes out of range are no data. */
export function categoricalClasses(values: ArrayLike<number>, categories: ClassCategory[], classOf: (v: number) => number = Math.round): Classes {
  const codes = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const k = Number.isNaN(values[i]) ? NaN : classOf(values[i]);
    codes[i] = k >= 0 && k < categories.length ? k : NaN;
  }
  const classes = finalise(
    codes,
    [],
    categories.map((c) => c.colour),
    categories.map((c) => c.label),
    (v) => v,
  );
  return { ...classes, classOf: (v) => classOf(v) };
}

/** ColorBrewer, colour-blind safe. LQ is diverging around 1 (log-symmetric classes); stars categorical. */
export function classify(indicator: IndicatorId, values: Float64Array, format: (v: number) => string, noStarLabel = 'no star'): Classes {
  switch (indicator) {
    case 'lq':
      return lqFixedClasses(values, 'RdBu', format);
    case 'stars':
      return starClasses(values, noStarLabel);
    default:
      return classifyValues(values, { method: 'quantile', classes: 5, palette: 'Blues', format });
  }
}

export const STAR_COLOURS = ['#f7f7f7', ...chromatic.schemeYlOrBr[4].slice(1)];

export function starClasses(values: ArrayLike<number>, noStarLabel: string): Classes {
  return categoricalClasses(
    values,
    [noStarLabel, '★', '★★', '★★★'].map((label, i) => ({ label, colour: STAR_COLOURS[i] })),
    (v) => Math.min(3, Math.max(0, Math.round(v))),
  );
}

import { quantileSorted } from 'd3-array';
import { schemeBlues, schemeRdBu, schemeYlOrBr } from 'd3-scale-chromatic';
import type { IndicatorId } from '../model/dataset';

export const NO_DATA_COLOUR = '#d9d9d9';

/** A classification of region values into coloured classes, with what the legend shows. */
export interface Classes {
  /** Upper-open class boundaries: class i holds values in [breaks[i-1], breaks[i]). */
  breaks: number[];
  colours: string[];
  labels: string[];
  counts: number[];
  noData: number;
  classOf(value: number): number;
}

/** ColorBrewer, colour-blind safe. LQ is diverging around 1 (log-symmetric classes); stars categorical. */
export function classify(indicator: IndicatorId, values: Float64Array, format: (v: number) => string, noStarLabel = 'no star'): Classes {
  switch (indicator) {
    case 'lq':
      return fixedClasses(values, [1 / 3, 0.5, 0.8, 1.25, 2, 3], [...schemeRdBu[7]].reverse(), format);
    case 'stars':
      return starClasses(values, noStarLabel);
    default:
      return quantileClasses(values, 5, [...schemeBlues[5]], format);
  }
}

function classIndex(breaks: number[], value: number): number {
  let i = 0;
  while (i < breaks.length && value >= breaks[i]) i++;
  return i;
}

function finalise(values: Float64Array, breaks: number[], colours: string[], labels: string[], exactClass?: (v: number) => number): Classes {
  const classOf = exactClass ?? ((v: number) => classIndex(breaks, v));
  const counts = new Array<number>(colours.length).fill(0);
  let noData = 0;
  for (const v of values) {
    if (Number.isNaN(v)) noData++;
    else counts[classOf(v)]++;
  }
  return { breaks, colours, labels, counts, noData, classOf };
}

function fixedClasses(values: Float64Array, breaks: number[], colours: string[], format: (v: number) => string): Classes {
  const labels = colours.map((_, i) =>
    i === 0 ? `< ${format(breaks[0])}` : i === breaks.length ? `≥ ${format(breaks[i - 1])}` : `${format(breaks[i - 1])} – ${format(breaks[i])}`,
  );
  return finalise(values, breaks, colours, labels);
}

/**
 * Quantile classes over the regions with data; equal quantiles (many zeros, ties) collapse into one
 * class rather than producing empty classes.
 */
function quantileClasses(values: Float64Array, k: number, palette: string[], format: (v: number) => string): Classes {
  const sorted = Float64Array.from(values.filter((v) => !Number.isNaN(v))).sort();
  if (sorted.length === 0) return finalise(values, [], [palette[palette.length - 1]], ['—']);
  const breaks: number[] = [];
  for (let i = 1; i < k; i++) {
    const q = quantileSorted(sorted as unknown as number[], i / k)!;
    if (q > sorted[0] && (breaks.length === 0 || q > breaks[breaks.length - 1])) breaks.push(q);
  }
  const n = breaks.length + 1;
  const colours = n === 1 ? [palette[palette.length - 1]] : schemeFor(palette, n);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const labels = colours.map((_, i) => {
    const lo = i === 0 ? min : breaks[i - 1];
    const hi = i === n - 1 ? max : breaks[i];
    return lo === hi ? format(lo) : `${format(lo)} – ${format(hi)}`;
  });
  return finalise(values, breaks, colours, labels);
}

function schemeFor(palette: string[], n: number): string[] {
  if (n === palette.length) return palette;
  const scheme = (schemeBlues as readonly (readonly string[])[])[Math.max(3, n)];
  return n < 3 ? [scheme[0], scheme[2]].slice(0, n) : [...scheme];
}

function starClasses(values: Float64Array, noStarLabel: string): Classes {
  const colours = ['#f7f7f7', ...schemeYlOrBr[4].slice(1)];
  return finalise(values, [1, 2, 3], colours, [noStarLabel, '★', '★★', '★★★'], (v) => Math.min(3, Math.max(0, Math.round(v))));
}

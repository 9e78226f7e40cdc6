/**
 * What a brush selects, without the DOM: points inside a rectangle (in data units) and regions
 * in chosen legend classes. Kept apart so the selection rules are tested on their own.
 */
export interface Rect {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Indices of the points (x[i], y[i], both finite) inside the rectangle, edges included. */
export function pointsInRect(x: ArrayLike<number>, y: ArrayLike<number>, rect: Rect): number[] {
  const [x0, x1] = rect.x0 <= rect.x1 ? [rect.x0, rect.x1] : [rect.x1, rect.x0];
  const [y0, y1] = rect.y0 <= rect.y1 ? [rect.y0, rect.y1] : [rect.y1, rect.y0];
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] >= x0 && x[i] <= x1 && y[i] >= y0 && y[i] <= y1) out.push(i);
  return out;
}

/** Moran quadrant of a point: HH (z > 0, lag > 0), LL, LH (z < 0, lag > 0), HL; on an axis: none. */
export type Quadrant = 'HH' | 'LL' | 'LH' | 'HL';

export function quadrantOf(z: number, lag: number): Quadrant | undefined {
  if (!(Number.isFinite(z) && Number.isFinite(lag)) || z === 0 || lag === 0) return undefined;
  return z > 0 ? (lag > 0 ? 'HH' : 'HL') : lag > 0 ? 'LH' : 'LL';
}

export function pointsInQuadrant(z: ArrayLike<number>, lag: ArrayLike<number>, quadrant: Quadrant): number[] {
  const out: number[] = [];
  for (let i = 0; i < z.length; i++) if (quadrantOf(z[i], lag[i]) === quadrant) out.push(i);
  return out;
}

/** Regions whose value falls in one of the chosen classes (NaN: none). */
export function regionsInClasses(values: ArrayLike<number>, classOf: (v: number) => number, classes: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]) && classes.has(classOf(values[i]))) out.push(i);
  return out;
}

/** Regions per class, as the histogram's bars. */
export function classCounts(values: ArrayLike<number>, classOf: (v: number) => number, nClasses: number): number[] {
  const counts = new Array(nClasses).fill(0);
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    const k = classOf(values[i]);
    if (k >= 0 && k < nClasses) counts[k]++;
  }
  return counts;
}

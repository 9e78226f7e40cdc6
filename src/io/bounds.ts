/**
 * A bounding box for the first view that frames the main body of the regions and leaves out a
 * few outliers (overseas regions, Alaska and Hawaii, islands across the antimeridian) instead
 * of zooming out to the whole globe for them. The core is where the middle of the feature
 * centres lies; every feature whose centre falls inside that core (widened by `margin` of its
 * size) is then included whole, so edge regions such as Maine are not cut off.
 */
export function robustBounds(geojson: unknown, trim = 0.025, margin = 0.3): [number, number, number, number] | undefined {
  const features = (geojson as { features?: { geometry?: { coordinates?: unknown } }[] }).features ?? [];
  const boxes: number[][] = [];
  for (const feature of features) {
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    visit(feature.geometry?.coordinates, box);
    // A box wider than half the globe is a region cut at ±180° that was not unwrapped: it says nothing about where the map is.
    if (box[0] <= box[2] && box[2] - box[0] <= 180) boxes.push(box);
  }
  if (boxes.length === 0) return undefined;
  const cx = boxes.map((b) => (b[0] + b[2]) / 2).sort((a, b) => a - b);
  const cy = boxes.map((b) => (b[1] + b[3]) / 2).sort((a, b) => a - b);
  const at = (values: number[], p: number) => values[Math.min(values.length - 1, Math.max(0, Math.round(p * (values.length - 1))))];
  const [x0, x1, y0, y1] = [at(cx, trim), at(cx, 1 - trim), at(cy, trim), at(cy, 1 - trim)];
  const [dx, dy] = [(x1 - x0) * margin, (y1 - y0) * margin];
  const result = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    const x = (b[0] + b[2]) / 2;
    const y = (b[1] + b[3]) / 2;
    if (x < x0 - dx || x > x1 + dx || y < y0 - dy || y > y1 + dy) continue;
    result[0] = Math.min(result[0], b[0]);
    result[1] = Math.min(result[1], b[1]);
    result[2] = Math.max(result[2], b[2]);
    result[3] = Math.max(result[3], b[3]);
  }
  return result as [number, number, number, number];
}

function visit(coordinates: unknown, box: number[]): void {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === 'number') {
    const [x, y] = coordinates as number[];
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
    return;
  }
  for (const c of coordinates) visit(c, box);
}

/**
 * A bounding box for the first view that ignores a few outlying features (overseas regions,
 * Aleutian islands across the antimeridian) instead of zooming out to the whole globe for them.
 */
export function robustBounds(geojson: unknown, trim = 0.01): [number, number, number, number] | undefined {
  const features = (geojson as { features?: { geometry?: { coordinates?: unknown } }[] }).features ?? [];
  const boxes: number[][] = [[], [], [], []];
  for (const feature of features) {
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    visit(feature.geometry?.coordinates, box);
    if (box[0] <= box[2]) box.forEach((v, i) => boxes[i].push(v));
  }
  if (boxes[0].length === 0) return undefined;
  const pick = (values: number[], p: number) => {
    values.sort((a, b) => a - b);
    return values[Math.min(values.length - 1, Math.max(0, Math.round(p * (values.length - 1))))];
  };
  return [pick(boxes[0], trim), pick(boxes[1], trim), pick(boxes[2], 1 - trim), pick(boxes[3], 1 - trim)];
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

import type { Polygon } from 'geojson';

/** A closed unit square with its lower-left corner at (x, y), counter-clockwise. */
export function square(x: number, y: number, size = 1): Polygon {
  return {
    type: 'Polygon',
    coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
  };
}

/** rows × cols unit squares, row-major from the top-left, as in a printed table. */
export function squareGrid(rows: number, cols: number): Polygon[] {
  const out: Polygon[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out.push(square(c, rows - 1 - r));
  return out;
}

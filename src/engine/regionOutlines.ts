/**
 * Every region's rings as flat typed arrays, made once in the worker from the boundaries it parsed
 * and handed to the page without copying, so that the map can outline a marked region (hovered,
 * pinned, keyboard-focused) from a small source of its own. Drawing those outlines from the regions'
 * source instead costs every frame a pass over every region's geometry, and every colour change an
 * update of each outline layer's per-vertex widths.
 */
import type { MultiLineString, Position } from 'geojson';

export interface RegionOutlines {
  /** Per region (the boundary file's order), its first ring; length regions + 1. */
  firstRing: Uint32Array;
  /** Per ring, its first point; length rings + 1. */
  firstPoint: Uint32Array;
  /** Longitude, latitude of every point. */
  coordinates: Float64Array;
}

/** Packs each region's polygons (as rings of positions) in order. */
export function packOutlines(regions: readonly Position[][][][]): RegionOutlines {
  let rings = 0;
  let points = 0;
  for (const parts of regions) {
    for (const part of parts) {
      rings += part.length;
      for (const ring of part) points += ring.length;
    }
  }
  const firstRing = new Uint32Array(regions.length + 1);
  const firstPoint = new Uint32Array(rings + 1);
  const coordinates = new Float64Array(points * 2);
  let r = 0;
  let p = 0;
  regions.forEach((parts, i) => {
    firstRing[i] = r;
    for (const part of parts) {
      for (const ring of part) {
        firstPoint[r++] = p;
        for (const [x, y] of ring) {
          coordinates[2 * p] = x;
          coordinates[2 * p + 1] = y;
          p++;
        }
      }
    }
  });
  firstRing[regions.length] = r;
  firstPoint[rings] = p;
  return { firstRing, firstPoint, coordinates };
}

/** Region `index`'s rings as lines. */
export function outlineOf(outlines: RegionOutlines, index: number): MultiLineString {
  const lines: Position[][] = [];
  for (let r = outlines.firstRing[index]; r < outlines.firstRing[index + 1]; r++) {
    const line: Position[] = [];
    for (let p = outlines.firstPoint[r]; p < outlines.firstPoint[r + 1]; p++) line.push([outlines.coordinates[2 * p], outlines.coordinates[2 * p + 1]]);
    lines.push(line);
  }
  return { type: 'MultiLineString', coordinates: lines };
}

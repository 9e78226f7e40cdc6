import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { readBoundaries } from '../../../src/io/boundaries';
import { contiguityNeighbours } from '../../../src/indicators/spatial/contiguity';
import { simplifyBoundaries, type RegionShape } from '../../../src/pack/simplifyBoundaries';
import { neighbourIds } from './helpers';

type Polygonal = Polygon | MultiPolygon;

const gridText = readFileSync(fileURLToPath(new URL('../../fixtures/pack/grid/regions.geojson', import.meta.url)), 'utf8');

function gridShapes(): RegionShape[] {
  const b = readBoundaries(gridText, 'regions.geojson', { idProperty: 'code' });
  return b.collection.features.map((f, i) => ({ id: b.regions[i].id, name: b.regions[i].name, geometry: f.geometry }));
}

const polygons = (g: Polygonal): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** The distinct vertices of a ring, sorted, so that where the topology starts the ring does not matter. */
const corners = (ring: Position[]) => [...new Set(ring.map((p) => `${p[0]} ${p[1]}`))].sort();

function ringArea(ring: Position[]): number {
  let a = 0;
  for (let k = 1; k < ring.length; k++) a += ring[k - 1][0] * ring[k][1] - ring[k][0] * ring[k - 1][1];
  return Math.abs(a) / 2;
}

// Worked out by hand on the fixture's 3 × 2 grid of 1° squares (corners count: queen contiguity).
const GRID_QUEEN = {
  R1: ['R2', 'R4', 'R5'],
  R2: ['R1', 'R3', 'R4', 'R5', 'R6'],
  R3: ['R2', 'R5', 'R6'],
  R4: ['R1', 'R2', 'R5'],
  R5: ['R1', 'R2', 'R3', 'R4', 'R6'],
  R6: ['R2', 'R3', 'R5'],
};

describe('simplifyBoundaries', () => {
  it('drops points that change nothing, on both sides of a shared border alike', () => {
    const { geojson, stats } = simplifyBoundaries(gridShapes(), 'code', 'name');
    // 9 + 9 + 8 + 5 + 5 + (5 + 5) positions in the fixture; the collinear points on the top edges
    // and the midpoint of the R1–R2 border go, leaving six squares and the island.
    expect(stats.pointsBefore).toBe(46);
    expect(stats.pointsAfter).toBe(35);
    const byId = new Map(geojson.features.map((f) => [f.properties.code, f]));
    expect(corners(polygons(byId.get('R1')!.geometry)[0][0])).toEqual(['10 51', '10 52', '11 51', '11 52']);
    expect(corners(polygons(byId.get('R2')!.geometry)[0][0])).toEqual(['11 51', '11 52', '12 51', '12 52']);
    expect(byId.get('R1')!.properties).toEqual({ code: 'R1', name: 'Alpha' });
    // Round degrees stay round: the grid is decimal, not the bounding box divided into 1e5 parts.
    expect(stats.decimals).toEqual([5, 5]);
    expect(neighbourIds(contiguityNeighbours(geojson.features.map((f) => f.geometry), 'queen'), [...byId.keys()])).toEqual(GRID_QUEEN);
  });

  it('keeps every region and island, however hard it simplifies', () => {
    const shapes = gridShapes();
    const { geojson, stats } = simplifyBoundaries(shapes, 'code', 'name', { minAreaKm2: 1e7 });
    expect(geojson.features.map((f) => f.properties.code)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6']);
    for (const f of geojson.features) for (const polygon of polygons(f.geometry)) expect(ringArea(polygon[0]), f.properties.code).toBeGreaterThan(0);
    // Zeta's island (one closed arc, whose only endpoint Visvalingam would keep) is still a triangle.
    const zeta = polygons(geojson.features[5].geometry);
    expect(zeta).toHaveLength(2);
    expect(corners(zeta[1][0])).toHaveLength(3);
    expect(stats.droppedRings).toBe(0);
    // Shared borders are one arc, so neighbours stay neighbours even when squares become triangles.
    expect(neighbourIds(contiguityNeighbours(geojson.features.map((f) => f.geometry), 'queen'), shapes.map((s) => s.id))).toEqual(GRID_QUEEN);
    expect(stats.pointsAfter).toBeLessThan(35);
  });

  it('keeps a share of the removable points when asked', () => {
    const all = simplifyBoundaries(gridShapes(), 'code', 'name', { keep: 1 });
    expect(all.stats.pointsAfter).toBe(46);
    expect(all.stats.threshold).toBe('100 % of removable points kept');
  });

  it('unwraps a region across ±180° and keeps its neighbour', () => {
    const box = (x0: number, x1: number): Position[][] => [[[x0, 64], [x1, 64], [x1, 68], [x0, 68], [x0, 64]]];
    const shapes: RegionShape[] = [
      { id: 'MAG', name: 'Magadan', geometry: { type: 'Polygon', coordinates: [[[160, 64], [170, 64], [170.5, 66.123456], [170, 68], [160, 68], [160, 64]]] } },
      // Chukotka as the source files store it: one part up to +180, one from −180.
      { id: 'CHU', name: 'Chukotka', geometry: { type: 'MultiPolygon', coordinates: [[[[170, 64], [180, 64], [180, 68], [170, 68], [170.5, 66.123456], [170, 64]]], box(-180, -170)] } },
    ];
    const { geojson, stats } = simplifyBoundaries(shapes, 'id', 'name');
    expect(stats.unwrapped).toEqual(['CHU']);
    const xs = polygons(geojson.features[1].geometry).flat(2).map((p) => p[0]);
    expect(Math.min(...xs)).toBe(170);
    expect(Math.max(...xs)).toBe(190);
    expect(polygons(geojson.features[0].geometry).flat(2).every((p) => p[0] >= 160 && p[0] <= 170.5)).toBe(true);
    // At least 1e5 steps: over 360° of longitude (the box spans ±180 before unwrapping) a 0.001°
    // grid, over 4° of latitude a 0.00001° one.
    expect(stats.decimals).toEqual([3, 5]);
    for (const f of geojson.features) expect(polygons(f.geometry).flat(2).map(String), f.properties.id).toContain('170.5,66.12346');
    const queen = contiguityNeighbours(geojson.features.map((f) => f.geometry), 'queen');
    expect(neighbourIds(queen, ['MAG', 'CHU'])).toEqual({ MAG: ['CHU'], CHU: ['MAG'] });
  });

  it('keeps rings that had no area in the source, which may be all that makes two regions touch', () => {
    const shapes: RegionShape[] = [
      { id: 'A', name: 'A', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 0.5], [1, 1], [0, 1], [0, 0]]] } },
      {
        id: 'B',
        name: 'B',
        geometry: {
          type: 'MultiPolygon',
          coordinates: [[[[2, 0], [3, 0], [3, 1], [2, 1], [2, 0]]], [[[1, 0.5], [1.5, 0.5], [1, 0.5], [1, 0.5]]]],
        },
      },
      { id: 'C', name: 'C', geometry: { type: 'Polygon', coordinates: [[[5, 5], [6, 6], [5, 5], [5, 5]]] } },
    ];
    const before = neighbourIds(contiguityNeighbours(shapes.map((s) => s.geometry), 'queen'), ['A', 'B', 'C']);
    expect(before).toEqual({ A: ['B'], B: ['A'], C: [] });
    const { geojson, stats } = simplifyBoundaries(shapes, 'id', 'name');
    expect(neighbourIds(contiguityNeighbours(geojson.features.map((f) => f.geometry), 'queen'), ['A', 'B', 'C'])).toEqual(before);
    expect(stats.withoutArea).toEqual(['C']);
    expect(geojson.features).toHaveLength(3);
  });

  it('refines a grid too coarse for a small region instead of losing it', () => {
    const shapes: RegionShape[] = [
      { id: 'BIG', name: 'Big', geometry: { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [0, 3], [0, 0]]] } },
      { id: 'TINY', name: 'Tiny', geometry: { type: 'Polygon', coordinates: [[[1.5, 1.5], [1.5002, 1.5], [1.5002, 1.5002], [1.5, 1.5002], [1.5, 1.5]]] } },
    ];
    // 1000 steps over 3°: a 0.001° grid folds the 0.0002° square onto one point; 10,000 steps do not.
    const { geojson, stats } = simplifyBoundaries(shapes, 'id', 'name', { quantization: 1000, minAreaKm2: 0 });
    expect(stats.quantization).toBe(10_000);
    expect(stats.decimals).toEqual([4, 4]);
    expect(corners(polygons(geojson.features[1].geometry)[0][0])).toEqual(['1.5 1.5', '1.5 1.5002', '1.5002 1.5', '1.5002 1.5002']);
  });
});

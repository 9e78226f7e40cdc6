import { describe, expect, it } from 'vitest';
import { mercatorPoints, nearestInDirection, nearestTo, type PlanePoints } from '../../../src/map/keyboardNav';

/** Points given as [x, y] with y growing downwards, as on screen. */
const plane = (pts: [number, number][]): PlanePoints => ({ x: Float64Array.from(pts, (p) => p[0]), y: Float64Array.from(pts, (p) => p[1]) });

describe('arrow-key moves between regions', () => {
  // A 3 × 3 grid, row-major from the top left; 4 is the centre.
  const grid = plane([
    [0, 0], [1, 0], [2, 0],
    [0, 1], [1, 1], [2, 1],
    [0, 2], [1, 2], [2, 2],
  ]);

  it('moves to the adjacent cell in each direction', () => {
    expect(nearestInDirection(grid, 4, 'up')).toBe(1);
    expect(nearestInDirection(grid, 4, 'down')).toBe(7);
    expect(nearestInDirection(grid, 4, 'left')).toBe(3);
    expect(nearestInDirection(grid, 4, 'right')).toBe(5);
  });

  it('stays put at the edge', () => {
    expect(nearestInDirection(grid, 0, 'up')).toBeUndefined();
    expect(nearestInDirection(grid, 0, 'left')).toBeUndefined();
    expect(nearestInDirection(grid, 8, 'right')).toBeUndefined();
    expect(nearestInDirection(grid, 8, 'down')).toBeUndefined();
  });

  it('prefers a region straight ahead over a closer one far to the side', () => {
    // From 0: region 1 is 2 to the right; region 2 is closer (≈1.56) but 60° below the line.
    const pts = plane([[0, 0], [2, 0], [0.78, 1.35]]);
    expect(nearestInDirection(pts, 0, 'right')).toBe(1);
    // Region 2 is still reachable by going down.
    expect(nearestInDirection(pts, 0, 'down')).toBe(2);
  });

  it('falls back to the half-plane when nothing lies within 45°', () => {
    const pts = plane([[0, 0], [1, 3], [1, -4]]);
    expect(nearestInDirection(pts, 0, 'right')).toBe(1);
  });

  it('of two regions in the cone, takes the nearer after the sideways penalty', () => {
    // a: ahead 3, aside 0 → 3; b: ahead 2, aside 1 → √5 + 1 ≈ 3.24.
    const pts = plane([[0, 0], [3, 0], [2, 1]]);
    expect(nearestInDirection(pts, 0, 'right')).toBe(1);
    // c: ahead 2, aside 0.5 → √4.25 + 0.5 ≈ 2.56 beats a.
    const pts2 = plane([[0, 0], [3, 0], [2, 0.5]]);
    expect(nearestInDirection(pts2, 0, 'right')).toBe(2);
  });

  it('never picks a region without a place', () => {
    const pts = plane([[0, 0], [NaN, NaN], [5, 0]]);
    expect(nearestInDirection(pts, 0, 'right')).toBe(2);
    expect(nearestTo(pts, 0.1, 0)).toBe(0);
  });

  it('finds the region nearest a point, among the eligible', () => {
    expect(nearestTo(grid, 1.6, 0.1)).toBe(2);
    expect(nearestTo(grid, 1.6, 0.1, (i) => i !== 2)).toBe(1);
  });
});

describe('Web Mercator plane', () => {
  it('puts north up and stretches latitude as Mercator does', () => {
    const { x, y } = mercatorPoints(Float64Array.from([0, 0, 90, 45, -180, -45]));
    expect(x[0]).toBe(0);
    expect(y[0]).toBeCloseTo(0, 15);
    expect(x[1]).toBeCloseTo(Math.PI / 2, 15);
    // y(45°) = −ln tan(67.5°) = −asinh(1).
    expect(y[1]).toBeCloseTo(-Math.asinh(1), 12);
    expect(y[2]).toBeCloseTo(Math.asinh(1), 12);
    expect(x[2]).toBeCloseTo(-Math.PI, 15);
  });

  it('moves north with "up" between real-looking places', () => {
    // Denver, Cheyenne (north), Albuquerque (south), Kansas City (east).
    const pts = mercatorPoints(Float64Array.from([-104.99, 39.74, -104.82, 41.14, -106.65, 35.08, -94.58, 39.1]));
    expect(nearestInDirection(pts, 0, 'up')).toBe(1);
    expect(nearestInDirection(pts, 0, 'down')).toBe(2);
    expect(nearestInDirection(pts, 0, 'right')).toBe(3);
  });
});

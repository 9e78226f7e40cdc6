import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maxRadiusFor, radiusScale, referenceValues, symbolPoints } from '../../../src/map/symbols';

describe('proportional symbols: the radius scale', () => {
  it('gives the largest value the maximum radius and areas in proportion to the values (by hand)', () => {
    const s = radiusScale(400, 20);
    expect(s.k).toBe(1); // 20 / √400
    expect(s.radius(400)).toBe(20);
    expect(s.radius(100)).toBe(10); // a quarter of the jobs, a quarter of the area, half the radius
    expect(s.radius(25)).toBe(5);
    expect(s.radius(0)).toBe(0);
    expect(s.radius(NaN)).toBe(0);
    expect(s.radius(-4)).toBe(0);
    expect(radiusScale(0, 20).radius(5)).toBe(0);
  });

  it('keeps area ∝ value for any two values (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e7, noNaN: true }), fc.double({ min: 1e-3, max: 1e7, noNaN: true }), fc.integer({ min: 5, max: 60 }), (a, b, maxR) => {
        const s = radiusScale(Math.max(a, b), maxR);
        expect((s.radius(a) / s.radius(b)) ** 2 / (a / b)).toBeCloseTo(1, 9);
        expect(Math.max(s.radius(a), s.radius(b))).toBeCloseTo(maxR, 9);
      }),
    );
  });

  it('chooses the largest radius from the map’s size, within 10–36 px', () => {
    expect(maxRadiusFor(390, 400)).toBe(24); // a phone's map: 390 / 16, rounded
    expect(maxRadiusFor(1000, 700)).toBe(36); // capped
    expect(maxRadiusFor(100, 80)).toBe(10); // floored
  });

  it('keeps many circles from covering more than 15 % of the map', () => {
    // 660 × 645 px, values summing to 300 times the largest: R = √(0.15 · 660 · 645 / (π · 300)) ≈ 8.2.
    expect(maxRadiusFor(660, 645, 300)).toBe(8);
    // Their areas together: π R² · 300 ≈ 15 % of the map (rounding aside).
    expect((Math.PI * 8.2 ** 2 * 300) / (660 * 645)).toBeCloseTo(0.15, 2);
    // A few regions: the side's limit holds; a great many: never under 4 px.
    expect(maxRadiusFor(660, 645, 3)).toBe(36);
    expect(maxRadiusFor(660, 645, 1e6)).toBe(4);
  });

  it('offers round reference values no larger than the maximum', () => {
    expect(referenceValues(23456)).toEqual([20000, 5000, 1000]);
    expect(referenceValues(450.3)).toEqual([200, 100, 20]);
    expect(referenceValues(500)).toEqual([500, 100, 20]);
    expect(referenceValues(3.2)).toEqual([2, 0.5, 0.2]);
    expect(referenceValues(0)).toEqual([]);
    expect(referenceValues(NaN)).toEqual([]);
  });

  it('draws a point per region with jobs, at its label point, with its name and value', () => {
    const places = { ids: ['a', 'b', 'c'], labels: Float64Array.from([1, 2, 3, 4, 5, 6]), bounds: new Float64Array(12) };
    const values: Record<string, number> = { a: 10, b: 0, c: NaN };
    const points = symbolPoints(places, (id) => values[id], (id) => id.toUpperCase());
    expect(points.features).toHaveLength(1);
    expect(points.features[0].geometry.coordinates).toEqual([1, 2]);
    expect(points.features[0].properties).toEqual({ id: 'a', name: 'A', value: 10 });
  });
});

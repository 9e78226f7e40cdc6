import { describe, expect, it } from 'vitest';
import { frameRegions, MAX_FRAMES, outermostKey } from '../../../src/io/outlyingRegions';

/** A unit square (or w×h box) as a polygon feature at x, y. */
const square = (id: string, x: number, y: number, w = 1, h = 1) => ({
  id,
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]] },
});

/** A 10×10 grid of unit squares from (0, 40) to (10, 50): the mainland of every case below. */
const grid = (n = 10) => Array.from({ length: n * n }, (_, i) => square(`m${i}`, (i % n) * (10 / n), 40 + Math.floor(i / n) * (10 / n), 10 / n, 10 / n));

describe('regions drawn in insets, and the mainland the view is fitted to', () => {
  it('a compact set of regions has no insets; its mainland is all of it', () => {
    const f = frameRegions(grid());
    expect(f.groups).toEqual([]);
    expect(f.mainland).toEqual([0, 40, 10, 50]);
  });

  it('far regions go to insets, grouped by proximity (an island chain in one frame, a lone island in another), west to east', () => {
    // A chain of three islands 0.3° apart (within 4 % of the mainland's 10° side) 30° south-west, one island 25° east.
    const features = [...grid(), square('h1', -30, 10), square('h2', -28.7, 10.2), square('h3', -27.4, 10), square('e', 35, 45)];
    const f = frameRegions(features);
    expect(f.mainland).toEqual([0, 40, 10, 50]);
    expect(f.groups.map((g) => g.members.map((i) => features[i].id))).toEqual([['h1', 'h2', 'h3'], ['e']]);
    expect(f.groups[0].box).toEqual([-30, 10, -26.4, 11.2]);
  });

  it('a border region sticking out of the main body stays in it whole (its centre is inside the widened core)', () => {
    // 3° wide, east of the grid: centre at 11.5, inside 0.5…9.5 widened by 30 % (to 12.2).
    const features = [...grid(), square('edge', 10, 45, 3, 1)];
    const f = frameRegions(features);
    expect(f.groups).toEqual([]);
    expect(f.mainland).toEqual([0, 40, 13, 50]);
  });

  it('a region unwrapped past 180° next to the mainland stays in the main view; one cut at ±180° is ignored', () => {
    const east = Array.from({ length: 100 }, (_, i) => square(`r${i}`, 160 + (i % 10) * 2, 60 + Math.floor(i / 10)));
    const features = [...east, square('chukotka', 176, 62, 14, 8), { id: 'cut', geometry: { type: 'Polygon', coordinates: [[[-179, 0], [179, 0], [179, 1], [-179, 1], [-179, 0]]] } }];
    const f = frameRegions(features);
    expect(f.groups).toEqual([]);
    expect(f.mainland).toEqual([160, 60, 190, 70]);
  });

  it('the EU’s outermost regions are framed apart by their NUTS codes even near the mainland, one frame each', () => {
    // ES70 and PT30 only 2° off the grid's corner: the general rule alone would keep them.
    const features = [...grid(), square('ES70', -3, 37), square('PT30', -3, 35), square('FRA1', -3, 33), square('FRA2', -3, 31.5)];
    const f = frameRegions(features);
    expect(f.mainland).toEqual([0, 40, 10, 50]);
    expect(f.groups.map((g) => g.members.map((i) => features[i].id)).sort()).toEqual([['ES70'], ['FRA1'], ['FRA2'], ['PT30']]);
    // NUTS 3 regions of one outermost region share its frame; a dataset of them alone is its own mainland.
    const canaries = [square('ES703', -18, 28), square('ES704', -16, 28), square('ES705', -14, 28)];
    expect(frameRegions([...grid(), ...canaries]).groups.map((g) => g.members.length)).toEqual([3]);
    expect(frameRegions(canaries)).toEqual({ mainland: [-18, 28, -13, 29], groups: [] });
  });

  it('outermost codes are NUTS codes only, of every NUTS version', () => {
    expect(['ES7', 'ES70', 'ES709', 'PT20', 'PT300', 'FR91', 'FRA5', 'FRY10', 'FRY5'].map(outermostKey)).toEqual(['ES7', 'ES7', 'ES7', 'PT2', 'PT3', 'FR91', 'FRA5', 'FRY1', 'FRY5']);
    expect(['ES61', 'PT11', 'FR10', 'FRB0', 'FRA', 'es70', 'ES70 ', '06073', 'PT20-x'].map(outermostKey)).toEqual(Array(9).fill(undefined));
  });

  it(`never more than ${MAX_FRAMES} frames: the closest groups merge`, () => {
    // Twelve lone islands, six far south and six far north, 3° apart in rows (more than the 0.4° link),
    // the last two of the northern row only 1.5° apart; a finer grid so that they stay outliers.
    const row = (y: number, from: number) => Array.from({ length: 6 }, (_, i) => square(`i${from + i}`, i < 5 || y < 40 ? -40 + i * 4 : -40 + 4 * 4 + 2.5, y));
    const islands = [...row(0, 0), ...row(80, 6)];
    const f = frameRegions([...grid(20), ...islands]);
    expect(f.groups.length).toBe(MAX_FRAMES);
    expect(f.groups.flatMap((g) => g.members).length).toBe(12);
    // The pair 1.5° apart is one of the merged frames.
    expect(f.groups.some((g) => g.members.includes(410) && g.members.includes(411))).toBe(true);
  });
});

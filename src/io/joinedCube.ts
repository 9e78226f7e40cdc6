import type { EmploymentCube, Region } from '../model/dataset';
import type { JoinReport } from './regionJoin';

/**
 * The cube restricted to the data regions that matched a map region, re-keyed to the map's ids
 * and names (so "г. Москва" in the data becomes the map's "Москва"). What is left out is exactly
 * the join report's `notOnMap` list. Regions keep the data's order.
 */
export function joinedCube(cube: EmploymentCube, join: JoinReport): EmploymentCube {
  const matchOf = new Map(join.matched.map((m) => [m.dataId, m]));
  const kept: number[] = [];
  cube.regions.forEach((r, i) => {
    if (matchOf.has(r.id)) kept.push(i);
  });
  return keptRegions(
    cube,
    kept,
    kept.map((i) => {
      const m = matchOf.get(cube.regions[i].id)!;
      return { id: m.regionId, name: m.regionName };
    }),
  );
}

/** The cube with only the regions at indices `kept` (in that order), named `regions`; cells, totals and flags follow. */
export function keptRegions(cube: EmploymentCube, kept: readonly number[], regions: Region[] = kept.map((i) => cube.regions[i])): EmploymentCube {
  const nC = cube.categories.length;
  const pickCells = (values: Float64Array) => {
    const out = new Float64Array(kept.length * nC);
    kept.forEach((from, to) => out.set(values.subarray(from * nC, from * nC + nC), to * nC));
    return out;
  };
  const newIndex = new Map(kept.map((from, to) => [from, to]));
  const out: EmploymentCube = { ...cube, regions, employment: cube.employment.map(pickCells) };
  if (cube.establishments) out.establishments = cube.establishments.map(pickCells);
  if (cube.regionTotals) out.regionTotals = cube.regionTotals.map((t) => Float64Array.from(kept, (i) => t[i]));
  if (cube.flags) {
    out.flags = cube.flags.map((flags) => {
      const moved = new Map<number, string>();
      for (const [cell, flag] of flags) {
        const to = newIndex.get(Math.floor(cell / nC));
        if (to !== undefined) moved.set(to * nC + (cell % nC), flag);
      }
      return moved;
    });
  }
  return out;
}

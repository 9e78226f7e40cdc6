import { loadPacked } from '../pack/helpers';
import { resolve } from 'node:path';
import { computeIndicators } from '../../../src/indicators/computeIndicators';
import { yearInput } from '../../../src/indicators/cubeInput';
import { indicatorRows } from '../../../src/indicators/indicatorRows';
import { DEFAULT_RULE, type EmploymentCube, type StarRule } from '../../../src/model/dataset';
import type { JoinReport } from '../../../src/io/regionJoin';

export const DOORS = resolve(import.meta.dirname, '../../fixtures/doors');

/** The indicator table of every year, as the CLI writes it (numbers rounded to survive a CSV round trip). */
export function indicatorTable(cube: EmploymentCube, rule: StarRule = DEFAULT_RULE, withYears = true): string[] {
  const out: string[] = [];
  cube.years.forEach((year, y) => {
    const result = computeIndicators(yearInput(cube, y, rule.kind), rule);
    for (const row of indicatorRows(cube.regions.map((r) => r.id), cube.categories.map((c) => c.id), withYears ? year : '', cube.employment[y], result)) {
      out.push(row.map((v) => (typeof v === 'number' ? (Number.isNaN(v) ? '' : String(Number(v.toPrecision(12)))) : v)).join(','));
    }
  });
  return out;
}

/** The source's flags of a cube as "region/category/year: flags", sorted. */
export function flagFacts(cube: EmploymentCube): string[] {
  const nC = cube.categories.length;
  return (cube.flags ?? []).flatMap((flags, y) => [...flags].map(([cell, f]) => `${cube.regions[Math.floor(cell / nC)].id}/${cube.categories[cell % nC].id}/${cube.years[y]}: ${f}`)).sort();
}

/** The flags the doors fixture carries on regions of the map (RU's and RU-XXX's leave with their rows). */
export const FIXTURE_FLAGS = ['RU-MOW/tech/2020: b', 'RU-SPE/agri/2021: bp', 'RU-TVE/tourism/2020: u'];

/** What a join report says, without the order of equal things mattering. */
export function joinFacts(join: JoinReport) {
  return {
    matched: join.matched.map((m) => `${m.dataId}→${m.regionId} (${m.basis})`).sort(),
    notOnMap: join.notOnMap.map((m) => `${m.dataId}: ${m.reason}, ${m.detail}`).sort(),
    noData: join.noData.map((r) => r.id).sort(),
  };
}

/** A hosted folder on disk, loaded through the app's loader (the packer's test helper serves it as a site). */
export const loadHostedFolder = (folder: string) => loadPacked(folder);

import type { EmploymentCube, Region } from '../model/dataset';
import { joinRegions, type JoinOptions, type JoinReport } from '../io/regionJoin';
import { joinedCube } from '../io/joinedCube';
import type { JoinSummary } from './types';

export interface JoinedToMap {
  /** Only the data regions matched to a map region, under the map's ids and names. */
  cube: EmploymentCube;
  join: JoinReport;
  summary: JoinSummary;
}

/**
 * The one region join of every door (the user's files, a hosted folder, the packer, the CLI): ids,
 * code aliases, names and manual fixes, then the cube cut down to the matched regions. Aggregates
 * and regions not on the map are reported and never reach the totals, so a location quotient is
 * the same whichever door the files came in by.
 */
export function joinToMap(cube: EmploymentCube, mapRegions: readonly Region[], options: JoinOptions = {}): JoinedToMap {
  const join = joinRegions(cube.regions, mapRegions, options);
  return { cube: joinedCube(cube, join), join, summary: joinSummary(join) };
}

export function joinSummary(join: JoinReport): JoinSummary {
  return {
    mapFeatures: join.counts.mapRegions,
    matched: join.counts.matched,
    regionsWithoutData: join.noData.map((r) => r.id),
    dataRegionsNotOnMap: join.notOnMap.map((m) => m.dataId),
  };
}

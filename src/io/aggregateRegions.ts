import type { EmploymentCube } from '../model/dataset';
import type { TableReport } from './cubeBuilder';
import { keptRegions } from './joinedCube';

/**
 * Region names that statistics tables use for their sum row: "Total", "All regions", "Всего",
 * "Итого", "Всего по …", "Российская Федерация". Summed as a region it doubles every total and
 * takes every ranking's first place.
 */
const AGGREGATE = /^(total|totals|grand total|all|all regions|всего|итого|(всего|итого) по .+|российская федерация|russian federation)$/iu;

export function isAggregateRegionName(id: string): boolean {
  return AGGREGATE.test(id.trim().replace(/\s+/g, ' '));
}

/**
 * Without a map to join to (the CLI's indicators on a table alone), a total row would be counted
 * as one more region: it is left out and reported instead. A benchmark region is kept apart by
 * the cube already and not touched.
 */
export function withoutAggregateRegions(cube: EmploymentCube, report: TableReport): EmploymentCube {
  const kept: number[] = [];
  const dropped: string[] = [];
  cube.regions.forEach((r, i) => (isAggregateRegionName(r.id) ? dropped.push(r.id) : kept.push(i)));
  if (dropped.length === 0) return cube;
  report.notes.push(`${dropped.map((d) => JSON.stringify(d)).join(', ')} left out: a total of the regions, not a region (name it with --benchmark to use it as the benchmark)`);
  return keptRegions(cube, kept);
}

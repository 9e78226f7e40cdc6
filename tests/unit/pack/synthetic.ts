/**
 * A small synthetic employment table for any list of region ids: deterministic (an integer hash
 * of region, category and year, no Math.random), so tests can recompute every value they check.
 */
import { hashKey, hashString } from '../../../src/demo/random';

export const SYNTHETIC_CATEGORIES = Array.from({ length: 10 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
export const SYNTHETIC_YEARS = [2020, 2022];

/** Jobs in one cell: 0–999, a few cells 0. */
export function syntheticJobs(region: string, category: string, year: number): number {
  return hashKey(hashString(region), hashString(category), year) % 1000;
}

/** Long CSV `region,category,year,employment` for the regions. */
export function syntheticEmploymentCsv(regions: readonly string[]): string {
  const lines = ['region,category,year,employment'];
  for (const region of regions) {
    for (const year of SYNTHETIC_YEARS) for (const category of SYNTHETIC_CATEGORIES) lines.push(`${region},${category},${year},${syntheticJobs(region, category, year)}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The benchmark of the location quotient chosen as in the CLI: the sum of the regions, the data's
 * stated total row, or one country (the sum of its regions, by the two-letter prefix of NUTS
 * codes; Greece as EL or GR). LQ(r, c) = (E(r,c) / E(r)) / (E(c) / E) with E(c), E from it.
 */
import type { EmploymentCube } from '../model/dataset';

const NUTS_LIKE = /^[A-Z]{2}[0-9A-Z]{0,3}$/;
export const COUNTRY_BENCHMARK = /^[A-Z]{2}$/;

/** The benchmark vector E(c) of one year for a choice; undefined means the sum of the regions. */
export function benchmarkVector(cube: EmploymentCube, yearIndex: number, choice: string | undefined): Float64Array | undefined {
  if (choice === undefined || choice === 'row') return cube.benchmark?.[yearIndex];
  if (choice === 'regions' || !COUNTRY_BENCHMARK.test(choice)) return undefined;
  const prefixes = choice === 'EL' || choice === 'GR' ? ['EL', 'GR'] : [choice];
  const nC = cube.categories.length;
  const values = cube.employment[yearIndex];
  const out = new Float64Array(nC);
  cube.regions.forEach((region, r) => {
    if (!prefixes.some((p) => region.id.startsWith(p))) return;
    for (let c = 0; c < nC; c++) {
      const v = values[r * nC + c];
      if (v === v) out[c] += v;
    }
  });
  return out;
}

/** The countries a NUTS-coded map offers as benchmarks (most ids NUTS-like), sorted; none otherwise. */
export function countryChoices(regionIds: readonly string[]): string[] {
  const nuts = regionIds.filter((id) => NUTS_LIKE.test(id));
  if (nuts.length === 0 || nuts.length * 5 < regionIds.length * 4) return [];
  return [...new Set(nuts.map((id) => id.slice(0, 2)))].sort();
}

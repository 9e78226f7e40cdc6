import type { EmploymentCube } from '../model/dataset';
import { InputError } from '../io/errors';

/** The cube restricted to the given years, in ascending order; a year not in the data is an error. */
export function selectYears(cube: EmploymentCube, years: number[], file: string): EmploymentCube {
  const wanted = [...new Set(years)].sort((a, b) => a - b);
  const missing = wanted.filter((y) => !cube.years.includes(y));
  if (missing.length > 0) throw new InputError({ file }, `no data for ${missing.join(', ')} (years in the data: ${cube.years.join(', ')})`);
  const index = wanted.map((y) => cube.years.indexOf(y));
  const pick = <T>(values: T[] | undefined) => (values ? index.map((i) => values[i]) : undefined);
  const out: EmploymentCube = { ...cube, years: wanted, employment: pick(cube.employment)! };
  if (cube.establishments) out.establishments = pick(cube.establishments);
  if (cube.benchmark) out.benchmark = pick(cube.benchmark);
  if (cube.regionTotals) out.regionTotals = pick(cube.regionTotals);
  if (cube.flags) out.flags = pick(cube.flags);
  return out;
}

import type { EmploymentCube } from '../model/dataset';
import { InputError } from './errors';

/**
 * Refuses a cube whose sums overflow a double. Every indicator divides by totals (a region's, a
 * category's, the whole map's); with cells of 1e308 those become Infinity, every LQ of the
 * category blank while stars are still given. Cells are finite and non-negative by then, so the
 * running grand total of a year is the largest sum any indicator forms: the cell where it overflows
 * is named.
 */
export function checkFiniteTotals(cube: EmploymentCube, file: string): void {
  const nC = cube.categories.length;
  cube.employment.forEach((values, y) => {
    let total = 0;
    // The sum first (cells are non-negative: it overflows only if the running total does), the
    // cell where it does looked for only then.
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === v) total += v;
    }
    if (total !== Infinity) return;
    total = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) continue;
      total += v;
      if (total === Infinity) {
        const year = cube.years[y];
        throw new InputError(
          { file },
          `employment summed up to region "${cube.regions[Math.floor(i / nC)].id}", category "${cube.categories[i % nC].id}"${year ? `, year ${year}` : ''} exceeds the largest number (±1.8e308): the values cannot be employment`,
        );
      }
    }
  });
}

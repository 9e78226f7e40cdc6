import type { EmploymentCube } from '../../model/dataset';
import { InputError } from '../../io/errors';

/**
 * Most region × category × year values the page takes. The cube, the indicators computed from it
 * (LQ, shares, stars per cell) and their copies between the worker and the page cost about 60
 * bytes a value; 30 million is near 2 GB, what a browser tab can be trusted with. The CLI reads
 * a table as a stream and has no such limit.
 */
export const MAX_PAGE_VALUES = 30_000_000;

export function checkPageCapacity(cube: EmploymentCube, file: string): void {
  const values = cube.regions.length * cube.categories.length * Math.max(1, cube.years.length);
  if (values <= MAX_PAGE_VALUES) return;
  const n = (x: number) => x.toLocaleString('en');
  throw new InputError(
    { file },
    `${n(cube.regions.length)} regions × ${n(cube.categories.length)} categories × ${n(cube.years.length)} year(s) = ${n(values)} values, more than the page can hold (${n(MAX_PAGE_VALUES)}): compute the indicators with the command line (atlas indicators --employment ${file}), or keep fewer categories or years`,
  );
}

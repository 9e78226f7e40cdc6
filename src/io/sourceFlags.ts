/**
 * The source's flags on single values (Eurostat's b break in series, c confidential, u low
 * reliability …): checked where a table carries them (a `flag` column of a long table, the
 * `flags` file of a hosted dataset), written by the packer and read back by the same rules, so a
 * flag survives every door unchanged and a wrong one is a located error, never a silent garble.
 */
import type { EmploymentCube } from '../model/dataset';
import type { DelimitedTable } from './delimited';
import { InputError, type InputLocation } from './errors';

/** Eurostat's flag letters (https://ec.europa.eu/eurostat/data/database/information). */
export const SOURCE_FLAGS: ReadonlySet<string> = new Set(['b', 'c', 'd', 'e', 'f', 'n', 'p', 'r', 's', 'u', 'z']);

/** The flags of one value (one or more letters, e.g. "bu"), or a located error naming the letters known. */
export function checkedFlags(text: string, where: InputLocation): string {
  const flags = text.trim();
  const unknown = [...flags].filter((letter) => !SOURCE_FLAGS.has(letter));
  if (flags === '' || unknown.length > 0) {
    throw new InputError(where, `"${text}" is not a flag of the source: flags are letters among ${[...SOURCE_FLAGS].join(', ')} (e.g. "b", "bu")`);
  }
  return flags;
}

/** Header of the flags file the packer writes. */
export const FLAGS_COLUMNS = ['region', 'category', 'year', 'flag'] as const;

/**
 * The flags file of a hosted dataset (`region,category,year,flag`, one row per flagged value) onto
 * its cube: every row must name a region, category and year of the cube, and known letters; the
 * year is empty for data without years. Returns the cube with `flags` set.
 */
export function applyFlagsTable(cube: EmploymentCube, table: DelimitedTable): EmploymentCube {
  const file = table.fileName;
  const column = (name: string) => {
    const i = table.header.indexOf(name);
    if (i < 0) throw new InputError({ file, line: 1 }, `no "${name}" column (the flags file has ${FLAGS_COLUMNS.join(',')})`);
    return i;
  };
  const [r, c, y, f] = FLAGS_COLUMNS.map(column);
  const regions = new Map(cube.regions.map((region, i) => [region.id, i]));
  const categories = new Map(cube.categories.map((category, i) => [category.id, i]));
  const years = new Map(cube.years.map((year, i) => [String(year), i]));
  const flags = cube.years.map(() => new Map<number, string>());
  table.rows.forEach((row, i) => {
    const line = table.lines[i] ?? i + 2;
    const at = (name: string) => ({ file, line, column: name });
    const region = regions.get(row[r] ?? '');
    if (region === undefined) throw new InputError(at('region'), `region "${row[r]}" has no employment in the dataset`);
    const category = categories.get(row[c] ?? '');
    if (category === undefined) throw new InputError(at('category'), `category "${row[c]}" has no employment in the dataset`);
    const yearText = (row[y] ?? '').trim();
    // Data without years has one (implied) year: its flags leave the year empty.
    const year = yearText === '' && cube.years.length === 1 ? 0 : years.get(yearText);
    if (year === undefined) throw new InputError(at('year'), `year "${yearText}" is not a year of the dataset (${cube.years.join(', ')})`);
    const cell = region * cube.categories.length + category;
    if (flags[year].has(cell)) throw new InputError({ file, line }, `region "${row[r]}", category "${row[c]}"${yearText ? `, year ${yearText}` : ''} is flagged twice`);
    flags[year].set(cell, checkedFlags(row[f] ?? '', at('flag')));
  });
  return { ...cube, flags };
}

/** The cube's flags as the rows of the flags file, region-major as the employment file. */
export function flagsRows(cube: EmploymentCube, withYears: boolean): string[][] {
  const rows: string[][] = [];
  const nC = cube.categories.length;
  cube.years.forEach((year, y) => {
    const flags = cube.flags?.[y];
    if (!flags) return;
    for (const cell of [...flags.keys()].sort((a, b) => a - b)) {
      rows.push([cube.regions[Math.floor(cell / nC)].id, cube.categories[cell % nC].id, withYears ? String(year) : '', flags.get(cell)!]);
    }
  });
  return rows;
}

/**
 * The cube as the CSV files a hosted dataset carries, in the layouts the app's readers take back
 * (`longTableToCube`, `wideTableToCube` with their guessed mappings): the written header names are
 * exactly the ones those readers recognise, and a missing value is an empty cell, never 0.
 */
import Papa from 'papaparse';
import type { Category, EmploymentCube } from '../model/dataset';
import { FLAGS_COLUMNS, flagsRows } from '../io/sourceFlags';

export type Layout = 'long' | 'wide';

export interface EmploymentFiles {
  layout: Layout;
  employment: string;
  /** Wide layout only: a second table of the same shape (the long layout has a column instead). */
  establishments?: string;
}

/** Figures as the source gave them, without binary noise from sums (0.1 + 0.2). */
export function formatValue(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(12))) : '';
}

function csv(fields: string[], rows: string[][]): string {
  // No formula escaping: these files are read back by the app, and ids must survive unchanged.
  return Papa.unparse({ fields, data: rows }, { newline: '\n' }) + '\n';
}

export function categoriesCsv(categories: readonly Category[]): string {
  const grouped = categories.some((c) => c.group !== undefined);
  const fields = grouped ? ['category', 'name', 'group'] : ['category', 'name'];
  return csv(fields, categories.map((c) => (grouped ? [c.id, c.name, c.group ?? ''] : [c.id, c.name])));
}

/**
 * Why the wide layout cannot hold these categories, or undefined when it can: a category column
 * must not be taken for the region or year column, and header names must differ case-insensitively.
 */
export function wideLayoutProblem(cube: EmploymentCube, withYear: boolean): string | undefined {
  const reserved = new Set(['region', ...(withYear ? ['year'] : ['year', 'time', 'period'])]);
  const seen = new Set<string>();
  for (const c of cube.categories) {
    const key = c.id.trim().toLowerCase().replace(/[\s_-]+/g, '_');
    if (reserved.has(key)) return `category "${c.id}" would be read as the ${key === 'region' ? 'region' : 'year'} column`;
    if (seen.has(key)) return `categories differing only in case or spacing ("${c.id}") cannot both be columns`;
    if (c.id !== c.id.trim() || c.id === '') return `category "${c.id}" has surrounding spaces`;
    seen.add(key);
  }
  return undefined;
}

/**
 * Wide when at least this share of region × category × year cells is reported: one number per
 * cell beats repeating region, category and year on every row. Sparse tables stay long.
 */
const WIDE_MIN_FILLED = 0.3;

export function chooseLayout(cube: EmploymentCube, withYear: boolean): { layout: Layout; why: string } {
  const problem = wideLayoutProblem(cube, withYear);
  if (problem) return { layout: 'long', why: `long, because ${problem}` };
  let filled = 0;
  let cells = 0;
  for (const values of cube.employment) {
    cells += values.length;
    for (const v of values) if (!Number.isNaN(v)) filled++;
  }
  const share = cells === 0 ? 0 : filled / cells;
  return share >= WIDE_MIN_FILLED
    ? { layout: 'wide', why: `wide (${Math.round(share * 100)} % of cells reported)` }
    : { layout: 'long', why: `long (only ${Math.round(share * 100)} % of cells reported)` };
}

export function employmentFiles(cube: EmploymentCube, layout: Layout, withYear: boolean): EmploymentFiles {
  if (layout === 'wide') {
    const problem = wideLayoutProblem(cube, withYear);
    if (problem) throw new Error(`wide layout impossible: ${problem}`);
    const employment = wideCsv(cube, cube.employment, withYear);
    return { layout, employment, establishments: cube.establishments ? wideCsv(cube, cube.establishments, withYear) : undefined };
  }
  return { layout, employment: longCsv(cube, withYear) };
}

function wideCsv(cube: EmploymentCube, values: Float64Array[], withYear: boolean): string {
  const nC = cube.categories.length;
  const rows: string[][] = [];
  cube.regions.forEach((region, r) => {
    cube.years.forEach((year, y) => {
      const row = withYear ? [region.id, String(year)] : [region.id];
      for (let c = 0; c < nC; c++) row.push(formatValue(values[y][r * nC + c]));
      rows.push(row);
    });
  });
  return csv([...(withYear ? ['region', 'year'] : ['region']), ...cube.categories.map((c) => c.id)], rows);
}

/** One row per reported cell; cells with neither employment nor establishments are left out. */
function longCsv(cube: EmploymentCube, withYear: boolean): string {
  const nC = cube.categories.length;
  const est = cube.establishments;
  const fields = ['region', 'category', ...(withYear ? ['year'] : []), 'employment', ...(est ? ['establishments'] : [])];
  const rows: string[][] = [];
  cube.regions.forEach((region, r) => {
    cube.years.forEach((year, y) => {
      for (let c = 0; c < nC; c++) {
        const i = r * nC + c;
        const e = cube.employment[y][i];
        const p = est ? est[y][i] : NaN;
        if (Number.isNaN(e) && Number.isNaN(p)) continue;
        const row = [region.id, cube.categories[c].id];
        if (withYear) row.push(String(year));
        row.push(formatValue(e));
        if (est) row.push(formatValue(p));
        rows.push(row);
      }
    });
  });
  return csv(fields, rows);
}

/** The flags file (region,category,year,flag), or undefined when no value is flagged. */
export function flagsCsv(cube: EmploymentCube, withYear: boolean): string | undefined {
  const rows = flagsRows(cube, withYear);
  return rows.length > 0 ? csv([...FLAGS_COLUMNS], rows) : undefined;
}

import type { EmploymentCube } from '../model/dataset';
import { CubeBuilder, type CubeOptions, type TableReport } from './cubeBuilder';
import type { DelimitedTable } from './delimited';
import { InputError } from './errors';
import { findColumn, readCount, readRowKeys, readYear, requireColumn, tableDecimalMark } from './tableColumns';
import { countSuppressed, suppressionFlag } from './suppression';

/** Which column holds what in a long table (one row per region × category [× year]). */
export interface LongMapping {
  region: string;
  category: string;
  employment: string;
  year?: string;
  establishments?: string;
  /**
   * A separate suppression-flag column (County Business Patterns' EMPFLAG): where it holds a
   * letter, the employment cell (0 in CBP) is replaced by the letter's value under the policy.
   */
  employmentFlag?: string;
}

const REGION_NAMES = ['region', 'region_id', 'geo', 'geoid', 'fips', 'nuts_id', 'id', 'code'];
const CATEGORY_NAMES = ['category', 'cluster', 'industry', 'nace', 'naics', 'sector', 'category_id'];
const EMPLOYMENT_NAMES = ['employment', 'emp', 'employees', 'jobs', 'value'];
const YEAR_NAMES = ['year', 'time', 'period'];
const ESTABLISHMENT_NAMES = ['establishments', 'estab', 'est', 'plants', 'firms'];
const FLAG_NAMES = ['empflag', 'employment_flag', 'emp_flag'];

/** Columns recognised from common header names; absent ones are left out for the user to choose. */
export function guessLongMapping(header: string[]): Partial<LongMapping> {
  const pick = (names: readonly string[]) => {
    const i = findColumn(header, names);
    return i >= 0 ? header[i] : undefined;
  };
  const guess: Partial<LongMapping> = {
    region: pick(REGION_NAMES),
    category: pick(CATEGORY_NAMES),
    employment: pick(EMPLOYMENT_NAMES),
    year: pick(YEAR_NAMES),
    establishments: pick(ESTABLISHMENT_NAMES),
    employmentFlag: pick(FLAG_NAMES),
  };
  for (const key of Object.keys(guess) as (keyof LongMapping)[]) if (guess[key] === undefined) delete guess[key];
  return guess;
}

export function longTableToCube(
  table: DelimitedTable,
  mapping: Partial<LongMapping> = guessLongMapping(table.header),
  options: CubeOptions = {},
): { cube: EmploymentCube; report: TableReport } {
  for (const key of ['region', 'category', 'employment'] as const) {
    if (!mapping[key]) {
      throw new InputError(
        { file: table.fileName, line: table.lines[0] ? table.lines[0] - 1 : 1 },
        `no ${key} column recognised in the header (${table.header.join(', ')}); name one explicitly`,
      );
    }
  }
  const region = requireColumn(table, mapping.region!);
  const category = requireColumn(table, mapping.category!);
  const employment = requireColumn(table, mapping.employment!);
  const year = mapping.year ? requireColumn(table, mapping.year) : -1;
  const establishments = mapping.establishments ? requireColumn(table, mapping.establishments) : -1;
  const flagColumn = mapping.employmentFlag ? requireColumn(table, mapping.employmentFlag) : -1;
  const mark = tableDecimalMark(table, establishments >= 0 ? [employment, establishments] : [employment]);

  const builder = new CubeBuilder(table.fileName, options);
  const { report } = builder;
  if (table.blankLines > 0) report.notes.push(`${table.blankLines} blank line(s) skipped`);
  for (let i = 0; i < table.rows.length; i++) {
    report.rowsRead++;
    const row = table.rows[i];
    const line = table.lines[i];
    const keys = readRowKeys(table, i, region, category, report);
    if (!keys) continue;
    const { regionId, categoryId } = keys;
    const y = year >= 0 ? readYear(table, i, year) : (options.defaultYear ?? 0);
    const e = flagColumn >= 0 && row[flagColumn].trim() !== '' ? readFlag(table, i, flagColumn, report, options) : readCount(table, i, employment, mark, report, options.suppression);
    const p = establishments >= 0 ? readCount(table, i, establishments, mark, report) : NaN;
    if (builder.add(regionId, categoryId, y, e, p, line)) report.rowsUsed++;
  }
  return { cube: builder.build(), report };
}

function readFlag(table: DelimitedTable, rowIndex: number, column: number, report: TableReport, options: CubeOptions): number {
  const cell = table.rows[rowIndex][column];
  const flag = suppressionFlag(cell);
  const location = { file: table.fileName, line: table.lines[rowIndex], column: table.header[column] };
  if (!flag) throw new InputError(location, `"${cell.trim()}" is not a suppression flag (A–C, E–M)`);
  if (!options.suppression) throw new InputError(location, `suppression flag "${flag}": choose what it becomes (missing, or the midpoint of its range)`);
  return countSuppressed(report, flag, options.suppression);
}

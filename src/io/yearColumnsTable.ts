import type { EmploymentCube } from '../model/dataset';
import { CubeBuilder, type CubeOptions, type TableReport } from './cubeBuilder';
import type { DelimitedTable } from './delimited';
import { InputError } from './errors';
import { findColumn, readCount, readRowKeys, requireColumn, tableDecimalMark } from './tableColumns';

/** A table with one row per region × category and one column per year (as statistical yearbooks print them). */
export interface YearColumnsMapping {
  region: string;
  category: string;
  /** Year columns; by default every column whose name is a year ("2015", "Y2015", "X2015"). */
  years?: string[];
}

const YEAR_HEADER = /^\s*(?:[A-Za-z]{1,2}[ _-]?)?(\d{4})\s*$/;

/** The year a column header names, or undefined. */
export function yearOfHeader(name: string): number | undefined {
  const match = YEAR_HEADER.exec(name);
  return match ? Number(match[1]) : undefined;
}

export function guessYearColumnsMapping(header: string[]): Partial<YearColumnsMapping> {
  const region = findColumn(header, ['region', 'region_id', 'geo', 'geoid', 'fips', 'nuts_id', 'id', 'code']);
  const category = findColumn(header, ['category', 'cluster', 'industry', 'nace', 'naics', 'okved', 'sector', 'category_id']);
  const years = header.filter((h) => yearOfHeader(h) !== undefined);
  return {
    ...(region >= 0 ? { region: header[region] } : {}),
    ...(category >= 0 ? { category: header[category] } : {}),
    ...(years.length > 0 ? { years } : {}),
  };
}

export function yearColumnsToCube(
  table: DelimitedTable,
  mapping: Partial<YearColumnsMapping> = guessYearColumnsMapping(table.header),
  options: CubeOptions = {},
): { cube: EmploymentCube; report: TableReport } {
  const file = table.fileName;
  if (!mapping.region || !mapping.category) {
    throw new InputError({ file }, `no ${mapping.region ? 'category' : 'region'} column recognised in the header (${table.header.join(', ')}); name one explicitly`);
  }
  const region = requireColumn(table, mapping.region);
  const category = requireColumn(table, mapping.category);
  const yearNames = mapping.years ?? [];
  if (yearNames.length === 0) throw new InputError({ file }, `no year columns (such as "2015") in the header (${table.header.join(', ')})`);
  const yearColumns = yearNames.map((name) => requireColumn(table, name));
  const years = yearNames.map((name) => {
    const year = yearOfHeader(name);
    if (year === undefined) throw new InputError({ file, column: name }, 'this column name is not a year');
    return year;
  });
  const repeated = years.find((y, i) => years.indexOf(y) !== i);
  if (repeated !== undefined) throw new InputError({ file }, `two columns name the year ${repeated}`);
  const mark = tableDecimalMark(table, yearColumns);

  const builder = new CubeBuilder(file, options);
  const { report } = builder;
  if (table.blankLines > 0) report.notes.push(`${table.blankLines} blank line(s) skipped`);
  const ignored = table.header.filter((_, i) => i !== region && i !== category && !yearColumns.includes(i));
  if (ignored.length > 0) report.notes.push(`columns not used: ${ignored.join(', ')}`);
  for (let i = 0; i < table.rows.length; i++) {
    report.rowsRead++;
    const keys = readRowKeys(table, i, region, category, report);
    if (!keys) continue;
    let added = false;
    for (let k = 0; k < yearColumns.length; k++) {
      const e = readCount(table, i, yearColumns[k], mark, report, options.suppression);
      added = builder.add(keys.regionId, keys.categoryId, years[k], e, NaN, table.lines[i]) || added;
    }
    if (added) report.rowsUsed++;
  }
  return { cube: builder.build(), report };
}

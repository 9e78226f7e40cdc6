import type { EmploymentCube } from '../model/dataset';
import { notes as noteText } from './notes';
import { CubeBuilder, type CubeOptions, type TableReport } from './cubeBuilder';
import { PlainSlots, plainColumns } from './plainRows';
import type { PlainRows } from './delimitedScanner';
import type { DelimitedTable } from './delimited';
import { InputError } from './errors';
import { findColumn, requireColumn } from './tableColumns';
import type { DecimalMark } from './numbers';
import { cellsCount, consumeTable, streamTable, type ParseOptions, type RowConsumer, type TableHead } from './tableRows';

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
  return consumeTable(table, (head) => yearColumnsReader(head, mapping, options));
}

/** `yearColumnsToCube(parseDelimited(text, fileName), …)` without keeping the rows. */
export function streamYearColumnsTable(
  text: string | Uint8Array,
  fileName: string,
  mapping?: Partial<YearColumnsMapping>,
  options: CubeOptions = {},
  parse: ParseOptions = {},
): { cube: EmploymentCube; report: TableReport } {
  return streamTable(text, fileName, (head) => yearColumnsReader(head, mapping ?? guessYearColumnsMapping(head.header), options), parse);
}

export function yearColumnsReader(table: TableHead, mapping: Partial<YearColumnsMapping>, options: CubeOptions): RowConsumer<{ cube: EmploymentCube; report: TableReport }> {
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

  const builder = new CubeBuilder(file, options);
  builder.expectYearRows(table.expectedRows);
  const yearSlots = new Int32Array(yearColumns.length).fill(-1);
  const values = new Float64Array(yearColumns.length);
  const { report } = builder;
  const ignored = table.header.filter((_, i) => i !== region && i !== category && !yearColumns.includes(i));
  if (ignored.length > 0) report.notes.push(noteText.columnsUnused(ignored));
  let mark: DecimalMark = '.';
  // Plain rows: the year columns' values land in `values` in their order.
  const columns = plainColumns(table.header.length, [region, category], yearColumns);
  const plainSlots = new PlainSlots();
  // Whether every year column has its slot (made with the first row used, as `row` makes them).
  let everyYear = false;
  const plainRows: PlainRows | undefined = columns && {
    ...columns,
    row(line, names) {
      const regionKey = columns.keys[0];
      const categoryKey = columns.keys[1];
      // As `row`: a category not in the table is recorded for each year column.
      if (!plainSlots.resolve(builder, regionKey, categoryKey, names, line, yearColumns.length)) return false;
      report.rowsRead++;
      const c = plainSlots.category;
      if (c < 0) return true;
      if (!everyYear) {
        for (let k = 0; k < yearColumns.length; k++) if (yearSlots[k] < 0) yearSlots[k] = builder.yearSlot(years[k]);
        everyYear = true;
      }
      builder.addYears(c, plainSlots.region, yearSlots, columns.values, line);
      report.rowsUsed++;
      return true;
    },
  };
  return {
    numericColumns: yearColumns,
    plainRows,
    begin(m) {
      mark = m;
    },
    row(cells, line) {
      report.rowsRead++;
      const regionId = cells.key(region);
      const categoryId = cells.key(category);
      if (regionId === '' || categoryId === '') {
        report.unused.push({ line, reason: regionId === '' ? 'empty region' : 'empty category' });
        return;
      }
      let added = false;
      const c = builder.categorySlot(categoryId, line);
      // The region's slot made with the first cell used, as `add` made it (-2: not yet).
      let r = -2;
      // Every check in the order cell by cell adding made it; then the row's values in one write.
      // As `add` per cell: a category not in the table is recorded for each year column.
      for (let k = 0; k < yearColumns.length; k++) {
        let e = cells.digits(yearColumns[k]);
        if (e < 0) e = cellsCount(table, cells, line, yearColumns[k], mark, report, options.suppression);
        values[k] = e;
        if (c < 0) {
          if (k > 0) builder.categorySlot(categoryId, line);
          continue;
        }
        if (yearSlots[k] < 0) yearSlots[k] = builder.yearSlot(years[k]);
        if (r === -2) r = builder.regionSlot(regionId, line);
        if (e === Infinity) builder.beyondLargest(regionId, categoryId, line);
        added = true;
      }
      if (added) builder.addYears(c, r, yearSlots, values, line);
      if (added) report.rowsUsed++;
    },
    finish(blankLines) {
      if (blankLines > 0) report.notes.unshift(`${blankLines} blank line(s) skipped`);
      return { cube: builder.build(), report };
    },
  };
}

import type { EmploymentCube } from '../model/dataset';
import { CubeBuilder, type CubeOptions, type TableReport } from './cubeBuilder';
import { KeySlots, NO_SLOT, PlainSlots, plainColumns } from './plainRows';
import type { PlainRows } from './delimitedScanner';
import type { DelimitedTable } from './delimited';
import { InputError } from './errors';
import { findColumn, requireColumn } from './tableColumns';
import type { DecimalMark } from './numbers';
import { cellsCount, cellsYear, consumeTable, streamTable, type ParseOptions, type RowConsumer, type TableHead } from './tableRows';
import { countSuppressed, suppressionFlag } from './suppression';
import { checkedFlags } from './sourceFlags';

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
  /** The source's flags on each value (Eurostat letters such as b, u), kept with the cell. */
  flags?: string;
}

const REGION_NAMES = ['region', 'region_id', 'geo', 'geoid', 'fips', 'nuts_id', 'id', 'code'];
const CATEGORY_NAMES = ['category', 'cluster', 'industry', 'nace', 'naics', 'sector', 'category_id'];
const EMPLOYMENT_NAMES = ['employment', 'emp', 'employees', 'jobs', 'value'];
const YEAR_NAMES = ['year', 'time', 'period'];
const ESTABLISHMENT_NAMES = ['establishments', 'estab', 'est', 'plants', 'firms'];
const FLAG_NAMES = ['empflag', 'employment_flag', 'emp_flag'];
const SOURCE_FLAG_NAMES = ['flag', 'flags', 'obs_flag', 'obs_status'];

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
    flags: pick(SOURCE_FLAG_NAMES),
  };
  for (const key of Object.keys(guess) as (keyof LongMapping)[]) if (guess[key] === undefined) delete guess[key];
  return guess;
}

export function longTableToCube(
  table: DelimitedTable,
  mapping: Partial<LongMapping> = guessLongMapping(table.header),
  options: CubeOptions = {},
): { cube: EmploymentCube; report: TableReport } {
  return consumeTable(table, (head) => longTableReader(head, mapping, options));
}

/**
 * `longTableToCube(parseDelimited(text, fileName), mapping, options)` with the same result and
 * errors, the rows going straight from the parser into the cube (for files of millions of rows).
 */
export function streamLongTable(
  text: string | Uint8Array,
  fileName: string,
  /** The columns, or how to choose them from the header (by default `guessLongMapping`). */
  mapping: Partial<LongMapping> | ((header: string[]) => Partial<LongMapping>) = guessLongMapping,
  options: CubeOptions = {},
  parse: ParseOptions = {},
): { cube: EmploymentCube; report: TableReport } {
  return streamTable(text, fileName, (head) => longTableReader(head, typeof mapping === 'function' ? mapping(head.header) : mapping, options), parse);
}

export function longTableReader(table: TableHead, mapping: Partial<LongMapping>, options: CubeOptions): RowConsumer<{ cube: EmploymentCube; report: TableReport }> {
  for (const key of ['region', 'category', 'employment'] as const) {
    if (!mapping[key]) {
      throw new InputError(
        { file: table.fileName, line: table.firstLine ? table.firstLine - 1 : 1 },
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
  const sourceFlags = mapping.flags ? requireColumn(table, mapping.flags) : -1;

  const builder = new CubeBuilder(table.fileName, options);
  const { report } = builder;
  const regionSlots = new KeySlots();
  const categorySlots = new KeySlots();
  const plainSlots = new PlainSlots();
  let lastYear = NaN;
  let lastYearSlot = -1;
  let mark: DecimalMark = '.';
  // Plain rows: ids and counts only (a flag column is read the general way).
  const columns = flagColumn < 0 && sourceFlags < 0 ? plainColumns(table.header.length, [region, category], year >= 0 ? [employment, establishments, year].filter((c) => c >= 0) : [employment, establishments].filter((c) => c >= 0)) : undefined;
  const plainRows: PlainRows | undefined = columns && {
    ...columns,
    row(line, names) {
      const { keys, values } = columns;
      const regionKey = keys[0];
      const categoryKey = keys[1];
      const y = year >= 0 ? values[establishments >= 0 ? 2 : 1] : (options.defaultYear ?? 0);
      if (year >= 0 && (y < 1000 || y > 9999)) return false;
      if (!plainSlots.resolve(builder, regionKey, categoryKey, names, line)) return false;
      report.rowsRead++;
      const c = plainSlots.category;
      if (c < 0) return true;
      const r = plainSlots.region;
      if (y !== lastYear) {
        lastYear = y;
        lastYearSlot = builder.yearSlot(y);
      }
      builder.addCount(c, r, lastYearSlot, values[0], establishments >= 0 ? values[1] : NaN, line);
      report.rowsUsed++;
      return true;
    },
  };
  return {
    numericColumns: establishments >= 0 ? [employment, establishments] : [employment],
    plainRows,
    begin(m) {
      mark = m;
    },
    row(cells, line) {
      report.rowsRead++;
      // Region and category as the scanner's key numbers: a key seen before maps to its slot
      // through an array, with no string and no map lookup (-1: ask for the text).
      const regionKey = cells.keyIndex(region);
      const categoryKey = cells.keyIndex(category);
      let regionId = '';
      let categoryId = '';
      if (regionKey < 0 || categoryKey < 0) {
        // Region first: an empty region is reported as such even when the category is empty too.
        regionId = cells.key(region);
        categoryId = cells.key(category);
        if (regionId === '' || categoryId === '') {
          report.unused.push({ line, reason: regionId === '' ? 'empty region' : 'empty category' });
          return;
        }
      }
      // Plain digits are read here; anything else (and every error) by the general readers.
      let y = year >= 0 ? cells.digits(year) : (options.defaultYear ?? 0);
      if (y < 1000 || y > 9999) y = year >= 0 ? cellsYear(table, cells, line, year) : y;
      let e = flagColumn >= 0 && cells.key(flagColumn) !== '' ? readFlag(table, cells.get(flagColumn), line, flagColumn, report, options) : cells.digits(employment);
      if (e < 0) e = cellsCount(table, cells, line, employment, mark, report, options.suppression);
      let p = establishments >= 0 ? cells.digits(establishments) : NaN;
      if (p < 0) p = cellsCount(table, cells, line, establishments, mark, report);
      if (e === Infinity || p === Infinity) builder.beyondLargest(regionId || cells.key(region), categoryId || cells.key(category), line);
      const flagText = sourceFlags >= 0 ? cells.key(sourceFlags) : '';
      const flags = flagText === '' ? undefined : checkedFlags(flagText, { file: table.fileName, line, column: table.header[sourceFlags] });
      // As `add`: the category first (one not in the categories table is recorded, row by row), then the region.
      let c = categoryKey >= 0 ? categorySlots.get(categoryKey) : NO_SLOT;
      if (c === NO_SLOT) {
        c = builder.categorySlot(categoryId || cells.key(category), line);
        if (c < 0) return;
        if (categoryKey >= 0) categorySlots.set(categoryKey, c);
      }
      let r = regionKey >= 0 ? regionSlots.get(regionKey) : NO_SLOT;
      if (r === NO_SLOT) {
        r = builder.regionSlot(regionId || cells.key(region), line);
        if (regionKey >= 0) regionSlots.set(regionKey, r);
      }
      if (y !== lastYear) {
        lastYear = y;
        lastYearSlot = builder.yearSlot(y);
      }
      builder.addCell(c, r, lastYearSlot, e, p, line, flags);
      report.rowsUsed++;
    },
    finish(blankLines) {
      if (blankLines > 0) report.notes.unshift(`${blankLines} blank line(s) skipped`);
      return { cube: builder.build(), report };
    },
  };
}

function readFlag(table: TableHead, cell: string, line: number, column: number, report: TableReport, options: CubeOptions): number {
  const flag = suppressionFlag(cell);
  const location = { file: table.fileName, line, column: table.header[column] };
  if (!flag) throw new InputError(location, `"${cell.trim()}" is not a suppression flag (A–C, E–M)`);
  if (!options.suppression) throw new InputError(location, `suppression flag "${flag}": choose what it becomes (missing, or the midpoint of its range)`);
  return countSuppressed(report, flag, options.suppression);
}

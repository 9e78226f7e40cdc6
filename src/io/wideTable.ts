import type { EmploymentCube } from '../model/dataset';
import { CubeBuilder, hasControlCharacter, type CubeOptions, type TableReport } from './cubeBuilder';
import { KeySlots, NO_SLOT, plainColumns } from './plainRows';
import type { PlainRows } from './delimitedScanner';
import type { DelimitedTable } from './delimited';
import { InputError } from './errors';
import { findColumn, requireColumn } from './tableColumns';
import { establishmentsOfTable, streamEstablishments, type EstablishmentsByKey, type EstablishmentsText } from './establishmentsTable';
import type { DecimalMark } from './numbers';
import { cellsCount, cellsKey, cellsYear, consumeTable, streamTable, type ParseOptions, type RowConsumer, type TableHead } from './tableRows';

/** A wide table: one row per region [× year], one column per category. */
export interface WideMapping {
  region: string;
  year?: string;
  /** Category columns; by default every column other than region and year. */
  categories?: string[];
}

export function guessWideMapping(header: string[]): Partial<WideMapping> {
  const region = findColumn(header, ['region', 'region_id', 'geo', 'geoid', 'fips', 'nuts_id', 'id', 'code']);
  const year = findColumn(header, ['year', 'time', 'period']);
  return {
    ...(region >= 0 ? { region: header[region] } : {}),
    ...(year >= 0 ? { year: header[year] } : {}),
  };
}

/**
 * Reads a wide employment table, and optionally a second wide table of establishments with the
 * same regions, years and category columns (as the packed datasets carry them).
 */
export function wideTableToCube(
  table: DelimitedTable,
  mapping: Partial<WideMapping> = guessWideMapping(table.header),
  options: CubeOptions = {},
  establishmentsTable?: DelimitedTable,
): { cube: EmploymentCube; report: TableReport } {
  return consumeTable(table, (head) => wideTableReader(head, mapping, options, establishmentsTable));
}

/**
 * `wideTableToCube(parseDelimited(text, fileName), …)` without keeping the employment table's rows;
 * an establishments file given as text is streamed too (establishmentsTable.ts).
 */
export function streamWideTable(
  text: string | Uint8Array,
  fileName: string,
  mapping?: Partial<WideMapping>,
  options: CubeOptions = {},
  establishments?: DelimitedTable | EstablishmentsText,
  parse: ParseOptions = {},
): { cube: EmploymentCube; report: TableReport } {
  return streamTable(text, fileName, (head) => wideTableReader(head, mapping ?? guessWideMapping(head.header), options, establishments), parse);
}

export function wideTableReader(
  table: TableHead,
  mapping: Partial<WideMapping>,
  options: CubeOptions,
  establishments?: DelimitedTable | EstablishmentsText,
): RowConsumer<{ cube: EmploymentCube; report: TableReport }> {
  if (!mapping.region) throw new InputError({ file: table.fileName }, `no region column recognised in the header (${table.header.join(', ')})`);
  const region = requireColumn(table, mapping.region);
  const year = mapping.year ? requireColumn(table, mapping.year) : -1;
  const categoryNames = mapping.categories ?? table.header.filter((_, i) => i !== region && i !== year);
  const categoryColumns = categoryNames.map((name) => requireColumn(table, name));
  if (categoryColumns.length === 0) throw new InputError({ file: table.fileName }, 'no category columns');

  let establishmentsByKey: EstablishmentsByKey | undefined;
  const establishmentsFile = establishments?.fileName;
  const builder = new CubeBuilder(table.fileName, options);
  const categorySlots = new Int32Array(categoryColumns.length).fill(-1);
  const values = new Float64Array(categoryColumns.length);
  const { report } = builder;
  let mark: DecimalMark = '.';
  // Plain rows (region, year and counts only): the category columns' values land in `values` in
  // their order, the year after them; a row without its establishments is left to the general way.
  const columns = plainColumns(table.header.length, [region], year >= 0 ? [...categoryColumns, year] : categoryColumns);
  const regionSlots = new KeySlots();
  // Whether every category column has its slot (then no row records a category not in the table).
  let everyCategory = false;
  let lastYear = NaN;
  let lastYearSlot = -1;
  const plainRows: PlainRows | undefined = columns && {
    ...columns,
    row(line, names) {
      const counts = columns.values;
      const regionKey = columns.keys[0];
      const y = year >= 0 ? counts[categoryColumns.length] : (options.defaultYear ?? 0);
      if (year >= 0 && (y < 1000 || y > 9999)) return false;
      let r = regionSlots.get(regionKey);
      if (r === NO_SLOT && hasControlCharacter(names[regionKey])) return false;
      let establishmentRow: ArrayLike<number> | undefined;
      if (establishmentsByKey) {
        establishmentRow = establishmentsByKey.get(names[regionKey], y);
        if (!establishmentRow) return false;
      }
      report.rowsRead++;
      let slot = -1;
      if (everyCategory) {
        // Every column's category known (the usual case): the first cell is used.
        slot = y === lastYear ? lastYearSlot : (lastYearSlot = builder.yearSlot((lastYear = y)));
        if (r === NO_SLOT) regionSlots.set(regionKey, (r = builder.regionSlot(names[regionKey], line)));
      } else {
        // As `row`: the year's slot and the region's made with the first cell used.
        everyCategory = true;
        for (let k = 0; k < categoryColumns.length; k++) {
          let c = categorySlots[k];
          if (c < 0) c = categorySlots[k] = builder.categorySlot(categoryNames[k], line);
          if (c < 0) {
            everyCategory = false;
            continue;
          }
          if (slot < 0) slot = builder.yearSlot(y);
          if (r === NO_SLOT) regionSlots.set(regionKey, (r = builder.regionSlot(names[regionKey], line)));
        }
        if (slot < 0) return true;
      }
      builder.addRow(r, slot, categorySlots, counts, establishmentRow, line);
      report.rowsUsed++;
      return true;
    },
  };
  return {
    numericColumns: categoryColumns,
    plainRows,
    begin(m) {
      mark = m;
      // After the employment table's own header and mark: the establishments' errors come second.
      if (establishments) {
        establishmentsByKey = 'text' in establishments ? streamEstablishments(establishments, mapping, categoryNames) : establishmentsOfTable(establishments, mapping, categoryNames);
      }
    },
    row(cells, line) {
      report.rowsRead++;
      const regionId = cellsKey(cells, region, line, report, 'region');
      if (regionId === undefined) return;
      const y = year >= 0 ? cellsYear(table, cells, line, year) : (options.defaultYear ?? 0);
      const establishmentRow = establishmentsByKey?.get(regionId, y);
      if (establishmentsByKey && !establishmentRow) {
        throw new InputError({ file: establishmentsFile! }, `no row for region "${regionId}"${year >= 0 ? `, year ${y}` : ''} (present in ${table.fileName}, line ${line})`);
      }
      let added = false;
      // The year's slot made with the row's first cell, as `add` made it.
      let slot = -1;
      // The region's slot made with the first cell used, as `add` made it (-2: not yet).
      let r = -2;
      // Every check in the order cell by cell adding made it; then the row's values in one write.
      for (let k = 0; k < categoryColumns.length; k++) {
        let e = cells.digits(categoryColumns[k]);
        if (e < 0) e = cellsCount(table, cells, line, categoryColumns[k], mark, report, options.suppression);
        values[k] = e;
        // Each column's category resolved once (a category not in the table is recorded per cell, as before).
        let c = categorySlots[k];
        if (c < 0) c = categorySlots[k] = builder.categorySlot(categoryNames[k], line);
        if (c < 0) continue;
        if (slot < 0) slot = builder.yearSlot(y);
        if (r === -2) r = builder.regionSlot(regionId, line);
        if (e === Infinity) builder.beyondLargest(regionId, categoryNames[k], line);
        added = true;
      }
      if (added) builder.addRow(r, slot, categorySlots, values, establishmentRow, line);
      if (added) report.rowsUsed++;
    },
    finish(blankLines) {
      if (blankLines > 0) report.notes.unshift(`${blankLines} blank line(s) skipped`);
      return { cube: builder.build(), report };
    },
  };
}

import { InputError, UsageError } from '../../io/errors';
import type { FileSummary, ImportChoices, TableChoice, TableSummary } from './importTypes';

/**
 * The reader's guesses as choices of the mapping step, for every door: the import dialog starts
 * from them, the packer and the CLI take them as they are (with what the command line adds).
 */
export interface TableGuessOptions {
  /** A value column named by the user (`--measure`): the table is long, whatever its header suggests. */
  measure?: string;
  /** Columns that are dimensions of the rows (filtered on), never categories. */
  exclude?: readonly string[];
}

export function guessTableChoice(table: TableSummary, options: TableGuessOptions = {}): TableChoice {
  const { layout, long } = table;
  const region = table.region ?? table.header[0];
  if (options.measure !== undefined) {
    return { layout: 'long', region, category: long.category ?? table.category, employment: options.measure, year: long.year, establishments: long.establishments, employmentFlag: long.employmentFlag, flags: long.flags };
  }
  if (layout === 'long') {
    return { layout, region, category: long.category, employment: long.employment, year: long.year, establishments: long.establishments, employmentFlag: long.employmentFlag, flags: long.flags };
  }
  if (layout === 'years') return { layout, region, category: table.category, columns: table.yearColumns };
  return { layout, region, year: table.year, columns: wideColumns(table, region, table.year, options.exclude) };
}

/**
 * A wide table's value columns: every column but the region, the year and the excluded ones,
 * and but those holding text in the first rows (a name column). A column empty in the first rows
 * stays: leaving it out would drop a category without a word.
 */
export function wideColumns(table: TableSummary, region: string, year?: string, exclude: readonly string[] = []): string[] {
  return table.header.filter((c) => c !== region && c !== year && !exclude.includes(c) && !table.textColumns.includes(c));
}

/** The employment choice a file suggests on its own. */
export function guessEmployment(summary: FileSummary, options: TableGuessOptions = {}): ImportChoices['employment'] {
  if (summary.eurostat) return { key: summary.key, eurostat: { region: summary.eurostat.region, category: summary.eurostat.category, filters: {} } };
  if (summary.json) return { key: summary.key, json: { measure: options.measure ?? summary.json.measures[0] } };
  return { key: summary.key, table: summary.table ? guessTableChoice(summary.table, options) : undefined };
}

/**
 * The guess for a door without a mapping step (the packer, the CLI), refused where the dialog
 * would make the user pick: no region column, or a long table whose category or count column
 * has a name no reader knows (a table naming one of the two is never read as wide).
 */
export function confidentTableChoice(file: string, table: TableSummary, options: TableGuessOptions = {}): TableChoice {
  const columns = () => table.header.map((h) => `"${h}"`).join(', ');
  const refuse = (problem: string): never => {
    throw new InputError({ file, line: 1 }, problem);
  };
  if (table.region === undefined) refuse(`no region column recognised in the header (${columns()})`);
  const choice = guessTableChoice(table, options);
  const longish = choice.layout === 'long' || (choice.layout === 'wide' && (table.category !== undefined || table.long.employment !== undefined));
  if (longish) {
    const category = choice.category ?? table.category;
    const employment = choice.employment ?? table.long.employment;
    if (!category) refuse(`no category column recognised in the header (${columns()})`);
    if (!employment) refuse(`no employment column recognised in the header (${columns()}); name it with --measure`);
  }
  return choice;
}

/**
 * Hierarchy levels stated outside the dialog (`--level <column>=<n>`), numbered as the dialog shows
 * them (1 = top), as the choice holds them (0 = top); a column without a hierarchy or a level it
 * does not have is an error naming what the table has.
 */
export function statedLevels(file: string, table: TableSummary, stated: Readonly<Record<string, number>>): Record<string, number> {
  const levels: Record<string, number> = {};
  const hierarchies = table.hierarchies ?? [];
  for (const [column, n] of Object.entries(stated)) {
    const h = hierarchies.find((x) => x.column === column);
    if (!h) {
      const have = hierarchies.length > 0 ? `columns with levels: ${hierarchies.map((x) => `"${x.column}"`).join(', ')}` : 'no column of this table lists a hierarchy';
      throw new InputError({ file }, `--level "${column}": ${table.header.includes(column) ? 'this column has no hierarchy levels' : 'no such column'} (${have})`);
    }
    if (!h.levels.some((l) => l.level === n - 1)) {
      throw new InputError({ file }, `--level "${column}"=${n}: the column has levels ${h.levels.map((l) => `${l.level + 1} (${l.rows} rows, e.g. ${l.examples[0] ?? ''})`).join(', ')}`);
    }
    levels[column] = n - 1;
  }
  return levels;
}

/**
 * `--level <column>=<n>` (repeatable): the hierarchy level to use of a column of an official
 * export, numbered as the import dialog shows them (1 = top). The column's name may hold "=".
 */
export function parseLevels(values: readonly string[] | undefined, usage: string): Record<string, number> {
  const levels: Record<string, number> = {};
  for (const value of values ?? []) {
    const at = value.lastIndexOf('=');
    const column = at > 0 ? value.slice(0, at) : '';
    const n = at > 0 ? Number(value.slice(at + 1)) : NaN;
    if (column === '' || !Number.isInteger(n) || n < 1) throw new UsageError(`--level must be <column>=<level 1, 2, …>, not "${value}"`, usage);
    levels[column] = n;
  }
  return levels;
}

/**
 * What the user would pick in the app's mapping step, taken from the command line and the files'
 * own guesses instead: columns or dimensions of the employment table, filters, measure, year,
 * suppression policy, id and name properties, manual fixes. Filters on the columns of a delimited
 * table (the app filters Eurostat dimensions only) are applied here, their rows counted.
 */
import type { DelimitedTable } from '../io/delimited';
import { InputError } from '../io/errors';
import type { SuppressionPolicy } from '../io/suppression';
import { requireColumn } from '../io/tableColumns';
import type { ImportChoices, TableChoice, TableSummary } from '../engine/import/importTypes';
import { confidentTableChoice, statedLevels } from '../engine/import/importChoices';
import { wholeTable } from '../engine/import/inspectFile';
import type { DatasetInputs } from './inputs';

export interface ChoiceOptions {
  /** Boundary property holding the region ids / names; found from the data when absent. */
  idProperty?: string;
  nameProperty?: string;
  /** Codes to keep per Eurostat dimension or table column. */
  filters?: Record<string, string[]>;
  /** Measure of nested JSON, or the value column of a long table. */
  measure?: string;
  /** Data without years: the one year it refers to. Data with years: the years to keep. */
  years?: number[];
  suppression?: SuppressionPolicy;
  /** Keep categories that are not industries (TOTAL, NRP, aggregates beside their parts). */
  keepNonIndustry?: boolean;
  /** Workbook sheet of the employment table, by name or number (1 = first). */
  sheet?: string;
  /** Hierarchy level per column of an official export, 1 = top as the dialog numbers them. */
  levels?: Record<string, number>;
}

export interface PackChoices {
  choices: ImportChoices;
  /** False when the source has no years (nested JSON, a table without a year column) and none was given. */
  hasYears: boolean;
  /** Rows left out by filters on table columns, per reason. */
  excluded: { reason: string; rows: number }[];
  /** How the employment table is read, for the report. */
  reading: string;
}

export function packChoices(inputs: DatasetInputs, options: ChoiceOptions, manual: ReadonlyMap<string, string> | undefined): PackChoices {
  const summary = inputs.employment;
  const file = summary.name;
  const filters = options.filters ?? {};
  const filtered = Object.keys(filters).length > 0;
  const single = options.years?.length === 1 ? options.years[0] : undefined;
  const employment: ImportChoices['employment'] = { key: summary.key, year: single, suppression: options.suppression, keepNonIndustry: options.keepNonIndustry };
  let hasYears: boolean;
  let excluded: PackChoices['excluded'] = [];
  let reading: string;

  if (summary.eurostat) {
    if (options.measure !== undefined) throw new InputError({ file }, '--measure applies to nested JSON and long tables; a Eurostat table picks its unit with --filter unit=…');
    const { region, category, dimensions } = summary.eurostat;
    employment.eurostat = { region, category, filters };
    hasYears = true;
    const selected = Object.entries(filters).map(([dim, codes]) => `${dim}=${codes.join(',')}`);
    reading = `Eurostat TSV, dimensions ${dimensions.join(', ')}${selected.length > 0 ? `; selected ${selected.join('; ')}` : ''}`;
  } else if (summary.json) {
    if (filtered) throw new InputError({ file }, '--filter applies to Eurostat TSV and delimited tables, not to nested JSON');
    employment.json = { measure: options.measure };
    hasYears = false;
    reading = `nested JSON${options.measure ? `, measure ${options.measure}` : ''}`;
  } else {
    const input = inputs.parsed.get(summary.key)!.parsed;
    if (input.kind !== 'table') throw new InputError({ file }, 'is not an employment table');
    if (filtered) {
      // A large file kept only its first rows: filter them all, and build from the filtered rows.
      const result = filterRows(wholeTable(input), filters);
      input.table = result.table;
      delete input.headOnly;
      excluded = result.excluded;
    }
    employment.table = tableChoice(input.table, summary.table!, options.measure, Object.keys(filters));
    const levels = statedLevels(file, summary.table!, options.levels ?? {});
    if (Object.keys(levels).length > 0) employment.table.levels = levels;
    hasYears = employment.table.layout === 'years' || employment.table.year !== undefined;
    reading = describeTable(employment.table);
  }
  if (!hasYears && options.years !== undefined && options.years.length > 1) {
    throw new InputError({ file }, `the data has no years, so --year can name only the one year it refers to, not ${options.years.join(', ')}`);
  }

  const choices: ImportChoices = {
    boundaries: { key: inputs.boundaries.key, idProperty: options.idProperty, nameProperty: options.nameProperty },
    employment,
    join: { by: 'auto', aliases: true, manual: [...(manual ?? [])] },
  };
  if (inputs.categories) choices.categories = { key: inputs.categories.key };
  if (inputs.industries) choices.industries = { key: inputs.industries.key };
  return { choices, hasYears: hasYears || single !== undefined, excluded, reading };
}

/**
 * The import's own guess, with what the command line adds: a value column (--measure) makes the
 * table long, filtered columns are not categories.
 */
function tableChoice(table: DelimitedTable, guess: TableSummary, measure: string | undefined, filterColumns: string[]): TableChoice {
  if (measure !== undefined) requireColumn(table, measure);
  return confidentTableChoice(table.fileName, guess, { measure, exclude: filterColumns });
}

function describeTable(choice: TableChoice): string {
  const named = (['region', 'category', 'employment', 'year', 'establishments', 'employmentFlag', 'flags'] as const)
    .filter((k) => choice[k] !== undefined)
    .map((k) => `${k} "${choice[k]}"`)
    .join(', ');
  const rest = choice.layout === 'wide' ? ', then one per category' : choice.layout === 'years' ? ', then one per year' : '';
  return `${choice.layout} table; columns: ${named}${rest}`;
}

/** Rows whose filtered columns hold one of the wanted codes; the others are counted per column. */
function filterRows(table: DelimitedTable, filters: Record<string, string[]>): { table: DelimitedTable; excluded: PackChoices['excluded'] } {
  const entries = Object.entries(filters).map(([column, codes]) => ({ column, index: requireColumn(table, column), codes: new Set(codes) }));
  for (const e of entries) {
    const present = new Set(table.rows.map((row) => row[e.index].trim()));
    const unknown = [...e.codes].filter((c) => !present.has(c));
    if (unknown.length > 0) {
      throw new InputError({ file: table.fileName, column: e.column }, `filter ${e.column}=${unknown.join(',')}: no row has this value (values: ${[...present].slice(0, 20).join(', ')})`);
    }
  }
  const excluded = new Map<string, number>();
  const rows: string[][] = [];
  const lines: number[] = [];
  table.rows.forEach((row, i) => {
    const failing = entries.find((e) => !e.codes.has(row[e.index].trim()));
    if (failing) {
      const reason = `${failing.column} is not ${[...failing.codes].join(' or ')}`;
      excluded.set(reason, (excluded.get(reason) ?? 0) + 1);
      return;
    }
    rows.push(row);
    lines.push(table.lines[i]);
  });
  return { table: { ...table, rows, lines }, excluded: [...excluded].map(([reason, n]) => ({ reason, rows: n })) };
}

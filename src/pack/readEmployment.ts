/**
 * The employment table of a dataset, whatever its format, as one cube with its report:
 * Eurostat TSV (dimension filters), nested JSON (a chosen measure), or a delimited table in long
 * or wide layout (filters on extra columns, a chosen value column); then optionally an
 * industry→category mapping and a selection of years.
 */
import type { Category, EmploymentCube } from '../model/dataset';
import type { TableReport } from '../io/cubeBuilder';
import { parseDelimited, type DelimitedTable } from '../io/delimited';
import { InputError } from '../io/errors';
import { eurostatToCube } from '../io/eurostatCube';
import { parseEurostatTsv } from '../io/eurostatTsv';
import { aggregateIndustries, parseIndustryMapping, type IndustryReport } from '../io/industryMapping';
import { guessLongMapping, longTableToCube } from '../io/longTable';
import { nestedJsonToCube } from '../io/nestedJson';
import type { SuppressionPolicy } from '../io/suppression';
import { requireColumn } from '../io/tableColumns';
import { guessWideMapping, wideTableToCube } from '../io/wideTable';
import type { InputKind } from '../io/inputKind';

export interface EmploymentOptions {
  /** Codes to keep per dimension (Eurostat) or column (delimited tables). */
  filters?: Record<string, string[]>;
  /** Measure of nested JSON, or the value column of a long table. */
  measure?: string;
  /** Data without years: the one year it refers to. Data with years: the years to keep. */
  years?: number[];
  suppression?: SuppressionPolicy;
  categories?: Category[];
}

export interface EmploymentResult {
  cube: EmploymentCube;
  report: TableReport;
  /** Present when an industry mapping was applied. */
  industries?: IndustryReport;
  /** How the table was read (layout, selection), for the pack report. */
  layout: string;
  /** False when the source has no years (nested JSON, a table without a year column) and none was given. */
  hasYears: boolean;
}

export function readEmployment(
  file: { name: string; kind: InputKind; text: string },
  options: EmploymentOptions = {},
  industryMapping?: { name: string; text: string },
): EmploymentResult {
  const filters = options.filters ?? {};
  const single = options.years?.length === 1 ? options.years[0] : undefined;
  // With a mapping the cube's categories are industry codes; the categories table applies after.
  const categories = industryMapping ? undefined : options.categories;
  const cubeOptions = { categories, suppression: options.suppression, defaultYear: single };
  let result: { cube: EmploymentCube; report: TableReport };
  let layout: string;
  let sourceHasYears: boolean;
  switch (file.kind) {
    case 'eurostat-tsv': {
      if (options.measure !== undefined) throw new InputError({ file: file.name }, '--measure applies to nested JSON and long tables; a Eurostat table picks its unit with --filter unit=…');
      const table = parseEurostatTsv(file.text, file.name);
      const read = eurostatToCube(table, { ...cubeOptions, filters });
      result = read;
      const selection = Object.entries(read.selection).map(([dim, codes]) => `${dim}=${codes.join(',')}`);
      layout = `Eurostat TSV, dimensions ${table.dimensions.join(', ')}${selection.length > 0 ? `; selected ${selection.join('; ')}` : ''}`;
      sourceHasYears = true;
      break;
    }
    case 'nested-json': {
      if (Object.keys(filters).length > 0) throw new InputError({ file: file.name }, '--filter applies to Eurostat TSV and delimited tables, not to nested JSON');
      result = nestedJsonToCube(file.text, file.name, { ...cubeOptions, measure: options.measure });
      layout = `nested JSON${options.measure ? `, measure ${options.measure}` : ''}`;
      sourceHasYears = false;
      break;
    }
    case 'delimited': {
      const { table, excluded } = filterRows(parseDelimited(file.text, file.name), filters);
      const long = guessLongMapping(table.header);
      if (options.measure !== undefined) {
        requireColumn(table, options.measure);
        long.employment = options.measure;
      }
      if (long.category !== undefined || options.measure !== undefined || guessWideMapping(table.header).region === undefined) {
        result = longTableToCube(table, long, cubeOptions);
        const columns = (['region', 'category', 'employment', 'year', 'establishments', 'employmentFlag'] as const).filter((k) => long[k] !== undefined);
        layout = `long table; columns: ${columns.map((k) => `${k} "${long[k]}"`).join(', ')}`;
        sourceHasYears = long.year !== undefined;
      } else {
        const wide = guessWideMapping(table.header);
        result = wideTableToCube(table, wide, cubeOptions);
        layout = `wide table; columns: region "${wide.region}"${wide.year ? `, year "${wide.year}"` : ''}, then one per category`;
        sourceHasYears = wide.year !== undefined;
      }
      if (excluded.length > 0) result.report.excluded = [...(result.report.excluded ?? []), ...excluded];
      break;
    }
    default:
      throw new InputError({ file: file.name }, `is ${file.kind}, not an employment table`);
  }

  let { cube } = result;
  const { report } = result;
  let industries: IndustryReport | undefined;
  if (industryMapping) {
    const mapping = parseIndustryMapping(industryMapping.text, industryMapping.name);
    ({ cube, report: industries } = aggregateIndustries(cube, mapping));
    if (options.categories) cube = { ...cube, categories: describeCategories(cube.categories, options.categories) };
  }
  if (sourceHasYears && options.years !== undefined) cube = selectYears(cube, options.years, file.name);
  else if (!sourceHasYears && options.years !== undefined && options.years.length > 1) {
    throw new InputError({ file: file.name }, `the data has no years, so --year can name only the one year it refers to, not ${options.years.join(', ')}`);
  }
  return { cube, report, industries, layout, hasYears: sourceHasYears || single !== undefined };
}

/** Rows whose filtered columns hold one of the wanted codes; the others are counted per column. */
function filterRows(table: DelimitedTable, filters: Record<string, string[]>): { table: DelimitedTable; excluded: { reason: string; rows: number }[] } {
  const entries = Object.entries(filters).map(([column, codes]) => ({ column, index: requireColumn(table, column), codes: new Set(codes) }));
  if (entries.length === 0) return { table, excluded: [] };
  for (const e of entries) {
    const present = new Set(table.rows.map((row) => row[e.index].trim()));
    const unknown = [...e.codes].filter((c) => !present.has(c));
    if (unknown.length > 0) throw new InputError({ file: table.fileName, column: e.column }, `filter ${e.column}=${unknown.join(',')}: no row has this value (values: ${[...present].slice(0, 20).join(', ')})`);
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
  // The filtered columns are dimensions, not categories of a wide table: drop them from the header.
  const drop = new Set(entries.map((e) => e.index));
  const keep = table.header.map((_, i) => i).filter((i) => !drop.has(i));
  const narrowed: DelimitedTable = {
    ...table,
    header: keep.map((i) => table.header[i]),
    rows: rows.map((row) => keep.map((i) => row[i])),
    lines,
  };
  return { table: narrowed, excluded: [...excluded].map(([reason, n]) => ({ reason, rows: n })) };
}

/** Names and groups from the categories table for the mapping's categories, in the mapping's order. */
function describeCategories(mapped: Category[], table: Category[]): Category[] {
  const byId = new Map(table.map((c) => [c.id, c]));
  return mapped.map((c) => byId.get(c.id) ?? c);
}

/** The cube restricted to the given years, in ascending order; a year not in the data is an error. */
export function selectYears(cube: EmploymentCube, years: number[], file: string): EmploymentCube {
  const wanted = [...new Set(years)].sort((a, b) => a - b);
  const missing = wanted.filter((y) => !cube.years.includes(y));
  if (missing.length > 0) throw new InputError({ file }, `no data for ${missing.join(', ')} (years in the data: ${cube.years.join(', ')})`);
  const index = wanted.map((y) => cube.years.indexOf(y));
  const pick = <T>(values: T[] | undefined) => (values ? index.map((i) => values[i]) : undefined);
  const out: EmploymentCube = { ...cube, years: wanted, employment: pick(cube.employment)! };
  if (cube.establishments) out.establishments = pick(cube.establishments);
  if (cube.benchmark) out.benchmark = pick(cube.benchmark);
  if (cube.regionTotals) out.regionTotals = pick(cube.regionTotals);
  if (cube.flags) out.flags = pick(cube.flags);
  return out;
}

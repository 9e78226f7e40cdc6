/**
 * `atlas indicators`: the indicator table of an employment file — any the app's import reads
 * (long, wide or year-column CSV/TSV, Eurostat bulk TSV, JSON keyed region → category [→ measure]),
 * or with --industry-map a region × industry table of any size — one row per region × category
 * × year, on stdout or in --out. What was read and what was not used goes to stderr (with
 * --regions, the join report too), so stdout stays a clean CSV.
 */
import { benchmarkVector } from '../indicators/benchmarkChoice';
import { parseArgs } from 'node:util';
import { computeIndicators } from '../indicators/computeIndicators';
import { defaultDenominator, denominatorMask } from '../indicators/denominator';
import { indicatorColumns, indicatorRows, type IndicatorRow } from '../indicators/indicatorRows';
import { withoutAggregateRegions } from '../io/aggregateRegions';
import { InputError } from '../io/errors';
import { parseFilters } from '../io/eurostatCube';
import type { TableReport } from '../io/cubeBuilder';
import type { JoinReport } from '../io/regionJoin';
import type { EmploymentCube } from '../model/dataset';
import { DEFAULT_RULE, type RuleKind, type StarRule } from '../model/dataset';
import { buildCube, buildImport } from '../engine/import/buildImport';
import { confidentTableChoice, parseLevels, statedLevels } from '../engine/import/importChoices';
import type { ImportChoices } from '../engine/import/importTypes';
import { formatIndustryReport, formatJoinReport, formatNotOnMap, formatTableReport } from '../engine/reportText';
import { UsageError, readText, writeCsv } from './command';
import { inputMap, inspectBoundaryPath, inspectPath } from './inputFiles';
import { SHAPEFILE_FLAGS, SHAPEFILE_FLAGS_USAGE, shapefileReadOptions, type ShapefileReadOptions } from '../pack/shapefileFlags';
import { isTextEncoding, TEXT_ENCODINGS, type TextEncoding } from '../io/textDecoding';
import { parseIndustryMapping } from '../io/industryMapping';
import { INDUSTRY_ARG_OPTIONS, INDUSTRY_USAGE_LINES, industryOptions, type IndustryCommandOptions } from '../pack/industryArgs';
import { DEFAULT_EMPLOYMENT_UNIT } from '../io/units';

export const INDICATORS_USAGE = `usage: npm run -s atlas -- indicators --employment <file> [--categories <file.csv>]
    [--filter <dim=code,…>] [--measure <name>] [--rule eco|paper|cmp] [--benchmark <region id>] [--denominator all|<group>] [--year <Y>]
    [--cut-share <0..1>] [--lq-threshold <x>] [--min-employment <n>] [--min-establishments <n>] [--keep-non-industry] [--encoding <name>] [--unit-column] [--out <file.csv>]
    [--sheet <name|number>] [--level <column>=<n>]… [--regions <boundaries> [--id <property>] [--name <property>] [--layer <name>] [--dbf-encoding <label>]]
    [--industry-map <code_prefix,category[,name].csv> [--suppression midpoint|missing] [--region-column <c[+c]>]
     [--industry-column <c>] [--employment-column <c>] [--establishments-column <c>] [--flag-column <c>]
     [--year-column <c>] [--memory-limit <e.g. 2GB>]]
  --employment    any table the app imports: long (region,category,employment[,establishments][,year]),
                  wide (region[,year], one column per category), one column per year; or a Eurostat
                  bulk TSV (unit,nace_r2,...,geo\\time); or JSON region → category [→ measure] → value
  --filter        Eurostat TSV: keep these codes of a dimension, e.g. age=Y_GE15 (repeatable); an
                  unfiltered dimension with several codes takes its total (TOTAL, T, Y_GE15)
  --measure       JSON: which measure under each category (e.g. ЧИСЛ); a table: its value column
  --categories    category,name[,group]; fixes category order; rows of other categories are reported
  --rule          eco (default): size/focus top cut-share, LQ >= lq-threshold; paper: LQ ranked too;
                  cmp: also strong/strong10 (U.S. Cluster Mapping)
  --benchmark     region whose rows give the benchmark totals; it is not among the output regions;
                  or country:XX, the sum of the regions of one country (NUTS codes starting with XX)
  --denominator   LQ denominator: all categories (default; traded under cmp when that group exists)
  --cut-share     share of regions earning a ranking star (default 0.1)
  --regions       boundaries (GeoJSON, TopoJSON, zipped Shapefile): the data is joined to the map as the
                  app joins it (codes, aliases, names); totals and regions not on the map are reported
                  on stderr and left out; rows carry the map's region ids
  --id, --name    boundary properties holding the region ids and names (default: as the app finds them)
${SHAPEFILE_FLAGS_USAGE.trimEnd()}
  --lq-threshold  LQ for the eco specialisation star (default 2)
${INDUSTRY_USAGE_LINES}
  --suppression   County Business Patterns size-class flags (EMPFLAG A–M): midpoint (default; A=10,
                  B=60, … L=75,000, M=100,000, as U.S. Cluster Mapping) or missing; counted per letter
  --min-employment, --min-establishments   a cell below this size earns no star, no strong cluster
                  and no ranking place (default: none, as the published rules)
  --sheet         Excel workbook: the sheet to read, by name or number (1 = first; default: the
                  first sheet holding a table)
  --level         official export with an indented hierarchy: the level of that column to use, as the
                  import dialog numbers them (1 = top), e.g. --level "column 2"=2 (repeatable)
  --encoding      text encoding of the input files instead of the recognised one: utf-8, utf-16le,
                  utf-16be, windows-1251, koi8-r, windows-1252
  --keep-non-industry   keep categories that are not industries (TOTAL, NRP "no response",
                  aggregates such as B-E beside C, "Всего по …"); by default they are left out and reported
  --unit-column   a last column employment_unit: the unit the data states (Eurostat unit, a title row
                  such as "тыс. человек"), else persons; the unit is said on stderr either way
`;

const RULES: readonly RuleKind[] = ['eco', 'paper', 'cmp'];

export interface IndicatorsOptions {
  employment: string;
  categories?: string;
  rule: StarRule;
  benchmark?: string;
  denominator?: string;
  year?: number;
  out?: string;
  filters: string[];
  measure?: string;
  keepNonIndustry?: boolean;
  industry?: IndustryCommandOptions;
  regions?: string;
  id?: string;
  name?: string;
  /** Text encoding of the input files (--encoding); recognised when absent. */
  encoding?: TextEncoding;
  /** How a zipped Shapefile --regions is read (--layer, --dbf-encoding). */
  shapefile: ShapefileReadOptions;
  /** Workbook sheet of the employment file (--sheet), by name or number. */
  sheet?: string;
  /** --unit-column: a last column employment_unit on every row. */
  unitColumn?: boolean;
  /** Hierarchy level per column (--level), 1 = top as the dialog numbers them. */
  levels?: Record<string, number>;
}

export function parseIndicatorsArgs(argv: string[]): IndicatorsOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        employment: { type: 'string' },
        categories: { type: 'string' },
        encoding: { type: 'string' },
        sheet: { type: 'string' },
        level: { type: 'string', multiple: true },
        rule: { type: 'string' },
        benchmark: { type: 'string' },
        denominator: { type: 'string' },
        year: { type: 'string' },
        'cut-share': { type: 'string' },
        'lq-threshold': { type: 'string' },
        out: { type: 'string' },
        filter: { type: 'string', multiple: true },
        measure: { type: 'string' },
        ...INDUSTRY_ARG_OPTIONS,
        suppression: { type: 'string' },
        'keep-non-industry': { type: 'boolean' },
        'unit-column': { type: 'boolean' },
        'min-employment': { type: 'string' },
        'min-establishments': { type: 'string' },
        regions: { type: 'string' },
        id: { type: 'string' },
        name: { type: 'string' },
        ...SHAPEFILE_FLAGS,
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message, INDICATORS_USAGE);
  }
  if (!values.employment) throw new UsageError('--employment <file.csv> is required', INDICATORS_USAGE);
  if ((values.id !== undefined || values.name !== undefined) && values.regions === undefined) throw new UsageError('--id and --name name properties of the --regions file', INDICATORS_USAGE);
  if ((values.layer !== undefined || values['dbf-encoding'] !== undefined) && values.regions === undefined) throw new UsageError('--layer and --dbf-encoding say how the --regions file is read', INDICATORS_USAGE);
  const kind = (values.rule ?? DEFAULT_RULE.kind) as RuleKind;
  if (!RULES.includes(kind)) throw new UsageError(`--rule must be one of ${RULES.join(', ')}, not "${values.rule}"`, INDICATORS_USAGE);
  const cutShare = numberOption('--cut-share', values['cut-share'], DEFAULT_RULE.cutShare, (x) => x >= 0 && x <= 1);
  const lqThreshold = numberOption('--lq-threshold', values['lq-threshold'], DEFAULT_RULE.lqThreshold, (x) => x >= 0);
  let year: number | undefined;
  if (values.year !== undefined) {
    year = Number(values.year);
    if (!Number.isInteger(year)) throw new UsageError(`--year must be a year such as 2015, not "${values.year}"`, INDICATORS_USAGE);
  }
  if (values.suppression !== undefined && values['industry-map'] === undefined) throw new UsageError('--suppression applies with --industry-map only', INDICATORS_USAGE);
  const industry = industryOptions(values, INDICATORS_USAGE);
  if (industry && (values.filter || values.measure !== undefined)) throw new UsageError('--filter and --measure do not apply to an industry table (--industry-map)', INDICATORS_USAGE);
  if (industry && (values.sheet !== undefined || values.level !== undefined)) throw new UsageError('--sheet and --level do not apply to an industry table (--industry-map)', INDICATORS_USAGE);
  return {
    industry,
    employment: values.employment,
    categories: values.categories,
    rule: {
      kind,
      cutShare,
      lqThreshold,
      ...(values['min-employment'] !== undefined ? { minEmployment: numberOption('--min-employment', values['min-employment'], 0, (x) => x >= 0) } : {}),
      ...(values['min-establishments'] !== undefined ? { minEstablishments: numberOption('--min-establishments', values['min-establishments'], 0, (x) => x >= 0) } : {}),
    },
    benchmark: values.benchmark,
    denominator: values.denominator,
    year,
    out: values.out,
    filters: values.filter ?? [],
    measure: values.measure,
    keepNonIndustry: values['keep-non-industry'] ?? false,
    regions: values.regions,
    id: values.id,
    name: values.name,
    encoding: encodingOption(values.encoding),
    shapefile: shapefileReadOptions(values, INDICATORS_USAGE),
    sheet: values.sheet,
    levels: parseLevels(values.level, INDICATORS_USAGE),
    unitColumn: values['unit-column'] ?? false,
  };
}

const textOptions = (options: IndicatorsOptions) => (options.encoding ? { encoding: options.encoding } : {});

function encodingOption(text: string | undefined): TextEncoding | undefined {
  if (text === undefined) return undefined;
  const name = text.trim().toLowerCase();
  if (!isTextEncoding(name)) throw new UsageError(`--encoding must be one of ${TEXT_ENCODINGS.join(', ')}, not "${text}"`, INDICATORS_USAGE);
  return name;
}

function numberOption(name: string, text: string | undefined, fallback: number, ok: (x: number) => boolean): number {
  if (text === undefined) return fallback;
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x) || !ok(x)) throw new UsageError(`${name}: "${text}" is out of range`, INDICATORS_USAGE);
  return x;
}

export async function runIndicators(argv: string[]): Promise<number> {
  const options = parseIndicatorsArgs(argv);
  const read = options.industry ? await readIndustryTable(options, options.industry) : await readEmployment(options);
  const { report, hasYears, join } = read;
  // Joined to a map, a total row is an aggregate the join left out; without one it is recognised by its name.
  const cube = join ? read.cube : withoutAggregateRegions(read.cube, report);
  process.stderr.write(formatTableReport(report));
  if (join) process.stderr.write([...read.notes.map((n) => `note: ${n}`), ...formatJoinReport(join), ...formatNotOnMap(join)].join('\n') + '\n');

  const denominator = options.denominator ?? defaultDenominator(cube.categories, options.rule.kind);
  let mask: Uint8Array | undefined;
  try {
    mask = denominatorMask(cube.categories, denominator);
  } catch (error) {
    const where = options.categories ?? options.employment;
    throw new InputError({ file: where }, `--denominator ${denominator}: ${(error as Error).message}`);
  }

  let yearIndices = cube.years.map((_, i) => i);
  if (options.year !== undefined) {
    const y = cube.years.indexOf(options.year);
    if (y < 0 || !hasYears) {
      const has = !hasYears ? 'it has no year column' : `its years are ${cube.years.join(', ')}`;
      throw new InputError({ file: options.employment }, `no rows for year ${options.year}: ${has}`);
    }
    yearIndices = [y];
    if (cube.years.length > 1) process.stderr.write(`--year ${options.year}: output for 1 of ${cube.years.length} years (${cube.years.join(', ')})\n`);
  }
  const country = benchmarkCountry(options.benchmark);
  if (country) process.stderr.write(`benchmark country ${country}: the sum of its regions gives E(c) and E\n`);
  else if (options.benchmark) process.stderr.write(`benchmark ${options.benchmark}: its rows give E(c) and E; it is not an output region\n`);

  const regionIds = cube.regions.map((r) => r.id);
  const categoryIds = cube.categories.map((c) => c.id);
  const results = yearIndices.map((y) => {
    const result = computeIndicators(
      {
        nRegions: regionIds.length,
        nCategories: categoryIds.length,
        employment: cube.employment[y],
        establishments: cube.establishments?.[y],
        benchmark: country ? benchmarkVector(cube, y, country) : cube.benchmark?.[y],
        lqDenominatorMask: mask,
      },
      options.rule,
    );
    const label = !hasYears ? '' : ` (${cube.years[y]})`;
    for (const w of new Set(result.warnings)) process.stderr.write(`warning${label}: ${w}\n`);
    return { y, result };
  });

  function* rows(): Generator<IndicatorRow> {
    for (const { y, result } of results) {
      yield* indicatorRows(regionIds, categoryIds, !hasYears ? '' : cube.years[y], cube.employment[y], result);
    }
  }
  // The unit travels with the numbers: said always; a last column employment_unit on request, so
  // that the output columns stay as scripts reading them know them.
  const unit = read.unit ?? DEFAULT_EMPLOYMENT_UNIT;
  process.stderr.write(`employment unit: ${unit}${read.unit ? '' : ' (the data states none)'}\n`);
  function* withUnit(): Generator<IndicatorRow> {
    for (const row of rows()) yield [...row, unit];
  }
  const columns = results.length > 0 ? indicatorColumns(results[0].result) : [];
  const header = options.unitColumn && columns.length > 0 ? [...columns, 'employment_unit'] : columns;
  await writeCsv(options.out, header, options.unitColumn ? withUnit() : rows());
  return 0;
}

/** A region × industry-code table summed into categories out of core (DuckDB). */
async function readIndustryTable(options: IndicatorsOptions, industry: IndustryCommandOptions) {
  if (options.categories) throw new UsageError('--categories does not apply with --industry-map: the mapping names the categories', INDICATORS_USAGE);
  if (options.regions) throw new UsageError('--regions does not apply with --industry-map yet: pack the table with atlas pack to join it to a map', INDICATORS_USAGE);
  const mapping = parseIndustryMapping(readText(industry.mapping), industry.mapping);
  const { aggregateIndustryTable } = await import('../pack/industryTable');
  const result = await aggregateIndustryTable({
    file: options.employment,
    mapping,
    columns: industry.columns,
    suppression: industry.suppression,
    benchmarkId: benchmarkRow(options.benchmark),
    memoryLimit: industry.memoryLimit,
  });
  process.stderr.write(formatIndustryReport(result.industry, industry.mapping));
  return { ...result, join: undefined, notes: [] as string[], unit: undefined };
}

/**
 * The employment file as a cube, read and guessed as the app's import does (any format it reads,
 * the columns its dialog would start from); with --regions, joined to the map as the import joins
 * (the cube then holds the matched regions under the map's ids). `hasYears` is false for data
 * without a year (nested JSON, a table without a year column).
 */
async function readEmployment(options: IndicatorsOptions): Promise<{ cube: EmploymentCube; report: TableReport; hasYears: boolean; join?: JoinReport; notes: string[]; unit?: string }> {
  const file = options.employment;
  const employment = await inspectPath(file, { ...textOptions(options), ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) });
  const s = employment.summary;
  if (s.boundaries) throw new InputError({ file }, `this is a boundary file (${s.kind}), not employment data`);
  if (options.filters.length > 0 && !s.eurostat) throw new InputError({ file }, '--filter applies to a Eurostat table (TSV, SDMX-CSV, JSON-stat), and this file is not one');
  if (options.measure !== undefined && !s.json && !s.table) throw new InputError({ file }, "--measure applies to a JSON file or a table's value column, and this file is neither");
  const choice: ImportChoices['employment'] = { key: s.key, benchmark: benchmarkRow(options.benchmark), keepNonIndustry: options.keepNonIndustry };
  let hasYears: boolean;
  if (s.eurostat) {
    if (options.levels && Object.keys(options.levels).length > 0) throw new InputError({ file }, '--level applies to a table with an indented hierarchy, and this file is a Eurostat table');
    choice.eurostat = { region: s.eurostat.region, category: s.eurostat.category, filters: parseFilters(options.filters) };
    hasYears = true;
  } else if (s.json) {
    choice.json = { measure: options.measure };
    hasYears = false;
  } else {
    choice.table = confidentTableChoice(file, s.table!, { measure: options.measure });
    const levels = statedLevels(file, s.table!, options.levels ?? {});
    if (Object.keys(levels).length > 0) choice.table.levels = levels;
    hasYears = choice.table.layout === 'years' || choice.table.year !== undefined;
  }
  const files = [employment];
  const categories = options.categories ? await inspectPath(options.categories, textOptions(options)) : undefined;
  if (categories) files.push(categories);
  const more = categories ? { categories: { key: categories.summary.key } } : {};
  if (!options.regions) {
    const { cube, reports, unit } = buildCube(inputMap(files), { employment: choice, ...more });
    return { cube, report: reports[0], hasYears, notes: [], unit: unit?.name };
  }
  const regions = await inspectBoundaryPath(options.regions, options.shapefile, INDICATORS_USAGE);
  if (!regions.summary.boundaries) throw new InputError({ file: options.regions }, 'this is not a boundary file (GeoJSON, TopoJSON or a zipped Shapefile)');
  const built = buildImport(inputMap([...files, regions]), {
    boundaries: { key: regions.summary.key, idProperty: options.id, nameProperty: options.name },
    employment: choice,
    ...more,
    join: { by: 'auto', aliases: true, manual: [] },
  });
  return { cube: built.cube, report: built.reports[0], hasYears, join: built.join, notes: built.notes, unit: built.dataset.manifest.unit };
}

/** `--benchmark country:XX`: a country whose regions' sum is the benchmark (as the app's rule panel offers). */
function benchmarkCountry(benchmark: string | undefined): string | undefined {
  const m = benchmark ? /^country:([A-Z]{2})$/.exec(benchmark) : null;
  return m ? m[1] : undefined;
}

function benchmarkRow(benchmark: string | undefined): string | undefined {
  return benchmarkCountry(benchmark) ? undefined : benchmark;
}

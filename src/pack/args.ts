/** The command line of `atlas pack` (alias `npm run dataset`), parsed into pack options (usage errors exit with 2). */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { parseFilters } from '../io/eurostatCube';
import { UsageError } from '../io/errors';
import type { SuppressionPolicy } from '../io/suppression';
import { INDUSTRY_ARG_OPTIONS, INDUSTRY_USAGE_LINES, industryOptions, type IndustryCommandOptions } from './industryArgs';
import type { PackOptions } from './packDataset';
import { SHAPEFILE_FLAGS, SHAPEFILE_FLAGS_USAGE, shapefileReadOptions } from './shapefileFlags';
import { parseLevels } from '../engine/import/importChoices';

export const PACK_USAGE = `usage: npm run dataset -- <input folder or files…> --out <folder> [options]
   or: npm run -s atlas -- pack <input folder or files…> --out <folder> [options]
  inputs          a folder (its files are told apart by content) or the files themselves:
                  boundaries (GeoJSON, TopoJSON, zipped Shapefile) and employment (CSV/TSV long or
                  wide, Eurostat TSV, nested JSON); optionally a categories table (category,name[,group])
                  and an industry mapping (code_prefix,category[,name])
  --out           the dataset folder, e.g. public/geo/<name>; its name is the dataset id, and
                  datasets.json beside it lists the dataset
  --id            boundary property holding the region ids (default: the one matching most data codes)
  --name          boundary property holding the region names (default: detected)
${SHAPEFILE_FLAGS_USAGE.trimEnd()}
  --names         manual join fixes, data_name,region_id (the mapping file the app exports)
  --strict        data regions not on the map, unused rows, industry codes without a category and
                  unused fixes are errors (exit 1, nothing written) instead of warnings
  --title, --description, --attribution, --licence   texts of the manifest
  --unit          what one value counts, e.g. "thousand persons" (default: from a Eurostat unit filter)
  --source, --source-url   publisher and table of the figures, and where they are published
  --period        the period as the source states it, e.g. "about 2015"
  --name-latin    boundary property with the region names in Latin script, kept beside the names
  --min-employment, --min-establishments   the dataset's minimum cell size for stars and rankings
  --keep-non-industry   keep categories that are not industries (TOTAL, NRP "no response", B-E beside C,
                  "Всего по …"); by default they are left out, listed in the report and the manifest
  --synthetic     the employment figures are made up (the app then says so)
  --filter dim=code[,code…]   keep these codes of a Eurostat dimension or a table column (repeatable)
  --measure       nested JSON measure (e.g. ЧИСЛ), or the value column of a long table
  --sheet <name|number>   Excel workbook: the sheet to read (1 = first; default: the first holding a table)
  --level <column>=<n>    official export: the hierarchy level of that column to use, as the import
                  dialog numbers them (1 = top; repeatable)
  --year Y[,Y…]   data without years: the year it refers to; data with years: the years to keep
  --suppression missing|midpoint   what suppressed cells (County Business Patterns letters) become
                  (with --industry-map: midpoint unless told)
  --employment <table> --industry-map <code_prefix,category[,name].csv>   pack from an industry-level
                  table of any size: the table (not among the inputs) is summed into the mapping's
                  categories by DuckDB, as \`atlas indicators --industry-map\` does; the inputs then
                  give the boundaries (and optionally name fixes)
${INDUSTRY_USAGE_LINES.split('\n').slice(4).join('\n')}
  --binary        write the cube in binary, one file per year (cube.json, employment-<year>.u16|f32|f64):
                  the page fetches the year it shows, the first year draws before the rest arrives
                  (default for more than 2,000,000 values, regions × categories × years)
  --csv           write CSV tables whatever the size
  --layout long|wide   layout of employment.csv (default: wide when at least 30 % of cells are reported)
  --simplify <km²>     drop vertices whose Visvalingam triangle is smaller (default: 1e-4 of the median region's area)
  --keep <share>       instead, keep this share (0 < share ≤ 1) of the removable vertices
  --quantization <n>   grid steps across the bounding box (default 100000)
  --topojson      also write the quantised topology, regions.topojson
  --no-index      do not add the dataset to datasets.json
`;

export interface PackArgs {
  inputs: string[];
  /** An industry-level table summed into categories out of core (--employment with --industry-map). */
  industry?: IndustryCommandOptions & { table: string };
  out: string;
  names?: string;
  strict: boolean;
  index: boolean;
  options: PackOptions;
}

const DATASET_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function parsePackArgs(argv: string[]): PackArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        out: { type: 'string' },
        id: { type: 'string' },
        name: { type: 'string' },
        names: { type: 'string' },
        strict: { type: 'boolean' },
        title: { type: 'string' },
        description: { type: 'string' },
        attribution: { type: 'string' },
        licence: { type: 'string' },
        unit: { type: 'string' },
        source: { type: 'string' },
        'source-url': { type: 'string' },
        period: { type: 'string' },
        'name-latin': { type: 'string' },
        'min-employment': { type: 'string' },
        'min-establishments': { type: 'string' },
        synthetic: { type: 'boolean' },
        'keep-non-industry': { type: 'boolean' },
        filter: { type: 'string', multiple: true },
        measure: { type: 'string' },
        sheet: { type: 'string' },
        level: { type: 'string', multiple: true },
        year: { type: 'string', multiple: true },
        suppression: { type: 'string' },
        layout: { type: 'string' },
        binary: { type: 'boolean' },
        csv: { type: 'boolean' },
        simplify: { type: 'string' },
        keep: { type: 'string' },
        quantization: { type: 'string' },
        topojson: { type: 'boolean' },
        'no-index': { type: 'boolean' },
        employment: { type: 'string' },
        ...INDUSTRY_ARG_OPTIONS,
        ...SHAPEFILE_FLAGS,
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message, PACK_USAGE);
  }
  const { values, positionals } = parsed;
  const usage = (message: string): never => {
    throw new UsageError(message, PACK_USAGE);
  };
  if (positionals.length === 0) usage('name the input folder or files');
  if (!values.out) usage('--out <folder> is required');
  const id = basename(values.out!.replace(/[\\/]+$/, ''));
  if (!DATASET_ID.test(id)) usage(`the folder name "${id}" is the dataset id: use letters, digits, ".", "_" and "-"`);

  const years = values.year?.flatMap((y) => y.split(',')).map((y) => {
    const year = Number(y.trim());
    if (!Number.isInteger(year) || year < 1000 || year > 9999) usage(`--year takes years such as 2015, not "${y}"`);
    return year;
  });
  if (values.suppression !== undefined && values.suppression !== 'missing' && values.suppression !== 'midpoint') usage(`--suppression is missing or midpoint, not "${values.suppression}"`);
  if (values.layout !== undefined && values.layout !== 'long' && values.layout !== 'wide') usage(`--layout is long or wide, not "${values.layout}"`);
  if (values.simplify !== undefined && values.keep !== undefined) usage('give --simplify or --keep, not both');
  if (values.binary && values.csv) usage('give --binary or --csv, not both');
  if (values.binary && values.layout !== undefined) usage('--layout is the layout of the CSV tables; a --binary pack has none');
  const positive = (name: string, text: string | undefined, ok: (x: number) => boolean, what: string) => {
    if (text === undefined) return undefined;
    const x = Number(text);
    if (text.trim() === '' || !Number.isFinite(x) || !ok(x)) usage(`${name} takes ${what}, not "${text}"`);
    return x;
  };
  const minAreaKm2 = positive('--simplify', values.simplify, (x) => x >= 0, 'an area in km² (0 or more)');
  const keep = positive('--keep', values.keep, (x) => x > 0 && x <= 1, 'a share above 0 and at most 1');
  const quantization = positive('--quantization', values.quantization, (x) => Number.isInteger(x) && x >= 1000, 'a whole number of grid steps, at least 1000');

  const minEmployment = positive('--min-employment', values['min-employment'], (x) => x >= 0, 'a number, 0 or more');
  const minEstablishments = positive('--min-establishments', values['min-establishments'], (x) => x >= 0, 'a number, 0 or more');
  const minSize = minEmployment === undefined && minEstablishments === undefined ? undefined : {
    ...(minEmployment !== undefined ? { employment: minEmployment } : {}),
    ...(minEstablishments !== undefined ? { establishments: minEstablishments } : {}),
  };

  let filters: Record<string, string[]> | undefined;
  try {
    filters = values.filter ? parseFilters(values.filter) : undefined;
  } catch (error) {
    usage((error as Error).message.replace(/^--filter: /, '--filter '));
  }

  const options: PackOptions = {
    id,
    title: values.title,
    description: values.description,
    attribution: values.attribution,
    licence: values.licence,
    unit: values.unit,
    source: values.source,
    sourceUrl: values['source-url'],
    period: values.period,
    nameLatin: values['name-latin'],
    minSize,
    synthetic: values.synthetic,
    idProperty: values.id,
    nameProperty: values.name,
    filters,
    measure: values.measure,
    ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
    ...(values.level !== undefined ? { levels: parseLevels(values.level, PACK_USAGE) } : {}),
    years,
    suppression: values.suppression as SuppressionPolicy | undefined,
    keepNonIndustry: values['keep-non-industry'],
    layout: values.layout as PackOptions['layout'],
    ...(values.binary ? { form: 'binary' as const } : values.csv ? { form: 'csv' as const } : {}),
    simplify: { minAreaKm2, keep, quantization },
    topojson: values.topojson,
    shapefile: shapefileReadOptions(values, PACK_USAGE),
  };
  const industry = industryOptions(values, PACK_USAGE);
  if (industry && values.employment === undefined) usage('--industry-map sums the table given with --employment <table>');
  if (!industry && values.employment !== undefined) usage('--employment names an industry-level table for --industry-map; other employment tables are among the inputs');
  return {
    inputs: positionals,
    ...(industry ? { industry: { ...industry, table: values.employment! } } : {}),
    out: values.out!, names: values.names, strict: values.strict ?? false, index: !values['no-index'], options };
}

/**
 * The command-line options of an industry-level table (`--industry-map` and the `--*-column`
 * flags), shared by `atlas indicators` and `atlas pack` so that both doors read such a table with
 * the same words, defaults and checks.
 */
import { UsageError } from '../io/errors';
import type { SuppressionPolicy } from '../io/suppression';
import type { IndustryColumns } from './industryTable';

export interface IndustryCommandOptions {
  mapping: string;
  suppression: SuppressionPolicy;
  columns: Partial<IndustryColumns>;
  memoryLimit?: string;
}

/** parseArgs definitions of the flags that apply with --industry-map only (--suppression is each command's own). */
export const INDUSTRY_ARG_OPTIONS = {
  'industry-map': { type: 'string' },
  'region-column': { type: 'string' },
  'industry-column': { type: 'string' },
  'employment-column': { type: 'string' },
  'establishments-column': { type: 'string' },
  'flag-column': { type: 'string' },
  'year-column': { type: 'string' },
  'memory-limit': { type: 'string' },
} as const;

const INDUSTRY_ONLY = ['region-column', 'industry-column', 'employment-column', 'establishments-column', 'flag-column', 'year-column', 'memory-limit'] as const;

type IndustryValues = { [K in keyof typeof INDUSTRY_ARG_OPTIONS]?: string } & { suppression?: string };

/** The help lines of these flags, in the layout of both commands' usage texts. */
export const INDUSTRY_USAGE_LINES = `  --industry-map  the employment table is a region × industry code [× year] table (CSV, .csv.gz or
                  Parquet, any size: aggregated out of core by DuckDB with sql/industry_to_categories.sql);
                  codes are summed into categories by longest prefix, codes refined by finer codes
                  of the data are left out as aggregates, codes without a category are listed
  --*-column      the table's columns when they are not guessed (region: region, geo, fips,
                  fipstate+fipscty …; industry: naics, industry, code …; employment: emp …)
  --memory-limit  DuckDB's memory ceiling; it spills to a temporary folder beyond it (default 1GB)`;

/**
 * The industry-table options, or undefined without --industry-map. `suppressionDefault` is the
 * command's: the CLI takes U.S. Cluster Mapping's midpoints unless told otherwise.
 */
export function industryOptions(values: IndustryValues, usage: string, suppressionDefault: SuppressionPolicy = 'midpoint'): IndustryCommandOptions | undefined {
  if (values['industry-map'] === undefined) {
    const stray = INDUSTRY_ONLY.find((name) => values[name] !== undefined);
    if (stray) throw new UsageError(`--${stray} applies with --industry-map only`, usage);
    return undefined;
  }
  const suppression = values.suppression ?? suppressionDefault;
  if (suppression !== 'midpoint' && suppression !== 'missing') throw new UsageError(`--suppression must be midpoint or missing, not "${suppression}"`, usage);
  return {
    mapping: values['industry-map'],
    suppression,
    memoryLimit: values['memory-limit'],
    columns: {
      region: values['region-column'],
      industry: values['industry-column'],
      employment: values['employment-column'],
      establishments: values['establishments-column'],
      flag: values['flag-column'],
      year: values['year-column'],
    },
  };
}

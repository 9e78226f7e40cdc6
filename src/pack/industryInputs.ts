/**
 * `atlas pack --employment <table> --industry-map <mapping>`: an industry-level table of any size
 * becomes the packer's employment input. DuckDB sums it into the mapping's categories out of core
 * (`aggregateIndustryTable`, the aggregation `atlas indicators --industry-map` runs); the small
 * region × category × year result is written as the long table and categories table the import
 * reads back unchanged (`employmentFiles`), so the join, the geometry and every file of the pack
 * come from the one pipeline every other input takes. The aggregation's own report (rows read,
 * aggregates, unmapped codes, suppressed cells) replaces the intermediate table's.
 */
import type { TableReport } from '../io/cubeBuilder';
import { parseIndustryMapping, type IndustryReport } from '../io/industryMapping';
import { categoriesCsv, employmentFiles } from './employmentFiles';
import type { IndustryCommandOptions } from './industryArgs';
import { aggregateIndustryTable, type IndustryColumns } from './industryTable';
import type { InputFile } from './inputs';

/** What the aggregation read, for the pack report in place of the intermediate table's. */
export interface AggregatedTable {
  /** The industry table as the user named it. */
  file: string;
  mapping: string;
  /** How the table was read: its columns, as the pack report states a table's reading. */
  reading: string;
  report: TableReport;
  industry: IndustryReport;
}

const stem = (path: string) => (path.split(/[\\/]/).pop() ?? path).replace(/(\.csv)?(\.gz)?$|\.parquet$/i, '');

export async function industryTableInputs(industry: IndustryCommandOptions & { table: string }, mappingText: string): Promise<{ files: InputFile[]; aggregated: AggregatedTable }> {
  const mapping = parseIndustryMapping(mappingText, industry.mapping);
  const result = await aggregateIndustryTable({
    file: industry.table,
    mapping,
    columns: industry.columns,
    suppression: industry.suppression,
    memoryLimit: industry.memoryLimit,
  });
  const encoder = new TextEncoder();
  const employment = employmentFiles(result.cube, 'long', result.hasYears).employment;
  return {
    files: [
      { name: `${stem(industry.table)}-by-category.csv`, bytes: encoder.encode(employment) },
      { name: `${stem(industry.mapping)}-categories.csv`, bytes: encoder.encode(categoriesCsv(result.cube.categories)) },
    ],
    aggregated: { file: industry.table, mapping: industry.mapping, reading: readingOf(result.columns), report: result.report, industry: result.industry },
  };
}

function readingOf(columns: IndustryColumns): string {
  const named = Object.entries(columns).filter(([, column]) => column !== undefined);
  return `industry table; columns: ${named.map(([role, column]) => `${role} "${column}"`).join(', ')}`;
}

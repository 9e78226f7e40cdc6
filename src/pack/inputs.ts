/**
 * The packer's files, read and told apart exactly as the app's import does (`inspectFile`: kind
 * from content, role of a delimited file from its header, encoding): the boundaries, the
 * employment table, and optionally a categories table, an industry→category mapping and a
 * manual name-fixes file.
 */
import { InputError } from '../io/errors';
import type { NamedInput } from '../engine/import/buildImport';
import { inspectFile } from '../engine/import/inspectFile';
import type { FileRole, FileSummary } from '../engine/import/importTypes';
import { checkShapefileFlags, layerFlagError, type ShapefileReadOptions } from './shapefileFlags';
import { PACK_USAGE } from './args';

export interface InputFile {
  /** As the user named it (shown in every message). */
  name: string;
  bytes: Uint8Array;
}

export interface DatasetInputs {
  /** Parsed files by summary key, as buildImport takes them. */
  parsed: Map<string, NamedInput>;
  boundaries: FileSummary;
  employment: FileSummary;
  categories?: FileSummary;
  industries?: FileSummary;
  names?: FileSummary;
}

const ROLE_TEXT: Record<FileRole, string> = {
  boundaries: 'boundary file',
  employment: 'employment table',
  categories: 'categories table',
  industries: 'industry mapping',
  names: 'name-fixes file',
  ignore: 'file',
};

/**
 * Reads every file and sorts them into their roles. Exactly one boundary file and one employment
 * table are needed; a second candidate for any role is an error naming both, because guessing
 * which one the user meant could build a plausible but wrong map. A file that cannot be read stops
 * the pack with its located error.
 */
export async function readInputs(files: readonly InputFile[], where: string, shapefile: ShapefileReadOptions = {}, sheet?: string): Promise<DatasetInputs> {
  const parsed = new Map<string, NamedInput>();
  const byRole = new Map<FileRole, FileSummary>();
  for (const file of files) {
    const bytes = new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { lastModified: 0 });
    // The shapefile options reach only a zipped Shapefile (other kinds ignore them); the sheet is the employment workbook's.
    const options = { ...shapefile, ...(sheet !== undefined && /\.xls[xm]$/i.test(file.name) ? { sheet } : {}) };
    const { summary, parsed: input } = await inspectFile(bytes, undefined, options);
    if (summary.error) throw layerFlagError(new InputError(summary.error.location ?? { file: file.name }, summary.error.problem), shapefile, PACK_USAGE);
    const previous = byRole.get(summary.role);
    if (previous) throw new InputError({ file: file.name }, `a second ${ROLE_TEXT[summary.role]} besides ${previous.name}; name the files to use instead of the folder`);
    byRole.set(summary.role, summary);
    parsed.set(summary.key, { name: summary.name, parsed: input! });
  }
  const names = files.map((f) => f.name).join(', ') || 'no files';
  const boundaries = byRole.get('boundaries');
  if (!boundaries) throw new InputError({ file: where }, `no boundary file (GeoJSON, TopoJSON or zipped Shapefile) among ${names}`);
  checkShapefileFlags(shapefile, boundaries.name, boundaries.kind, PACK_USAGE);
  const employment = byRole.get('employment');
  if (!employment) throw new InputError({ file: where }, `no employment table (CSV/TSV, Eurostat TSV or nested JSON) among ${names}`);
  if (sheet !== undefined && employment.kind !== 'xlsx') throw new InputError({ file: employment.name }, `--sheet applies to an Excel workbook (.xlsx), and this file is not one (${employment.kind ?? 'unknown'})`);
  return { parsed, boundaries, employment, categories: byRole.get('categories'), industries: byRole.get('industries'), names: byRole.get('names') };
}

/**
 * Which of the given files is what: the boundaries, the employment table, and optionally a
 * categories table, an industry→category mapping and a manual name-fixes file. Judged by content
 * (`detectInputKind`, then the header of delimited files), never by the file name alone, so a
 * folder can be handed over as the statistics office and the GIS delivered it.
 */
import Papa from 'papaparse';
import { detectDelimiter } from '../io/delimited';
import { InputError } from '../io/errors';
import { detectInputKind, type InputKind } from '../io/inputKind';
import { findColumn } from '../io/tableColumns';

export interface InputFile {
  /** As the user named it (shown in every message). */
  name: string;
  bytes: Uint8Array;
}

export type InputRole = 'boundaries' | 'employment' | 'categories' | 'industries' | 'name-fixes';

export interface SortedInput extends InputFile {
  kind: InputKind;
  role: InputRole;
}

export interface DatasetInputs {
  boundaries: SortedInput;
  employment: SortedInput;
  categories?: SortedInput;
  industries?: SortedInput;
  nameFixes?: SortedInput;
}

const BOUNDARY_KINDS: readonly InputKind[] = ['geojson', 'topojson', 'shapefile-zip'];
const REGION_COLUMNS = ['region', 'region_id', 'geo', 'geoid', 'fips', 'nuts_id', 'id', 'code'];
const VALUE_COLUMNS = ['employment', 'emp', 'employees', 'jobs', 'value'];

export function textOf(file: InputFile): string {
  return new TextDecoder('utf-8').decode(file.bytes);
}

/** The role of one file, from its kind and, for delimited text, its header. */
export function roleOf(file: InputFile): { kind: InputKind; role: InputRole } {
  const kind = detectInputKind(file.name, file.bytes.subarray(0, 65536));
  if (BOUNDARY_KINDS.includes(kind)) return { kind, role: 'boundaries' };
  if (kind !== 'delimited') return { kind, role: 'employment' };
  return { kind, role: delimitedRole(headerOf(file)) };
}

function headerOf(file: InputFile): string[] {
  const head = new TextDecoder('utf-8').decode(file.bytes.subarray(0, 65536)).replace(/^\ufeff/, '');
  const parsed = Papa.parse<string[]>(head.trimStart(), { delimiter: detectDelimiter(head), preview: 1 });
  return (parsed.data[0] ?? []).map((h) => h.trim());
}

/**
 * `data_name,region_id` is the app's name-fixes file; a `code_prefix` (or `code` + `category`
 * without regions) column makes an industry mapping; an id and a name column without regions or
 * values make a categories table; anything else is employment (long or wide).
 */
function delimitedRole(header: string[]): InputRole {
  const has = (...names: string[]) => findColumn(header, names) >= 0;
  if (has('data_name') && has('region_id')) return 'name-fixes';
  const regionsOrValues = has(...REGION_COLUMNS.filter((c) => c !== 'id' && c !== 'code')) || has(...VALUE_COLUMNS);
  if (has('code_prefix', 'prefix')) return 'industries';
  if (!regionsOrValues && has('code') && has('category') && !has('name', 'label', 'title')) return 'industries';
  if (!regionsOrValues && has('category', 'id', 'code', 'cluster') && has('name', 'label', 'title', 'category_name')) return 'categories';
  return 'employment';
}

/**
 * Sorts the files into their roles. Exactly one boundary file and one employment table are
 * needed; a second candidate for any role is an error naming both, because guessing which one
 * the user meant could build a plausible but wrong map.
 */
export function sortInputs(files: readonly InputFile[], where: string): DatasetInputs {
  const byRole = new Map<InputRole, SortedInput>();
  for (const file of files) {
    const { kind, role } = roleOf(file);
    const previous = byRole.get(role);
    if (previous) {
      throw new InputError({ file: file.name }, `a second ${ROLE_TEXT[role]} besides ${previous.name}; name the files to use instead of the folder`);
    }
    byRole.set(role, { ...file, kind, role });
  }
  const names = files.map((f) => f.name).join(', ') || 'no files';
  const boundaries = byRole.get('boundaries');
  if (!boundaries) throw new InputError({ file: where }, `no boundary file (GeoJSON, TopoJSON or zipped Shapefile) among ${names}`);
  const employment = byRole.get('employment');
  if (!employment) throw new InputError({ file: where }, `no employment table (CSV/TSV, Eurostat TSV or nested JSON) among ${names}`);
  return {
    boundaries,
    employment,
    categories: byRole.get('categories'),
    industries: byRole.get('industries'),
    nameFixes: byRole.get('name-fixes'),
  };
}

const ROLE_TEXT: Record<InputRole, string> = {
  boundaries: 'boundary file',
  employment: 'employment table',
  categories: 'categories table',
  industries: 'industry mapping',
  'name-fixes': 'name-fixes file',
};

import { detectInputKind, type InputKind } from '../../io/inputKind';
import { notes as noteText } from '../../io/notes';
import { InputError } from '../../io/errors';
import { readBoundaries } from '../../io/boundaries';
import { readZippedShapefile } from '../../io/shapefileZip';
import { parseDelimited, streamDelimited, type DelimitedTable } from '../../io/delimited';
import { parseEurostatTsv, type EurostatTable } from '../../io/eurostatTsv';
import { CATEGORY_DIMENSION, DEFAULT_TOTAL_CODES } from '../../io/eurostatCube';
import { parseJsonText } from '../../io/jsonText';
import { jsonMeasures } from '../../io/nestedJson';
import { guessLongMapping } from '../../io/longTable';
import { guessWideMapping } from '../../io/wideTable';
import { guessYearColumnsMapping } from '../../io/yearColumnsTable';
import { findColumn } from '../../io/tableColumns';
import { detectDecimalMark, isMissingCell, parseNumber } from '../../io/numbers';
import { suppressionFlag } from '../../io/suppression';
import { readFileText } from './fileText';
import type { BoundarySummary, EurostatSummary, FileRole, FileSummary, ImportProblem, JsonSummary, TableSummary } from './importTypes';

/** A file read once and kept (in the import worker) for every later build with other choices. */
export type ParsedInput =
  | { kind: 'boundaries'; source: object; format: BoundarySummary['format'] }
  /**
   * A delimited file keeps its text, read again (streamed) for each build; its rows are kept only
   * for a small file. A large one keeps its first rows for the preview (`headOnly` says so).
   */
  | { kind: 'table'; table: DelimitedTable; text: string; headOnly?: { rows: number } }
  | { kind: 'eurostat'; table: EurostatTable }
  | { kind: 'json'; value: object };

export interface InspectedFile {
  summary: FileSummary;
  parsed?: ParsedInput;
}

type Progress = (stage: 'read' | 'parse', fraction: number) => void;

const PREVIEW_ROWS = 8;
/** Rows sampled to tell numeric columns and the decimal mark. */
const SAMPLE_ROWS = 200;
/** Above this size a delimited file's rows are not kept: 100 MB of CSV is over a gigabyte of strings. */
const KEEP_ROWS = 10_000_000;

/** Same file picked again: same name, size and modification time. */
export function fileKey(file: File): string {
  return `${file.name}\u0000${file.size}\u0000${file.lastModified}`;
}

export function problemOf(error: unknown): ImportProblem {
  if (error instanceof InputError) return { location: error.location, problem: error.problem, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { problem: message, message };
}

/**
 * Reads one file, works out what it is and how its columns are probably meant, and summarises it
 * for the mapping step. A file that cannot be read gets its located error in the summary, so the
 * other files of the same drop are still usable.
 */
export async function inspectFile(file: File, progress: Progress = () => {}): Promise<InspectedFile> {
  const summary: FileSummary = { key: fileKey(file), name: file.name, size: file.size, role: 'ignore', notes: [] };
  try {
    const head = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
    const kind = detectInputKind(file.name, head);
    summary.kind = kind;
    const parsed = await parse(file, kind, summary, progress);
    return { summary, parsed };
  } catch (error) {
    summary.error = problemOf(error);
    return { summary };
  }
}

async function parse(file: File, kind: InputKind, summary: FileSummary, progress: Progress): Promise<ParsedInput> {
  const name = file.name;
  if (kind === 'shapefile-zip') {
    progress('read', 0);
    const boundaries = await readZippedShapefile(await file.arrayBuffer(), name);
    summary.role = 'boundaries';
    summary.boundaries = boundarySummary(boundaries.collection, name, 'shapefile');
    summary.notes.push(...boundaries.notes.filter((n) => !n.includes('(detected)')));
    return { kind: 'boundaries', source: boundaries.collection, format: 'shapefile' };
  }
  const { text, encoding } = await readFileText(file, (f) => progress('read', f));
  if (encoding !== 'utf-8') summary.notes.push(noteText.encoding(encoding));
  progress('parse', 0);
  if (kind === 'geojson' || kind === 'topojson') {
    const value = parseJsonText(text, name) as object;
    summary.role = 'boundaries';
    summary.boundaries = boundarySummary(value, name, kind);
    return { kind: 'boundaries', source: value, format: kind };
  }
  if (kind === 'nested-json') {
    const value = parseJsonText(text, name);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new InputError({ file: name }, 'expected a JSON object keyed by region (region → category → value)');
    }
    summary.role = 'employment';
    summary.json = jsonSummary(value as Record<string, unknown>, name);
    return { kind: 'json', value };
  }
  if (kind === 'eurostat-tsv') {
    const table = parseEurostatTsv(text, name, (f) => progress('parse', f));
    summary.role = 'employment';
    summary.eurostat = eurostatSummary(table);
    return { kind: 'eurostat', table };
  }
  const onProgress = (f: number) => progress('parse', f);
  const parsed: ParsedInput = text.length <= KEEP_ROWS ? { kind: 'table', table: parseDelimited(text, name, { onProgress }), text } : tableHead(text, name, onProgress);
  const { table } = parsed;
  summary.table = tableSummary(table, parsed.headOnly?.rows ?? table.rows.length);
  summary.role = tableRole(table.header);
  if (table.blankLines > 0) summary.notes.push(noteText.blankLines(table.blankLines));
  return parsed;
}

/** The whole file checked as `parseDelimited` checks it (same errors), keeping only the first rows. */
function tableHead(text: string, name: string, onProgress: (fraction: number) => void): Extract<ParsedInput, { kind: 'table' }> {
  const rows: string[][] = [];
  const lines: number[] = [];
  const head = streamDelimited(text, name, {
    onProgress,
    onRow(row, line) {
      if (rows.length >= SAMPLE_ROWS) return;
      rows.push(row);
      lines.push(line);
    },
  });
  const table: DelimitedTable = { fileName: name, delimiter: head.delimiter, header: head.header, rows, lines, blankLines: head.blankLines };
  return { kind: 'table', table, text, headOnly: { rows: head.rowCount } };
}

/** Every row of a delimited input, parsed again when only its first rows were kept. */
export function wholeTable(parsed: Extract<ParsedInput, { kind: 'table' }>): DelimitedTable {
  return parsed.headOnly ? parseDelimited(parsed.text, parsed.table.fileName) : parsed.table;
}

function boundarySummary(value: object, name: string, format: BoundarySummary['format']): BoundarySummary {
  const b = readBoundaries(value, name);
  const samples: Record<string, string[]> = {};
  for (const p of b.properties) {
    const seen = new Set<string>();
    for (const f of b.collection.features) {
      const v = f.properties?.[p];
      if (v !== null && v !== undefined && typeof v !== 'object') seen.add(String(v));
      if (seen.size >= 3) break;
    }
    samples[p] = [...seen];
  }
  return { format, features: b.regions.length, properties: b.properties, samples, idProperty: b.idProperty, nameProperty: b.nameProperty, notes: b.notes };
}

/** A delimited file's role from its header: name fixes, an industry mapping, a categories table, or employment. */
export function tableRole(header: string[]): FileRole {
  const has = (names: string[]) => findColumn(header, names) >= 0;
  if (has(['data_name']) && has(['region_id'])) return 'names';
  if (has(['code_prefix', 'prefix']) && has(['category'])) return 'industries';
  const long = guessLongMapping(header);
  if (!long.region && !long.employment && has(['category', 'cluster']) && has(['name', 'label', 'title'])) return 'categories';
  return 'employment';
}

function tableSummary(table: DelimitedTable, rows: number): TableSummary {
  const { header } = table;
  const sample = table.rows.slice(0, SAMPLE_ROWS);
  const mark = detectDecimalMark(sample.flat(), table.delimiter);
  const numericColumns = header.filter((_, c) => {
    let numbers = 0;
    for (const row of sample) {
      const cell = row[c];
      if (isMissingCell(cell) || suppressionFlag(cell)) continue;
      if (Number.isNaN(parseNumber(cell, mark))) return false;
      numbers++;
    }
    return numbers > 0;
  });
  const long = guessLongMapping(header);
  const years = guessYearColumnsMapping(header);
  const wide = guessWideMapping(header);
  let layout: TableSummary['layout'] = 'wide';
  if (long.region && long.category && long.employment) layout = 'long';
  else if (years.region && years.category && years.years) layout = 'years';
  // A wide table's region column is the first that is not numeric when no name says so.
  const region = long.region ?? wide.region ?? header.find((h) => !numericColumns.includes(h));
  return {
    delimiter: table.delimiter,
    header,
    rows,
    preview: table.rows.slice(0, PREVIEW_ROWS),
    numericColumns,
    layout,
    long,
    region,
    category: long.category ?? years.category,
    year: long.year ?? wide.year,
    yearColumns: years.years ?? [],
  };
}

function eurostatSummary(table: EurostatTable): EurostatSummary {
  const { dimensions, codes } = table;
  const region = dimensions.includes('geo') ? 'geo' : undefined;
  const several = dimensions.filter((d, i) => d !== region && codes[i].length > 1);
  const category = several.find((d) => CATEGORY_DIMENSION.test(d)) ?? (several.length === 1 ? several[0] : undefined);
  const totals: Record<string, string | undefined> = {};
  dimensions.forEach((d, i) => {
    if (d === region || d === category || codes[i].length < 2) return;
    totals[d] = DEFAULT_TOTAL_CODES.find((t) => codes[i].includes(t));
  });
  const preview = table.rows.slice(0, PREVIEW_ROWS).map((row) => [
    ...row.key,
    ...table.periods.slice(0, 4).map((_, p) => `${Number.isNaN(row.values[p]) ? ':' : row.values[p]}${row.flags[p] ? ` ${row.flags[p]}` : ''}`),
  ]);
  return { dimensions, codes, periods: table.periods, rows: table.rows.length, region, category, totals, preview };
}

function jsonSummary(value: Record<string, unknown>, name: string): JsonSummary {
  const measures = jsonMeasures(value, name);
  const preview: string[][] = [];
  outer: for (const [region, categories] of Object.entries(value)) {
    if (typeof categories !== 'object' || categories === null) continue;
    for (const [category, node] of Object.entries(categories as Record<string, unknown>)) {
      const shown = typeof node === 'object' && node !== null ? Object.entries(node).map(([m, v]) => `${m}: ${String(v)}`).join('; ') : String(node);
      preview.push([region, category, shown]);
      if (preview.length >= PREVIEW_ROWS) break outer;
    }
  }
  return { regions: Object.keys(value).length, measures, preview };
}

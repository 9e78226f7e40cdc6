import { detectInputKind, TEXT_KINDS, type InputKind } from '../../io/inputKind';
import { notes as noteText } from '../../io/notes';
import { InputError } from '../../io/errors';
import { readBoundaries } from '../../io/boundaries';
import { readZippedShapefile } from '../../io/shapefileZip';
import { delimitedReader, parseDelimited, type DelimitedTable } from '../../io/delimited';
import { countedRows } from '../../io/plainRows';
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
import { readFileBytes } from './fileText';
import { decodeText, encodingLabel, plainUtf8 } from '../../io/textDecoding';
import { parseSdmxCsv } from '../../io/sdmxCsv';
import { readJsonStat } from '../../io/jsonStat';
import { readWorkbook } from '../../io/xlsxWorkbook';
import { gridDelimiter, gridToTable, isOfficialExport, layoutNotes, textGrid } from '../../io/gridTable';
import { tableHierarchies } from '../../io/hierarchy';
import { statedUnit, type StatedUnit } from '../../io/units';
import type { BoundarySummary, EurostatSummary, FileRole, FileSummary, ImportProblem, JsonSummary, ReadOptions, TableSummary } from './importTypes';

/** A file read once and kept (in the import worker) for every later build with other choices. */
export type ParsedInput =
  | { kind: 'boundaries'; source: object; format: BoundarySummary['format']; /** What reading the file found (a zip's other layers, a guessed code page), for the build's notes. */ notes?: string[] }
  /**
   * A delimited file keeps its text, read again (streamed) for each build; its rows are kept only
   * for a small file. A large one keeps its first rows for the preview (`headOnly` says so).
   */
  | { kind: 'table'; table: DelimitedTable; text?: string; /** A large UTF-8 file: its bytes instead of its text (see plainUtf8). */ bytes?: Uint8Array; headOnly?: { rows: number }; /** The unit a title row states (an official export's "тыс. человек"). */ unit?: StatedUnit }
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
export async function inspectFile(file: File, progress: Progress = () => {}, options: ReadOptions = {}): Promise<InspectedFile> {
  const summary: FileSummary = { key: fileKey(file), name: file.name, size: file.size, role: 'ignore', notes: [] };
  if (Object.keys(options).length > 0) summary.options = options;
  try {
    const head = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
    const kind = detectInputKind(file.name, head);
    summary.kind = kind;
    const parsed = await parse(file, kind, summary, progress, options);
    return { summary, parsed };
  } catch (error) {
    summary.error = problemOf(error);
    return { summary };
  }
}

async function parse(file: File, kind: InputKind, summary: FileSummary, progress: Progress, options: ReadOptions): Promise<ParsedInput> {
  const name = file.name;
  if (kind === 'shapefile-zip') {
    progress('read', 0);
    const boundaries = await readZippedShapefile(await file.arrayBuffer(), name, { layer: options.layer, encoding: options.dbfEncoding });
    summary.role = 'boundaries';
    summary.shapefile = boundaries.shapefile;
    summary.boundaries = boundarySummary(boundaries.collection, name, 'shapefile');
    summary.notes.push(...boundaries.notes.filter((n) => !n.includes('(detected)')));
    return { kind: 'boundaries', source: boundaries.collection, format: 'shapefile', notes: boundaries.notes.filter((n) => !n.includes('(detected)')) };
  }
  if (kind === 'xlsx') {
    const workbook = readWorkbook(await readFileBytes(file, (f) => progress('read', f)), name);
    progress('parse', 0);
    // Without a choice, the first sheet that holds a table (a workbook often opens with notes).
    const sheet = options.sheet !== undefined ? chosenSheet(workbook.sheets, options.sheet, name) : (workbook.sheets.find((s) => hasTable(() => gridToTable(workbook.sheet(s)))) ?? workbook.sheets[0]);
    summary.sheets = workbook.sheets;
    summary.sheet = sheet;
    if (workbook.sheets.length > 1) summary.notes.push(`sheet "${sheet}" of ${workbook.sheets.length}: ${workbook.sheets.map((s) => `"${s}"`).join(', ')}`);
    const { table, layout } = gridToTable(workbook.sheet(sheet));
    summary.notes.push(...layoutNotes(layout));
    return tableInput({ kind: 'table', table, ...withUnit(statedUnit(layout.titles, layout.qualifiers), summary) }, summary);
  }
  if (!TEXT_KINDS.includes(kind)) throw new Error(`no reader for ${kind}`);
  const bytes = await readFileBytes(file, (f) => progress('read', f));
  // A large UTF-8 table is scanned as bytes, at inspection and at every build: no string of the whole file.
  const plain = kind === 'delimited' && bytes.length > KEEP_ROWS && !options.encoding ? plainUtf8(bytes) : undefined;
  if (plain && detectInputKind(name, utf8Head(plain.body)) === 'delimited') {
    summary.encoding = { used: 'utf-8', by: plain.by };
    progress('parse', 0);
    return tableInput(tableHead(plain.body, name, (f) => progress('parse', f)), summary);
  }
  const { text, encoding, by } = decodeText(bytes, name, options.encoding);
  summary.encoding = { used: encoding, by };
  if (by === 'chosen') summary.notes.push(`read as ${encodingLabel(encoding)} (chosen)`);
  else if (encoding !== 'utf-8') summary.notes.push(noteText.encoding(encoding));
  // The kind again from the decoded text: the bytes of UTF-16 or a chosen encoding may have misled it.
  kind = detectInputKind(name, text.slice(0, 65536));
  summary.kind = kind;
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
  if (kind === 'eurostat-tsv' || kind === 'sdmx-csv' || kind === 'json-stat') {
    const onProgress = (f: number) => progress('parse', f);
    const { table, notes } =
      kind === 'eurostat-tsv' ? { table: parseEurostatTsv(text, name, onProgress), notes: [] } : kind === 'sdmx-csv' ? parseSdmxCsv(text, name, onProgress) : readJsonStat(parseJsonText(text, name), name);
    summary.role = 'employment';
    summary.eurostat = eurostatSummary(table);
    summary.notes.push(...notes);
    return { kind: 'eurostat', table };
  }
  const onProgress = (f: number) => progress('parse', f);
  if (text.length > KEEP_ROWS) return tableInput(tableHead(text, name, onProgress), summary);
  const { table, unit } = delimitedOrExport(text, name, summary, onProgress);
  return tableInput({ kind: 'table', table, text, ...withUnit(unit, summary) }, summary);
}

/** The stated unit for the parsed input, said in the file's notes (the mapping step shows them). */
function withUnit(unit: StatedUnit | undefined, summary: FileSummary): { unit?: StatedUnit } {
  if (!unit) return {};
  summary.notes.push(noteText.statedUnit(unit));
  return { unit };
}

/**
 * A delimited file as the strict reader takes it; an official export (title rows, a header of
 * several rows, unnamed columns) that it refuses, or reads as one column, is read as a grid.
 */
function delimitedOrExport(text: string, name: string, summary: FileSummary, onProgress: (f: number) => void): { table: DelimitedTable; unit?: StatedUnit } {
  let strict: DelimitedTable | undefined;
  let failure: unknown;
  try {
    strict = parseDelimited(text, name, { onProgress });
    if (strict.header.length > 1) return { table: strict };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    failure = error;
  }
  try {
    const { table, layout } = gridToTable(textGrid(text, name), gridDelimiter(text));
    // A plain table with a row of too many fields is a ragged row, not an export with unnamed
    // columns: the strict reader's located error stands unless the grid found an export's shape.
    const raggedRow = failure instanceof InputError && /expected \d+ fields/.test(failure.message);
    const exportShape = layout.titles.length > 0 || layout.headerLines.length > 1 || layout.footnotes.length > 0;
    if (isOfficialExport(table, layout) && table.header.length > 1 && (exportShape || !raggedRow)) {
      summary.notes.push(...layoutNotes(layout));
      const unit = statedUnit(layout.titles, layout.qualifiers);
      return unit ? { table, unit } : { table };
    }
  } catch {
    // Not an export either: the strict reader's answer stands.
  }
  if (strict) return { table: strict };
  throw failure;
}

function tableInput(parsed: Extract<ParsedInput, { kind: 'table' }>, summary: FileSummary): ParsedInput {
  const { table } = parsed;
  summary.table = tableSummary(table, parsed.headOnly?.rows ?? table.rows.length);
  if (!parsed.headOnly) {
    const s = summary.table;
    const hierarchies = tableHierarchies(table, s.header.filter((h) => !s.numericColumns.includes(h)), s.region);
    if (hierarchies.length > 0) s.hierarchies = hierarchies;
  }
  summary.role = tableRole(table.header);
  if (table.blankLines > 0) summary.notes.push(noteText.blankLines(table.blankLines));
  return parsed;
}

/** A sheet chosen by name, or by its number (1 = first) when no sheet has that name. */
function chosenSheet(sheets: readonly string[], chosen: string, file: string): string {
  if (sheets.includes(chosen)) return chosen;
  const n = /^\d+$/.test(chosen.trim()) ? Number(chosen) : NaN;
  if (n >= 1 && n <= sheets.length) return sheets[n - 1];
  throw new InputError({ file }, `no sheet "${chosen}": the workbook's sheets are ${sheets.map((s, i) => `${i + 1} "${s}"`).join(', ')}`);
}

function hasTable(read: () => unknown): boolean {
  try {
    read();
    return true;
  } catch (error) {
    if (error instanceof InputError) return false;
    throw error;
  }
}

/** The first 64 KB of UTF-8 bytes as text, for telling the kind (a character cut at the end does not matter). */
function utf8Head(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes.subarray(0, 65536));
}

/** The whole file checked as `parseDelimited` checks it (same errors), keeping only the first rows. */
function tableHead(source: string | Uint8Array, name: string, onProgress: (fraction: number) => void): Extract<ParsedInput, { kind: 'table' }> {
  const rows: string[][] = [];
  const lines: number[] = [];
  let width = 0;
  const reader = delimitedReader(name, {
    onProgress,
    totalLength: source.length,
    onHeader(header) {
      width = header.length;
    },
    // Cells, not rows: past the first rows nothing is kept, so no string is made for them, and
    // the plain rows after them are only counted (in the scanner's own loop, no call per cell).
    onCells(cells, line) {
      if (rows.length >= SAMPLE_ROWS) return;
      const row: string[] = [];
      for (let c = 0; c < cells.length; c++) row.push(cells.get(c));
      rows.push(row);
      lines.push(line);
      if (rows.length === SAMPLE_ROWS) reader.usePlainRows(countedRows(width));
    },
  });
  reader.push(source);
  const head = reader.end();
  const table: DelimitedTable = { fileName: name, delimiter: head.delimiter, header: head.header, rows, lines, blankLines: head.blankLines };
  return { kind: 'table', table, ...(typeof source === 'string' ? { text: source } : { bytes: source }), headOnly: { rows: head.rowCount } };
}

/** Every row of a delimited input, parsed again when only its first rows were kept. */
export function wholeTable(parsed: Extract<ParsedInput, { kind: 'table' }>): DelimitedTable {
  if (!parsed.headOnly) return parsed.table;
  const text = parsed.text ?? (parsed.bytes ? new TextDecoder().decode(parsed.bytes) : undefined);
  return text !== undefined ? parseDelimited(text, parsed.table.fileName) : parsed.table;
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
  const textColumns: string[] = [];
  const numericColumns = header.filter((name, c) => {
    let numbers = 0;
    for (const row of sample) {
      const cell = row[c];
      if (isMissingCell(cell) || suppressionFlag(cell)) continue;
      if (Number.isNaN(parseNumber(cell, mark))) {
        textColumns.push(name);
        return false;
      }
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
  // An official export's two unnamed text columns beside year columns: the regions, then the activities.
  const labels = header.filter((h) => !(years.years ?? []).includes(h));
  const unnamedPair = layout === 'wide' && (years.years?.length ?? 0) > 0 && labels.length === 2 && labels.every((h) => !numericColumns.includes(h)) && !long.region && !wide.region;
  if (unnamedPair) layout = 'years';
  // A wide table's region column is the first that is not numeric when no name says so.
  const region = long.region ?? wide.region ?? header.find((h) => !numericColumns.includes(h));
  return {
    delimiter: table.delimiter,
    header,
    rows,
    preview: table.rows.slice(0, PREVIEW_ROWS),
    numericColumns,
    textColumns,
    layout,
    long,
    region,
    category: long.category ?? years.category ?? (unnamedPair ? labels[1] : undefined),
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

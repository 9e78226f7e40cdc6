import type { Category, EmploymentCube } from '../../model/dataset';
import { checkPageCapacity } from './pageCapacity';
import { InputError } from '../../io/errors';
import { FEATURE_ID, readBoundaries } from '../../io/boundaries';
import { unwrapCollection } from '../../io/antimeridian';
import { notes as noteText } from '../../io/notes';
import { bestIdProperty } from '../../io/idProperty';
import { categoriesFromTable } from '../../io/categoriesTable';
import type { CubeOptions, TableReport } from '../../io/cubeBuilder';
import { longTableToCube, streamLongTable } from '../../io/longTable';
import { streamWideTable, wideTableToCube } from '../../io/wideTable';
import { streamYearColumnsTable, yearColumnsToCube } from '../../io/yearColumnsTable';
import { eurostatToCube } from '../../io/eurostatCube';
import { nestedJsonToCube } from '../../io/nestedJson';
import { aggregateIndustries, parseIndustryMapping, type IndustryReport } from '../../io/industryMapping';
import { eurostatUnitName } from '../../io/units';
import { joinToMap } from '../joinToMap';
import { mapFeatures } from '../mapBoundaries';
import { framesOf } from '../../io/outlyingRegions';
import type { DatasetManifest } from '../../io/manifest';
import { wholeTable, type ParsedInput } from './inspectFile';
import { keepLevels, tableHierarchies } from '../../io/hierarchy';
import type { ImportChoices, ImportResult, TableChoice } from './importTypes';

export interface NamedInput {
  name: string;
  parsed: ParsedInput;
}

type Stage = (stage: 'employment' | 'industries' | 'boundaries' | 'join', fraction: number) => void;

/**
 * Turns the inspected files and the user's choices into a dataset for the map, in this order:
 * categories → employment cube (by its reader) → industry codes summed into categories → boundaries
 * validated (id property: the user's, or the one matching most data codes) and unwrapped across the
 * antimeridian → join (manual fixes, ids, aliases, names) → the cube re-keyed to the map's ids.
 * Pure: the worker, the tests and the benchmark call the same function.
 */
export function buildImport(inputs: ReadonlyMap<string, NamedInput>, choices: ImportChoices, stage: Stage = () => {}): ImportResult {
  const get = inputGetter(inputs);
  const notes: string[] = [];
  const employment = get(choices.employment.key, 'employment');
  const { cube, reports, industry, unit } = buildCube(inputs, choices, stage);

  checkPageCapacity(cube, employment.name);

  stage('boundaries', 0);
  const boundaryInput = get(choices.boundaries.key, 'boundaries');
  if (boundaryInput.parsed.kind !== 'boundaries') throw new InputError({ file: boundaryInput.name }, 'this is not a boundary file (GeoJSON, TopoJSON or a zipped shapefile)');
  const source = boundaryInput.parsed.source;
  let idProperty = choices.boundaries.idProperty;
  if (idProperty === undefined) {
    const features = readBoundaries(source, boundaryInput.name).collection.features;
    const best = bestIdProperty(features, cube.regions.map((r) => r.id));
    if (best) {
      idProperty = best.property;
      notes.push(noteText.idsBest(idProperty, FEATURE_ID, best.matched, best.matchedByName));
    }
  }
  const boundaries = readBoundaries(source, boundaryInput.name, { idProperty, nameProperty: choices.boundaries.nameProperty });
  // A shapefile's own notes (other layers in the zip, the .dbf's code page) are known only from reading the zip.
  notes.push(...(boundaryInput.parsed.notes ?? []), ...boundaries.notes);
  const { collection, changed } = unwrapCollection(boundaries.collection);
  if (changed.length > 0) {
    notes.push(noteText.antimeridian(changed.map((i) => boundaries.regions[i].name)));
  }

  stage('join', 0);
  const {
    cube: mapCube,
    join,
    summary,
  } = joinToMap(cube, boundaries.regions, {
    by: choices.join.by,
    manual: new Map(choices.join.manual),
    ...(choices.join.aliases ? {} : { nameAliases: [] }),
  });

  const promoteId = boundaries.idProperty;
  const features = mapFeatures(collection, promoteId);
  const regions = new Blob([JSON.stringify({ type: 'FeatureCollection', features })], { type: 'application/geo+json' });

  const { bounds, insets } = framesOf(collection.features, (i) => boundaries.regions[i].name);
  const dataFile = employment.name;
  const manifest: DatasetManifest = {
    format: 'cluster-atlas-dataset',
    version: 1,
    id: 'user',
    title: `${dataFile} · ${boundaryInput.name}`,
    attribution: noteText.yourFiles([boundaryInput.name, dataFile]),
    regions: { file: boundaryInput.name, id: promoteId, name: boundaries.nameProperty ?? promoteId },
    employment: { file: dataFile, layout: choices.employment.table?.layout === 'long' ? 'long' : 'wide' },
    ...(unit ? { unit: unit.name, unitCode: unit.code } : {}),
  };
  return {
    dataset: {
      manifest,
      regionsUrl: '',
      bounds,
      insets,
      regions: mapCube.regions,
      categories: mapCube.categories,
      years: mapCube.years,
      hasEstablishments: mapCube.establishments !== undefined,
      join: summary,
      reports,
      flags: mapCube.flags,
    },
    cube: mapCube,
    regions,
    join,
    mapRegions: boundaries.regions,
    industry,
    reports,
    notes,
  };
}

/**
 * The first half of an import, all a door without a map needs (`atlas indicators`): categories →
 * employment cube (by its reader) → industry codes summed into categories. Boundaries and join
 * choices are not read.
 */
export function buildCube(
  inputs: ReadonlyMap<string, NamedInput>,
  choices: Pick<ImportChoices, 'employment' | 'categories' | 'industries'>,
  stage: Stage = () => {},
): { cube: EmploymentCube; reports: TableReport[]; industry?: IndustryReport; unit?: { name: string; code: string } } {
  const get = inputGetter(inputs);
  let categories: Category[] | undefined;
  if (choices.categories) {
    const input = get(choices.categories.key, 'categories');
    if (input.parsed.kind !== 'table') throw new InputError({ file: input.name }, 'a categories table must be CSV or TSV (category,name[,group])');
    categories = categoriesFromTable(wholeTable(input.parsed));
  }

  stage('employment', 0);
  const industries = choices.industries ? get(choices.industries.key, 'industry mapping') : undefined;
  const employment = get(choices.employment.key, 'employment');
  // With an industry mapping the data's categories are industry codes: the categories table only names the mapped ones.
  const options: CubeOptions = {
    categories: industries ? undefined : categories,
    defaultYear: choices.employment.year,
    suppression: choices.employment.suppression,
    benchmarkId: choices.employment.benchmark || undefined,
    keepNonIndustry: choices.employment.keepNonIndustry,
  };
  const { cube: rawCube, report } = employmentCube(employment, choices, options, (f) => stage('employment', f));
  const reports: TableReport[] = [report];

  let cube = rawCube;
  let industry: IndustryReport | undefined;
  if (industries) {
    stage('industries', 0);
    if (industries.parsed.kind !== 'table' || industries.parsed.text === undefined) {
      throw new InputError({ file: industries.name }, 'an industry mapping must be a CSV file code_prefix,category[,name]');
    }
    const mapping = parseIndustryMapping(industries.parsed.text, industries.name);
    if (categories) {
      const named = new Map(categories.map((c) => [c.id, c]));
      mapping.categories = mapping.categories.map((c) => named.get(c.id) ?? c);
    }
    ({ cube, report: industry } = aggregateIndustries(rawCube, mapping));
  }
  const unit = employmentUnit(employment, choices);
  return { cube, reports, industry, ...(unit ? { unit } : {}) };
}

/**
 * What the employment values count, as the file states it: a Eurostat table's `unit` dimension
 * when one code of it is used (THS → thousand persons), an official export's title row
 * ("тыс. человек"). A unit given by the user or a manifest goes before it.
 */
export function employmentUnit(input: NamedInput, choices: Pick<ImportChoices, 'employment'>): { name: string; code: string } | undefined {
  const { parsed } = input;
  if (parsed.kind === 'table') return parsed.unit ? { name: parsed.unit.name, code: parsed.unit.code } : undefined;
  if (parsed.kind !== 'eurostat') return undefined;
  const d = parsed.table.dimensions.indexOf('unit');
  if (d < 0) return undefined;
  const chosen = choices.employment.eurostat?.filters?.unit;
  const codes = chosen && chosen.length > 0 ? chosen : parsed.table.codes[d];
  const name = codes.length === 1 ? eurostatUnitName(codes[0]) : undefined;
  return name ? { name, code: codes[0] } : undefined;
}

function inputGetter(inputs: ReadonlyMap<string, NamedInput>) {
  return (key: string, role: string) => {
    const input = inputs.get(key);
    if (!input) throw new Error(`the ${role} file is no longer loaded; open it again`);
    return input;
  };
}

/** The employment cube of one inspected file with the mapping step's choices (every format's reader behind one call). */
export function employmentCube(input: NamedInput, choices: Pick<ImportChoices, 'employment'>, options: CubeOptions, onProgress: (fraction: number) => void): { cube: EmploymentCube; report: TableReport } {
  const { parsed, name } = input;
  const e = choices.employment;
  if (parsed.kind === 'eurostat') {
    const { cube, report } = eurostatToCube(parsed.table, { ...options, filters: e.eurostat?.filters ?? {}, region: e.eurostat?.region, category: e.eurostat?.category });
    return { cube, report };
  }
  if (parsed.kind === 'json') {
    const { cube, report } = nestedJsonToCube(parsed.value, name, { ...options, measure: e.json?.measure });
    return { cube, report };
  }
  if (parsed.kind !== 'table') throw new InputError({ file: name }, 'this is a boundary file, not employment data');
  if (!e.table) throw new InputError({ file: name }, 'choose which columns hold the region, category and employment');
  return tableCube(parsed, e.table, options, onProgress);
}

/**
 * A large table (only its first rows kept) goes from the parser straight into the cube, never
 * held as strings; a small one is read from its rows, kept for rebuilds with other choices.
 */
function tableCube(input: Extract<ParsedInput, { kind: 'table' }>, choice: TableChoice, options: CubeOptions, onProgress: (fraction: number) => void) {
  if (input.headOnly) return layoutCube(input, choice, options, onProgress);
  // One level of each hierarchical column, and no aggregate regions: parents and children are never added up.
  const columns = [choice.region, choice.layout === 'wide' ? undefined : choice.category].filter((c): c is string => !!c);
  const { table, excluded } = keepLevels(input.table, tableHierarchies(input.table, columns, choice.region), choice.levels, choice.region, options.benchmarkId);
  if (table.rows.length === 0 && excluded.length > 0) {
    throw new InputError({ file: table.fileName }, `no rows left: ${excluded.map((e) => `${e.rows} × ${e.reason}`).join('; ')}; choose another hierarchy level`);
  }
  const result = layoutCube({ kind: 'table', table }, choice, options, onProgress);
  if (excluded.length > 0) {
    result.report.excluded = [...(result.report.excluded ?? []), ...excluded];
    result.report.rowsRead += excluded.reduce((n, e) => n + e.rows, 0);
  }
  return result;
}

function layoutCube(input: Extract<ParsedInput, { kind: 'table' }>, choice: TableChoice, options: CubeOptions, onProgress: (fraction: number) => void) {
  const { table } = input;
  const file = table.fileName;
  // The delimiter found when the file was inspected; the same text gives the same one.
  const parse = { delimiter: table.delimiter, onProgress };
  // A large file read again from its text, or its bytes (UTF-8, never decoded as a whole).
  const text = input.headOnly ? (input.bytes ?? input.text) : undefined;
  const need = (value: string | undefined, what: string): string => {
    if (!value) throw new InputError({ file }, `choose the ${what} column`);
    return value;
  };
  if (choice.layout === 'long') {
    const mapping = {
      region: need(choice.region, 'region'),
      category: need(choice.category, 'category'),
      employment: need(choice.employment, 'employment'),
      year: choice.year || undefined,
      establishments: choice.establishments || undefined,
      employmentFlag: choice.employmentFlag || undefined,
      flags: choice.flags || undefined,
    };
    return text !== undefined ? streamLongTable(text, file, mapping, options, parse) : longTableToCube(table, mapping, options);
  }
  if (choice.layout === 'years') {
    const mapping = { region: need(choice.region, 'region'), category: need(choice.category, 'category'), years: choice.columns };
    return text !== undefined ? streamYearColumnsTable(text, file, mapping, options, parse) : yearColumnsToCube(table, mapping, options);
  }
  const mapping = { region: need(choice.region, 'region'), year: choice.year || undefined, categories: choice.columns };
  return text !== undefined ? streamWideTable(text, file, mapping, options, undefined, parse) : wideTableToCube(table, mapping, options);
}

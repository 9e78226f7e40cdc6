/**
 * Packs a dataset folder for hosting, in memory (the script writes the files):
 *
 *   read and sort the inputs (inspectFile, as the app's import) → the choices the app's mapping
 *   step would take, from the command line → buildImport (categories, employment, industry
 *   mapping, boundaries with the id property that matches the data, join) → years selected →
 *   boundaries simplified and quantised → employment, categories, join report and manifest files.
 *
 * Every input problem is an InputError naming file and place. What a strict run must refuse —
 * data regions not on the map, rows not used, industry codes without a category, manual fixes
 * that fix nothing — is returned as warnings; the caller decides.
 */
import type { EmploymentCube, IndicatorId } from '../model/dataset';
import { FEATURE_ID } from '../io/boundaries';
import type { TableReport } from '../io/cubeBuilder';
import { InputError } from '../io/errors';
import type { IndustryReport } from '../io/industryMapping';
import { unitFromText } from '../io/units';
import { SOURCE_FLAGS } from '../io/sourceFlags';
import { joinReportCsv } from '../io/joinReportCsv';
import { validateManifest, type DatasetManifest } from '../io/manifest';
import { parseNameFixes } from '../io/nameFixes';
import type { JoinReport, MissReason } from '../io/regionJoin';
import { buildImport } from '../engine/import/buildImport';
import { CUBE_INDEX_FILE, encodeCube } from '../io/cubeBlobs';
import { categoriesCsv, chooseLayout, employmentFiles, flagsCsv, type Layout } from './employmentFiles';
import { packChoices, type ChoiceOptions } from './importChoices';
import type { AggregatedTable } from './industryInputs';
import { readInputs, type DatasetInputs, type InputFile } from './inputs';
import { selectYears } from './selectYears';
import type { ShapefileReadOptions } from './shapefileFlags';
import { simplifyBoundaries, type PackedFeature, type SimplifyOptions, type SimplifyStats } from './simplifyBoundaries';

export interface PackOptions extends ChoiceOptions {
  /** The dataset's id (its folder name). */
  id: string;
  title?: string;
  description?: string;
  attribution?: string;
  licence?: string;
  /** Manifest texts: the unit (default: from Eurostat's unit code), the source, the period as the source states it. */
  unit?: string;
  source?: string;
  sourceUrl?: string;
  period?: string;
  /** A boundary property with the region names in Latin script, kept in regions.geojson. */
  nameLatin?: string;
  /** The dataset's minimum cell size for stars and rankings. */
  minSize?: { employment?: number; establishments?: number };
  synthetic?: boolean;
  layout?: Layout;
  /** CSV tables, or the binary cube (cube.json and one file per year); default: by size (`packForm`). */
  form?: PackForm;
  simplify?: SimplifyOptions;
  /** Also write the quantised topology (regions.topojson). */
  topojson?: boolean;
  /** Named in messages when no boundary or employment file is found (e.g. the input folder). */
  where?: string;
  /** How a zipped Shapefile among the inputs is read (--layer, --dbf-encoding). */
  shapefile?: ShapefileReadOptions;
}

/** Something a strict run refuses: a summary and the cases it covers. */
export interface PackWarning {
  summary: string;
  items: string[];
}

export interface PackResult {
  manifest: DatasetManifest;
  /** Output files in writing order (manifest last). */
  files: { name: string; text: string }[];
  /** A binary pack's year files (written before `files`, so the index and manifest never name a file not there yet). */
  blobs: { name: string; bytes: Uint8Array }[];
  inputs: { boundaries: string; employment: string; categories?: string; industries?: string; names?: string };
  boundaries: { file: string; format: string; regions: number; idProperty: string; nameProperty: string; bytes: number };
  employment: { file: string; reading: string; report: TableReport; industries?: IndustryReport };
  output: { form: PackForm; layout: Layout | 'binary'; layoutWhy: string; regions: number; categories: number; years: number[] };
  join: JoinReport;
  geometry: SimplifyStats;
  /** What the import noticed: how the id property was chosen, the TopoJSON object, regions unwrapped across ±180°. */
  importNotes: string[];
  notes: string[];
  warnings: PackWarning[];
}

export const OUTPUT_FILES = ['regions.geojson', 'regions.topojson', 'categories.csv', 'employment.csv', 'establishments.csv', 'flags.csv', CUBE_INDEX_FILE, 'join-report.csv', 'manifest.json'] as const;
/** The year files of the binary form (cubeBlobs.ts `encodeCube`): an earlier pack's are removed when a new pack is written. */
export const YEAR_FILE = /^(employment|establishments)-\d+\.(u16|f32|f64)$/;
const LISTED = 10;
const REASON_ORDER: readonly MissReason[] = ['manual-unknown', 'ambiguous', 'taken', 'not-on-map', 'other-version', 'finer', 'aggregate'];

/**
 * `aggregated`: the employment input is the category table an industry-level table was summed
 * into (industryInputs.ts); the aggregation's report is the one shown and judged.
 */
export async function packDataset(files: readonly InputFile[], options: PackOptions, nameFixesFile?: InputFile, aggregated?: AggregatedTable): Promise<PackResult> {
  const inputs = await readInputs(files, options.where ?? 'the inputs', options.shapefile, options.sheet);
  const notes: string[] = [];
  const warnings: PackWarning[] = [];

  if (aggregated && inputs.industries) {
    throw new InputError({ file: inputs.industries.name }, `an industry mapping among the inputs besides --industry-map ${aggregated.mapping}; give the mapping once`);
  }
  const fixes = nameFixes(inputs, nameFixesFile);
  const { choices, hasYears, excluded, reading } = packChoices(inputs, options, fixes?.manual);
  const built = buildImport(inputs.parsed, choices);
  const { join } = built;
  const industry = aggregated?.industry ?? built.industry;
  const report = aggregated ? { ...aggregated.report, nonIndustry: built.reports[0].nonIndustry } : built.reports[0];
  const mappingFile = aggregated?.mapping ?? inputs.industries?.name;
  if (excluded.length > 0) report.excluded = [...(report.excluded ?? []), ...excluded];
  const cube = hasYears && options.years !== undefined ? selectYears(built.cube, options.years, inputs.employment.name) : built.cube;

  if (report.unused.length > 0) {
    warnings.push({ summary: `${report.unused.length} row(s) of ${report.file} not used`, items: report.unused.map((u) => (u.line > 0 ? `line ${u.line}: ${u.reason}` : u.reason)) });
  }
  const unmapped = industry?.unmapped.filter((u) => u.employment > 0) ?? [];
  if (unmapped.length > 0) {
    warnings.push({
      summary: `${unmapped.length} industry code(s) with employment have no category in ${mappingFile}`,
      items: unmapped.map((u) => `${u.code}: ${u.employment} in ${u.cells} cell(s)`),
    });
  }
  const regionsFile = inputs.boundaries.name;
  if (join.counts.matched === 0) {
    throw new InputError(
      { file: inputs.employment.name },
      `none of its ${join.counts.dataRegions} regions matches a region of ${regionsFile} (region ids from ${built.dataset.manifest.regions.id === FEATURE_ID ? 'the feature ids' : `property "${built.dataset.manifest.regions.id}"`}); name the id property with --id, or give manual fixes with --names`,
    );
  }
  if (join.notOnMap.length > 0) {
    // Most telling first: a country total of its NUTS-2 regions is expected, a region missing from the map is not.
    const misses = [...join.notOnMap].sort((a, b) => REASON_ORDER.indexOf(a.reason) - REASON_ORDER.indexOf(b.reason));
    warnings.push({
      summary: `${join.notOnMap.length} data region(s) not on the map (${reasonCounts(join)})`,
      items: misses.map((m) => `${m.dataId}${m.dataName !== m.dataId ? ` (${m.dataName})` : ''}: ${m.reason}, ${m.detail}`),
    });
  }
  if (fixes) {
    const dataKeys = new Set([...join.matched, ...join.notOnMap].flatMap((m) => [m.dataId, m.dataName]));
    const unused = [...fixes.manual.keys()].filter((k) => !dataKeys.has(k));
    if (unused.length > 0) warnings.push({ summary: `${unused.length} manual fix(es) in ${fixes.file} name no data region`, items: unused });
  }

  if (join.nuts?.advice) notes.push(join.nuts.advice.text);
  if (!hasYears) notes.push('the data has no year: give --year to say which year it refers to');
  carryNotes(cube, notes);

  // The import wrote the id into the property MapLibre promotes; the packed file keeps only id and name.
  const { id: importedId, name: importedName } = built.dataset.manifest.regions;
  const idKey = importedId === FEATURE_ID ? (importedName === 'id' ? 'region_id' : 'id') : importedId;
  const nameKey = importedName === FEATURE_ID ? idKey : importedName;
  const features = (JSON.parse(await built.regions.text()) as { features: PackedFeature[] }).features;
  const latin = options.nameLatin;
  if (latin !== undefined && !features.some((f) => f.properties?.[latin] !== undefined)) {
    throw new InputError({ file: regionsFile }, `--name-latin ${latin}: no region has this property`);
  }
  const shapes = built.mapRegions.map((r, i) => ({
    id: r.id,
    name: r.name,
    geometry: features[i].geometry,
    ...(latin !== undefined ? { extra: { [latin]: String(features[i].properties?.[latin] ?? '') } } : {}),
  }));
  const geometry = simplifyBoundaries(shapes, idKey, nameKey, options.simplify);
  if (geometry.stats.withoutArea.length > 0) notes.push(`${geometry.stats.withoutArea.length} region(s) have no area in ${regionsFile} and cannot be drawn: ${list(geometry.stats.withoutArea)}`);

  const form = packForm(cube, options);
  const chosen = form.form === 'binary' ? { layout: 'binary' as const, why: form.why } : options.layout ? { layout: options.layout, why: `${options.layout} (given with --layout)` } : chooseLayout(cube, hasYears);
  const tables = chosen.layout === 'binary' ? undefined : employmentFiles(cube, chosen.layout, hasYears);
  const binary = chosen.layout === 'binary' ? encodeCube(cube) : undefined;
  const flags = flagsCsv(cube, hasYears);
  const { unit: statedUnit, unitCode } = built.dataset.manifest;
  const manifest = buildManifest(options, { ...(statedUnit && unitCode ? { unit: { name: statedUnit, code: unitCode } } : {}), nonIndustry: report.nonIndustry, employmentFile: aggregated?.file ?? inputs.employment.name, boundariesFile: regionsFile, idKey, nameKey, cube, withYear: hasYears, layout: chosen.layout, establishments: tables?.establishments !== undefined, flags: flags !== undefined });
  if (options.attribution === undefined) notes.push('no --attribution given: the manifest names the source files; add the publishers’ attribution');

  const out: PackResult['files'] = [{ name: 'regions.geojson', text: JSON.stringify(geometry.geojson) }];
  if (options.topojson) out.push({ name: 'regions.topojson', text: JSON.stringify(geometry.topology) });
  out.push({ name: 'categories.csv', text: categoriesCsv(cube.categories) });
  if (binary) out.push({ name: CUBE_INDEX_FILE, text: JSON.stringify(binary.index) + '\n' });
  if (tables) out.push({ name: 'employment.csv', text: tables.employment });
  if (tables?.establishments) out.push({ name: 'establishments.csv', text: tables.establishments });
  if (flags) out.push({ name: 'flags.csv', text: flags });
  out.push({ name: 'join-report.csv', text: joinReportCsv(join) }, { name: 'manifest.json', text: JSON.stringify(manifest, null, 2) + '\n' });

  return {
    manifest,
    files: out,
    blobs: binary?.files ?? [],
    inputs: {
      boundaries: `${regionsFile} (${inputs.boundaries.kind})`,
      employment: aggregated ? `${aggregated.file} (industry table, summed into categories by DuckDB)` : `${inputs.employment.name} (${inputs.employment.kind})`,
      categories: aggregated ? undefined : inputs.categories?.name,
      industries: mappingFile,
      names: fixes?.file,
    },
    boundaries: {
      file: regionsFile,
      format: inputs.boundaries.boundaries!.format,
      regions: built.mapRegions.length,
      idProperty: importedId,
      nameProperty: importedName,
      bytes: inputs.boundaries.size,
    },
    employment: { file: aggregated?.file ?? inputs.employment.name, reading: aggregated?.reading ?? reading, report, industries: industry },
    output: { form: form.form, layout: chosen.layout, layoutWhy: chosen.why, regions: cube.regions.length, categories: cube.categories.length, years: hasYears ? cube.years : [] },
    join,
    geometry: geometry.stats,
    importNotes: built.notes,
    notes,
    warnings,
  };
}

export type PackForm = 'csv' | 'binary';

/**
 * Above this many values (regions × categories × years) a pack is binary unless told: its CSV
 * would be some tens of MB, which the page must fetch and parse whole before the first map, where
 * the binary form fetches the year it opens on (see README, "Binary packs").
 */
export const BINARY_FROM_VALUES = 2_000_000;

/** CSV or binary, and why (for the report). */
export function packForm(cube: EmploymentCube, options: Pick<PackOptions, 'form' | 'layout'>): { form: PackForm; why: string } {
  if (options.form) return { form: options.form, why: options.form === 'binary' ? 'binary, one file per year (given with --binary)' : 'CSV (given with --csv)' };
  if (options.layout) return { form: 'csv', why: 'CSV' };
  const values = cube.regions.length * cube.categories.length * cube.years.length;
  return values > BINARY_FROM_VALUES
    ? { form: 'binary', why: `binary, one file per year (${values.toLocaleString('en')} values, more than ${BINARY_FROM_VALUES.toLocaleString('en')}; --csv for tables)` }
    : { form: 'csv', why: 'CSV' };
}

/** The manual fixes: the file given with --names, else a name-fixes file among the inputs. */
function nameFixes(inputs: DatasetInputs, given: InputFile | undefined): { file: string; manual: Map<string, string> } | undefined {
  if (given) return { file: given.name, manual: parseNameFixes(new TextDecoder().decode(given.bytes), given.name) };
  if (!inputs.names) return undefined;
  const parsed = inputs.parsed.get(inputs.names.key)!.parsed;
  if (parsed.kind !== 'table' || parsed.text === undefined) throw new InputError({ file: inputs.names.name }, 'a name-fixes file must be a CSV file data_name,region_id');
  return { file: inputs.names.name, manual: parseNameFixes(parsed.text, inputs.names.name) };
}

/** The last part of a path: the manifest is published, the packer's folders are not. */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

function reasonCounts(join: JoinReport): string {
  return Object.entries(join.counts.byReason)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ');
}

function list(items: readonly string[]): string {
  return items.length > LISTED ? `${items.slice(0, LISTED).join(', ')} and ${items.length - LISTED} more` : items.join(', ');
}

/** What the cube has that a pack does not carry is said, not silently lost; its flags go in flags.csv. */
function carryNotes(cube: EmploymentCube, notes: string[]): void {
  const flags = new Map<string, number>();
  for (const year of cube.flags ?? []) for (const flag of year.values()) for (const f of flag) flags.set(f, (flags.get(f) ?? 0) + 1);
  if (flags.size > 0) {
    const counts = [...flags].map(([f, n]) => `${f}: ${n}`).join(', ');
    const unknown = [...flags.keys()].filter((f) => !SOURCE_FLAGS.has(f));
    // The loader refuses letters it does not know; they are the source's, so the pack stops rather than drop them.
    if (unknown.length > 0) throw new InputError({ file: 'flags.csv' }, `source flags ${unknown.map((f) => `"${f}"`).join(', ')} are not Eurostat flags (${[...SOURCE_FLAGS].join(', ')}) and cannot be packed`);
    notes.push(`source flags on values (${counts}) packed in flags.csv`);
  }
  if (cube.regionTotals) notes.push('the regions’ stated totals (e.g. Eurostat TOTAL) are not packed: the app takes each region’s total as the sum of its categories');
  if (cube.benchmark) notes.push(`the benchmark region ${cube.benchmarkId} is not packed`);
}

interface ManifestFacts {
  /** The unit the data states (a Eurostat unit code, a title row), if it states one. */
  unit?: { name: string; code: string };
  nonIndustry?: TableReport['nonIndustry'];
  employmentFile: string;
  boundariesFile: string;
  idKey: string;
  nameKey: string;
  cube: EmploymentCube;
  withYear: boolean;
  layout: Layout | 'binary';
  establishments: boolean;
  /** A flags file is written (some value carries a flag of the source). */
  flags: boolean;
}

function buildManifest(options: PackOptions, facts: ManifestFacts): DatasetManifest {
  const { cube, withYear } = facts;
  const employmentFile = fileName(facts.employmentFile);
  const boundariesFile = fileName(facts.boundariesFile);
  const yearsText = withYear ? (cube.years.length > 1 ? `${cube.years[0]}–${cube.years[cube.years.length - 1]}` : String(cube.years[0])) : 'one period';
  const manifest: DatasetManifest = {
    format: 'cluster-atlas-dataset',
    version: 1,
    id: options.id,
    title: options.title ?? options.id,
    description:
      options.description ??
      `Employment in ${cube.categories.length} categories for ${cube.regions.length} regions, ${yearsText}. Packed from ${employmentFile} and ${boundariesFile}.`,
    attribution: options.attribution ?? `Boundaries: ${boundariesFile}. Employment: ${employmentFile}.`,
    ...(options.licence ? { licence: options.licence } : {}),
    ...manifestTexts(options, facts.unit),
    ...(options.synthetic ? { synthetic: true } : {}),
    regions: { file: 'regions.geojson', id: facts.idKey, name: facts.nameKey, ...(options.nameLatin ? { nameLatin: options.nameLatin } : {}) },
    categories: { file: 'categories.csv' },
    employment: facts.layout === 'binary' ? { file: CUBE_INDEX_FILE, layout: 'binary' as const } : { file: 'employment.csv', layout: facts.layout },
    ...(facts.establishments ? { establishments: { file: 'establishments.csv', layout: 'wide' as const } } : {}),
    ...(facts.flags ? { flags: { file: 'flags.csv' } } : {}),
    ...(withYear ? { years: [...cube.years] } : {}),
    ...(facts.nonIndustry && facts.nonIndustry.length > 0
      ? { nonIndustry: facts.nonIndustry.map(({ id, name, reason, parts }) => ({ id, name, reason, ...(parts ? { parts } : {}) })) }
      : {}),
    joinReport: { file: 'join-report.csv' },
    ...(options.minSize && Object.keys(options.minSize).length > 0 ? { minSize: options.minSize } : {}),
    defaultView: defaultView(cube, withYear),
  };
  return validateManifest(manifest, 'manifest.json');
}

/** The optional texts of the manifest, from the options; the unit the data states when --unit is not given. */
function manifestTexts(options: PackOptions, stated: { name: string; code: string } | undefined): Partial<DatasetManifest> {
  const unit = options.unit ?? stated?.name;
  const texts: Partial<DatasetManifest> = {};
  if (unit) texts.unit = unit;
  const code = options.unit !== undefined ? unitFromText(options.unit)?.code : stated?.code;
  if (code) texts.unitCode = code;
  if (options.source) texts.source = options.source;
  if (options.sourceUrl) texts.sourceUrl = options.sourceUrl;
  if (options.period) texts.period = options.period;
  return texts;
}

/**
 * The first view: the latest year with any employment, and in it the category employing most
 * people (a category the map can always colour), shown as location quotients.
 */
export function defaultView(cube: EmploymentCube, withYear: boolean): { cat?: string; ind: IndicatorId; year?: number } {
  const nC = cube.categories.length;
  for (let y = cube.years.length - 1; y >= 0; y--) {
    const totals = new Float64Array(nC);
    const values = cube.employment[y];
    for (let i = 0; i < values.length; i++) if (values[i] > 0) totals[i % nC] += values[i];
    let best = -1;
    for (let c = 0; c < nC; c++) if (totals[c] > 0 && (best < 0 || totals[c] > totals[best])) best = c;
    if (best >= 0) return { cat: cube.categories[best].id, ind: 'lq', ...(withYear ? { year: cube.years[y] } : {}) };
  }
  return { ind: 'lq' };
}

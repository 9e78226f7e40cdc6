import type { Category, EmploymentCube } from '../model/dataset';
import type { TableReport } from '../io/cubeBuilder';
import { validateCubeIndex, type CubeIndex } from '../io/cubeBlobs';
import { HostedYears } from './hostedYears';
import { validateManifest, type DatasetManifest } from '../io/manifest';
import { parseDelimited } from '../io/delimited';
import { categoriesFromTable } from '../io/categoriesTable';
import { streamLongTable } from '../io/longTable';
import { streamWideTable } from '../io/wideTable';
import { InputError } from '../io/errors';
import type { JoinReport } from '../io/regionJoin';
import { joinToMap } from './joinToMap';
import { applyFlagsTable } from '../io/sourceFlags';
import { parseJsonText } from '../io/jsonText';
import { framesOf } from '../io/outlyingRegions';
import type { LoadedDataset } from '../engine/types';
import { normalisedForMap, readMapBoundaries } from './mapBoundaries';
import type { MapGeometry } from './regionWeights';
import { admitDatasetFile, admitRequest, type AdmittedUrl, type RequestScope } from '../io/requestGate';
import { fetchAdmitted, fileOfUrl } from '../io/fetchAdmitted';

type Progress = (stage: string, fraction: number) => void;

/**
 * The boundaries' files, known from the manifest alone: the map's own worker starts fetching and
 * parsing them while this one reads them too (MapLibre asks for no tile of a source before its
 * data is parsed, and none of a source no layer draws, so the view can still be fitted when the
 * boundaries are read).
 */
export interface RegionsFile {
  regionsUrl: string;
  /** Feature property holding the region id. */
  idProperty: string;
  outlinesUrl?: string;
  attribution: string;
}

/** What the map draws, known once the boundaries are read: the page starts drawing them while the tables are still being read. */
export interface MapFiles extends RegionsFile {
  /** The boundaries themselves, when the file cannot be drawn as it is (LoadedDataset.regionsData). */
  regionsData?: LoadedDataset['regionsData'];
  bounds: LoadedDataset['bounds'];
  insets?: LoadedDataset['insets'];
}

export interface HostedDataset {
  dataset: LoadedDataset;
  cube: EmploymentCube;
  map: MapGeometry;
  join: JoinReport;
  /** A binary pack's years, fetched on demand: `ensure` the years a request reads before it runs. */
  years?: HostedYears;
}

/**
 * Fetches a hosted dataset folder (manifest and the files it names, all relative to it) and
 * turns it into a cube joined to the map's features. Runs in the worker so parsing never blocks the page.
 * Every request passes the request gate: the manifest on this site or one the user agreed to, its
 * files inside its folder.
 */
export async function loadHostedDataset(
  manifestUrl: string,
  scope: RequestScope,
  progress: Progress,
  mapFiles?: (files: MapFiles) => void,
  regionsFile?: (file: RegionsFile) => void,
): Promise<HostedDataset> {
  progress('manifest', 0);
  const manifestAt = admitRequest(manifestUrl, scope.site, scope);
  manifestUrl = manifestAt.href;
  const manifest = validateManifest(await fetchJson(manifestAt), fileName(manifestUrl));
  const resolve = (file: string) => gatedFile(file, manifestUrl, scope);
  const regionsAt = resolve(manifest.regions.file);
  const regionsUrl = regionsAt.href;
  const outlinesUrl = manifest.outlines ? resolve(manifest.outlines.file).href : undefined;
  regionsFile?.({ regionsUrl, idProperty: manifest.regions.id, ...(outlinesUrl ? { outlinesUrl } : {}), attribution: manifest.attribution });

  // The files do not depend on each other: all are asked for at once, and read as they are needed.
  const requested = {
    regions: fetchText(regionsAt),
    categories: manifest.categories ? fetchText(resolve(manifest.categories.file)) : undefined,
    employment: fetchText(resolve(manifest.employment.file)),
    establishments: manifest.establishments ? fetchText(resolve(manifest.establishments.file)) : undefined,
    flags: manifest.flags ? fetchText(resolve(manifest.flags.file)) : undefined,
  };
  // A failure is reported by the step that reads the file; the others must not count as unhandled.
  for (const pending of Object.values(requested)) pending?.catch(() => undefined);

  progress('boundaries', 0.1);
  const { boundaries, map, places } = readMapBoundaries(await requested.regions, manifest.regions.file, manifest.regions);
  const { bounds, insets } = framesOf(boundaries.collection.features, (i) => boundaries.regions[i].name);
  const regionsData = normalisedForMap(boundaries, manifest.regions.id);
  mapFiles?.({ regionsUrl, ...(regionsData ? { regionsData } : {}), idProperty: manifest.regions.id, outlinesUrl, attribution: manifest.attribution, bounds, insets });

  progress('categories', 0.3);
  const categories = requested.categories && manifest.categories ? categoriesFromTable(parseDelimited(await requested.categories, manifest.categories.file)) : undefined;

  progress('employment', 0.4);
  const employment = manifest.employment.layout === 'binary'
    ? await readBinaryEmployment(manifest, await requested.employment, categories)
    : readEmployment(manifest, await requested.employment, requested.establishments && (await requested.establishments), categories);
  // The flags file, fetched through the same gate as every file of the folder, onto the cells it names.
  const dataCube = requested.flags && manifest.flags ? applyFlagsTable(employment.cube, parseDelimited(await requested.flags, manifest.flags.file)) : employment.cube;

  progress('join', 0.9);
  const { cube, join, summary } = joinToMap(dataCube, boundaries.regions);
  const years = employment.index ? fetchedYears(employment.index, firstYear(manifest, employment.index), dataCube, cube, join, (file) => fetchBytes(resolve(file))) : undefined;
  return {
    cube,
    map,
    join,
    ...(years ? { years } : {}),
    dataset: {
      manifest,
      regionsUrl,
      ...(regionsData ? { regionsData } : {}),
      bounds,
      insets,
      outlinesUrl,
      regions: cube.regions,
      categories: cube.categories,
      years: cube.years,
      hasEstablishments: employment.index ? employment.index.establishments !== undefined : cube.establishments !== undefined,
      join: summary,
      reports: employment.reports,
      ...(cube.flags ? { flags: cube.flags } : {}),
      places,
    },
  };
}

function readEmployment(manifest: DatasetManifest, employmentText: string, establishmentsText: string | undefined, categories: Category[] | undefined): { cube: EmploymentCube; reports: TableReport[]; index?: undefined } {
  const options = { categories, benchmarkId: manifest.benchmark };
  if (manifest.establishments && manifest.employment.layout !== 'wide') {
    // Not read and not dropped in silence: a long table carries establishments in a column of its own.
    throw new InputError({ file: manifest.establishments.file }, 'a separate establishments file is read beside a wide employment table only; a long employment table carries establishments in its "establishments" column');
  }
  const establishments = establishmentsText !== undefined && manifest.establishments ? { text: establishmentsText, fileName: manifest.establishments.file } : undefined;
  // The employment rows go from the parser straight into the cube (the same reading and errors as
  // a parsed table), and so do the establishments beside them: the largest files of a folder never
  // exist as arrays of rows.
  if (manifest.employment.layout === 'wide') {
    if (establishments && manifest.establishments?.layout !== 'wide') {
      throw new InputError({ file: manifest.establishments!.file }, 'establishments must use the same layout as employment');
    }
    const { cube, report } = streamWideTable(employmentText, manifest.employment.file, undefined, options, establishments);
    return { cube, reports: [report] };
  }
  const { cube, report } = streamLongTable(employmentText, manifest.employment.file, undefined, options);
  return { cube, reports: [report] };
}

/**
 * A binary pack's cube without values (they come a year at a time, `HostedYears`): its regions,
 * the categories in the index's order named by the categories table, its years.
 */
async function readBinaryEmployment(manifest: DatasetManifest, indexText: string, categories: Category[] | undefined): Promise<{ cube: EmploymentCube; reports: TableReport[]; index: CubeIndex }> {
  const file = manifest.employment.file;
  const index = validateCubeIndex(parseJsonText(indexText, file), file);
  const named = new Map((categories ?? []).map((c) => [c.id, c]));
  const cubeCategories = index.categories.map((id, i) => {
    const category = named.get(id);
    if (!category && categories) throw new InputError({ file, path: `categories[${i}]` }, `category "${id}" is not in ${manifest.categories!.file}`);
    return category ?? { id, name: id };
  });
  const cells = index.regions.length * index.years.length;
  return {
    index,
    cube: { regions: index.regions.map((id) => ({ id, name: id })), categories: cubeCategories, years: [...index.years], employment: [] },
    reports: [{ file, rowsRead: cells, rowsUsed: cells, missingCells: index.missingCells, unused: [], notes: [] }],
  };
}

/** The loader of a binary pack's years into the joined cube, the year the page opens on asked for at once. */
function fetchedYears(index: CubeIndex, first: number, dataCube: EmploymentCube, cube: EmploymentCube, join: JoinReport, fetchFile: (file: string) => Promise<ArrayBuffer>): HostedYears {
  const matched = new Set(join.matched.map((m) => m.dataId));
  const kept = dataCube.regions.flatMap((r, i) => (matched.has(r.id) ? [i] : []));
  const years = new HostedYears(index, cube, kept, fetchFile);
  years.ensure([first]).catch(() => undefined);
  return years;
}

/** The year the page opens on without a link's choice (the store's `initialView`): the manifest's default, else the latest. */
function firstYear(manifest: DatasetManifest, index: CubeIndex): number {
  const at = manifest.defaultView?.year !== undefined ? index.years.indexOf(manifest.defaultView.year) : -1;
  return at >= 0 ? at : index.years.length - 1;
}

/** A file the manifest names, admitted by the gate; a refusal is located in the manifest. */
function gatedFile(file: string, manifestUrl: string, scope: RequestScope): AdmittedUrl {
  try {
    return admitDatasetFile(file, manifestUrl, scope);
  } catch (error) {
    throw new InputError({ file: fileName(manifestUrl) }, `not loaded: ${(error as Error).message}`);
  }
}

async function fetchText(url: AdmittedUrl): Promise<string> {
  return (await fetchAdmitted(url)).text();
}

async function fetchBytes(url: AdmittedUrl): Promise<ArrayBuffer> {
  return (await fetchAdmitted(url)).arrayBuffer();
}

async function fetchJson(url: AdmittedUrl): Promise<unknown> {
  // The project's JSON reader: located syntax errors, and repeated keys, overflowing numbers and
  // runaway nesting refused rather than silently resolved.
  return parseJsonText(await fetchText(url), fileName(url.href));
}

const fileName = fileOfUrl;

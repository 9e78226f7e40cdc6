import type { EmploymentCube } from '../model/dataset';
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

/** What the map draws, known once the boundaries are read: the page starts drawing them while the tables are still being read. */
export interface MapFiles {
  regionsUrl: string;
  /** The boundaries themselves, when the file cannot be drawn as it is (LoadedDataset.regionsData). */
  regionsData?: LoadedDataset['regionsData'];
  /** Feature property holding the region id. */
  idProperty: string;
  outlinesUrl?: string;
  attribution: string;
  bounds: LoadedDataset['bounds'];
  insets?: LoadedDataset['insets'];
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
): Promise<{ dataset: LoadedDataset; cube: EmploymentCube; map: MapGeometry; join: JoinReport }> {
  progress('manifest', 0);
  const manifestAt = admitRequest(manifestUrl, scope.site, scope);
  manifestUrl = manifestAt.href;
  const manifest = validateManifest(await fetchJson(manifestAt), fileName(manifestUrl));
  const resolve = (file: string) => gatedFile(file, manifestUrl, scope);
  const regionsAt = resolve(manifest.regions.file);
  const regionsUrl = regionsAt.href;
  const outlinesUrl = manifest.outlines ? resolve(manifest.outlines.file).href : undefined;

  progress('boundaries', 0.1);
  const { boundaries, map, places } = readMapBoundaries(await fetchText(regionsAt), manifest.regions.file, manifest.regions);
  const { bounds, insets } = framesOf(boundaries.collection.features, (i) => boundaries.regions[i].name);
  const regionsData = normalisedForMap(boundaries, manifest.regions.id);
  mapFiles?.({ regionsUrl, ...(regionsData ? { regionsData } : {}), idProperty: manifest.regions.id, outlinesUrl, attribution: manifest.attribution, bounds, insets });

  progress('categories', 0.3);
  const categories = manifest.categories
    ? categoriesFromTable(parseDelimited(await fetchText(resolve(manifest.categories.file)), manifest.categories.file))
    : undefined;

  progress('employment', 0.4);
  const { cube: employmentCube, reports } = await readEmployment(manifest, resolve, categories);
  // The flags file, fetched through the same gate as every file of the folder, onto the cells it names.
  const dataCube = manifest.flags ? applyFlagsTable(employmentCube, parseDelimited(await fetchText(resolve(manifest.flags.file)), manifest.flags.file)) : employmentCube;

  progress('join', 0.9);
  const { cube, join, summary } = joinToMap(dataCube, boundaries.regions);
  return {
    cube,
    map,
    join,
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
      hasEstablishments: cube.establishments !== undefined,
      join: summary,
      reports,
      ...(cube.flags ? { flags: cube.flags } : {}),
      places,
    },
  };
}

async function readEmployment(manifest: DatasetManifest, resolve: (file: string) => AdmittedUrl, categories: ReturnType<typeof categoriesFromTable> | undefined) {
  const options = { categories, benchmarkId: manifest.benchmark };
  if (manifest.establishments && manifest.employment.layout !== 'wide') {
    // Not read and not dropped in silence: a long table carries establishments in a column of its own.
    throw new InputError({ file: manifest.establishments.file }, 'a separate establishments file is read beside a wide employment table only; a long employment table carries establishments in its "establishments" column');
  }
  const [employmentText, establishmentsText] = await Promise.all([
    fetchText(resolve(manifest.employment.file)),
    manifest.establishments ? fetchText(resolve(manifest.establishments.file)) : undefined,
  ]);
  const establishmentsTable = establishmentsText !== undefined ? parseDelimited(establishmentsText, manifest.establishments!.file) : undefined;
  // The employment rows go from the parser straight into the cube (the same reading and errors as
  // a parsed table): the largest file of a folder never exists as an array of rows.
  if (manifest.employment.layout === 'wide') {
    if (establishmentsTable && manifest.establishments?.layout !== 'wide') {
      throw new InputError({ file: manifest.establishments!.file }, 'establishments must use the same layout as employment');
    }
    const { cube, report } = streamWideTable(employmentText, manifest.employment.file, undefined, options, establishmentsTable);
    return { cube, reports: [report] };
  }
  const { cube, report } = streamLongTable(employmentText, manifest.employment.file, undefined, options);
  return { cube, reports: [report] };
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

async function fetchJson(url: AdmittedUrl): Promise<unknown> {
  // The project's JSON reader: located syntax errors, and repeated keys, overflowing numbers and
  // runaway nesting refused rather than silently resolved.
  return parseJsonText(await fetchText(url), fileName(url.href));
}

const fileName = fileOfUrl;

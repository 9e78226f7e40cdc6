import type { EmploymentCube } from '../model/dataset';
import { validateManifest, type DatasetManifest } from '../io/manifest';
import { parseDelimited } from '../io/delimited';
import { categoriesFromTable } from '../io/categoriesTable';
import { longTableToCube } from '../io/longTable';
import { wideTableToCube } from '../io/wideTable';
import { InputError } from '../io/errors';
import { parseJsonText } from '../io/jsonText';
import { joinCubeToFeatures, regionFeatureKeys } from '../io/featureJoin';
import { robustBounds } from '../io/bounds';
import type { LoadedDataset } from '../engine/types';
import { regionPlaces } from './regionPlaces';
import { mapGeometryOf, type MapGeometry } from './regionWeights';

type Progress = (stage: string, fraction: number) => void;

/**
 * Fetches a hosted dataset folder (manifest and the files it names, all relative to it) and
 * turns it into a cube joined to the map's features. Runs in the worker so parsing never blocks the page.
 */
export async function loadHostedDataset(
  manifestUrl: string,
  progress: Progress,
): Promise<{ dataset: LoadedDataset; cube: EmploymentCube; map: MapGeometry }> {
  progress('manifest', 0);
  const manifest = validateManifest(await fetchJson(manifestUrl), fileName(manifestUrl));
  const resolve = (file: string) => new URL(file, manifestUrl).href;
  const regionsUrl = resolve(manifest.regions.file);

  progress('boundaries', 0.1);
  const boundaries = await fetchJson(regionsUrl);
  const features = regionFeatureKeys(boundaries, manifest.regions.file, manifest.regions.id, manifest.regions.name);

  progress('categories', 0.3);
  const categories = manifest.categories
    ? categoriesFromTable(parseDelimited(await fetchText(resolve(manifest.categories.file)), manifest.categories.file))
    : undefined;

  progress('employment', 0.4);
  const { cube, reports } = await readEmployment(manifest, resolve, categories);

  progress('join', 0.9);
  const join = joinCubeToFeatures(cube, features);
  return {
    cube,
    map: mapGeometryOf(boundaries, features),
    dataset: {
      manifest,
      regionsUrl,
      bounds: robustBounds(boundaries),
      outlinesUrl: manifest.outlines ? resolve(manifest.outlines.file) : undefined,
      regions: cube.regions,
      categories: cube.categories,
      years: cube.years,
      hasEstablishments: cube.establishments !== undefined,
      join,
      reports,
      places: regionPlaces(boundaries, manifest.regions.id),
    },
  };
}

async function readEmployment(manifest: DatasetManifest, resolve: (file: string) => string, categories: ReturnType<typeof categoriesFromTable> | undefined) {
  const options = { categories, benchmarkId: manifest.benchmark };
  const employmentTable = parseDelimited(await fetchText(resolve(manifest.employment.file)), manifest.employment.file);
  const establishmentsTable = manifest.establishments
    ? parseDelimited(await fetchText(resolve(manifest.establishments.file)), manifest.establishments.file)
    : undefined;
  if (manifest.employment.layout === 'wide') {
    if (establishmentsTable && manifest.establishments?.layout !== 'wide') {
      throw new InputError({ file: manifest.establishments!.file }, 'establishments must use the same layout as employment');
    }
    const { cube, report } = wideTableToCube(employmentTable, undefined, options, establishmentsTable);
    return { cube, reports: [report] };
  }
  const { cube, report } = longTableToCube(employmentTable, undefined, options);
  return { cube, reports: [report] };
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new InputError({ file: fileName(url) }, `could not be loaded (HTTP ${response.status} ${response.statusText})`);
  return response.text();
}

async function fetchJson(url: string): Promise<unknown> {
  // The project's JSON reader: located syntax errors, and repeated keys, overflowing numbers and
  // runaway nesting refused rather than silently resolved.
  return parseJsonText(await fetchText(url), fileName(url));
}

function fileName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.split('/').pop() || url);
}

import { parseDatasetIndex, type DatasetIndexEntry } from '../../io/datasetIndex';
import { demoManifestUrl } from '../datasetLocation';
import { admitDatasetFile, folderOf } from '../../io/requestGate';

/** A dataset the picker offers: a manifest URL (absolute) and its title. */
export interface HostedDataset extends Pick<DatasetIndexEntry, 'unit' | 'period' | 'source' | 'licence' | 'attribution'> {
  id: string;
  title: string;
  manifest: string;
  synthetic?: boolean;
}

/** The index of hosted datasets, relative to the page, written by `npm run dataset`. */
export const DATASET_INDEX = 'geo/datasets.json';

/**
 * The datasets to offer: those of `geo/datasets.json` (manifests relative to it) with the built-in
 * demo always among them. A missing or broken index leaves the demo alone and says why.
 */
export function hostedDatasets(indexText: string | undefined, baseUri: string, demoTitle: string): { datasets: HostedDataset[]; problem?: string } {
  const demo: HostedDataset = { id: 'demo', title: demoTitle, manifest: demoManifestUrl(baseUri), synthetic: true };
  if (indexText === undefined) return { datasets: [demo] };
  const indexUrl = new URL(DATASET_INDEX, baseUri);
  let datasets: HostedDataset[];
  try {
    // Each manifest is judged where it resolves: inside the index's folder on this site.
    const scope = { site: folderOf(baseUri), consented: [] };
    datasets = parseDatasetIndex(JSON.parse(indexText), 'datasets.json').datasets.map((e) => ({ ...e, manifest: admitDatasetFile(e.manifest, indexUrl.href, scope).href }));
  } catch (error) {
    return { datasets: [demo], problem: (error as Error).message };
  }
  if (!datasets.some((d) => d.manifest === demo.manifest)) datasets.unshift(demo);
  return { datasets };
}

/**
 * Whether opening this manifest would connect to another site. Such a dataset is only loaded after
 * the user says so (the page's CSP admits https: connections for exactly that case; the code makes
 * none on its own).
 */
export function isCrossOrigin(manifestUrl: string, pageUrl: string): boolean {
  return new URL(manifestUrl).origin !== new URL(pageUrl).origin;
}

/** Other sites are reached over https only: plain http from an https page would be blocked, and it is not private. */
export function allowedCrossOrigin(manifestUrl: string): boolean {
  return new URL(manifestUrl).protocol === 'https:';
}

/**
 * The page's query after switching datasets: `?dataset=` names a hosted manifest (relative to the
 * page when it is on this site), and is dropped for the demo and for the user's own files, which a
 * link cannot carry.
 */
export function searchForDataset(search: string, manifestUrl: string | undefined, baseUri: string): string {
  const params = new URLSearchParams(search);
  const demo = demoManifestUrl(baseUri);
  if (manifestUrl === undefined || manifestUrl === demo) params.delete('dataset');
  else {
    const base = new URL(baseUri);
    const url = new URL(manifestUrl);
    const sameFolder = url.origin === base.origin && url.pathname.startsWith(base.pathname.replace(/[^/]*$/, ''));
    params.set('dataset', sameFolder ? url.pathname.slice(base.pathname.replace(/[^/]*$/, '').length) + url.search : url.href);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

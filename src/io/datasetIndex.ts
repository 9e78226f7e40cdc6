/**
 * `public/geo/datasets.json`: the hosted datasets the app can offer, each pointing at its
 * manifest relative to this file:
 *
 *   {"datasets": [{"id": "demo", "title": "…", "manifest": "demo/manifest.json", "synthetic": true}]}
 *
 * Pure (no file system), so the app can read it with the same validation the packer writes it with.
 */
import { InputError } from './errors';
import { isRelativeFile } from './manifest';

export interface DatasetIndexEntry {
  id: string;
  title: string;
  /** Path of the dataset's manifest.json relative to the index. */
  manifest: string;
  /** True when the employment figures are made up (the demo). */
  synthetic?: boolean;
  /** What the picker says of the dataset before it is opened (copied from its manifest by the packer). */
  unit?: string;
  /** e.g. "2008–2015" or "about 2015". */
  period?: string;
  source?: string;
  licence?: string;
  attribution?: string;
}

/** The optional texts an entry may carry, in the order the picker shows them. */
export const INDEX_TEXTS = ['unit', 'period', 'source', 'licence', 'attribution'] as const;

export interface DatasetIndex {
  datasets: DatasetIndexEntry[];
}

export const DATASET_INDEX_FILE = 'datasets.json';

/** Validates a parsed index, naming the entry and field that is wrong. */
export function parseDatasetIndex(value: unknown, file: string): DatasetIndex {
  const fail = (problem: string, path?: string): never => {
    throw new InputError({ file, path }, problem);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('the dataset index must be a JSON object {"datasets": […]}');
  const list = (value as { datasets?: unknown }).datasets;
  if (!Array.isArray(list)) fail('"datasets" must be a list');
  const seen = new Set<string>();
  const datasets = (list as unknown[]).map((raw, i) => {
    const at = `datasets[${i}]`;
    if (typeof raw !== 'object' || raw === null) return fail('an entry must be an object', at);
    const e = raw as Record<string, unknown>;
    for (const key of ['id', 'title', 'manifest'] as const) if (typeof e[key] !== 'string' || e[key] === '') fail(`"${key}" must be a non-empty string`, at);
    if (!isRelativeFile(e.manifest as string)) fail(`"manifest" must be a path inside the folder of the index, found ${JSON.stringify(e.manifest)}`, at);
    if (e.synthetic !== undefined && typeof e.synthetic !== 'boolean') fail('"synthetic" must be true or false', at);
    if (seen.has(e.id as string)) fail(`the id "${e.id}" is listed twice`, at);
    seen.add(e.id as string);
    const entry: DatasetIndexEntry = { id: e.id as string, title: e.title as string, manifest: e.manifest as string };
    if (e.synthetic === true) entry.synthetic = true;
    for (const key of INDEX_TEXTS) {
      if (e[key] === undefined) continue;
      if (typeof e[key] !== 'string' || e[key] === '') fail(`"${key}" must be a non-empty string when given`, at);
      entry[key] = e[key] as string;
    }
    return entry;
  });
  return { datasets };
}

/** The index with `entry` added at the end, or in place of the entry with the same id. */
export function withDataset(index: DatasetIndex, entry: DatasetIndexEntry): { index: DatasetIndex; replaced: boolean } {
  const at = index.datasets.findIndex((e) => e.id === entry.id);
  const datasets = [...index.datasets];
  if (at >= 0) datasets[at] = entry;
  else datasets.push(entry);
  return { index: { datasets }, replaced: at >= 0 };
}

export function datasetIndexText(index: DatasetIndex): string {
  return JSON.stringify(index, null, 2) + '\n';
}

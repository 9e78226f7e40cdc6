/**
 * datasets.json on disk (Node only): read, validated, updated and written back whole, so that the
 * packer and the demo build can both register their dataset without disturbing the other entries.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonText } from '../io/jsonText';
import { DATASET_INDEX_FILE, datasetIndexText, parseDatasetIndex, withDataset, type DatasetIndexEntry } from '../io/datasetIndex';

/** datasets.json in `folder` with the dataset's entry added or replaced; a broken index is an error, never overwritten. */
export function indexWith(folder: string, entry: DatasetIndexEntry): { path: string; text: string; replaced: boolean } {
  const path = join(folder, DATASET_INDEX_FILE);
  const current = existsSync(path) ? parseDatasetIndex(parseJsonText(readFileSync(path, 'utf8'), path), path) : { datasets: [] };
  const { index, replaced } = withDataset(current, entry);
  return { path, text: datasetIndexText(index), replaced };
}

/** Writes the index unless it already says exactly this (so a rebuild leaves it untouched). */
export function writeIndex(path: string, text: string): void {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** Adds or replaces the entry in datasets.json in `folder`; true when the file changed. */
export function registerDataset(folder: string, entry: DatasetIndexEntry): boolean {
  const { path, text } = indexWith(folder, entry);
  const changed = !existsSync(path) || readFileSync(path, 'utf8') !== text;
  writeIndex(path, text);
  return changed;
}

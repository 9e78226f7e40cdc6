import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { inspectFile } from '../../../../src/engine/import/inspectFile';
import type { NamedInput } from '../../../../src/engine/import/buildImport';
import type { FileSummary, ImportChoices, ReadOptions } from '../../../../src/engine/import/importTypes';

export const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/import');

/** A file as the browser hands it over (Node 20 has the same File class). */
export function fileFrom(path: string, name = basename(path)): File {
  return new File([readFileSync(path)], name, { lastModified: 1 });
}

export const fixture = (name: string) => fileFrom(resolve(FIXTURES, name));

/** Inspects files as the import worker does and keeps what a build needs. */
export async function inspectAll(files: File[], options: Record<string, ReadOptions> = {}): Promise<{ summaries: FileSummary[]; inputs: Map<string, NamedInput>; byName: (name: string) => FileSummary }> {
  const summaries: FileSummary[] = [];
  const inputs = new Map<string, NamedInput>();
  for (const file of files) {
    const { summary, parsed } = await inspectFile(file, undefined, options[file.name]);
    summaries.push(summary);
    if (parsed) inputs.set(summary.key, { name: summary.name, parsed });
  }
  const byName = (name: string) => {
    const found = summaries.find((s) => s.name === name);
    if (!found) throw new Error(`no summary for ${name}`);
    return found;
  };
  return { summaries, inputs, byName };
}

export function choices(boundaries: FileSummary, employment: FileSummary, more: Partial<ImportChoices['employment']> = {}, join: Partial<ImportChoices['join']> = {}): ImportChoices {
  return {
    boundaries: { key: boundaries.key },
    employment: { key: employment.key, ...more },
    join: { by: 'auto', aliases: true, manual: [], ...join },
  };
}

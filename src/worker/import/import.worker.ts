/// <reference lib="webworker" />
import { collectTransferables, packMessage } from '../transfer';
import { buildImport, type NamedInput } from '../../engine/import/buildImport';
import { fileKey, inspectFile, problemOf, type InspectedFile } from '../../engine/import/inspectFile';
import type { FileSummary, ImportRequest, ImportResponse, ReadOptions } from '../../engine/import/importTypes';

/**
 * Reads the user's files and builds a dataset from them, away from the page and from the compute
 * worker: cancelling terminates this worker outright (a synchronous parse cannot be interrupted
 * any other way), and the dataset on the map is not touched until a build succeeds.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const inspected = new Map<string, InspectedFile>();

function post(message: ImportResponse): void {
  const packed = packMessage(message);
  scope.postMessage(packed, collectTransferables(packed));
}

async function inspectAll(id: number, files: File[], options: Record<string, ReadOptions> = {}): Promise<FileSummary[]> {
  const summaries: FileSummary[] = [];
  for (const [i, file] of files.entries()) {
    const key = fileKey(file);
    const read = options[file.name] ?? {};
    let entry = inspected.get(key);
    // Other read options (encoding, sheet) read the file again.
    if (!entry || JSON.stringify(entry.summary.options ?? {}) !== JSON.stringify(read)) {
      entry = await inspectFile(file, (stage, fraction) => post({ id, type: 'progress', stage, file: file.name, fraction: (i + fraction) / files.length }), read);
      inspected.set(key, entry);
    }
    summaries.push(entry.summary);
  }
  // Files no longer picked are let go.
  const keep = new Set(files.map(fileKey));
  for (const key of inspected.keys()) if (!keep.has(key)) inspected.delete(key);
  return summaries;
}

scope.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  try {
    const summaries = await inspectAll(request.id, request.files, request.options);
    if (request.type === 'inspect') {
      post({ id: request.id, type: 'inspected', summaries });
      return;
    }
    const inputs = new Map<string, NamedInput>();
    for (const [key, entry] of inspected) if (entry.parsed) inputs.set(key, { name: entry.summary.name, parsed: entry.parsed });
    const result = buildImport(inputs, request.choices, (stage, fraction) => post({ id: request.id, type: 'progress', stage, fraction }));
    post({ id: request.id, type: 'built', result });
  } catch (error) {
    post({ id: request.id, type: 'error', problem: problemOf(error) });
  }
};

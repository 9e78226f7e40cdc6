/**
 * The CLI's files, read exactly as the app's import reads them (inspectFile: kind from content,
 * encoding, TopoJSON or zipped Shapefile boundaries, long / wide / year-column tables, Eurostat
 * TSV, nested JSON), so that any format the import learns, every command reads too.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../io/errors';
import type { NamedInput } from '../engine/import/buildImport';
import { inspectFile } from '../engine/import/inspectFile';
import type { FileSummary } from '../engine/import/importTypes';
import type { ReadOptions } from '../engine/import/importTypes';
import { checkShapefileFlags, layerFlagError, type ShapefileReadOptions } from '../pack/shapefileFlags';

export interface InspectedPath {
  summary: FileSummary;
  input: NamedInput;
}

/** A file's summary and parsed content; a file that cannot be read is a located InputError. */
export async function inspectPath(path: string, options: ReadOptions = {}): Promise<InspectedPath> {
  const { summary, parsed } = await inspectFile(new File([readBytes(path)], path, { lastModified: 0 }), undefined, options);
  if (summary.error || !parsed) throw new InputError(summary.error?.location ?? { file: path }, summary.error?.problem ?? 'cannot be read');
  if (options.sheet !== undefined && summary.kind !== 'xlsx') throw new InputError({ file: path }, `--sheet applies to an Excel workbook (.xlsx), and this file is not one (${summary.kind ?? 'unknown'})`);
  return { summary, input: { name: summary.name, parsed } };
}

/** The files as buildImport takes them, by summary key. */
export function inputMap(files: readonly InspectedPath[]): Map<string, NamedInput> {
  return new Map(files.map((f) => [f.summary.key, f.input]));
}

function readBytes(path: string): Uint8Array<ArrayBuffer> {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read (${code ?? String(error)})`;
    throw new InputError({ file: path }, why);
  }
}


/** A boundary file read with the shapefile flags (--layer, --dbf-encoding), their misuse a usage error. */
export async function inspectBoundaryPath(path: string, read: ShapefileReadOptions, usage: string): Promise<InspectedPath> {
  let file: InspectedPath;
  try {
    file = await inspectPath(path, read);
  } catch (error) {
    throw layerFlagError(error, read, usage);
  }
  checkShapefileFlags(read, path, file.summary.kind, usage);
  return file;
}

/**
 * The flags that say how a zipped Shapefile is read, shared by every command taking boundaries
 * (`atlas spatial`, `atlas indicators --regions`, `atlas pack`): the same words, checks and
 * errors as the import dialog's layer and encoding choices.
 */
import { isEncoding } from '../io/dbfCodePage';
import { InputError, UsageError } from '../io/errors';
import { NO_LAYER } from '../io/shapefileZip';
import type { ReadOptions } from '../engine/import/importTypes';

export const SHAPEFILE_FLAGS = { layer: { type: 'string' }, 'dbf-encoding': { type: 'string' } } as const;

export const SHAPEFILE_FLAGS_USAGE = `  --layer         zipped Shapefile with several layers: the layer to read, the .shp's name without
                  ".shp" (default: the one with the most polygons; every layer is listed on stderr)
  --dbf-encoding  zipped Shapefile: text encoding of the .dbf (names, ids) instead of the one its .cpg,
                  its code page byte or a guess gives, e.g. windows-1251, cp866, koi8-r, windows-1252
                  (--encoding is for tables)
`;

export type ShapefileReadOptions = Pick<ReadOptions, 'layer' | 'dbfEncoding'>;

/** The flags' values checked: an encoding no decoder knows is a usage error before any file is read. */
export function shapefileReadOptions(values: { layer?: string; 'dbf-encoding'?: string }, usage: string): ShapefileReadOptions {
  const read: ShapefileReadOptions = {};
  if (values.layer !== undefined) {
    if (values.layer.trim() === '') throw new UsageError('--layer needs a layer name', usage);
    read.layer = values.layer;
  }
  const encoding = values['dbf-encoding'];
  if (encoding !== undefined) {
    if (!isEncoding(encoding.trim())) throw new UsageError(`--dbf-encoding: "${encoding}" is not a text encoding (e.g. utf-8, windows-1251, cp866, koi8-r, windows-1252)`, usage);
    read.dbfEncoding = encoding.trim();
  }
  return read;
}

/**
 * A boundary file read with these flags, checked: `--layer` naming no layer of the zip is a usage
 * error naming the file and its layers; the flags given for a file that is not a zipped Shapefile
 * are one too, rather than silently ignored.
 */
export function checkShapefileFlags(read: ShapefileReadOptions, file: string, kind: string | undefined, usage: string): void {
  if (kind === 'shapefile-zip' || (read.layer === undefined && read.dbfEncoding === undefined)) return;
  const flags = [read.layer !== undefined ? '--layer' : '', read.dbfEncoding !== undefined ? '--dbf-encoding' : ''].filter(Boolean).join(' and ');
  throw new UsageError(`${flags}: ${file} is not a zipped Shapefile (${kind ?? 'unknown kind'})`, usage);
}

/** A reader's "no such layer" as the usage error it is when the layer came from --layer. */
export function layerFlagError(error: unknown, read: ShapefileReadOptions, usage: string): unknown {
  if (read.layer !== undefined && error instanceof InputError && error.problem.startsWith(NO_LAYER)) return new UsageError(`--layer ${read.layer}: ${error.message}`, usage);
  return error;
}

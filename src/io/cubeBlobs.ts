/**
 * The compact form of a hosted dataset's cube (`"employment": {"file": "cube.json", "layout": "binary"}`
 * in its manifest): a small JSON index, and per year one file of little-endian IEEE floats, the
 * region × category values region-major as in the cube (`value[r * nCategories + c]`), NaN where
 * nothing is reported. One file per year is what lets the page fetch only the years it shows, the
 * year it opens on first; a host's gzip or brotli still applies to each file.
 *
 * A file takes the narrowest type that holds every value of it exactly: uint16 when all are whole
 * numbers from 0 to 65,534 (65,535 stands for "not reported"), float32 when they survive the
 * narrowing (whole numbers below 2^24 do), else float64: the cube read back is the cube packed, bit for bit.
 *
 * Pure (no fetch, no file system): the packer writes with it and the worker reads with it.
 */
import type { EmploymentCube } from '../model/dataset';
import { InputError } from './errors';
import { isPlainRelativeFile } from './requestGate';

export const CUBE_INDEX_FORMAT = 'cluster-atlas-cube';
/** The name the packer gives the index. */
export const CUBE_INDEX_FILE = 'cube.json';

export type BlobType = 'uint16' | 'float32' | 'float64';

const BYTES: Record<BlobType, number> = { uint16: 2, float32: 4, float64: 8 };
const EXTENSION: Record<BlobType, string> = { uint16: 'u16', float32: 'f32', float64: 'f64' };
/** In a uint16 file, "not reported" (NaN): the largest value, which no count in such a file takes. */
export const UINT16_MISSING = 0xffff;

/** One year's values of one measure. */
export interface CubeBlob {
  year: number;
  file: string;
  type: BlobType;
  /** Length of the file: regions × categories × 4 or 8. */
  bytes: number;
  /** FNV-1a (32 bit) of the file's bytes, 8 hex digits: a file cut, padded or swapped for another is caught. */
  fnv1a: string;
}

export interface CubeIndex {
  format: typeof CUBE_INDEX_FORMAT;
  version: 1;
  /** Region ids in the files' order (the data's regions; the loader joins them to the map as every door does). */
  regions: string[];
  /** Category ids in the files' order; the manifest's categories table names them. */
  categories: string[];
  years: number[];
  /** One blob per year, in the order of `years`. */
  employment: CubeBlob[];
  establishments?: CubeBlob[];
  /** Cells not reported (NaN) over all years of employment, for the load report. */
  missingCells: number;
}

/** Validates a parsed index, naming the JSON path that is wrong. */
export function validateCubeIndex(value: unknown, file: string): CubeIndex {
  const fail = (problem: string, path?: string): never => {
    throw new InputError({ file, ...(path ? { path } : {}) }, problem);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('a cube index must be a JSON object');
  const m = value as Record<string, unknown>;
  if (m.format !== CUBE_INDEX_FORMAT) fail(`"format" must be "${CUBE_INDEX_FORMAT}", found ${JSON.stringify(m.format)}`);
  if (m.version !== 1) fail(`unsupported cube index version ${JSON.stringify(m.version)} (this app reads version 1)`);
  const ids = (key: 'regions' | 'categories') => {
    const list = m[key];
    if (!Array.isArray(list) || list.length === 0) return fail(`"${key}" must be a non-empty list of ids`, key);
    const seen = new Set<string>();
    list.forEach((id, i) => {
      if (typeof id !== 'string' || id === '') fail('an id must be a non-empty string', `${key}[${i}]`);
      if (seen.has(id)) fail(`"${id}" is listed twice`, `${key}[${i}]`);
      seen.add(id);
    });
    return list as string[];
  };
  const regions = ids('regions');
  const categories = ids('categories');
  const years = m.years;
  if (!Array.isArray(years) || years.length === 0 || !years.every((y) => Number.isInteger(y))) return fail('"years" must be a non-empty list of whole years', 'years');
  if (new Set(years).size !== years.length) fail('a year is listed twice', 'years');
  const cells = regions.length * categories.length;
  const blobs = (key: 'employment' | 'establishments') => {
    const list = m[key];
    if (!Array.isArray(list) || list.length !== years.length) return fail(`"${key}" must list one file per year (${years.length})`, key);
    list.forEach((raw, i) => {
      const at = `${key}[${i}]`;
      const b = raw as Record<string, unknown> | null;
      if (typeof b !== 'object' || b === null) return fail('must be an object {year, file, type, bytes, fnv1a}', at);
      if (b.year !== years[i]) fail(`"year" must be ${years[i]} (the files follow "years"), found ${JSON.stringify(b.year)}`, at);
      if (typeof b.file !== 'string' || !isPlainRelativeFile(b.file)) fail(`"file" must be a plain file name inside the dataset folder, found ${JSON.stringify(b.file)}`, at);
      if (b.type !== 'uint16' && b.type !== 'float32' && b.type !== 'float64') return fail(`"type" must be "uint16", "float32" or "float64", found ${JSON.stringify(b.type)}`, at);
      const expected = cells * BYTES[b.type];
      if (b.bytes !== expected) fail(`"bytes" must be ${expected} (${regions.length} regions × ${categories.length} categories × ${BYTES[b.type]}-byte ${b.type}), found ${JSON.stringify(b.bytes)}`, at);
      if (typeof b.fnv1a !== 'string' || !/^[0-9a-f]{8}$/.test(b.fnv1a)) fail('"fnv1a" must be 8 lower-case hex digits', at);
    });
    return list as CubeBlob[];
  };
  blobs('employment');
  if (m.establishments !== undefined) blobs('establishments');
  if (!Number.isInteger(m.missingCells) || (m.missingCells as number) < 0) fail('"missingCells" must be a whole number, 0 or more', 'missingCells');
  return m as unknown as CubeIndex;
}

/** FNV-1a, 32 bit, as 8 hex digits. */
export function fnv1a(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * One year's values from its file, checked against the index: length, checksum, and every value a
 * number or NaN (an infinity is a corrupt file, named with its byte offset, region and category).
 */
export function decodeCubeBlob(buffer: ArrayBuffer, blob: CubeBlob, index: Pick<CubeIndex, 'regions' | 'categories'>): Float64Array {
  const size = BYTES[blob.type];
  const shape = `${index.regions.length} regions × ${index.categories.length} categories × ${size}-byte ${blob.type}`;
  if (buffer.byteLength < blob.bytes) throw new InputError({ file: blob.file }, `ends at byte ${buffer.byteLength}, the index says ${blob.bytes} (${shape}): the file is cut short`);
  if (buffer.byteLength > blob.bytes) throw new InputError({ file: blob.file }, `has ${buffer.byteLength - blob.bytes} byte(s) past byte offset ${blob.bytes}, where the index says it ends (${shape})`);
  const bytes = new Uint8Array(buffer);
  const sum = fnv1a(bytes);
  if (sum !== blob.fnv1a) throw new InputError({ file: blob.file }, `its bytes do not match the index (checksum ${sum}, the index says ${blob.fnv1a}): the file is corrupt or from another pack`);
  const n = blob.bytes / size;
  const values = new Float64Array(n);
  if (LITTLE_ENDIAN) values.set(blob.type === 'uint16' ? new Uint16Array(buffer, 0, n) : blob.type === 'float32' ? new Float32Array(buffer, 0, n) : new Float64Array(buffer, 0, n));
  else {
    const view = new DataView(buffer);
    const read = blob.type === 'uint16' ? (i: number) => view.getUint16(i * size, true) : blob.type === 'float32' ? (i: number) => view.getFloat32(i * size, true) : (i: number) => view.getFloat64(i * size, true);
    for (let i = 0; i < n; i++) values[i] = read(i);
  }
  if (blob.type === 'uint16') for (let i = 0; i < n; i++) if (values[i] === UINT16_MISSING) values[i] = NaN;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === Infinity || v === -Infinity) {
      const nC = index.categories.length;
      throw new InputError({ file: blob.file }, `byte offset ${i * size}: ${v} (region "${index.regions[Math.floor(i / nC)]}", category "${index.categories[i % nC]}") is not a figure`);
    }
  }
  return values;
}

/** The narrowest type that holds every value exactly (NaN stays NaN). */
export function blobType(values: Float64Array): BlobType {
  let type: BlobType = 'uint16';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    if (Math.fround(v) !== v) return 'float64';
    // -0 is not a whole number a uint16 gives back.
    if (type === 'uint16' && !(Number.isInteger(v) && v >= 0 && v < UINT16_MISSING && !Object.is(v, -0))) type = 'float32';
  }
  return type;
}

/** One year's values as the bytes of its file (little-endian). */
export function encodeCubeBlob(values: Float64Array, type: BlobType): Uint8Array {
  const size = BYTES[type];
  const out = new Uint8Array(values.length * size);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) {
    if (type === 'uint16') view.setUint16(i * size, Number.isNaN(values[i]) ? UINT16_MISSING : values[i], true);
    else if (type === 'float32') view.setFloat32(i * size, values[i], true);
    else view.setFloat64(i * size, values[i], true);
  }
  return out;
}

/**
 * The index and year files of a cube (names `<measure>-<year>.u16|.f32|.f64`), the cube's years and
 * order as they are. Flags and categories travel in their own files (flags.csv, categories.csv).
 */
export function encodeCube(cube: EmploymentCube): { index: CubeIndex; files: { name: string; bytes: Uint8Array }[] } {
  const files: { name: string; bytes: Uint8Array }[] = [];
  const measure = (name: 'employment' | 'establishments', years: Float64Array[]): CubeBlob[] =>
    years.map((values, y) => {
      const type = blobType(values);
      const bytes = encodeCubeBlob(values, type);
      const file = `${name}-${cube.years[y]}.${EXTENSION[type]}`;
      files.push({ name: file, bytes });
      return { year: cube.years[y], file, type, bytes: bytes.length, fnv1a: fnv1a(bytes) };
    });
  let missingCells = 0;
  for (const values of cube.employment) for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) missingCells++;
  const index: CubeIndex = {
    format: CUBE_INDEX_FORMAT,
    version: 1,
    regions: cube.regions.map((r) => r.id),
    categories: cube.categories.map((c) => c.id),
    years: [...cube.years],
    employment: measure('employment', cube.employment),
    ...(cube.establishments ? { establishments: measure('establishments', cube.establishments) } : {}),
    missingCells,
  };
  return { index, files };
}

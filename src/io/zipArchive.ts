import { InputError } from './errors';

/** Most bytes a zip may unpack to in all (declared sizes are checked first, then counted while inflating). */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** Size the archive declares for the unpacked file. */
  size: number;
  /** Offset of the entry's compressed data. */
  dataOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a zip archive, read from its central directory and checked against the file's
 * length before a byte is inflated. Written here rather than taken from a library because a
 * broken download (a zip cut short, so without its end record) must be an error the user can act
 * on: the reader shpjs brings spins for ever on such a file.
 */
export function listZip(bytes: Uint8Array, file: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.byteLength;
  if (n < 22 || view.getUint32(0, true) !== LOCAL) {
    if (n >= 22 && view.getUint32(0, true) === EOCD) throw new InputError({ file }, 'the zip archive is empty');
    throw new InputError({ file }, 'not a readable zip archive');
  }
  // The end record is the last 22 bytes, or earlier by the length of an archive comment (< 64 KiB).
  let end = -1;
  for (let p = n - 22; p >= Math.max(0, n - 22 - 0xffff); p--) {
    if (view.getUint32(p, true) === EOCD && p + 22 + view.getUint16(p + 20, true) <= n) {
      end = p;
      break;
    }
  }
  if (end < 0) throw new InputError({ file }, `the zip archive is incomplete (${n.toLocaleString('en')} bytes and no end record): download it again`);
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new InputError({ file }, 'ZIP64 archives (over 4 GB or 65,535 files) are not supported');
  if (directoryOffset + directorySize > end) throw new InputError({ file }, 'the zip archive is damaged: its directory lies outside the file');
  const entries: ZipEntry[] = [];
  let declared = 0;
  let p = directoryOffset;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== CENTRAL) throw new InputError({ file }, `the zip archive is damaged: entry ${i + 1} of ${count} is missing from its directory`);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extra = view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > end) throw new InputError({ file }, `the zip archive is damaged: entry ${i + 1} has no name`);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extra;
    if (name.endsWith('/')) continue;
    const at = `${file} → ${name}`;
    if (flags & 1) throw new InputError({ file: at }, 'the file is encrypted');
    if (method !== 0 && method !== 8) throw new InputError({ file: at }, `compression method ${method} is not supported (only stored and deflate)`);
    if (localOffset + 30 > directoryOffset || view.getUint32(localOffset, true) !== LOCAL) {
      throw new InputError({ file: at }, 'the zip archive is damaged: the entry is not where its directory says');
    }
    const dataOffset = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataOffset + compressedSize > directoryOffset) throw new InputError({ file: at }, 'the zip archive is damaged: the entry runs past the end of its data');
    if (method === 0 && size !== compressedSize) throw new InputError({ file: at }, 'the zip archive is damaged: a stored entry with two sizes');
    declared += size;
    entries.push({ name, method, compressedSize, size, dataOffset });
  }
  if (declared > MAX_UNZIPPED_BYTES) throw new InputError({ file }, unzippedLimit(declared));
  return entries;
}

function unzippedLimit(bytes: number): string {
  return `the zip unpacks to ${mib(bytes)}, more than the ${mib(MAX_UNZIPPED_BYTES)} it may (a zip bomb, or boundaries far too detailed for a map: simplify them first)`;
}

function mib(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024).toLocaleString('en')} MiB`;
}

/**
 * One entry unpacked with the platform's DecompressionStream (browser, worker and Node alike),
 * counting bytes as they come: an entry that inflates beyond its declared size is stopped there,
 * so no archive can unpack to more than `listZip` allowed.
 */
export async function readZipEntry(bytes: Uint8Array, entry: ZipEntry, file: string): Promise<Uint8Array> {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return data;
  const at = { file: `${file} → ${entry.name}` };
  const out = new Uint8Array(entry.size);
  let filled = 0;
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (filled + value.byteLength > entry.size) {
        await reader.cancel().catch(() => undefined);
        throw new InputError(at, `the entry unpacks to more than the ${entry.size.toLocaleString('en')} bytes the zip declares (a damaged archive or a zip bomb)`);
      }
      out.set(value, filled);
      filled += value.byteLength;
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(at, `the compressed data is damaged (${(e as Error).message})`);
  }
  if (filled !== entry.size) throw new InputError(at, `the entry unpacks to ${filled.toLocaleString('en')} bytes, not the ${entry.size.toLocaleString('en')} the zip declares: the archive is damaged`);
  return out;
}

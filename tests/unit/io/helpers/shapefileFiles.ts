import { deflateRawSync } from 'node:zlib';

/**
 * Shapefiles and zips written byte by byte from the format specifications (ESRI Shapefile
 * Technical Description 1998; dBASE III; PKWARE APPNOTE), independent of the readers under test.
 */
type Ring = [number, number][];

export function polygonShp(shapes: Ring[][]): Uint8Array {
  const records = shapes.map((rings, i) => {
    const points = rings.flat();
    const content = 44 + 4 * rings.length + 16 * points.length;
    const b = Buffer.alloc(8 + content);
    b.writeInt32BE(i + 1, 0);
    b.writeInt32BE(content / 2, 4);
    b.writeInt32LE(5, 8);
    // Folded, not spread: a record of hundreds of thousands of points would overflow the call stack.
    const box = points.reduce(([x0, y0, x1, y1], [x, y]) => [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)], [Infinity, Infinity, -Infinity, -Infinity]);
    box.forEach((v, k) => b.writeDoubleLE(v, 12 + 8 * k));
    b.writeInt32LE(rings.length, 44);
    b.writeInt32LE(points.length, 48);
    let start = 0;
    rings.forEach((r, k) => {
      b.writeInt32LE(start, 52 + 4 * k);
      start += r.length;
    });
    points.forEach((p, k) => {
      b.writeDoubleLE(p[0], 52 + 4 * rings.length + 16 * k);
      b.writeDoubleLE(p[1], 60 + 4 * rings.length + 16 * k);
    });
    return b;
  });
  const header = Buffer.alloc(100);
  const length = 100 + records.reduce((s, r) => s + r.length, 0);
  header.writeInt32BE(9994, 0);
  header.writeInt32BE(length / 2, 24);
  header.writeInt32LE(1000, 28);
  header.writeInt32LE(5, 32);
  return Buffer.concat([header, ...records]);
}

/** A .dbf with character fields; `encode` turns a value into the file's bytes; `ldid` is header byte 29. */
export function dbf(fields: string[], rows: string[][], encode: (s: string) => Uint8Array, ldid = 0): Uint8Array {
  const width = fields.map((_, f) => Math.max(1, ...rows.map((r) => encode(r[f]).length)));
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + width.reduce((a, b) => a + b, 0);
  const b = Buffer.alloc(headerLength + recordLength * rows.length + 1, 0x20);
  b.fill(0, 0, headerLength);
  b[0] = 3;
  b.writeUInt32LE(rows.length, 4);
  b.writeUInt16LE(headerLength, 8);
  b.writeUInt16LE(recordLength, 10);
  b[29] = ldid;
  fields.forEach((name, f) => {
    b.write(name, 32 + 32 * f, 'latin1');
    b[32 + 32 * f + 11] = 'C'.charCodeAt(0);
    b[32 + 32 * f + 16] = width[f];
  });
  b[headerLength - 1] = 0x0d;
  rows.forEach((row, r) => {
    let at = headerLength + r * recordLength + 1;
    row.forEach((value, f) => {
      Buffer.from(encode(value)).copy(b, at);
      at += width[f];
    });
  });
  b[b.length - 1] = 0x1a;
  return b;
}

export const utf8 = (s: string) => new TextEncoder().encode(s);

/** Windows-1251 for ASCII and the Russian alphabet. */
export function cp1251(s: string): Uint8Array {
  return Uint8Array.from([...s], (ch) => {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) return c;
    if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
    if (c === 0x401) return 0xa8;
    if (c === 0x451) return 0xb8;
    throw new Error(`not in the test's Windows-1251 table: ${ch}`);
  });
}

export interface ZipFile {
  name: string;
  data: Uint8Array;
  /** Size written into the headers (default: the real size) — to forge a lying archive. */
  declaredSize?: number;
  stored?: boolean;
}

export function zip(files: ZipFile[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const body = f.stored ? Buffer.from(f.data) : deflateRawSync(f.data);
    const size = f.declaredSize ?? f.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(f.stored ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(f.stored ? 0 : 8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const square = (x0: number, y0: number, x1: number, y1: number): Ring => [[x0, y0], [x0, y1], [x1, y1], [x1, y0], [x0, y0]];

/** A layer of three squares side by side, ids R1..R3 and the given names. */
export function layerFiles(stem: string, names: string[], encode: (s: string) => Uint8Array = utf8, ldid = 0, cpg?: string): ZipFile[] {
  const files: ZipFile[] = [
    { name: `${stem}.shp`, data: polygonShp(names.map((_, i) => [square(i, 0, i + 1, 1)])) },
    { name: `${stem}.dbf`, data: dbf(['code', 'name'], names.map((n, i) => [`R${i + 1}`, n]), encode, ldid) },
  ];
  if (cpg !== undefined) files.push({ name: `${stem}.cpg`, data: utf8(cpg) });
  return files;
}

import { type Boundaries, type BoundaryOptions, readBoundaries } from './boundaries';
import { dbfEncoding, isEncoding, type DbfEncoding } from './dbfCodePage';
import { InputError } from './errors';
import { listZip, readZipEntry, type ZipEntry } from './zipArchive';

export interface ShapefileOptions extends BoundaryOptions {
  /** Layer (the .shp's path without extension) to read; by default the one with the most polygons. */
  layer?: string;
  /** Text encoding of the .dbf, overriding the .cpg, the code page byte and the guess. */
  encoding?: string;
}

/** A layer of the zip as listed for a picker: its name, record count and kind of shapes. */
export interface ShapefileLayer {
  name: string;
  features: number;
  /** "polygons", "points", "lines"… */
  shapes: string;
}

/** What was read from a zip: every layer, the one read, and how its .dbf was decoded. */
export interface ShapefileReading {
  layers: ShapefileLayer[];
  layer: string;
  /** Absent when the layer has no .dbf. */
  encoding?: DbfEncoding;
}

export type ShapefileBoundaries = Boundaries & { shapefile: ShapefileReading };

interface Layer {
  name: string;
  parts: Partial<Record<'shp' | 'dbf' | 'prj' | 'cpg', ZipEntry>>;
}

/** How the error for a layer not in the zip begins (the CLI turns it into a usage error of --layer). */
export const NO_LAYER = 'no layer ';

const SHAPE_TYPES: Record<number, string> = { 0: 'null shapes', 1: 'points', 3: 'lines', 5: 'polygons', 8: 'multipoints', 11: 'points', 13: 'lines', 15: 'polygons', 18: 'multipoints', 21: 'points', 23: 'lines', 25: 'polygons', 28: 'multipoints' };
const POLYGON_TYPES = new Set([5, 15, 25]);

/**
 * Most pairs of (outer ring, hole) in one polygon record. shpjs nests holes into outer rings by
 * testing every hole against every outer ring (and again the other way round when a hole finds
 * none), so its time grows with this product: 25 million pairs take about a second; a record of
 * 50,000 rings, half of them holes, would take minutes. Real boundaries stay far below (a country
 * with 5,000 islands and 5,000 lakes is at the limit); beyond it, a located error.
 */
export const MAX_RING_PAIRS = 25_000_000;

/**
 * Boundaries from a zipped ESRI Shapefile (.shp + .dbf, with .prj and .cpg when present). The zip
 * is read by `zipArchive` (validated, size-capped); the shapes and records are decoded by shpjs
 * (loaded only when a zip is opened, so it stays out of the main bundle), which reprojects to
 * longitude/latitude with proj4 when a .prj is given. Around it, what shpjs takes on trust is
 * checked: the .shp's and .dbf's own lengths against their headers (a cut file is an error, not
 * fewer regions), their record counts against each other, the .dbf's code page. Every layer in
 * the zip is listed in the notes; one is read (`layer`, else the one with the most polygons).
 */
export async function readZippedShapefile(bytes: ArrayBuffer | Uint8Array, fileName: string, options: ShapefileOptions = {}): Promise<ShapefileBoundaries> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const layers = shapefileLayers(listZip(data, fileName));
  if (layers.length === 0) throw new InputError({ file: fileName }, 'the zip holds no .shp file');
  const notes: string[] = [];
  const summaries = await Promise.all(layers.map(async (l) => ({ layer: l, ...(await layerSummary(data, l, fileName)) })));
  let chosen: (typeof summaries)[number];
  const shapes = (s: (typeof summaries)[number]) => SHAPE_TYPES[s.shapeType] ?? `shapes of type ${s.shapeType}`;
  const described = (s: (typeof summaries)[number]) => `"${s.layer.name}" (${s.records.toLocaleString('en')} ${shapes(s)})`;
  if (options.layer !== undefined) {
    const found = summaries.find((s) => s.layer.name === options.layer);
    if (!found) throw new InputError({ file: fileName }, `${NO_LAYER}"${options.layer}" in the zip (layers: ${summaries.map(described).join(', ')})`);
    chosen = found;
  } else {
    const polygons = (s: (typeof summaries)[number]) => (POLYGON_TYPES.has(s.shapeType) ? s.records : 0);
    chosen = summaries.reduce((best, s) => (polygons(s) > polygons(best) ? s : best));
  }
  if (summaries.length > 1) {
    const others = summaries.filter((s) => s !== chosen).map(described).join(', ');
    notes.push(`layer ${described(chosen)} used${options.layer === undefined ? ' (the one with the most polygons)' : ''}; also in the zip, not read: ${others}`);
  }
  const { shp, layer } = chosen;
  const at = (ext: string) => `${fileName} → ${layer.name}.${ext}`;
  const dbf = layer.parts.dbf ? await readZipEntry(data, layer.parts.dbf, fileName) : undefined;
  const text = async (entry: ZipEntry | undefined) => (entry ? new TextDecoder().decode(await readZipEntry(data, entry, fileName)) : undefined);
  const [prj, cpg] = await Promise.all([text(layer.parts.prj), text(layer.parts.cpg)]);
  if (options.encoding !== undefined && !isEncoding(options.encoding)) throw new InputError({ file: fileName }, `unknown text encoding "${options.encoding}"`);
  const { parseShp, parseDbf, combine } = await import('shpjs');
  let records: Record<string, unknown>[] | undefined;
  let encoding: DbfEncoding | undefined;
  if (dbf) {
    const dbfRecords = checkDbf(dbf, at('dbf'));
    if (dbfRecords !== chosen.records) {
      throw new InputError({ file: fileName }, `the .shp of layer "${layer.name}" has ${chosen.records.toLocaleString('en')} shapes but its .dbf ${dbfRecords.toLocaleString('en')} records: one of them is cut short or from another layer`);
    }
    encoding = dbfEncoding(dbf, cpg, options.encoding);
    if (encoding.source === 'code page byte' || encoding.source === 'guessed') {
      notes.push(`names in ${layer.name}.dbf read as ${encoding.encoding} (${encoding.source === 'guessed' ? 'guessed: the zip has no .cpg and the .dbf names no code page' : 'from the code page byte of the .dbf; the zip has no .cpg'})`);
    }
    try {
      records = parseDbf(dbf, encoding.encoding);
    } catch (e) {
      throw new InputError({ file: at('dbf') }, `the .dbf cannot be read (${(e as Error).message})`);
    }
  } else notes.push(`layer "${layer.name}" has no .dbf: the shapes have no properties`);
  let geometries;
  try {
    geometries = parseShp(shp, prj);
  } catch (e) {
    throw new InputError({ file: at('shp') }, `the .shp cannot be read (${(e as Error).message})`);
  }
  if (geometries.length !== chosen.records) throw new InputError({ file: at('shp') }, `${geometries.length} of ${chosen.records} shapes could be read: the .shp is damaged`);
  const boundaries = readBoundaries(combine([geometries, records]), fileName, options);
  const reading: ShapefileReading = { layers: summaries.map((s) => ({ name: s.layer.name, features: s.records, shapes: shapes(s) })), layer: layer.name, ...(encoding ? { encoding } : {}) };
  return { ...boundaries, format: 'shapefile', notes: [...notes, ...boundaries.notes], shapefile: reading };
}

/** Layers by the .shp's path without extension; other parts matched case-insensitively. macOS resource forks are skipped. */
function shapefileLayers(entries: ZipEntry[]): Layer[] {
  const layers = new Map<string, Layer>();
  for (const entry of entries) {
    if (entry.name.includes('__MACOSX/') || /(^|\/)\._/.test(entry.name)) continue;
    const match = /^(.*)\.(shp|dbf|prj|cpg)$/i.exec(entry.name);
    if (!match) continue;
    const key = match[1].toLowerCase();
    const ext = match[2].toLowerCase() as 'shp' | 'dbf' | 'prj' | 'cpg';
    const layer = layers.get(key) ?? { name: match[1], parts: {} };
    if (ext === 'shp') layer.name = match[1];
    layer.parts[ext] = entry;
    layers.set(key, layer);
  }
  return [...layers.values()].filter((l) => l.parts.shp !== undefined);
}

/** The .shp unpacked and walked record by record: its shape type and record count, or where it is cut short. */
async function layerSummary(data: Uint8Array, layer: Layer, fileName: string): Promise<{ shp: Uint8Array; shapeType: number; records: number }> {
  const file = `${fileName} → ${layer.name}.shp`;
  const shp = await readZipEntry(data, layer.parts.shp!, fileName);
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (shp.byteLength < 100 || view.getInt32(0) !== 9994) throw new InputError({ file }, 'not a shapefile (.shp) header');
  const declared = view.getInt32(24) * 2;
  if (declared > shp.byteLength) {
    throw new InputError({ file }, `the .shp is cut short: its header says ${declared.toLocaleString('en')} bytes, the file has ${shp.byteLength.toLocaleString('en')}`);
  }
  const shapeType = view.getInt32(32, true);
  let records = 0;
  let offset = 100;
  while (offset + 8 <= declared) {
    const length = view.getInt32(offset + 4) * 2;
    if (length < 4 || offset + 8 + length > declared) {
      throw new InputError({ file }, `shape ${records + 1} (at byte ${offset.toLocaleString('en')}) runs past the end of the .shp: the file is damaged or cut short`);
    }
    records++;
    if (POLYGON_TYPES.has(view.getInt32(offset + 8, true))) checkRings(view, offset + 8, length, records, file);
    offset += 8 + length;
  }
  // shpjs reads to the end of the buffer; what lies past the declared length is not a shape.
  return { shp: shp.subarray(0, declared), shapeType, records };
}

/**
 * A polygon record's part and point counts against its length, and its rings' nesting cost
 * against MAX_RING_PAIRS. Ring orientation (clockwise outer, counter-clockwise hole, as shpjs reads
 * it) is only computed for a record whose parts could exceed the limit, so common files pay nothing.
 */
function checkRings(view: DataView, content: number, length: number, record: number, file: string): void {
  const location = { file, feature: record - 1 };
  if (length < 44) throw new InputError(location, `shape ${record} is a polygon record of ${length} bytes, shorter than its 44-byte header`);
  const parts = view.getInt32(content + 36, true);
  const points = view.getInt32(content + 40, true);
  if (parts < 0 || points < 0 || 44 + 4 * parts + 16 * points > length) {
    throw new InputError(location, `shape ${record} declares ${parts.toLocaleString('en')} parts and ${points.toLocaleString('en')} points, more than its ${length.toLocaleString('en')} bytes hold`);
  }
  if ((parts / 2) * (parts / 2) <= MAX_RING_PAIRS) return;
  const at = content + 44 + 4 * parts;
  let outers = 0;
  for (let p = 0; p < parts; p++) {
    const start = view.getInt32(content + 44 + 4 * p, true);
    const end = p + 1 < parts ? view.getInt32(content + 48 + 4 * p, true) : points;
    let sum = 0;
    for (let i = Math.max(start, 0) + 1; i < Math.min(end, points); i++) {
      const x0 = view.getFloat64(at + 16 * (i - 1), true);
      const y0 = view.getFloat64(at + 16 * (i - 1) + 8, true);
      sum += (view.getFloat64(at + 16 * i, true) - x0) * (view.getFloat64(at + 16 * i + 8, true) + y0);
    }
    if (sum > 0) outers++;
  }
  const holes = parts - outers;
  if (outers * holes > MAX_RING_PAIRS) {
    const n = (x: number) => x.toLocaleString('en');
    throw new InputError(
      location,
      `shape ${record} has ${n(parts)} parts (${n(outers)} outer rings, ${n(holes)} holes): matching holes to outer rings would test ${n(outers * holes)} pairs, more than the ${n(MAX_RING_PAIRS)} this reader takes; split the shape into several records (e.g. ogr2ogr -explodecollections) or simplify it`,
    );
  }
}

/** The record count of a .dbf, checked against its length. */
function checkDbf(dbf: Uint8Array, file: string): number {
  if (dbf.byteLength < 33) throw new InputError({ file }, 'not a dBASE (.dbf) header');
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const records = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || recordLength < 1 || headerLength > dbf.byteLength) throw new InputError({ file }, 'not a dBASE (.dbf) header');
  const held = Math.floor((dbf.byteLength - headerLength) / recordLength);
  if (held < records) {
    throw new InputError({ file }, `the .dbf is cut short: its header says ${records.toLocaleString('en')} records, the file holds ${held.toLocaleString('en')}`);
  }
  return records;
}

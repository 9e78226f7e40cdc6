import type { NamedCollection } from 'shpjs';
import { type Boundaries, type BoundaryOptions, readBoundaries } from './boundaries';
import { InputError } from './errors';

/**
 * Boundaries from a zipped ESRI Shapefile (.shp + .dbf, with .prj and .cpg when present), read by
 * shpjs: it unzips with the platform's DecompressionStream (browser, worker and Node alike, no
 * network), decodes the .dbf in the .cpg's encoding and reprojects to longitude/latitude with
 * proj4 when a .prj is given. The library is loaded only when a zip is opened, so it stays out of
 * the main bundle. A zip with several layers takes `layer`, else the one with the most polygons.
 */
export async function readZippedShapefile(
  bytes: ArrayBuffer | Uint8Array,
  fileName: string,
  options: BoundaryOptions & { layer?: string } = {},
): Promise<Boundaries> {
  const { parseZip } = await import('shpjs');
  let parsed: NamedCollection | NamedCollection[];
  try {
    parsed = await parseZip(bytes);
  } catch (e) {
    const message = (e as Error).message ?? String(e);
    const problem = /no layers/i.test(message)
      ? 'the zip holds no .shp file'
      : /^but-unzip~/.test(message)
        ? 'not a readable zip archive'
        : `cannot read the zipped shapefile: ${message}`;
    throw new InputError({ file: fileName }, problem);
  }
  const layers = Array.isArray(parsed) ? parsed : [parsed];
  const notes: string[] = [];
  let layer: NamedCollection;
  if (options.layer !== undefined) {
    const found = layers.find((l) => l.fileName === options.layer);
    if (!found) throw new InputError({ file: fileName }, `no layer "${options.layer}" in the zip (layers: ${layers.map((l) => l.fileName).join(', ')})`);
    layer = found;
  } else {
    const polygons = (l: NamedCollection) => l.features.filter((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon').length;
    layer = layers.reduce((best, l) => (polygons(l) > polygons(best) ? l : best));
    if (layers.length > 1) notes.push(`layer "${layer.fileName}" used (the one with the most polygons; also present: ${layers.filter((l) => l !== layer).map((l) => l.fileName).join(', ')})`);
  }
  const { fileName: _layerName, ...collection } = layer;
  const boundaries = readBoundaries(collection, fileName, options);
  return { ...boundaries, format: 'shapefile', notes: [...notes, ...boundaries.notes] };
}

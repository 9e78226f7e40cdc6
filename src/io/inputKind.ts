import { InputError } from './errors';
import { isEurostatTsv } from './eurostatTsv';

export type InputKind = 'geojson' | 'topojson' | 'shapefile-zip' | 'eurostat-tsv' | 'nested-json' | 'delimited';

/**
 * What reader a dropped or picked file needs, judged from its first bytes (the name only breaks
 * ties), so a file with a wrong or missing extension still goes to the right reader, and a file
 * no reader takes is refused with a reason instead of being misread.
 */
export function detectInputKind(fileName: string, head: Uint8Array | string): InputKind {
  const lower = fileName.toLowerCase();
  if (/\.(shp|dbf|shx)$/.test(lower)) {
    throw new InputError({ file: fileName }, 'a shapefile is several files (.shp, .dbf, .prj …); put them in one .zip and open that');
  }
  // Checked before the zip signature: .xlsx and .ods are zips too.
  if (/\.(xlsx?|ods)$/.test(lower)) throw new InputError({ file: fileName }, 'spreadsheets cannot be read directly; save the sheet as CSV');
  if (typeof head !== 'string') {
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'shapefile-zip';
    head = new TextDecoder().decode(head.subarray(0, 65536));
  }
  const text = head.replace(/^\ufeff/, '').trimStart().slice(0, 65536);
  if (text.startsWith('{') || text.startsWith('[')) {
    if (/"type"\s*:\s*"Topology"/.test(text)) return 'topojson';
    if (/"type"\s*:\s*"(FeatureCollection|Feature)"/.test(text)) return 'geojson';
    return 'nested-json';
  }
  if (isEurostatTsv(text)) return 'eurostat-tsv';
  return 'delimited';
}

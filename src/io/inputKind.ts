import { InputError } from './errors';
import { isEurostatTsv } from './eurostatTsv';
import { isSdmxCsv } from './sdmxCsv';
import { isJsonStat } from './jsonStat';
import { binaryFormat } from './textDecoding';
import { isWorkbookZip } from './xlsxWorkbook';

export type InputKind = 'geojson' | 'topojson' | 'shapefile-zip' | 'xlsx' | 'eurostat-tsv' | 'sdmx-csv' | 'json-stat' | 'nested-json' | 'delimited';

/** Kinds read from text (decoded first, see textDecoding.ts); the others are read from bytes. */
export const TEXT_KINDS: readonly InputKind[] = ['geojson', 'topojson', 'eurostat-tsv', 'sdmx-csv', 'json-stat', 'nested-json', 'delimited'];

/**
 * What reader a dropped or picked file needs, judged from its first bytes (the name only breaks
 * ties), so a file with a wrong or missing extension still goes to the right reader, and a file
 * no reader takes (an image, an archive, an old .xls) is refused with a reason instead of being
 * misread. Text is judged after decoding: pass the decoded start of a text file to tell its kind.
 */
export function detectInputKind(fileName: string, head: Uint8Array | string): InputKind {
  const lower = fileName.toLowerCase();
  if (/\.(shp|dbf|shx)$/.test(lower)) {
    throw new InputError({ file: fileName }, 'a shapefile is several files (.shp, .dbf, .prj …); put them in one .zip and open that');
  }
  if (typeof head !== 'string') {
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
      if (isWorkbookZip(head) || /\.xls[xm]$/.test(lower)) return 'xlsx';
      if (/\.ods$/.test(lower)) throw new InputError({ file: fileName }, 'OpenDocument spreadsheets (.ods) are not read; save the sheet as .xlsx or CSV');
      return 'shapefile-zip';
    }
    const binary = binaryFormat(head);
    if (binary) throw new InputError({ file: fileName }, `this is ${binary}, not a table or boundary file`);
    head = sniffText(head.subarray(0, 65536));
  }
  const text = head.replace(/^\ufeff/, '').trimStart().slice(0, 65536);
  if (text.startsWith('{') || text.startsWith('[')) {
    if (/"type"\s*:\s*"Topology"/.test(text)) return 'topojson';
    if (/"type"\s*:\s*"(FeatureCollection|Feature)"/.test(text)) return 'geojson';
    if (isJsonStat(text)) return 'json-stat';
    return 'nested-json';
  }
  if (isEurostatTsv(text)) return 'eurostat-tsv';
  if (isSdmxCsv(text)) return 'sdmx-csv';
  return 'delimited';
}

/** The start of a text file, decoded leniently only to see what it is (UTF-16 by its BOM or NUL pattern). */
function sniffText(head: Uint8Array): string {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head);
  let odd = 0;
  let even = 0;
  for (let i = 0; i + 1 < Math.min(head.length, 4096); i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  if (odd > 4 * even + 8) return new TextDecoder('utf-16le').decode(head);
  if (even > 4 * odd + 8) return new TextDecoder('utf-16be').decode(head);
  return new TextDecoder().decode(head);
}

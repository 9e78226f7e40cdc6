import { unzipSync } from 'fflate';
import { InputError } from './errors';
import { MAX_UNZIPPED_BYTES } from './zipArchive';
import type { Grid } from './gridTable';

/**
 * An Excel workbook (.xlsx, Office Open XML) read without a spreadsheet library: the zip is
 * unpacked with fflate (small, maintained, runs in a worker and in Node) and the few XML parts a
 * table needs are read here: the sheet list, shared strings, each cell's text, merged ranges and
 * the cell indent (statistics offices indent sub-rows with it instead of spaces). Formulas are
 * not evaluated: the value Excel saved with them is used.
 */
export interface Workbook {
  fileName: string;
  sheets: string[];
  /** One sheet as a grid of cell texts; an indented cell starts with two spaces per level. */
  sheet(name: string): Grid;
}

/** Unpacked size above which a workbook is refused (a zip bomb, or far more than a page can hold): the one zip limit. */
export const MAX_UNPACKED_BYTES = MAX_UNZIPPED_BYTES;

export function isWorkbookZip(head: Uint8Array): boolean {
  if (!(head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)) return false;
  // Entry names are in the local headers near the start; an .xlsx has xl/… parts, a shapefile zip has none.
  const names = new TextDecoder('latin1').decode(head.subarray(0, 65536));
  return /xl\/(workbook|worksheets|_rels|styles|sharedStrings)/.test(names) || (names.includes('[Content_Types].xml') && !/\.(shp|dbf)/i.test(names));
}

export function readWorkbook(bytes: Uint8Array, fileName: string): Workbook {
  let files: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    files = unzipSync(bytes, {
      filter(entry) {
        unpacked += entry.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) throw new InputError({ file: fileName }, `the workbook unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB; save the sheet as CSV`);
        return entry.name.startsWith('xl/') && entry.name.endsWith('.xml') || entry.name.endsWith('.rels');
      },
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError({ file: fileName }, `not a readable Excel workbook (${(error as Error).message}); the file may be damaged or cut short`);
  }
  const text = (path: string) => (files[path] ? new TextDecoder().decode(files[path]) : undefined);
  const workbookXml = text('xl/workbook.xml');
  if (!workbookXml) throw new InputError({ file: fileName }, 'this zip is not an Excel workbook (no xl/workbook.xml); .ods and .xlsb are not read: save the sheet as .xlsx or CSV');
  const rels = new Map<string, string>();
  for (const [, attrs] of (text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const a = attributes(attrs);
    if (a.Id && a.Target) rels.set(a.Id, a.Target.replace(/^\/?xl\//, '').replace(/^\//, ''));
  }
  const sheets: { name: string; path: string }[] = [];
  for (const [, attrs] of workbookXml.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const a = attributes(attrs);
    const target = rels.get(a['r:id'] ?? '') ?? `worksheets/sheet${sheets.length + 1}.xml`;
    sheets.push({ name: a.name ?? `Sheet${sheets.length + 1}`, path: `xl/${target}` });
  }
  if (sheets.length === 0) throw new InputError({ file: fileName }, 'the workbook has no sheets');
  const shared = sharedStrings(text('xl/sharedStrings.xml') ?? '');
  const indents = cellIndents(text('xl/styles.xml') ?? '');
  return {
    fileName,
    sheets: sheets.map((s) => s.name),
    sheet(name) {
      const found = sheets.find((s) => s.name === name);
      if (!found) throw new InputError({ file: fileName }, `no sheet "${name}"; the sheets are ${sheets.map((s) => `"${s.name}"`).join(', ')}`);
      const xml = text(found.path);
      if (xml === undefined) throw new InputError({ file: fileName }, `sheet "${name}" is missing from the workbook (${found.path})`);
      return sheetGrid(xml, shared, indents, `${fileName} [${name}]`);
    },
  };
}

function attributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, key, value] of source.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) out[key] = unescapeXml(value);
  return out;
}

function unescapeXml(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
      if (e === 'lt') return '<';
      if (e === 'gt') return '>';
      if (e === 'amp') return '&';
      if (e === 'quot') return '"';
      if (e === 'apos') return "'";
      const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return String.fromCodePoint(code);
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The text of every <t> inside (rich text runs joined; phonetic runs left out). */
function runText(xml: string): string {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const [, t] of plain.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += unescapeXml(t);
  return out;
}

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => (m[1] === undefined ? '' : runText(m[1])));
}

function cellIndents(xml: string): number[] {
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b([^>]*?)(?:\/>|>([\s\S]*?)<\/xf>)/g)].map((m) => {
    const indent = /<alignment\b[^>]*\bindent="(\d+)"/.exec(m[2] ?? '')?.[1];
    return indent ? Number(indent) : 0;
  });
}

/** Column index (0-based) of a cell reference such as "AB12". */
function columnOf(ref: string): number {
  let c = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    c = c * 26 + (code - 64);
  }
  return c - 1;
}

function cellRef(ref: string): { row: number; col: number } | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  return m ? { row: Number(m[2]) - 1, col: columnOf(m[1]) } : undefined;
}

const MAX_CELLS = 50_000_000;

/** The value of attribute `name` in a tag's attribute text (` r="A1" t="s"`), or undefined. */
function attr(attrs: string, name: string): string | undefined {
  const at = attrs.indexOf(` ${name}="`);
  if (at < 0) return undefined;
  const from = at + name.length + 3;
  return attrs.slice(from, attrs.indexOf('"', from));
}

/**
 * The cells of a sheet's XML, read with indexOf rather than one regular expression per cell: a
 * sheet of a million cells is 50 MB of XML, and this is where its reading time goes.
 */
function sheetGrid(xml: string, shared: string[], indents: number[], where: string): Grid {
  const rows: string[][] = [];
  let cells = 0;
  let pos = xml.indexOf('<sheetData');
  const dataEnd = xml.indexOf('</sheetData>');
  let rowNumber = 0;
  while (pos >= 0) {
    const rowStart = xml.indexOf('<row', pos);
    if (rowStart < 0 || (dataEnd >= 0 && rowStart > dataEnd)) break;
    const rowTagEnd = xml.indexOf('>', rowStart);
    if (rowTagEnd < 0) break;
    const rowAttrs = xml.slice(rowStart + 4, rowTagEnd);
    rowNumber = Number(attr(rowAttrs, 'r') ?? rowNumber + 1);
    const row: string[] = (rows[rowNumber - 1] ??= []);
    if (xml.charCodeAt(rowTagEnd - 1) === 47) {
      pos = rowTagEnd + 1;
      continue;
    }
    const rowEnd = xml.indexOf('</row>', rowTagEnd);
    if (rowEnd < 0) break;
    let next = 0;
    let c = xml.indexOf('<c', rowTagEnd);
    while (c >= 0 && c < rowEnd) {
      const after = xml.charCodeAt(c + 2);
      if (after !== 32 && after !== 62 && after !== 47) {
        c = xml.indexOf('<c', c + 2);
        continue;
      }
      const tagEnd = xml.indexOf('>', c);
      const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
      const attrs = xml.slice(c + 2, selfClosing ? tagEnd - 1 : tagEnd);
      let body = '';
      let end = tagEnd + 1;
      if (!selfClosing) {
        const close = xml.indexOf('</c>', tagEnd);
        body = xml.slice(tagEnd + 1, close < 0 ? rowEnd : close);
        end = close < 0 ? rowEnd : close + 4;
      }
      if (++cells > MAX_CELLS) throw new InputError({ file: where }, `more than ${MAX_CELLS} cells; save the sheet as CSV`);
      const ref = attr(attrs, 'r');
      const col = ref ? columnOf(ref) : next;
      next = col + 1;
      const type = attr(attrs, 't');
      const vStart = body.indexOf('<v>');
      const v = vStart < 0 ? undefined : body.slice(vStart + 3, body.indexOf('</v>', vStart));
      let value: string;
      if (type === 's') value = v === undefined ? '' : (shared[Number(v)] ?? '');
      else if (type === 'inlineStr') value = runText(body);
      else if (type === 'b') value = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : '';
      else value = v === undefined ? '' : unescapeXml(v);
      const indent = indents[Number(attr(attrs, 's') ?? 0)] ?? 0;
      if (indent > 0 && value !== '') value = '  '.repeat(indent) + value;
      row[col] = value;
      c = xml.indexOf('<c', end);
    }
    pos = rowEnd + 6;
  }
  for (let r = 0; r < rows.length; r++) {
    const row = (rows[r] ??= []);
    for (let c = 0; c < row.length; c++) row[c] ??= '';
  }
  const merges = [...xml.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+):([A-Z]+\d+)"/g)].flatMap(([, from, to]) => {
    const a = cellRef(from);
    const b = cellRef(to);
    return a && b ? [{ top: a.row, left: a.col, bottom: b.row, right: b.col }] : [];
  });
  return { fileName: where, rows, lines: rows.map((_, i) => i + 1), merges };
}

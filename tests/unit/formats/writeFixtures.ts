import { zipSync, strToU8 } from 'fflate';

/**
 * Writers of the files planners get, made here from plain tables so each test knows exactly what
 * it reads: text in a legacy code page or UTF-16, and a small .xlsx with title rows, merged header
 * cells and indented rows (an Office Open XML package written by hand, as Excel lays it out).
 */

/** Bytes of `text` in a single-byte code page, by inverting the platform's decoder. */
export function encodeSingleByte(text: string, encoding: 'windows-1251' | 'koi8-r' | 'windows-1252'): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  return Uint8Array.from([...text].map((ch) => {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`${ch} is not in ${encoding}`);
    return b;
  }));
}

export function encodeUtf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const units: number[] = bom ? [0xfeff] : [];
  for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i));
  const out = new Uint8Array(units.length * 2);
  units.forEach((u, i) => {
    out[2 * i + (order === 'le' ? 0 : 1)] = u & 0xff;
    out[2 * i + (order === 'le' ? 1 : 0)] = u >> 8;
  });
  return out;
}

export interface SheetSpec {
  name: string;
  /** Cells by row; null leaves a cell out; a number is written as a number. */
  rows: (string | number | null)[][];
  /** Merged ranges such as "B1:C1". */
  merges?: string[];
  /** Indent level per row of the first column (Excel's "increase indent"), 0 for none. */
  indents?: number[];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const columnName = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : columnName(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));

export function xlsxBytes(sheets: SheetSpec[]): Uint8Array {
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const stringId = (s: string) => {
    if (!sharedIndex.has(s)) {
      sharedIndex.set(s, shared.length);
      shared.push(s);
    }
    return sharedIndex.get(s)!;
  };
  const maxIndent = Math.max(0, ...sheets.flatMap((s) => s.indents ?? []));
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((sheet, n) => {
    const rows = sheet.rows
      .map((row, r) => {
        const cells = row
          .map((v, c) => {
            if (v === null) return '';
            const ref = `${columnName(c)}${r + 1}`;
            const style = c === 0 && sheet.indents?.[r] ? ` s="${sheet.indents[r]}"` : '';
            if (typeof v === 'number') return `<c r="${ref}"${style}><v>${v}</v></c>`;
            // Alternate shared and inline strings: Excel writes the first, other tools the second.
            return r % 2 === 0 ? `<c r="${ref}"${style} t="s"><v>${stringId(v)}</v></c>` : `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${escape(v)}</t></is></c>`;
          })
          .join('');
        return `<row r="${r + 1}">${cells}</row>`;
      })
      .join('');
    const merges = sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
    files[`xl/worksheets/sheet${n + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${merges}</worksheet>`,
    );
  });
  files['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
  );
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
      .map((s, n) => `<sheet name="${escape(s.name)}" sheetId="${n + 1}" r:id="rId${n + 1}"/>`)
      .join('')}</sheets></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, n) => `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n + 1}.xml"/>`)
      .join('')}</Relationships>`,
  );
  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`).join('')}</sst>`,
  );
  const xfs = Array.from({ length: maxIndent + 1 }, (_, i) => (i === 0 ? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' : `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"><alignment indent="${i}"/></xf>`));
  files['xl/styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs></styleSheet>`);
  return zipSync(files);
}

export const fileOf = (bytes: Uint8Array | string, name: string) => new File([typeof bytes === 'string' ? new TextEncoder().encode(bytes) : new Uint8Array(bytes)], name, { lastModified: 1 });

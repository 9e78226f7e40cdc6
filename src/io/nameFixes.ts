import { csvText } from './csvText';
import { parseDelimited } from './delimited';
import { InputError } from './errors';
import { requireColumn } from './tableColumns';

/**
 * Manual join fixes as a file `data_name,region_id`: the app exports what the user picked for
 * unmatched names, and the CLI (`--names`) and the app read it back.
 */
export function parseNameFixes(text: string, fileName: string): Map<string, string> {
  const table = parseDelimited(text, fileName);
  const name = requireColumn(table, 'data_name');
  const region = requireColumn(table, 'region_id');
  const fixes = new Map<string, string>();
  const lineOf = new Map<string, number>();
  table.rows.forEach((row, i) => {
    const line = table.lines[i];
    const dataName = unescapeFormula(row[name].trim());
    const regionId = unescapeFormula(row[region].trim());
    if (dataName === '' || regionId === '') throw new InputError({ file: fileName, line }, `empty ${dataName === '' ? 'data_name' : 'region_id'}`);
    const first = lineOf.get(dataName);
    if (first !== undefined && fixes.get(dataName) !== regionId) {
      throw new InputError({ file: fileName, line }, `"${dataName}" is already mapped to "${fixes.get(dataName)}" on line ${first}`);
    }
    fixes.set(dataName, regionId);
    lineOf.set(dataName, line);
  });
  return fixes;
}

export function nameFixesCsv(fixes: ReadonlyMap<string, string>): string {
  return csvText(['data_name', 'region_id'], [...fixes]);
}

/** csvField guards formula-like text with an apostrophe; undo it on the way back in. */
function unescapeFormula(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

import { InputError } from './errors';

/**
 * A Eurostat bulk-download TSV: a first column holding a comma-joined key such as
 * `unit,nace_r2,age,geo\time` (or `freq,…,geo\TIME_PERIOD`), then one column per period.
 * Cells hold a number or `:` (not available), optionally followed by a space and flags
 * (`12.3 b`, `: u`, `4.0 bu`); flags are kept, never dropped.
 */
export interface EurostatTable {
  fileName: string;
  /** Key dimensions in key order, e.g. ['unit', 'nace_r2', 'age', 'geo']. */
  dimensions: string[];
  /** Name of the column dimension, e.g. 'time'. */
  timeDimension: string;
  /** Period labels in column order (Eurostat puts the newest first). */
  periods: string[];
  /** Per dimension, its codes in first-seen order. */
  codes: string[][];
  rows: EurostatRow[];
}

export interface EurostatRow {
  line: number;
  /** One code per dimension. */
  key: string[];
  /** One value per period; NaN for `:`. */
  values: Float64Array;
  /** One flag string per period ('' when none). */
  flags: string[];
  /** Line of each period's observation, where each has its own (SDMX-CSV). */
  cellLines?: Int32Array;
  /** JSON path of each period's value, for formats without lines (JSON-stat). */
  cellPaths?: string[];
}

const CELL = /^(:|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)(?:\s+([A-Za-z]*))?$/;

export function isEurostatTsv(text: string): boolean {
  const firstLine = text.slice(0, 2000).replace(/^\ufeff/, '').split(/\r?\n/, 1)[0];
  const key = firstLine.split('\t', 1)[0];
  return firstLine.includes('\t') && /^[^\t]*,[^\t]*\\[^\t,]+$/.test(key);
}

export function parseEurostatTsv(text: string, fileName: string, onProgress?: (fraction: number) => void): EurostatTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputError({ file: fileName }, 'the file is empty');
  const lines = text.split(/\r?\n/);
  const header = lines[0].split('\t');
  const [keyNames, timeDimension] = header[0].trim().split('\\');
  if (timeDimension === undefined || timeDimension === '') {
    throw new InputError({ file: fileName, line: 1 }, `the first header cell should look like "unit,nace_r2,geo\\time", found "${header[0]}"`);
  }
  const dimensions = keyNames.split(',').map((d) => d.trim());
  const periods = header.slice(1).map((p) => p.trim());
  if (periods.length === 0 || periods.some((p) => p === '')) throw new InputError({ file: fileName, line: 1 }, 'the header has no period columns or an empty one');
  const codeSets = dimensions.map(() => new Set<string>());
  const rows: EurostatRow[] = [];
  const step = Math.max(1, Math.floor(lines.length / 100));

  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    const raw = lines[i];
    if (raw.trim() === '') continue;
    const cells = raw.split('\t');
    if (cells.length !== periods.length + 1) {
      throw new InputError({ file: fileName, line }, `expected ${periods.length + 1} tab-separated fields as in the header, found ${cells.length}`);
    }
    const key = cells[0].split(',').map((c) => c.trim());
    if (key.length !== dimensions.length || key.some((c) => c === '')) {
      throw new InputError({ file: fileName, line }, `key "${cells[0]}" should have ${dimensions.length} non-empty parts (${dimensions.join(',')})`);
    }
    key.forEach((code, d) => codeSets[d].add(code));
    const values = new Float64Array(periods.length);
    const flags: string[] = new Array(periods.length);
    for (let p = 0; p < periods.length; p++) {
      const cell = cells[p + 1].trim();
      const match = CELL.exec(cell);
      if (!match) throw new InputError({ file: fileName, line, column: periods[p] }, `"${cell}" is neither a number nor ":", with optional flags`);
      values[p] = match[1] === ':' ? NaN : Number(match[1]);
      flags[p] = match[2] ?? '';
    }
    rows.push({ line, key, values, flags });
    if (onProgress && i % step === 0) onProgress(i / lines.length);
  }
  onProgress?.(1);
  if (rows.length === 0) throw new InputError({ file: fileName }, 'no data rows after the header');
  return { fileName, dimensions, timeDimension, periods, codes: codeSets.map((s) => [...s]), rows };
}

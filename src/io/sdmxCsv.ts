import { parseDelimited } from './delimited';
import { InputError } from './errors';
import type { EurostatRow, EurostatTable } from './eurostatTsv';

/**
 * SDMX-CSV, what Eurostat's data browser and API now give beside the legacy TSV: one row per
 * observation, `DATAFLOW,LAST UPDATE,freq,unit,nace_r2,age,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG`.
 * The dimension columns are those before TIME_PERIOD (minus the leading metadata); rows are
 * gathered per key into the same table as the TSV gives, so the Eurostat cube path (filters,
 * totals, flags) is one for every format. Every observation keeps its own line for errors.
 */
const METADATA = new Set(['dataflow', 'last update', 'structure', 'structure_id', 'structure_name', 'action']);

export function isSdmxCsv(text: string): boolean {
  const first = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0].toUpperCase();
  return /(^|[,;\t])"?(DATAFLOW|STRUCTURE)"?[,;\t]/.test(first) && first.includes('TIME_PERIOD') && first.includes('OBS_VALUE');
}

export function parseSdmxCsv(text: string, fileName: string, onProgress?: (fraction: number) => void): { table: EurostatTable; notes: string[] } {
  const csv = parseDelimited(text, fileName, { onProgress });
  const header = csv.header;
  const find = (name: string) => header.findIndex((h) => h.toUpperCase() === name);
  const time = find('TIME_PERIOD');
  const value = find('OBS_VALUE');
  const flag = find('OBS_FLAG') >= 0 ? find('OBS_FLAG') : find('OBS_STATUS');
  if (time < 0 || value < 0) throw new InputError({ file: fileName, line: 1 }, 'an SDMX-CSV file needs TIME_PERIOD and OBS_VALUE columns');
  const dimCols = header.map((_, i) => i).filter((i) => i < time && !METADATA.has(header[i].toLowerCase()));
  if (dimCols.length === 0) throw new InputError({ file: fileName, line: 1 }, 'no dimension columns before TIME_PERIOD');
  const dimensions = dimCols.map((i) => header[i]);
  const notes: string[] = [];
  const flow = find('DATAFLOW');
  if (flow >= 0 && csv.rows.length > 0) {
    const flows = new Set(csv.rows.map((r) => r[flow]));
    if (flows.size > 1) throw new InputError({ file: fileName, column: header[flow] }, `several dataflows in one file (${[...flows].join(', ')}); open one at a time`);
    notes.push(`SDMX-CSV, dataflow ${[...flows][0]}`);
  }
  const updated = find('LAST UPDATE');
  if (updated >= 0 && csv.rows.length > 0) notes.push(`last update ${csv.rows[0][updated]}`);

  const periodSet = new Set<string>();
  for (let r = 0; r < csv.rows.length; r++) {
    const p = csv.rows[r][time].trim();
    if (p === '') throw new InputError({ file: fileName, line: csv.lines[r], column: header[time] }, 'empty TIME_PERIOD');
    periodSet.add(p);
  }
  // Newest first, as in the TSV.
  const periods = [...periodSet].sort().reverse();
  const periodIndex = new Map(periods.map((p, i) => [p, i]));
  const codeSets = dimensions.map(() => new Set<string>());
  const byKey = new Map<string, EurostatRow & { cellLines: Int32Array }>();
  for (let r = 0; r < csv.rows.length; r++) {
    const row = csv.rows[r];
    const line = csv.lines[r];
    const key = dimCols.map((c) => row[c].trim());
    const empty = key.findIndex((k) => k === '');
    if (empty >= 0) throw new InputError({ file: fileName, line, column: dimensions[empty] }, 'empty dimension code');
    const id = key.join('\u0000');
    let entry = byKey.get(id);
    if (!entry) {
      key.forEach((k, d) => codeSets[d].add(k));
      entry = { line, key, values: new Float64Array(periods.length).fill(NaN), flags: new Array<string>(periods.length).fill(''), cellLines: new Int32Array(periods.length) };
      byKey.set(id, entry);
    }
    const p = periodIndex.get(row[time].trim())!;
    if (entry.cellLines[p] !== 0) {
      throw new InputError({ file: fileName, line }, `a second observation for ${key.join(',')} in ${periods[p]} (the first is on line ${entry.cellLines[p]})`);
    }
    entry.cellLines[p] = line;
    const cell = row[value].trim();
    if (cell !== '' && cell !== ':') {
      const n = Number(cell);
      if (!Number.isFinite(n) || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cell)) {
        throw new InputError({ file: fileName, line, column: header[value] }, `"${cell}" is not a number`);
      }
      entry.values[p] = n;
    }
    if (flag >= 0) entry.flags[p] = row[flag].trim();
  }
  onProgress?.(1);
  if (byKey.size === 0) throw new InputError({ file: fileName }, 'no observations after the header');
  return { table: { fileName, dimensions, timeDimension: header[time], periods, codes: codeSets.map((s) => [...s]), rows: [...byKey.values()] }, notes };
}

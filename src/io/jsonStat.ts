import { InputError } from './errors';
import type { EurostatRow, EurostatTable } from './eurostatTsv';

/**
 * JSON-stat 2.0, the answer of Eurostat's statistics API: one dataset with `id` (dimension names),
 * `size`, `dimension` (each with its category index), `value` (dense array or sparse object,
 * row-major over `id`) and `status` (flags). Read into the same table as the TSV and SDMX-CSV, so
 * filters, totals and flags behave alike; errors name the JSON path.
 */
export function isJsonStat(text: string): boolean {
  const head = text.slice(0, 65536);
  return /"class"\s*:\s*"(dataset|collection|bundle)"/.test(head) || (/"version"\s*:\s*"2\.0"/.test(head) && /"dimension"\s*:/.test(head));
}

type Json = Record<string, unknown>;
const MAX_CELLS = 50_000_000;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readJsonStat(value: unknown, fileName: string): { table: EurostatTable; notes: string[] } {
  const fail = (path: string, problem: string): never => {
    throw new InputError({ file: fileName, path }, problem);
  };
  if (!isObject(value)) return fail('(top)', 'a JSON-stat file is an object');
  if (value.class !== undefined && value.class !== 'dataset') fail('class', `a JSON-stat "${String(value.class)}" holds several datasets; download one dataset`);
  if (value.version !== undefined && value.version !== '2.0') fail('version', `JSON-stat version ${String(value.version)}: only 2.0 is read`);
  const ids = value.id;
  const size = value.size;
  if (!Array.isArray(ids) || !ids.every((d) => typeof d === 'string')) return fail('id', 'expected an array of dimension names');
  if (!Array.isArray(size) || size.length !== ids.length || !size.every((n) => Number.isInteger(n) && n > 0)) return fail('size', `expected ${ids.length} positive whole numbers, one per dimension in "id"`);
  const total = (size as number[]).reduce((a, b) => a * b, 1);
  if (total > MAX_CELLS) fail('size', `${total} cells: more than ${MAX_CELLS} is beyond what a page can hold; download a filtered dataset`);
  if (!isObject(value.dimension)) return fail('dimension', 'expected an object of dimensions');
  const dims = value.dimension;
  const codes = (ids as string[]).map((id, d) => {
    const dim = dims[id];
    const path = `dimension → ${id} → category`;
    if (!isObject(dim) || !isObject(dim.category)) return fail(path, 'missing');
    const { index, label } = dim.category as Json;
    let list: string[];
    if (Array.isArray(index)) list = index.map(String);
    else if (isObject(index)) {
      list = [];
      for (const [code, pos] of Object.entries(index)) {
        if (!Number.isInteger(pos) || (pos as number) < 0 || (pos as number) >= size[d]) fail(`${path} → index → ${code}`, `position ${String(pos)} outside 0…${size[d] - 1}`);
        if (list[pos as number] !== undefined) fail(`${path} → index → ${code}`, `position ${String(pos)} given twice`);
        list[pos as number] = code;
      }
    } else if (isObject(label)) list = Object.keys(label);
    else return fail(path, 'no index and no label');
    if (list.length !== size[d] || list.some((c) => c === undefined)) fail(`${path} → index`, `${list.filter((c) => c !== undefined).length} codes for size ${size[d]}`);
    return list;
  });
  const role = isObject(value.role) ? value.role : {};
  const timeRole = Array.isArray(role.time) ? (role.time[0] as string) : undefined;
  const time = (ids as string[]).findIndex((id) => id === timeRole || (timeRole === undefined && /^(time|time_period|year)$/i.test(id)));
  if (time < 0) fail('role → time', 'no time dimension (role.time, or a dimension named "time")');
  const values = value.value;
  const status = value.status;
  const valueAt = (i: number): number => {
    const v = Array.isArray(values) ? values[i] : isObject(values) ? values[String(i)] : undefined;
    if (v === null || v === undefined) return NaN;
    if (typeof v !== 'number' || !Number.isFinite(v)) return fail(`value[${i}]`, `${JSON.stringify(v)} is not a number`);
    return v;
  };
  const statusAt = (i: number): string => {
    if (typeof status === 'string') return status;
    const s = Array.isArray(status) ? status[i] : isObject(status) ? status[String(i)] : undefined;
    return typeof s === 'string' ? s : '';
  };
  if (Array.isArray(values)) {
    if (values.length !== total) fail('value', `${values.length} values for ${total} cells (the product of "size")`);
  } else if (!isObject(values)) fail('value', 'expected an array or an object of values');
  else for (const k of Object.keys(values)) if (!/^\d+$/.test(k) || Number(k) >= total) fail(`value → ${k}`, `not a cell index below ${total}`);

  const dimensions = (ids as string[]).filter((_, d) => d !== time);
  const periods = codes[time];
  // Strides of the row-major layout over "id".
  const stride = new Array<number>(ids.length);
  let s = 1;
  for (let d = ids.length - 1; d >= 0; d--) {
    stride[d] = s;
    s *= size[d];
  }
  const others = (ids as string[]).map((_, d) => d).filter((d) => d !== time);
  const rows: EurostatRow[] = [];
  const used = others.map(() => new Set<string>());
  const combos = total / size[time];
  const counter = new Array<number>(others.length).fill(0);
  for (let k = 0; k < combos; k++) {
    let base = 0;
    others.forEach((d, j) => (base += counter[j] * stride[d]));
    const rowValues = new Float64Array(periods.length);
    const flags = new Array<string>(periods.length);
    const cellPaths = new Array<string>(periods.length);
    let any = false;
    for (let p = 0; p < periods.length; p++) {
      const i = base + p * stride[time];
      rowValues[p] = valueAt(i);
      flags[p] = statusAt(i);
      cellPaths[p] = `value[${i}]`;
      if (!Number.isNaN(rowValues[p]) || flags[p] !== '') any = true;
    }
    // A key without a single value or flag is absent from the TSV and SDMX-CSV too.
    if (any) {
      const key = others.map((d, j) => codes[d][counter[j]]);
      key.forEach((c, j) => used[j].add(c));
      rows.push({ line: 1, key, values: rowValues, flags, cellPaths });
    }
    for (let j = others.length - 1; j >= 0; j--) {
      if (++counter[j] < size[others[j]]) break;
      counter[j] = 0;
    }
  }
  if (rows.length === 0) fail('value', 'no values');
  const notes = [`JSON-stat 2.0${typeof value.label === 'string' ? `: ${value.label}` : ''}`];
  if (typeof value.updated === 'string') notes.push(`updated ${value.updated}`);
  // Codes in the dimension's order, only those with data (as the TSV lists them).
  const table: EurostatTable = {
    fileName,
    dimensions,
    timeDimension: ids[time] as string,
    periods,
    codes: others.map((d, j) => codes[d].filter((c) => used[j].has(c))),
    rows,
  };
  return { table, notes };
}

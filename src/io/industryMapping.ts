import type { Category, EmploymentCube } from '../model/dataset';
import { parseDelimited } from './delimited';
import { InputError } from './errors';
import { findColumn, requireColumn } from './tableColumns';

/**
 * Industry → category by code prefix (NAICS, NACE, OKVED): a file `code_prefix,category[,name]`;
 * the longest matching prefix wins, so `3254,pharma` beats `325,chemicals` for 325412.
 */
export interface IndustryMapping {
  fileName: string;
  /** Categories in the order the file first names them. */
  categories: Category[];
  /** Normalised prefix → category id. */
  byPrefix: Map<string, string>;
  longest: number;
}

/**
 * Codes as the files write them, reduced to what prefixes compare: upper case, no spaces, and
 * without County Business Patterns' padding (`31----`, `3111//`), so `31----` is the code `31`
 * and the all-industries total `------` is the empty code.
 */
export function normaliseIndustryCode(code: string): string {
  return code.trim().toUpperCase().replace(/\s+/g, '').replace(/[-/*]+$/, '');
}

export function parseIndustryMapping(text: string, fileName: string): IndustryMapping {
  const table = parseDelimited(text, fileName);
  const prefix = findColumn(table.header, ['code_prefix', 'prefix', 'code']);
  if (prefix < 0) throw new InputError({ file: fileName }, `no code_prefix column in the header (${table.header.join(', ')})`);
  const category = requireColumn(table, table.header.find((h) => h.trim().toLowerCase() === 'category') ?? 'category');
  const name = findColumn(table.header, ['name', 'category_name', 'label']);
  const byPrefix = new Map<string, string>();
  const lineOf = new Map<string, number>();
  const categories = new Map<string, Category>();
  table.rows.forEach((row, i) => {
    const line = table.lines[i];
    const code = normaliseIndustryCode(row[prefix]);
    const id = row[category].trim();
    if (code === '') throw new InputError({ file: fileName, line, column: table.header[prefix] }, 'empty code prefix');
    if (id === '') throw new InputError({ file: fileName, line, column: table.header[category] }, 'empty category');
    const previous = byPrefix.get(code);
    if (previous !== undefined && previous !== id) {
      throw new InputError({ file: fileName, line }, `prefix ${code} already maps to "${previous}" on line ${lineOf.get(code)}`);
    }
    byPrefix.set(code, id);
    lineOf.set(code, line);
    if (!categories.has(id)) categories.set(id, { id, name: name >= 0 && row[name].trim() !== '' ? row[name].trim() : id });
  });
  if (byPrefix.size === 0) throw new InputError({ file: fileName }, 'the mapping has no rows');
  return { fileName, categories: [...categories.values()], byPrefix, longest: Math.max(...[...byPrefix.keys()].map((k) => k.length)) };
}

/** The category of an industry code by its longest mapped prefix, or undefined. */
export function categoryOfCode(mapping: IndustryMapping, code: string): string | undefined {
  const normalised = normaliseIndustryCode(code);
  for (let n = Math.min(normalised.length, mapping.longest); n > 0; n--) {
    const category = mapping.byPrefix.get(normalised.slice(0, n));
    if (category !== undefined) return category;
  }
  return undefined;
}

export interface IndustryReport {
  /** Industry code → category, for every code used. */
  mapped: { code: string; category: string }[];
  /** Codes no prefix covers, with how much employment they held (all years). */
  unmapped: { code: string; cells: number; employment: number }[];
  /** Codes left out because finer codes of the same data add up to them (or the all-industries total). */
  aggregates: { code: string; finer: number }[];
  /** Category cells summed from fine codes of which some were not reported (NaN). */
  partialCells: number;
  notes: string[];
}

/**
 * A cube of fine industry codes → a cube of mapped categories, summing the codes of each category.
 * A code that is the start of other codes present (`31` beside `311`, or a `------` total) is an
 * aggregate of them: adding it too would count the same jobs twice, so it is left out and listed.
 * A category cell is NaN only when none of its codes was reported; sums over partly reported codes
 * are counted in `partialCells`.
 */
export function aggregateIndustries(cube: EmploymentCube, mapping: IndustryMapping): { cube: EmploymentCube; report: IndustryReport } {
  const codes = cube.categories.map((c) => normaliseIndustryCode(c.id));
  const report: IndustryReport = { mapped: [], unmapped: [], aggregates: [], partialCells: 0, notes: [] };
  const outIndex = new Map(mapping.categories.map((c, i) => [c.id, i]));
  const target = new Int32Array(codes.length).fill(-1);
  const aggregate = new Uint8Array(codes.length);
  codes.forEach((code, k) => {
    const finer = codes.filter((other) => other.length > code.length && other.startsWith(code)).length;
    if (finer > 0) {
      aggregate[k] = 1;
      report.aggregates.push({ code: cube.categories[k].id, finer });
      return;
    }
    const category = categoryOfCode(mapping, code);
    if (category === undefined) return;
    target[k] = outIndex.get(category)!;
    report.mapped.push({ code: cube.categories[k].id, category });
  });

  const nR = cube.regions.length;
  const nIn = codes.length;
  const nOut = mapping.categories.length;
  const unmapped = new Map<number, { cells: number; employment: number }>();
  for (let k = 0; k < nIn; k++) if (target[k] < 0 && !aggregate[k]) unmapped.set(k, { cells: 0, employment: 0 });
  const sum = (values: Float64Array, rows: number, countUnmapped: boolean) => {
    const out = new Float64Array(rows * nOut).fill(NaN);
    const missingPart = new Uint8Array(rows * nOut);
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < nIn; k++) {
        const v = values[r * nIn + k];
        const c = target[k];
        if (c < 0) {
          const u = unmapped.get(k);
          if (countUnmapped && u && !Number.isNaN(v)) {
            u.cells++;
            u.employment += v;
          }
          continue;
        }
        const i = r * nOut + c;
        if (Number.isNaN(v)) missingPart[i] = 1;
        else out[i] = Number.isNaN(out[i]) ? v : out[i] + v;
      }
    }
    if (countUnmapped) for (let i = 0; i < out.length; i++) if (missingPart[i] && !Number.isNaN(out[i])) report.partialCells++;
    return out;
  };
  const result: EmploymentCube = {
    regions: cube.regions,
    categories: mapping.categories,
    years: cube.years,
    employment: cube.employment.map((e) => sum(e, nR, true)),
  };
  if (cube.establishments) result.establishments = cube.establishments.map((e) => sum(e, nR, false));
  if (cube.benchmark) {
    result.benchmarkId = cube.benchmarkId;
    result.benchmark = cube.benchmark.map((b) => sum(b, 1, false));
  }
  if (cube.regionTotals) result.regionTotals = cube.regionTotals;
  if (cube.flags?.some((f) => f.size > 0)) report.notes.push('flags of individual industry codes are not carried over to the summed categories');
  report.unmapped = [...unmapped].map(([k, u]) => ({ code: cube.categories[k].id, ...u }));
  return { cube: result, report };
}

import type { EmploymentCube } from '../model/dataset';
import { CubeBuilder, type CubeOptions, type TableReport } from './cubeBuilder';
import { InputError } from './errors';
import type { EurostatTable } from './eurostatTsv';
import { naceTitle } from './naceLabels';

export interface EurostatCubeOptions extends CubeOptions {
  /** Codes to keep per dimension (`age=Y_GE15` → { age: ['Y_GE15'] }). */
  filters?: Record<string, string[]>;
  /** Dimension of the regions (default `geo`). */
  region?: string;
  /** Dimension of the categories; detected when absent (e.g. `nace_r2`). */
  category?: string;
  /** Category codes that mean "all categories": they become the region's total, not a category. */
  regionTotalCodes?: string[];
  /** Codes taken, in this order, as the total of a dimension that has several values and no filter. */
  totalCodes?: string[];
}

export const DEFAULT_TOTAL_CODES = ['TOTAL', 'T', 'Y_GE15'];
export const CATEGORY_DIMENSION = /nace|naics|okved|isic|cpa|industry|activity|sector|cluster/i;

/**
 * Turns a multi-dimensional Eurostat table into region × category × year. Every dimension other
 * than region and category must come down to one code: by a filter, by having only one, or by
 * its total (`TOTAL`, `T`, `Y_GE15`), which the notes then mention so nobody is surprised that
 * "employment" means all ages. Rows outside the filters are counted per dimension.
 */
export function eurostatToCube(table: EurostatTable, options: EurostatCubeOptions = {}): { cube: EmploymentCube; report: TableReport; selection: Record<string, string[]> } {
  const file = table.fileName;
  const { dimensions, codes } = table;
  const dimIndex = (name: string, role: string) => {
    const i = dimensions.indexOf(name);
    if (i < 0) throw new InputError({ file }, `no ${role} dimension "${name}"; the dimensions are ${dimensions.join(', ')}`);
    return i;
  };
  const filters = options.filters ?? {};
  for (const [dim, wanted] of Object.entries(filters)) {
    const d = dimIndex(dim, 'filtered');
    const unknown = wanted.filter((c) => !codes[d].includes(c));
    if (unknown.length > 0) throw new InputError({ file }, `filter ${dim}=${unknown.join(',')}: no such code (codes: ${codes[d].join(', ')})`);
  }
  const region = dimIndex(options.region ?? 'geo', 'region');
  const category = options.category !== undefined ? dimIndex(options.category, 'category') : detectCategory(table, region, filters);
  const regionTotalCodes = new Set(options.regionTotalCodes ?? ['TOTAL']);
  const totalCodes = options.totalCodes ?? DEFAULT_TOTAL_CODES;

  const builder = new CubeBuilder(file, options);
  const { report } = builder;
  const selection: Record<string, string[]> = {};
  dimensions.forEach((dim, d) => {
    const filtered = filters[dim];
    if (d === region || d === category) {
      if (filtered) selection[dim] = filtered;
      return;
    }
    if (filtered) {
      if (filtered.length !== 1) throw new InputError({ file }, `filter ${dim} must pick one code, not ${filtered.join(',')}: values of different ${dim} cannot be added up as employment`);
      selection[dim] = filtered;
    } else if (codes[d].length === 1) {
      selection[dim] = codes[d];
      report.notes.push(`${dim} is ${codes[d][0]} throughout`);
    } else {
      const total = totalCodes.find((t) => codes[d].includes(t));
      if (total === undefined) throw new InputError({ file }, `dimension ${dim} has several codes (${codes[d].join(', ')}) and no total: choose one with a filter`);
      selection[dim] = [total];
      report.notes.push(`${dim} not filtered: its total ${total} is used (other codes: ${codes[d].filter((c) => c !== total).join(', ')})`);
    }
  });
  const years = table.periods.map((p) => {
    if (!/^\d{4}$/.test(p)) throw new InputError({ file, line: 1, column: p }, `period "${p}" is not a year; only annual tables can be mapped`);
    return Number(p);
  });

  const keep = dimensions.map((dim) => (selection[dim] ? new Set(selection[dim]) : undefined));
  const excluded = new Map<string, number>();
  let totalsUsed = 0;
  for (const row of table.rows) {
    report.rowsRead++;
    const failing = keep.findIndex((set, d) => set !== undefined && !set.has(row.key[d]));
    if (failing >= 0) {
      const reason = `${dimensions[failing]} is not ${selection[dimensions[failing]].join(' or ')}`;
      excluded.set(reason, (excluded.get(reason) ?? 0) + 1);
      continue;
    }
    const regionId = row.key[region];
    const categoryId = row.key[category];
    const isTotal = regionTotalCodes.has(categoryId);
    let used = false;
    for (let p = 0; p < years.length; p++) {
      const value = row.values[p];
      const line = row.cellLines?.[p] || row.line;
      if (Number.isNaN(value)) report.missingCells++;
      else if (value < 0) {
        const at = row.cellPaths ? { file, path: row.cellPaths[p] } : { file, line, column: row.cellLines ? undefined : table.periods[p] };
        throw new InputError(at, `negative value ${value}`);
      }
      if (isTotal) {
        builder.addRegionTotal(regionId, years[p], value, line);
        used = true;
      } else {
        used = builder.add(regionId, categoryId, years[p], value, NaN, line, row.flags[p] || undefined) || used;
      }
    }
    if (isTotal) totalsUsed++;
    if (used) report.rowsUsed++;
  }
  if (excluded.size > 0) report.excluded = [...excluded].map(([reason, rows]) => ({ reason, rows }));
  const cube = builder.build();
  if (totalsUsed > 0) {
    const codesText = `${dimensions[category]} ${[...regionTotalCodes].join('/')}`;
    // The indicators take a region's total as the sum of its categories (the share of a section in
    // the sections shown); the stated total is kept beside it and checked, not used as a denominator.
    report.notes.push(`${codesText} (${totalsUsed} rows) checked against the sum of the categories, not used: each region's total is the sum of its categories`);
    const short = totalsBelowParts(cube);
    if (short.length > 0) {
      const shown = short.slice(0, 10).map((s) => `${s.region} ${s.year} (${codesText.split(' ')[1]} ${s.total} < ${s.sum})`).join(', ');
      report.notes.push(`${codesText} is smaller than the sum of its categories beyond rounding in ${short.length} region-year(s): ${shown}${short.length > 10 ? ', …' : ''}`);
    }
  }
  // Codes without a name from a categories table get the classification's title where it is known.
  for (const c of cube.categories) if (c.name === c.id) c.name = naceTitle(dimensions[category], c.id) ?? c.name;
  return { cube, report, selection };
}

/** The dimension named like an industry classification, else the only other one with several codes. */
function detectCategory(table: EurostatTable, region: number, filters: Record<string, string[]>): number {
  const { dimensions, codes } = table;
  const several = dimensions
    .map((dim, d) => ({ dim, d, n: filters[dim]?.length ?? codes[d].length }))
    .filter(({ d, n }) => d !== region && n > 1);
  const named = several.find(({ dim }) => CATEGORY_DIMENSION.test(dim));
  if (named) return named.d;
  if (several.length === 1) return several[0].d;
  throw new InputError(
    { file: table.fileName },
    several.length === 0 ? 'no dimension besides the region has several codes to use as categories' : `which dimension holds the categories? Name one of ${several.map((s) => s.dim).join(', ')}`,
  );
}

/** `["age=Y_GE15", "nace_r2=A,F"]` (as given to the CLI's `--filter`) → { age: ['Y_GE15'], nace_r2: ['A', 'F'] }. */
export function parseFilters(specs: readonly string[]): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const spec of specs) {
    const match = /^\s*([^=\s]+)\s*=\s*(.+?)\s*$/.exec(spec);
    if (!match) throw new InputError({ file: '--filter' }, `"${spec}" should look like dimension=code[,code…]`);
    const values = match[2].split(',').map((v) => v.trim()).filter((v) => v !== '');
    filters[match[1]] = [...new Set([...(filters[match[1]] ?? []), ...values])];
  }
  return filters;
}

/**
 * Region-years whose stated total falls short of the sum of their categories by more than the
 * rounding of published figures could explain: half a unit of the first decimal per category added
 * (Eurostat publishes thousands to one decimal), plus 0.1 % of the total.
 */
export function totalsBelowParts(cube: EmploymentCube): { region: string; year: number; total: number; sum: number }[] {
  const out: { region: string; year: number; total: number; sum: number }[] = [];
  if (!cube.regionTotals) return out;
  const nC = cube.categories.length;
  cube.years.forEach((year, y) => {
    const totals = cube.regionTotals![y];
    const values = cube.employment[y];
    cube.regions.forEach((region, r) => {
      const total = totals[r];
      if (!Number.isFinite(total)) return;
      let sum = 0;
      let parts = 0;
      for (let c = 0; c < nC; c++) {
        const v = values[r * nC + c];
        if (Number.isFinite(v)) {
          sum += v;
          parts++;
        }
      }
      if (sum - total > 0.05 * parts + 0.001 * total) out.push({ region: region.id, year, total, sum: Math.round(sum * 1000) / 1000 });
    });
  });
  return out;
}
